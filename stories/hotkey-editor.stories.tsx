import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyEditor } from '../src/components/hotkey-editor';
import type { HotkeyDefinition, HotkeySection } from '../src/core/hotkeys';

const HOUR = 60 * 60 * 1000;
const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';
const SUBMIT_BUTTON = 'Shortcut for Submit Annotation: Ctrl+Enter';

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
async function rows(canvasElement: HTMLElement): Promise<HTMLElement[]> {
  const canvas = within(canvasElement);
  await canvas.findByRole('searchbox', { name: 'Search shortcuts' });
  return canvas.getAllByRole('listitem');
}

/** Opens Import and returns the dialog (it is portalled into the document's body). */
async function openImport(canvasElement: HTMLElement): Promise<HTMLElement> {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Import' }));
  return within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Import shortcuts' });
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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await rows(canvasElement)).toHaveLength(77);
    for (const title of ['Annotation Actions', 'Data Manager', 'Tools', 'Paragraph Navigation']) {
      await expect(canvas.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(9);
    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    await expect(submit).toHaveTextContent('Submit the current annotation');
    await expect(within(submit).getByRole('switch', { name: 'Enabled: Submit Annotation' })).toBeChecked();
    await expect(within(submit).getByRole('button', { name: SUBMIT_BUTTON })).toBeVisible();
    await expect(within(submit).queryByRole('button', { name: /^Reset / })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The saved shortcuts are still loading: a busy region. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Keyboard shortcuts' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText('Loading shortcuts…')).toBeVisible();
    await expect(canvas.queryByRole('listitem')).toBeNull();
  },
};

/** Loading failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getHotkeys: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.queryByRole('listitem')).toBeNull();
  },
};

/** Ctrl+Z recorded for Submit: Undo has it, so the row asks first, and Undo's row says so. */
export const Conflicts: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: SUBMIT_BUTTON }));
    await userEvent.keyboard('{Control>}z{/Control}');

    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    const question = await within(submit).findByRole('alert');
    await expect(question).toHaveTextContent('Ctrl+Z is already used by Undo (Annotation Actions). Use it here too?');
    await expect(within(question).getByRole('button', { name: 'Allow duplicate' })).toBeVisible();
    await expect(within(question).getByRole('button', { name: 'Cancel' })).toBeVisible();
    // Until the duplicate is allowed, the row keeps its old combo and nothing can be saved.
    await expect(within(submit).getByRole('button', { name: SUBMIT_BUTTON })).toBeVisible();

    const undo = canvas.getByRole('listitem', { name: 'Undo' });
    await expect(undo).toHaveTextContent('Also used by Submit Annotation (Annotation Actions).');
    await expect(canvas.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Ctrl+Z recorded for Submit: the status line says it waits for "Allow duplicate", and Save says why it waits too. */
export const WaitingForAllowDuplicate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: SUBMIT_BUTTON }));
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(
      await canvas.findByText('Ctrl+Z for Submit Annotation is waiting for “Allow duplicate”.'),
    ).toHaveAttribute('role', 'status');
    await expect(canvas.queryByText(/set to Ctrl\+Z/)).toBeNull();
    const save = canvas.getByRole('button', { name: 'Save' });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).toHaveAccessibleDescription(
      'Choose “Allow duplicate” or Cancel for Submit Annotation before saving.',
    );
  },
};

/** Nothing changed yet: Save stays focusable but unavailable, and the text beside it (its description) says why. */
export const SaveUnavailableWithReason: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    const save = canvas.getByRole('button', { name: 'Save' });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).not.toBeDisabled();
    await expect(canvas.getByText('Nothing to save yet: no shortcut has changed.')).toBeVisible();
    await expect(save).toHaveAccessibleDescription('Nothing to save yet: no shortcut has changed.');
    save.focus();
    await expect(save).toHaveFocus();
  },
};

/** A search that matches nothing: the list is empty and says so. */
export const SearchNoMatch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('searchbox', { name: 'Search shortcuts' }), 'teleport');
    await expect(await canvas.findByText('No shortcut matches “teleport”.')).toBeVisible();
    await waitFor(() => expect(canvas.queryAllByRole('listitem')).toHaveLength(0));
    await expect(canvas.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    await expect(canvas.getByText('0 shortcuts')).toBeInTheDocument();
  },
};

/** Stored overrides: the changed rows show them, with Reset to their defaults. */
export const SavedOverrides: Story = {
  parameters: withOverrides,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    const submit = canvas.getByRole('listitem', { name: 'Submit Annotation' });
    await expect(
      within(submit).getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Shift+Enter' }),
    ).toBeVisible();
    await expect(within(submit).getByRole('button', { name: 'Reset Submit Annotation to Ctrl+Enter' })).toBeVisible();

    const undo = canvas.getByRole('listitem', { name: 'Undo' });
    await expect(within(undo).getByRole('switch', { name: 'Enabled: Undo' })).not.toBeChecked();
    await expect(within(undo).getByRole('button', { name: 'Reset Undo to Ctrl+Z' })).toBeVisible();

    await expect(canvas.getAllByRole('button', { name: /^Reset .+ to / })).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Searching "zoom" leaves the six zoom shortcuts, in their two sections. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('searchbox', { name: 'Search shortcuts' }), 'zoom');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(6));
    for (const row of canvas.getAllByRole('listitem')) await expect(row).toHaveTextContent(/zoom/i);
    await expect(canvas.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Tools',
      'Audio Controls',
    ]);
    await expect(canvas.queryByRole('listitem', { name: 'Submit Annotation' })).toBeNull();
    await expect(canvas.getByText('6 shortcuts')).toBeInTheDocument();
  },
};

/** An import with several bad entries: every problem is listed, and Apply stays unavailable. */
export const ImportWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await openImport(canvasElement));
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
    const field = dialog.getByRole('textbox', { name: 'Hotkeys JSON' });
    await userEvent.click(field);
    await userEvent.paste(json);
    await expect(await dialog.findByText(/problems must be fixed/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Each message names its entry once; the key Label Studio could store but a binding can't hold is a note.
    await expect(dialog.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Entry 2: "active" must be true or false.',
      "Entry 2: Alt+F4 is kept by the operating system, so it can't be used as a shortcut.",
      'Entry 3 has no "element".',
      'Entry 1: the shortcut "ctrl+foo" for "Submit Annotation" is skipped. "foo" is not a key name.',
    ]);
    await expect(dialog.getByRole('button', { name: 'Apply' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A valid import: a preview of what changes and what is ignored, before Apply. */
export const ImportPreview: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await openImport(canvasElement));
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
    await userEvent.click(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }));
    await userEvent.paste(json);
    await expect(await dialog.findByText('Apply 1 change, 1 unknown action ignored')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Apply' })).toHaveAttribute('aria-disabled', 'false');
  },
};

/** Keys as Label Studio's recorder stores them: shifted symbols, keymaster's `command`, F13; one it can't hold is skipped with a note. */
export const ImportFromLabelStudio: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await openImport(canvasElement));
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
    await userEvent.click(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }));
    await userEvent.paste(json);
    await expect(await dialog.findByText('Apply 3 changes, 1 skipped')).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveTextContent(
      'Entry 4: the shortcut "ctrl+z, command+z" for "Skip Task / Reject (default)" is skipped. It lists 2 different shortcuts (Ctrl+Z and Meta+Z), and one is needed here.',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Shortcut for Undo: Shift+/' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Shortcut for Redo: F13' })).toBeVisible();
  },
};

/** Reset to defaults asks first, in a modal alert dialog. */
export const ResetToDefaults: Story = {
  parameters: withOverrides,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await rows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Reset to defaults' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog', {
      name: 'Reset all shortcuts to their defaults?',
    });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(
      'Every shortcut you changed goes back to its default, and this is saved at once.',
    );
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Reset to defaults' })).toBeVisible();
  },
};

/** The save fails: an alert with Retry, and the edit is still there. */
export const SaveFails: Story = {
  parameters: { adapter: { fail: { saveHotkeys: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: SUBMIT_BUTTON }));
    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    const edited = 'Shortcut for Submit Annotation: Ctrl+Shift+K';
    await expect(await canvas.findByRole('button', { name: edited })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The server had a problem');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: edited })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reset Submit Annotation to Ctrl+Enter' })).toBeVisible();
    await expect(canvas.queryByText('Shortcuts saved')).toBeNull();
  },
};

/** 500 actions in 10 sections: every row is there, and search narrows them. */
export const FiveHundredActions: Story = {
  args: { definitions: manyDefinitions, sections: manySections },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await rows(canvasElement)).toHaveLength(500);
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(10);
    const last = canvas.getByRole('listitem', { name: 'Action 499' });
    await expect(within(last).getByRole('button', { name: 'Shortcut for Action 499: Ctrl+Shift+Alt+F' })).toBeVisible();

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search shortcuts' }), 'Action 42');
    // "Action 42" and "Action 420" to "Action 429".
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(11));
    await expect(canvas.getByRole('listitem', { name: 'Action 42' })).toBeVisible();
    await expect(canvas.queryByRole('listitem', { name: 'Action 499' })).toBeNull();
    await expect(canvas.getByText('11 shortcuts')).toBeInTheDocument();
  },
};
