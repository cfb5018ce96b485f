import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyImportExport } from '../src/components/hotkey-import-export';
import { storyText, type StoryText } from './support/story-text';

const HOUR = 60 * 60 * 1000;

/** An export that moves Undo to Ctrl+U and names one action the widget doesn't know. */
const EXPORT = JSON.stringify({
  hotkeys: [
    { section: 'annotation', element: 'annotation:undo', key: 'ctrl+u', active: true },
    { section: 'nowhere', element: 'nothing', key: 'ctrl+k', active: true },
  ],
  settings: {},
  version: '1.0',
});

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** Opens Import, pastes the export and waits for its preview; returns the dialog. */
async function pasteExport(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: t('hotkeys.editor.import') }));
  const dialog = await body(canvasElement).findByRole('dialog', { name: t('hotkeys.import.title') });
  const field = within(dialog).getByRole('textbox', { name: t('hotkeys.import.json') });
  await userEvent.click(field);
  await userEvent.paste(EXPORT);
  const preview = t('hotkeys.import.preview', {
    changed: t('hotkeys.import.changed', { count: 1 }),
    skipped: '',
    unknown: t('hotkeys.import.unknown', { count: 1 }),
  });
  await expect(await within(dialog).findByText(preview)).toBeVisible();
  return dialog;
}

const meta = {
  title: 'Hotkeys/HotkeyImportExport',
  component: HotkeyImportExport,
  parameters: {
    docs: {
      description: {
        component:
          'Export (a download in Label Studio’s format), Copy JSON and Import (paste or a file, every problem listed, a preview) of the user’s shortcuts, for hosts that keep their own editor. Apply saves through the adapter, or hands the overrides to onImport.',
      },
    },
  },
} satisfies Meta<typeof HotkeyImportExport>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready: Export, Copy JSON and Import. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: t('hotkeys.editor.export') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.copyJson') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.import') })).toBeVisible();
  },
};

/** The stored shortcuts are still loading. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: t('hotkeys.importExport.title') })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    await expect(canvas.getByText(t('hotkeys.importExport.loading'))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('hotkeys.editor.export') })).toBeNull();
  },
};

/** The adapter fails: an alert with Retry. */
export const AdapterFailing: Story = {
  parameters: { adapter: { fail: { getHotkeys: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** An import being saved: Apply is busy and the status says so. */
export const Saving: Story = {
  parameters: { adapter: { latencyMs: { saveHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await pasteExport(canvasElement, text);
    await userEvent.click(within(dialog).getByRole('button', { name: t('hotkeys.import.apply') }));
    await expect(within(dialog).getByRole('button', { name: t('hotkeys.import.apply') })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    // The page behind the modal dialog is hidden from assistive technology while it is open.
    const widget = canvasElement.querySelector<HTMLElement>('[data-slot="ras-hotkey-import-export"]');
    await expect(widget).toHaveAttribute('data-state', 'saving');
    await expect(within(widget as HTMLElement).getByRole('status', { hidden: true })).toHaveTextContent(
      t('hotkeys.importExport.saving'),
    );
  },
};

/** An import saved through the adapter. */
export const Saved: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await pasteExport(canvasElement, text);
    await userEvent.click(within(dialog).getByRole('button', { name: t('hotkeys.import.apply') }));
    await waitFor(() =>
      expect(within(canvasElement).getByRole('status')).toHaveTextContent(t('hotkeys.importExport.saved')),
    );
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

/** Saving the import fails: the dialog stays open with the alert. */
export const SaveFailing: Story = {
  parameters: { adapter: { fail: { saveHotkeys: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await pasteExport(canvasElement, text);
    await userEvent.click(within(dialog).getByRole('button', { name: t('hotkeys.import.apply') }));
    await expect(await within(dialog).findByRole('alert')).toBeVisible();
  },
};

/** No actions: nothing to export, and the buttons say why they can't be used. */
export const NothingToExport: Story = {
  args: { definitions: [] },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('hotkeys.importExport.empty'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.export') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** A host's own editor takes the import (`onImport`); nothing is saved. */
export const WithOnImport: Story = {
  args: { onImport: fn() },
  play: async ({ canvasElement, args, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await pasteExport(canvasElement, text);
    await userEvent.click(within(dialog).getByRole('button', { name: t('hotkeys.import.apply') }));
    await waitFor(() =>
      expect(args.onImport).toHaveBeenCalledWith(
        { 'annotation:annotation:undo': { key: 'ctrl+u', active: true } },
        expect.any(Array),
      ),
    );
    await expect(within(canvasElement).queryByRole('status')).toBeNull();
  },
};
