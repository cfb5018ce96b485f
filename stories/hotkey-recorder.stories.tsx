import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryAdapter } from '../src/adapters/memory';
import { HotkeyRecorder } from '../src/components/hotkey-recorder';
import { AccountProvider } from '../src/provider/account-provider';
import { storyText, toolbarLocale } from './support/story-text';

/** The text of each `<kbd>` chip inside an element, in order. */
function chips(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('kbd'), (kbd) => kbd.textContent ?? '');
}

const meta = {
  title: 'Hotkeys/HotkeyRecorder',
  component: HotkeyRecorder,
  args: { actionLabel: 'Submit', defaultValue: 'ctrl+enter' },
  parameters: {
    docs: {
      description: {
        component:
          'One shortcut as `<kbd>` chips in a button: activate it and press the keys to record a new one (Esc cancels, Tab leaves), or use "Type shortcut" to type it (Esc itself, for instance). With `allowEmpty`, "Clear" removes it. Keys are named as the layout prints them (AZERTY\'s A key is A). Combos the operating system keeps are refused with the reason, shown as the platform shows combos.',
      },
    },
  },
} satisfies Meta<typeof HotkeyRecorder>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A shortcut is set: its keys show as chips, and the button is named after the action and the combo. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', {
      name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }),
    });
    await expect(button).toBeVisible();
    await expect(chips(button)).toEqual(['Ctrl', 'Enter']);
    await expect(canvas.getByRole('button', { name: t('hotkeys.recorder.type') })).toBeVisible();
  },
};

/** Activated, it waits for keys; Ctrl+Shift+K becomes the new shortcut and is announced. */
export const Recording: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    );
    const prompt = canvas.getByRole('button', { name: t('hotkeys.recorder.prompt') });
    await expect(prompt).toHaveTextContent(t('hotkeys.recorder.prompt'));
    await expect(prompt).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent(t('hotkeys.recorder.recording', { action: 'Submit' }));

    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    const button = await canvas.findByRole('button', {
      name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Shift+K' }),
    });
    await expect(chips(button)).toEqual(['Ctrl', 'Shift', 'K']);
    await expect(canvas.getByRole('status')).toHaveTextContent(
      t('hotkeys.recorder.recorded', { action: 'Submit', combo: 'Ctrl+Shift+K' }),
    );
  },
};

/** Tab leaves recording without a change, and focus moves on to the next control. */
export const TabLeaves: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    );
    const prompt = canvas.getByRole('button', { name: t('hotkeys.recorder.prompt') });
    await expect(prompt).toHaveAccessibleDescription(t('hotkeys.recorder.escapeHint'));
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: t('hotkeys.recorder.type') })).toHaveFocus();
    await expect(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    ).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(t('hotkeys.recorder.cancelled'));
  },
};

/** With `allowEmpty`, Backspace is recorded like any key, and "Clear" removes the shortcut, announced. */
export const Clearable: Story = {
  args: { allowEmpty: true },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    );
    await userEvent.keyboard('{Backspace}');
    const button = await canvas.findByRole('button', {
      name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Backspace' }),
    });
    await expect(chips(button)).toEqual(['Backspace']);

    await userEvent.click(canvas.getByRole('button', { name: t('hotkeys.recorder.clearLabel', { action: 'Submit' }) }));
    const cleared = await canvas.findByRole('button', { name: t('hotkeys.recorder.labelNone', { action: 'Submit' }) });
    await expect(cleared).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent(t('hotkeys.recorder.cleared', { action: 'Submit' }));
    await expect(
      canvas.queryByRole('button', { name: t('hotkeys.recorder.clearLabel', { action: 'Submit' }) }),
    ).toBeNull();
  },
};

/** No shortcut yet: "None". */
export const Empty: Story = {
  args: { defaultValue: '' },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: t('hotkeys.recorder.labelNone', { action: 'Submit' }) });
    await expect(button).toHaveTextContent(t('hotkeys.recorder.none'));
    await expect(chips(button)).toEqual([]);
  },
};

/** Alt+F4 belongs to the operating system: refused with the reason, and the old shortcut stays. */
export const Refused: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    );
    await expect(canvas.getByRole('button', { name: t('hotkeys.recorder.prompt') })).toHaveFocus();
    await userEvent.keyboard('{Alt>}{F4}{/Alt}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('hotkeys.problem.reserved_os', { combo: 'Alt+F4' }),
    );
    await expect(
      canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Ctrl+Enter' }) }),
    ).toBeVisible();
  },
};

/** "Type shortcut" takes any combo as text, for keys that recording can't capture. */
export const TypeShortcut: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('hotkeys.recorder.type') }));
    const field = canvas.getByRole('textbox', { name: t('hotkeys.recorder.typeLabel', { action: 'Submit' }) });
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveValue('ctrl+enter');
    await userEvent.clear(field);
    await userEvent.type(field, 'cmd+shift+p');
    await userEvent.click(canvas.getByRole('button', { name: t('hotkeys.recorder.apply') }));
    const button = await canvas.findByRole('button', {
      name: t('hotkeys.recorder.label', { action: 'Submit', combo: 'Shift+Meta+P' }),
    });
    await expect(chips(button)).toEqual(['Shift', 'Meta', 'P']);
    await expect(canvas.queryByRole('textbox')).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent(
      t('hotkeys.recorder.recorded', { action: 'Submit', combo: 'Shift+Meta+P' }),
    );
  },
};

/** On macOS combos are shown as Apple shows them: symbols in Apple's order. */
export const MacDisplay: Story = {
  args: { defaultValue: 'cmd+shift+z', actionLabel: 'Redo' },
  render: (args, { globals }) => (
    <AccountProvider platform="mac" adapter={createMemoryAdapter()} locale={toolbarLocale(globals)}>
      <HotkeyRecorder {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: t('hotkeys.recorder.label', { action: 'Redo', combo: '⇧⌘Z' }) });
    await expect(button).toBeVisible();
    await expect(chips(button)).toEqual(['⇧', '⌘', 'Z']);
  },
};
