import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { HotkeyHelp } from '../src/components/hotkey-help';
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

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** The open dialog, once its list has loaded. */
async function loadedDialog(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLElement> {
  const dialog = await body(canvasElement).findByRole('dialog', { name: t('hotkeyHelp.title') });
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
      // Most stories open the modal dialog: on the Docs page each renders in its own frame, so that
      // no dialog covers the page or traps its focus.
      story: { inline: false, iframeHeight: 560 },
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
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await loadedDialog(canvasElement, text);
    const view = within(dialog);
    await expect(view.getAllByRole('heading', { level: 3 })).toHaveLength(9);
    await expect(view.getAllByRole('listitem')).toHaveLength(77);
    await expect(view.getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('Ctrl+Shift+Enter');
    await expect(view.getAllByRole('listitem', { name: 'Undo' })[0]).toHaveTextContent(t('hotkeyHelp.disabled'));
    await expect(view.getByRole('link', { name: t('hotkeyHelp.customize') })).toHaveAttribute('href', '#hotkeys');
    await expect(view.getByRole('button', { name: t('hotkeyHelp.print') })).toBeVisible();
  },
};

/** The overrides are still loading: a skeleton, marked busy. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getHotkeys: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await body(canvasElement).findByRole('dialog', { name: t('hotkeyHelp.title') });
    await expect(dialog.querySelector('[aria-busy="true"]')).toHaveTextContent(t('hotkeyHelp.loading'));
    await expect(within(dialog).queryAllByRole('listitem')).toHaveLength(0);
  },
};

/** The overrides failed to load: the defaults, with a notice and Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getHotkeys: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await loadedDialog(canvasElement, text);
    const alert = within(dialog).getByRole('alert');
    await expect(alert).toHaveTextContent(t('hotkeyHelp.loadFailed', { reason: t('error.network') }));
    await expect(within(alert).getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(within(dialog).getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('Ctrl+Enter');
  },
};

/** An app with no actions defined. */
export const Empty: Story = {
  args: { definitions: [] },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await body(canvasElement).findByRole('dialog', { name: t('hotkeyHelp.title') });
    await expect(await within(dialog).findByText(t('hotkeyHelp.empty'))).toBeVisible();
  },
};

/** A search that matches nothing says so, and announces "0 shortcuts". */
export const NoMatch: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await loadedDialog(canvasElement, text);
    await userEvent.type(within(dialog).getByRole('searchbox', { name: t('hotkeyHelp.search') }), 'teleport');
    await expect(await within(dialog).findByText(t('hotkeyHelp.noMatches', { query: 'teleport' }))).toBeVisible();
    await expect(within(dialog).queryAllByRole('listitem')).toHaveLength(0);
    await expect(within(dialog).getByText(t('hotkeyHelp.count', { count: 0 }))).toBeInTheDocument();
  },
};

/** On macOS, combos use Apple's symbols: Submit reads ⌃⇧↩ rather than Ctrl+Shift+Enter. */
export const Mac: Story = {
  args: { platform: 'mac' },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const dialog = await loadedDialog(canvasElement, text);
    const submit = within(dialog).getByRole('listitem', { name: 'Submit Annotation' });
    await expect(submit).not.toHaveTextContent('Ctrl');
    await expect(submit).toHaveTextContent('⌃⇧');
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const dialog = await loadedDialog(canvasElement, text);
    await expect(dialog.closest('[data-ras-theme="dark"]')).not.toBeNull();
  },
};

/** Closed: press ? on the page to open it, search, then Escape closes it and focus is back on the button. */
export const OpenWithQuestionMark: Story = {
  args: { defaultOpen: false },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const trigger = within(canvasElement).getByRole('button', { name: t('hotkeyHelp.open') });
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
    const page = canvasElement.ownerDocument;
    (page.activeElement as HTMLElement | null)?.blur();
    // What Shift+/ sends on a US layout (user-event's key map has no Slash key).
    page.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: '?', code: 'Slash', shiftKey: true, bubbles: true, cancelable: true }),
    );
    const dialog = await loadedDialog(canvasElement, text);
    const search = within(dialog).getByRole('searchbox', { name: t('hotkeyHelp.search') });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.type(search, 'submit');
    await expect(within(dialog).getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    await expect(within(dialog).getAllByRole('listitem').length).toBeLessThan(77);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};
