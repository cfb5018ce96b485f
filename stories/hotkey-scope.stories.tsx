import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyEditor } from '../src/components/hotkey-editor';

const HOUR = 60 * 60 * 1000;
const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';
const HINT = 'Only shortcuts that differ from your account defaults apply while you work in this project.';

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
async function scopeSelect(canvasElement: HTMLElement): Promise<HTMLSelectElement> {
  const canvas = within(canvasElement);
  await canvas.findByRole('searchbox', { name: 'Search shortcuts' });
  return canvas.getByRole('combobox', { name: 'Hotkeys for' });
}

const meta = {
  title: 'Hotkeys/HotkeyEditor/Scope',
  component: HotkeyEditor,
  args: { style: { maxWidth: 960 } },
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement);
    await expect(select).toHaveValue('');
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Invoices' })).toBeInTheDocument());
    await expect(within(select).getByRole('option', { name: 'Account defaults (all projects)' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Reset Submit Annotation to Ctrl+Enter' })).toBeVisible();
    await expect(canvas.queryByText(HINT)).toBeNull();
  },
};

/** Project scope, picked by the user: only what the project changes shows as changed. */
export const Project: Story = {
  parameters: withMaps,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement);
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Invoices' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'Invoices');
    await expect(await canvas.findByRole('heading', { name: 'Project override for Invoices' })).toBeVisible();
    await expect(canvas.getByText(HINT)).toBeVisible();
    await expect(
      await canvas.findByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Shift+Enter' }),
    ).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /^Reset Submit Annotation/ })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Reset Undo to Ctrl+Z' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reset project override' })).toBeVisible();
  },
};

/** Projects are still loading: the account defaults can be edited meanwhile. */
export const LoadingProjects: Story = {
  parameters: { adapter: { latencyMs: { listProjects: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement);
    await expect(canvas.getByText('Loading projects…')).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
  },
};

/** Projects could not be listed: said, with Retry; the account defaults stay editable. */
export const ProjectsFailing: Story = {
  parameters: { adapter: { fail: { listProjects: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Projects could not be loaded, so only the account defaults can be edited.');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
  },
};

/** The organization has no projects: the account defaults apply everywhere, and there is nothing to search. */
export const NoProjects: Story = {
  parameters: { adapter: { seed: { projects: [] } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await scopeSelect(canvasElement);
    await expect(
      await canvas.findByText('There are no projects yet: the account defaults apply everywhere.'),
    ).toBeVisible();
    await expect(within(select).getAllByRole('option')).toHaveLength(1);
    await expect(canvas.queryByRole('searchbox', { name: 'Find a project' })).toBeNull();
  },
};
