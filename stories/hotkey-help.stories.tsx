import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyHelp } from '../src/components/hotkey-help';

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

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The open dialog, once its list has loaded. */
async function loadedDialog(canvasElement: HTMLElement): Promise<HTMLElement> {
  const dialog = await body(canvasElement).findByRole('dialog', { name: 'Keyboard shortcuts' });
  await within(dialog).findByRole('heading', { level: 3, name: 'Annotation Actions' });
  return dialog;
}

const meta = {
  title: 'Hotkeys/HotkeyHelp',
  component: HotkeyHelp,
  args: { defaultOpen: true, customizeHref: '#hotkeys' },
  parameters: {
    ...withOverrides,
    docs: {
      description: {
        component:
          'A "Keyboard shortcuts" button and the dialog it opens (also on ?): the user’s effective shortcuts by section, with their combos as the platform shows them, "Disabled" and "Not set" badges, a search, Customize (a link or a callback) and Print.',
      },
    },
  },
} satisfies Meta<typeof HotkeyHelp>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Open: Label Studio's 77 shortcuts in 9 sections, with the user's two overrides applied. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const view = within(dialog);
    await expect(view.getAllByRole('heading', { level: 3 })).toHaveLength(9);
    await expect(view.getAllByRole('listitem')).toHaveLength(77);
    await expect(view.getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('Ctrl+Shift+Enter');
    await expect(view.getAllByRole('listitem', { name: 'Undo' })[0]).toHaveTextContent('Disabled');
    await expect(view.getByRole('link', { name: 'Customize' })).toHaveAttribute('href', '#hotkeys');
    await expect(view.getByRole('button', { name: 'Print' })).toBeVisible();
  },
};

/** The overrides are still loading: a skeleton, marked busy. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.querySelector('[aria-busy="true"]')).toHaveTextContent('Loading shortcuts…');
    await expect(within(dialog).queryAllByRole('listitem')).toHaveLength(0);
  },
};

/** The overrides failed to load: the defaults, with a notice and Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getHotkeys: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const alert = within(dialog).getByRole('alert');
    await expect(alert).toHaveTextContent("Your own shortcuts couldn't be loaded, so the defaults are shown.");
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(within(dialog).getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('Ctrl+Enter');
  },
};

/** An app with no actions defined. */
export const Empty: Story = {
  args: { definitions: [] },
  play: async ({ canvasElement }) => {
    const dialog = await body(canvasElement).findByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(await within(dialog).findByText('There are no keyboard shortcuts.')).toBeVisible();
  },
};

/** A search that matches nothing says so, and announces "0 shortcuts". */
export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await userEvent.type(within(dialog).getByRole('searchbox', { name: 'Search shortcuts' }), 'teleport');
    await expect(await within(dialog).findByText('No shortcut matches “teleport”.')).toBeVisible();
    await expect(within(dialog).queryAllByRole('listitem')).toHaveLength(0);
    await expect(within(dialog).getByText('0 shortcuts')).toBeInTheDocument();
  },
};

/** On macOS, combos use Apple's symbols: Submit reads ⌃⇧↩ rather than Ctrl+Shift+Enter. */
export const Mac: Story = {
  args: { platform: 'mac' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    const submit = within(dialog).getByRole('listitem', { name: 'Submit Annotation' });
    await expect(submit).not.toHaveTextContent('Ctrl');
    await expect(submit).toHaveTextContent('⌃⇧');
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const dialog = await loadedDialog(canvasElement);
    await expect(dialog.closest('[data-ras-theme="dark"]')).not.toBeNull();
  },
};

/** Closed: press ? on the page to open it, search, then Escape closes it and focus is back on the button. */
export const OpenWithQuestionMark: Story = {
  args: { defaultOpen: false },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Keyboard shortcuts' });
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    const page = canvasElement.ownerDocument;
    (page.activeElement as HTMLElement | null)?.blur();
    // What Shift+/ sends on a US layout (user-event's key map has no Slash key).
    page.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: '?', code: 'Slash', shiftKey: true, bubbles: true, cancelable: true }),
    );
    const dialog = await loadedDialog(canvasElement);
    const search = within(dialog).getByRole('searchbox', { name: 'Search shortcuts' });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.type(search, 'submit');
    await expect(within(dialog).getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    await expect(within(dialog).getAllByRole('listitem').length).toBeLessThan(77);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};
