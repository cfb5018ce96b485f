import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyEditor } from '../src/components/hotkey-editor';
import { projectScopeArgTypes } from './support/arg-types';
import { storyText, type StoryText } from './support/story-text';

const HOUR = 60 * 60 * 1000;
const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';

/** The account map moves Submit to Ctrl+Shift+Enter; the project "Invoices" (id 101) moves Undo to Ctrl+Alt+U. */
const withMaps: AdapterParameters = {
  adapter: {
    seed: {
      hotkeys: { [SUBMIT]: { key: 'ctrl+shift+enter', active: true } },
      projectHotkeys: { '101': { [UNDO]: { key: 'ctrl+alt+u', active: true } } },
    },
  },
};

/** Waits for the editor's list and returns the "Hotkeys for" select. */
async function scopeSelect(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLSelectElement> {
  const canvas = within(canvasElement);
  await canvas.findByRole('searchbox', { name: t('hotkeys.editor.search') });
  return canvas.getByRole('combobox', { name: t('hotkeys.scope.label') });
}

const meta = {
  title: 'Hotkeys/HotkeyEditor/Scope',
  component: HotkeyEditor,
  args: { style: { maxWidth: 960 } },
  argTypes: projectScopeArgTypes,
  parameters: {
    docs: {
      description: {
        component:
          '"Hotkeys for" chooses between the account defaults (all projects) and one project\'s override, which is edited against the account map. It shows when the adapter has `listProjects`.',
      },
    },
  },
} satisfies Meta<typeof HotkeyEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Account scope: the account map, with every project to choose from. */
export const Account: Story = {
  parameters: withMaps,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement, text);
    await expect(select).toHaveValue('');
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Invoices' })).toBeInTheDocument());
    await expect(within(select).getByRole('option', { name: t('hotkeys.scope.account') })).toBeInTheDocument();
    await expect(
      canvas.getByRole('button', {
        name: t('hotkeys.editor.resetRow', { action: 'Submit Annotation', combo: 'Ctrl+Enter' }),
      }),
    ).toBeVisible();
    await expect(canvas.queryByText(t('hotkeys.scope.projectHint'))).toBeNull();
  },
};

/** Project scope, picked by the user: only what the project changes shows as changed. */
export const Project: Story = {
  parameters: withMaps,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement, text);
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Invoices' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'Invoices');
    await expect(
      await canvas.findByRole('heading', { name: t('hotkeys.scope.projectTitle', { title: 'Invoices' }) }),
    ).toBeVisible();
    await expect(canvas.getByText(t('hotkeys.scope.projectHint'))).toBeVisible();
    await expect(
      await canvas.findByRole('button', {
        name: t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Shift+Enter' }),
      }),
    ).toBeVisible();
    await expect(
      canvas.queryByRole('button', { name: text.pattern('hotkeys.editor.resetRow', { action: 'Submit Annotation' }) }),
    ).toBeNull();
    await expect(
      canvas.getByRole('button', { name: t('hotkeys.editor.resetRow', { action: 'Undo', combo: 'Ctrl+Z' }) }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('hotkeys.scope.reset') })).toBeVisible();
  },
};

/** Projects are still loading: the account defaults can be edited meanwhile. */
export const LoadingProjects: Story = {
  parameters: { adapter: { latencyMs: { listProjects: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement, text);
    await expect(canvas.getByText(t('hotkeys.scope.loading'))).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
  },
};

/** Projects could not be listed: said, with Retry; the account defaults stay editable. */
export const ProjectsFailing: Story = {
  parameters: { adapter: { fail: { listProjects: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement, text);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('hotkeys.scope.failed'));
    await expect(within(alert).getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
  },
};

/** The organization has no projects: the account defaults apply everywhere, and there is nothing to search. */
export const NoProjects: Story = {
  parameters: { adapter: { seed: { projects: [] } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement, text);
    await expect(await canvas.findByText(t('hotkeys.scope.none'))).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
    await expect(canvas.queryByRole('searchbox', { name: t('hotkeys.scope.search') })).toBeNull();
  },
};
