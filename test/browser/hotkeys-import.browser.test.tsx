import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { AccountProvider } from '../../src/provider/account-provider';
import defaultsExport from '../fixtures/label-studio/hotkeys-defaults.export.json';

/** Label Studio's export of its 77 defaults, with the keys of some actions (by element) as Label Studio's recorder stores them. */
function labelStudioExport(keys: Record<string, string>): string {
  const exported = structuredClone(defaultsExport);
  for (const entry of exported.hotkeys) {
    const key = keys[entry.element];
    if (key !== undefined) entry.key = key;
  }
  return JSON.stringify(exported, null, 2);
}

const ZOOM_IN = { key: 'ctrl+=', active: true, description: 'Zoom in (a section this editor does not know)' };

describe('importing what Label Studio stores', () => {
  it('imports an export with shift+!, shift+?, f13 and command+…, then Save keeps the unknown zoomed_image override', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeys({ 'zoomed_image:zoom:in': ZOOM_IN });
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <HotkeyEditor definitions={labelStudioDefaultHotkeys} />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const json = labelStudioExport({
      // Recorded in Label Studio: what the key printed, and keymaster's ⌘.
      'tool:zoom-to-fit': 'shift+!',
      'annotation:undo': 'shift+?',
      'annotation:redo': 'f13',
      'annotation:submit': 'command+enter',
      // Option+A on a Mac prints å; no binding here can hold that.
      'annotation:skip': 'alt+å',
    });
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), json);

    await expect.element(dialog.getByText('Apply 3 changes, 1 skipped')).toBeVisible();
    await expect
      .element(dialog.getByRole('listitem'))
      .toHaveTextContent(
        'Entry 2: the shortcut "alt+å" for "Skip Task / Reject (default)" is skipped. "å" is not a key name.',
      );
    expect((await axe.run(dialog.element())).violations).toEqual([]);
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));

    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Meta+Enter' }))
      .toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Shift+/' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Redo: F13' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Zoom to Fit: Shift+1' })).toBeVisible();
    // The skipped entry left its action as it was.
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Skip Task / Reject (default): Ctrl+Space' }))
      .toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByRole('status').first()).toHaveTextContent('Shortcuts saved');
    expect(await adapter.getHotkeys()).toEqual({
      'zoomed_image:zoom:in': ZOOM_IN,
      'annotation:annotation:submit': { key: 'meta+enter', active: true },
      'annotation:annotation:undo': { key: 'shift+/', active: true },
      'annotation:annotation:redo': { key: 'f13', active: true },
    });
  }, 60_000);

  it('shows the combos in its messages as macOS displays them', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="mac">
        <HotkeyEditor definitions={labelStudioDefaultHotkeys.slice(0, 8)} />
      </AccountProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const json = JSON.stringify([
      { section: 'annotation', element: 'annotation:undo', key: 'meta+tab' },
      { section: 'annotation', element: 'annotation:redo', key: 'command+t' },
    ]);
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), json);
    await expect.element(dialog.getByText('Apply 1 change, 1 skipped')).toBeVisible();
    expect(
      dialog
        .getByRole('listitem')
        .elements()
        .map((item) => item.textContent),
    ).toEqual([
      'Entry 1: the shortcut ⌘⇥ for "Undo" is skipped. The operating system keeps it, so it can\'t be used as a shortcut here.',
      'Entry 2: the browser may catch ⌘T first (it opens a new tab), so the shortcut may not reach the page.',
    ]);
  });
});
