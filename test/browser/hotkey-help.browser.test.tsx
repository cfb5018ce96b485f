import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { HotkeyHelp, type HotkeyHelpProps } from '../../src/components/hotkey-help';
import { AccountProvider } from '../../src/provider/account-provider';
import '../../src/styles.css';

const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';

/** A memory adapter where the user moved Submit to Ctrl+Shift+Enter and turned Undo off. */
function adapterWithOverrides(): AccountAdapter {
  return createMemoryAdapter({
    seed: {
      hotkeys: {
        [SUBMIT]: { key: 'ctrl+shift+enter', active: true },
        [UNDO]: { key: 'ctrl+z', active: false },
      },
    },
  });
}

async function renderHelp(props: HotkeyHelpProps = {}, adapter: AccountAdapter = adapterWithOverrides()) {
  return render(
    <AccountProvider adapter={adapter} platform="other">
      <label>
        Comment <input type="text" />
      </label>
      <HotkeyHelp {...props} />
    </AccountProvider>,
  );
}

/** Opens the help with its button and waits for the list. */
async function openWithButton(screen: Awaited<ReturnType<typeof renderHelp>>) {
  await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect.element(dialog.getByRole('heading', { name: 'Annotation Actions' })).toBeVisible();
  return dialog;
}

afterEach(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { media: '' });
  await page.viewport(414, 896);
  window.location.hash = '';
});

describe('HotkeyHelp, in Chromium', () => {
  it("lists the user's effective shortcuts: an override shows its combo, a turned-off one says Disabled", async () => {
    const screen = await renderHelp();
    const dialog = await openWithButton(screen);

    const submit = dialog.getByRole('listitem', { name: 'Submit Annotation' });
    await expect.element(submit).toHaveTextContent('Ctrl+Shift+Enter');
    await expect.element(submit).not.toHaveTextContent('Disabled');
    const undo = dialog.getByRole('listitem', { name: 'Undo' }).first();
    await expect.element(undo).toHaveTextContent('Ctrl+Z');
    await expect.element(undo).toHaveTextContent('Disabled');
    for (const title of ['Annotation Actions', 'Data Manager', 'Tools']) {
      await expect.element(dialog.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    expect(dialog.getByRole('listitem').elements()).toHaveLength(77);
    expect((await axe.run(dialog.element())).violations).toEqual([]);
  });

  it('opens with ? pressed on the page, and focus goes back to the button when Escape closes it', async () => {
    const screen = await renderHelp();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Shift>}/{/Shift}');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.element(dialog.getByRole('heading', { name: 'Annotation Actions' })).toBeVisible();
    // The ? that opened it is not typed into the search box, which has focus.
    await expect.element(dialog.getByRole('searchbox', { name: 'Search shortcuts' })).toHaveValue('');

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();
  });

  it('does not open while ? is typed into a text field', async () => {
    const screen = await renderHelp();
    const field = screen.getByRole('textbox', { name: 'Comment' });
    await userEvent.click(field);
    // The same key events as the test above that opens it (Playwright types Shift+/ as "/").
    await userEvent.keyboard('Why{Shift>}/{/Shift}');
    await expect.element(field).toHaveValue('Why/');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('does not open on ? when openOnQuestionMark is false', async () => {
    const screen = await renderHelp({ openOnQuestionMark: false });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Shift>}/{/Shift}');
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    // The button still opens it, so the page is live and the key was really pressed.
    await openWithButton(screen);
  });

  it('gives focus back to the button when the Close button closes it', async () => {
    const screen = await renderHelp();
    const dialog = await openWithButton(screen);
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();
  });

  it('filters the rows by label, section and combo as displayed, and announces the count', async () => {
    const screen = await renderHelp();
    const dialog = await openWithButton(screen);
    const search = dialog.getByRole('searchbox', { name: 'Search shortcuts' });

    await userEvent.fill(search, 'ctrl+shift+enter');
    await expect.element(dialog.getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    expect(dialog.getByRole('listitem').elements()).toHaveLength(1);
    await expect.element(dialog.getByText('1 shortcut', { exact: true })).toBeInTheDocument();

    await userEvent.fill(search, 'data manager');
    const rows = dialog.getByRole('listitem').elements();
    expect(rows.length).toBeGreaterThan(1);
    await expect.element(dialog.getByRole('heading', { name: 'Data Manager' })).toBeVisible();
    expect(dialog.getByRole('heading', { level: 3 }).elements()).toHaveLength(1);
    await expect.element(dialog.getByText(`${rows.length} shortcuts`, { exact: true })).toBeInTheDocument();

    await userEvent.fill(search, 'no such shortcut');
    await expect.element(dialog.getByText('No shortcut matches “no such shortcut”.')).toBeVisible();
    expect(dialog.getByRole('listitem').elements()).toHaveLength(0);
    await expect.element(dialog.getByText('0 shortcuts', { exact: true })).toBeInTheDocument();
  });

  it('Customize is a link to where the host said, and following it closes the dialog', async () => {
    const screen = await renderHelp({ customizeHref: '#settings-hotkeys' });
    const dialog = await openWithButton(screen);
    const link = dialog.getByRole('link', { name: 'Customize' });
    await expect.element(link).toHaveAttribute('href', '#settings-hotkeys');
    await userEvent.click(link);
    expect(window.location.hash).toBe('#settings-hotkeys');
    await expect.element(dialog).not.toBeInTheDocument();
  });

  it('Customize runs the host’s onCustomize, which can show its settings', async () => {
    function Host() {
      const [page, setPage] = useState('work');
      return (
        <>
          <p>Page: {page}</p>
          <HotkeyHelp onCustomize={() => setPage('hotkey settings')} />
        </>
      );
    }
    const screen = await render(
      <AccountProvider adapter={adapterWithOverrides()} platform="other">
        <Host />
      </AccountProvider>,
    );
    const dialog = await openWithButton(screen);
    await userEvent.click(dialog.getByRole('button', { name: 'Customize' }));
    await expect.element(screen.getByText('Page: hotkey settings')).toBeVisible();
    await expect.element(dialog).not.toBeInTheDocument();
  });

  it('shows the defaults with a notice when the overrides fail to load, and Retry loads them', async () => {
    const memory = adapterWithOverrides();
    let failing = true;
    const adapter: AccountAdapter = {
      ...memory,
      getHotkeys: async (options) => {
        if (failing) throw new AccountError('network');
        return memory.getHotkeys!(options);
      },
    };
    const screen = await renderHelp({}, adapter);
    const dialog = await openWithButton(screen);
    const alert = dialog.getByRole('alert');
    await expect.element(alert).toHaveTextContent("Your own shortcuts couldn't be loaded, so the defaults are shown.");
    await expect.element(dialog.getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('Ctrl+Enter');

    failing = false;
    await userEvent.click(alert.getByRole('button', { name: 'Retry' }));
    await expect
      .element(dialog.getByRole('listitem', { name: 'Submit Annotation' }))
      .toHaveTextContent('Ctrl+Shift+Enter');
    await expect.element(dialog.getByRole('alert')).not.toBeInTheDocument();
  });

  it('prints every row, even ones the search hides, without the overlay, controls or scroll clipping', async () => {
    const screen = await renderHelp();
    const dialog = await openWithButton(screen);
    await userEvent.fill(dialog.getByRole('searchbox', { name: 'Search shortcuts' }), 'submit');
    const shown = dialog.getByRole('listitem').elements().length;
    expect(shown).toBeLessThan(77);

    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    const content = dialog.element() as HTMLElement;
    const rows = [...content.querySelectorAll<HTMLElement>('[data-slot="ras-hotkey-help-row"]')];
    expect(rows).toHaveLength(77);
    expect(rows.filter((row) => getComputedStyle(row).display === 'none')).toEqual([]);
    const overlay = document.querySelector<HTMLElement>('[data-slot="ras-dialog-overlay"]');
    expect(overlay && getComputedStyle(overlay).display).toBe('none');
    expect(getComputedStyle(content).position).toBe('static');
    expect(getComputedStyle(content).overflowY).toBe('visible');
    expect(getComputedStyle(content).maxHeight).toBe('none');
    expect(content.scrollHeight).toBeLessThanOrEqual(content.clientHeight + 1);
    const toolbar = content.querySelector<HTMLElement>('[data-slot="ras-hotkey-help-toolbar"]')!;
    expect(getComputedStyle(toolbar).display).toBe('none');
  });

  it('opens from a button of the host’s own (open / onOpenChange), and focus goes back to that button', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Help
          </button>
          <HotkeyHelp open={open} onOpenChange={setOpen} showTrigger={false} />
        </>
      );
    }
    const screen = await render(
      <AccountProvider adapter={adapterWithOverrides()} platform="other">
        <Host />
      </AccountProvider>,
    );
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' }).elements()).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Help' }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.element(dialog.getByRole('listitem', { name: 'Submit Annotation' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Help' })).toHaveFocus();
  });

  it.each([320, 390])('fits a %i px wide screen without scrolling sideways', async (width) => {
    await page.viewport(width, 700);
    const screen = await renderHelp({ platform: 'mac' });
    const dialog = await openWithButton(screen);
    const content = dialog.element() as HTMLElement;
    expect(content.getBoundingClientRect().right).toBeLessThanOrEqual(width);
    expect(content.getBoundingClientRect().left).toBeGreaterThanOrEqual(0);
    expect(content.scrollWidth).toBeLessThanOrEqual(content.clientWidth);
    // The dialog scrolls up and down inside the window instead.
    expect(content.getBoundingClientRect().bottom).toBeLessThanOrEqual(700);
  });
});
