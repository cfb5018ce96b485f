import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyEditor } from '../src/components/hotkey-editor';
import type { HotkeyDefinition, HotkeySection } from '../src/core/hotkeys';
import { projectScopeArgTypes } from './support/arg-types';
import { storyText, type StoryText } from './support/story-text';

const HOUR = 60 * 60 * 1000;
const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';

/** Two stored overrides: Submit moved to Ctrl+Shift+Enter, Undo turned off. */
const withOverrides: AdapterParameters = {
  adapter: {
    seed: {
      hotkeys: {
        [SUBMIT]: { key: 'ctrl+shift+enter', active: true },
        [UNDO]: { key: 'ctrl+z', active: false },
      },
    },
  },
};

/** Waits for the editor to load and returns the list's rows. */
async function rows(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLElement[]> {
  const canvas = within(canvasElement);
  await canvas.findByRole('searchbox', { name: t('hotkeys.editor.search') });
  return canvas.getAllByRole('listitem');
}

/** Opens Import and returns the dialog (it is portalled into the document's body). */
async function openImport(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLElement> {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: t('hotkeys.editor.import') }));
  return within(canvasElement.ownerDocument.body).findByRole('dialog', { name: t('hotkeys.import.title') });
}

/** The import dialog's preview line ("Apply 1 change, 1 unknown action ignored"). */
function importPreview({ t }: StoryText, changed: number, skipped: number, unknown: number): string {
  return t('hotkeys.import.preview', {
    changed: t('hotkeys.import.changed', { count: changed }),
    skipped: skipped > 0 ? t('hotkeys.import.skipped', { count: skipped }) : '',
    unknown: unknown > 0 ? t('hotkeys.import.unknown', { count: unknown }) : '',
  });
}

/** 500 actions in 10 sections of 50, each in its own scope so that no two conflict. */
const manyDefinitions: HotkeyDefinition[] = Array.from({ length: 500 }, (_, i) => ({
  id: String(i),
  section: `section-${Math.floor(i / 50)}`,
  element: `action-${i}`,
  label: `Action ${i}`,
  key: `ctrl+alt+shift+${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
  description: `Does thing ${i}`,
  scope: `scope-${i}`,
}));
const manySections: HotkeySection[] = Array.from({ length: 10 }, (_, n) => ({
  id: `section-${n}`,
  title: `Section ${n + 1}`,
  description: `Actions ${n * 50} to ${n * 50 + 49}`,
}));

const meta = {
  title: 'Hotkeys/HotkeyEditor',
  component: HotkeyEditor,
  args: { style: { maxWidth: 960 } },
  argTypes: projectScopeArgTypes,
  parameters: {
    docs: {
      description: {
        component:
          'The whole shortcut list, in sections: search, an Enabled switch, a recorder and Reset per row, conflicts shown on both rows ("Allow duplicate"), Save of the rows that differ from their defaults, Reset to defaults (asks first), Export / Copy JSON and Import in Label Studio\'s format.',
      },
    },
  },
} satisfies Meta<typeof HotkeyEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Label Studio's 77 default shortcuts in their 9 sections; Save waits for a change. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const submitButton = t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Enter' });
    const canvas = within(canvasElement);
    await expect(await rows(canvasElement, text)).toHaveLength(77);
    for (const title of ['Annotation Actions', 'Data Manager', 'Tools', 'Paragraph Navigation']) {
      await expect(canvas.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(9);
    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    await expect(submit).toHaveTextContent('Submit the current annotation');
    await expect(
      within(submit).getByRole('switch', { name: t('hotkeys.editor.enabled', { action: 'Submit Annotation' }) }),
    ).toBeChecked();
    await expect(within(submit).getByRole('button', { name: submitButton })).toBeVisible();
    await expect(within(submit).queryByRole('button', { name: text.pattern('hotkeys.editor.resetRow') })).toBeNull();
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.save') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** The saved shortcuts are still loading: a busy region. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: t('hotkeys.editor.title') })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText(t('hotkeys.editor.loading'))).toBeVisible();
    await expect(canvas.queryByRole('listitem')).toBeNull();
  },
};

/** Loading failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getHotkeys: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(canvas.queryByRole('listitem')).toBeNull();
  },
};

/** Ctrl+Z recorded for Submit: Undo has it, so the row asks first, and Undo's row says so. */
export const Conflicts: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const submitButton = t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Enter' });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: submitButton }));
    await userEvent.keyboard('{Control>}z{/Control}');

    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    const question = await within(submit).findByRole('alert');
    await expect(question).toHaveTextContent(
      t('hotkeys.editor.duplicate', {
        combo: 'Ctrl+Z',
        actions: t('hotkeys.editor.actionInSection', { action: 'Undo', section: 'Annotation Actions' }),
      }),
    );
    await expect(within(question).getByRole('button', { name: t('hotkeys.editor.allowDuplicate') })).toBeVisible();
    await expect(within(question).getByRole('button', { name: t('common.cancel') })).toBeVisible();
    // Until the duplicate is allowed, the row keeps its old combo and nothing can be saved.
    await expect(within(submit).getByRole('button', { name: submitButton })).toBeVisible();

    const undo = canvas.getByRole('listitem', { name: 'Undo' });
    await expect(undo).toHaveTextContent(
      t('hotkeys.editor.alsoUsedBy', {
        actions: t('hotkeys.editor.actionInSection', { action: 'Submit Annotation', section: 'Annotation Actions' }),
      }),
    );
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.save') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Ctrl+Z recorded for Submit: the status line says it waits for "Allow duplicate", and Save says why it waits too. */
export const WaitingForAllowDuplicate: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const submitButton = t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Enter' });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: submitButton }));
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(
      await canvas.findByText(t('hotkeys.editor.waiting', { combo: 'Ctrl+Z', action: 'Submit Annotation' })),
    ).toHaveAttribute('role', 'status');
    await expect(canvas.queryByText(text.pattern('hotkeys.recorder.recorded', { combo: 'Ctrl+Z' }))).toBeNull();
    const save = canvas.getByRole('button', { name: t('hotkeys.editor.save') });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).toHaveAccessibleDescription(
      t('hotkeys.editor.saveReason.pending', { action: 'Submit Annotation' }),
    );
  },
};

/** Nothing changed yet: Save stays focusable but unavailable, and the text beside it (its description) says why. */
export const SaveUnavailableWithReason: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await rows(canvasElement, text);
    const save = canvas.getByRole('button', { name: t('hotkeys.editor.save') });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).not.toBeDisabled();
    await expect(canvas.getByText(t('hotkeys.editor.saveReason.unchanged'))).toBeVisible();
    await expect(save).toHaveAccessibleDescription(t('hotkeys.editor.saveReason.unchanged'));
    save.focus();
    await expect(save).toHaveFocus();
  },
};

/** A search that matches nothing: the list is empty and says so. */
export const SearchNoMatch: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('searchbox', { name: t('hotkeys.editor.search') }), 'teleport');
    await expect(await canvas.findByText(t('hotkeys.editor.noMatches', { query: 'teleport' }))).toBeVisible();
    await waitFor(() => expect(canvas.queryAllByRole('listitem')).toHaveLength(0));
    await expect(canvas.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    await expect(canvas.getByText(t('hotkeys.editor.count', { count: 0 }))).toBeInTheDocument();
  },
};

/** Stored overrides: the changed rows show them, with Reset to their defaults. */
export const SavedOverrides: Story = {
  parameters: withOverrides,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await rows(canvasElement, text);
    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    await expect(
      within(submit).getByRole('button', {
        name: t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Shift+Enter' }),
      }),
    ).toBeVisible();
    await expect(
      within(submit).getByRole('button', {
        name: t('hotkeys.editor.resetRow', { action: 'Submit Annotation', combo: 'Ctrl+Enter' }),
      }),
    ).toBeVisible();

    const undo = canvas.getByRole('listitem', { name: 'Undo' });
    await expect(
      within(undo).getByRole('switch', { name: t('hotkeys.editor.enabled', { action: 'Undo' }) }),
    ).not.toBeChecked();
    await expect(
      within(undo).getByRole('button', { name: t('hotkeys.editor.resetRow', { action: 'Undo', combo: 'Ctrl+Z' }) }),
    ).toBeVisible();

    await expect(canvas.getAllByRole('button', { name: text.pattern('hotkeys.editor.resetRow') })).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: t('hotkeys.editor.save') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Searching "zoom" leaves the six zoom shortcuts, in their two sections. */
export const Search: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('searchbox', { name: t('hotkeys.editor.search') }), 'zoom');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(6));
    for (const row of canvas.getAllByRole('listitem')) await expect(row).toHaveTextContent(/zoom/i);
    await expect(canvas.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Tools',
      'Audio Controls',
    ]);
    await expect(canvas.queryByRole('listitem', { name: 'Submit Annotation' })).toBeNull();
    await expect(canvas.getByText(t('hotkeys.editor.count', { count: 6 }))).toBeInTheDocument();
  },
};

/** An import with several bad entries: every problem is listed, and Apply stays unavailable. */
export const ImportWithErrors: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = within(await openImport(canvasElement, text));
    const json = JSON.stringify({
      hotkeys: [
        {
          id: '100',
          section: 'annotation',
          element: 'annotation:submit',
          label: 'Submit',
          key: 'ctrl+foo',
          active: true,
        },
        { id: '300', section: 'annotation', element: 'annotation:undo', label: 'Undo', key: 'alt+f4', active: 'yes' },
        { id: '400', section: 'annotation', label: 'Redo', key: 'ctrl+y' },
      ],
    });
    const field = dialog.getByRole('textbox', { name: t('hotkeys.import.json') });
    await userEvent.click(field);
    await userEvent.paste(json);
    await expect(await dialog.findByText(text.pattern('hotkeys.import.problems', { count: 3 }))).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Each message names its entry once; the key Label Studio could store but a binding can't hold is a note.
    const message = text.hotkeyMessage;
    await expect(dialog.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      message({ code: 'import_active_invalid', values: { entry: 2 } }),
      message({ code: 'import_reserved_os', values: { entry: 2, combo: 'alt+f4' } }),
      message({ code: 'import_field_missing', values: { entry: 3, field: 'element' } }),
      message({
        code: 'import_key_skipped',
        values: {
          entry: 1,
          shortcut: 'ctrl+foo',
          action: 'Submit Annotation',
          reason: message({ code: 'combo_unknown_key', values: { key: 'foo' } }),
        },
      }),
    ]);
    await expect(dialog.getByRole('button', { name: t('hotkeys.import.apply') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** A valid import: a preview of what changes and what is ignored, before Apply. */
export const ImportPreview: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = within(await openImport(canvasElement, text));
    const json = JSON.stringify([
      {
        id: '100',
        section: 'annotation',
        element: 'annotation:submit',
        label: 'Submit',
        key: 'ctrl+shift+enter',
        active: true,
      },
      { id: '9', section: 'annotation', element: 'annotation:teleport', label: 'Teleport', key: 't', active: true },
    ]);
    await userEvent.click(dialog.getByRole('textbox', { name: t('hotkeys.import.json') }));
    await userEvent.paste(json);
    await expect(await dialog.findByText(importPreview(text, 1, 0, 1))).toBeVisible();
    await expect(dialog.getByRole('button', { name: t('hotkeys.import.apply') })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
  },
};

/** Keys as Label Studio's recorder stores them: shifted symbols, keymaster's `command`, F13; one it can't hold is skipped with a note. */
export const ImportFromLabelStudio: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = within(await openImport(canvasElement, text));
    const entry = (element: string, key: string) => ({ section: 'annotation', element, key, active: true });
    const json = JSON.stringify({
      hotkeys: [
        entry('annotation:submit', 'command+enter'),
        entry('annotation:undo', 'shift+?'),
        entry('annotation:redo', 'f13'),
        entry('annotation:skip', 'ctrl+z, command+z'),
      ],
      settings: {},
      exportedAt: '2026-12-01T12:00:00.000Z',
      version: '1.0',
    });
    await userEvent.click(dialog.getByRole('textbox', { name: t('hotkeys.import.json') }));
    await userEvent.paste(json);
    await expect(await dialog.findByText(importPreview(text, 3, 1, 0))).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveTextContent(
      text.hotkeyMessage({
        code: 'import_key_list_skipped',
        values: {
          entry: 4,
          shortcut: 'ctrl+z, command+z',
          action: 'Skip Task / Reject (default)',
          count: 2,
          combos: ['ctrl+z', 'meta+z'],
        },
      }),
    );
    await userEvent.click(dialog.getByRole('button', { name: t('hotkeys.import.apply') }));
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('button', { name: t('hotkeys.recorder.label', { action: 'Undo', combo: 'Shift+/' }) }),
    ).toBeVisible();
    await expect(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Redo', combo: 'F13' }) }),
    ).toBeVisible();
  },
};

/** Reset to defaults asks first, in a modal alert dialog. */
export const ResetToDefaults: Story = {
  parameters: withOverrides,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await rows(canvasElement, text);
    await userEvent.click(canvas.getByRole('button', { name: t('hotkeys.editor.resetAll') }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog', {
      name: t('hotkeys.editor.resetAllTitle'),
    });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(t('hotkeys.editor.resetAllDescription'));
    await expect(within(dialog).getByRole('button', { name: t('common.cancel') })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: t('hotkeys.editor.resetAll') })).toBeVisible();
  },
};

/** The save fails: an alert with Retry, and the edit is still there. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { saveHotkeys: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const submitButton = t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Enter' });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: submitButton }));
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    const edited = t('hotkeys.recorder.label', { action: 'Submit Annotation', combo: 'Ctrl+Shift+K' });
    await expect(await canvas.findByRole('button', { name: edited })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('hotkeys.editor.save') }));

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('error.server'));
    await expect(within(alert).getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: edited })).toBeVisible();
    await expect(
      canvas.getByRole('button', {
        name: t('hotkeys.editor.resetRow', { action: 'Submit Annotation', combo: 'Ctrl+Enter' }),
      }),
    ).toBeVisible();
    await expect(canvas.queryByText(t('hotkeys.editor.saved'))).toBeNull();
  },
};

/** 500 actions in 10 sections: every row is there, and search narrows them. */
export const FiveHundredActions: Story = {
  args: { definitions: manyDefinitions, sections: manySections },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await rows(canvasElement, text)).toHaveLength(500);
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(10);
    const last = canvas.getByRole('listitem', { name: 'Action 499' });
    await expect(
      within(last).getByRole('button', {
        name: t('hotkeys.recorder.label', { action: 'Action 499', combo: 'Ctrl+Shift+Alt+F' }),
      }),
    ).toBeVisible();

    await userEvent.type(canvas.getByRole('searchbox', { name: t('hotkeys.editor.search') }), 'Action 42');
    // "Action 42" and "Action 420" to "Action 429".
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(11));
    await expect(canvas.getByRole('listitem', { name: 'Action 42' })).toBeVisible();
    await expect(canvas.queryByRole('listitem', { name: 'Action 499' })).toBeNull();
    await expect(canvas.getByText(t('hotkeys.editor.count', { count: 11 }))).toBeInTheDocument();
  },
};
