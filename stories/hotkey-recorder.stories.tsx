import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryAdapter } from '../src/adapters/memory';
import { HotkeyRecorder } from '../src/components/hotkey-recorder';
import { AccountProvider } from '../src/provider/account-provider';

const PROMPT = 'Press a shortcut… (Esc to cancel)';

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
          'One shortcut as `<kbd>` chips in a button: activate it and press the keys to record a new one (Esc cancels), or use "Type shortcut" to type it. Combos the operating system keeps are refused with the reason.',
      },
    },
  },
} satisfies Meta<typeof HotkeyRecorder>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A shortcut is set: its keys show as chips, and the button is named after the action and the combo. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' });
    await expect(button).toBeVisible();
    await expect(chips(button)).toEqual(['Ctrl', 'Enter']);
    await expect(canvas.getByRole('button', { name: 'Type shortcut' })).toBeVisible();
  },
};

/** Activated, it waits for keys; Ctrl+Shift+K becomes the new shortcut and is announced. */
export const Recording: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' }));
    const prompt = canvas.getByRole('button', { name: PROMPT });
    await expect(prompt).toHaveTextContent(PROMPT);
    await expect(prompt).toHaveFocus();
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Recording a shortcut for Submit. Press the keys, or Escape to cancel.',
    );

    await userEvent.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    const button = await canvas.findByRole('button', { name: 'Shortcut for Submit: Ctrl+Shift+K' });
    await expect(chips(button)).toEqual(['Ctrl', 'Shift', 'K']);
    await expect(canvas.getByRole('status')).toHaveTextContent('Shortcut for Submit set to Ctrl+Shift+K.');
  },
};

/** No shortcut yet: "None". */
export const Empty: Story = {
  args: { defaultValue: '' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Shortcut for Submit: none' });
    await expect(button).toHaveTextContent('None');
    await expect(chips(button)).toEqual([]);
  },
};

/** Alt+F4 belongs to the operating system: refused with the reason, and the old shortcut stays. */
export const Refused: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' }));
    await expect(canvas.getByRole('button', { name: PROMPT })).toHaveFocus();
    await userEvent.keyboard('{Alt>}{F4}{/Alt}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "Alt+F4 is kept by the operating system, so it can't be used as a shortcut.",
    );
    await expect(canvas.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' })).toBeVisible();
  },
};

/** "Type shortcut" takes any combo as text, for keys that recording can't capture. */
export const TypeShortcut: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Type shortcut' }));
    const field = canvas.getByRole('textbox', { name: 'Shortcut for Submit, typed' });
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveValue('ctrl+enter');
    await userEvent.clear(field);
    await userEvent.type(field, 'cmd+shift+p');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    const button = await canvas.findByRole('button', { name: 'Shortcut for Submit: Shift+Meta+P' });
    await expect(chips(button)).toEqual(['Shift', 'Meta', 'P']);
    await expect(canvas.queryByRole('textbox')).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('Shortcut for Submit set to Shift+Meta+P.');
  },
};

/** On macOS combos are shown as Apple shows them: symbols in Apple's order. */
export const MacDisplay: Story = {
  args: { defaultValue: 'cmd+shift+z', actionLabel: 'Redo' },
  render: (args) => (
    <AccountProvider platform="mac" adapter={createMemoryAdapter()}>
      <HotkeyRecorder {...args} />
    </AccountProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Shortcut for Redo: ⇧⌘Z' });
    await expect(button).toBeVisible();
    await expect(chips(button)).toEqual(['⇧', '⌘', 'Z']);
  },
};
