import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter, HotkeyOverrides } from '../../src/adapters/types';
import { HotkeyImportExport } from '../../src/components/hotkey-import-export';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { AccountProvider } from '../../src/provider/account-provider';

const ZOOM_IN = { key: 'ctrl+=', active: true, description: 'Zoom in (a section this widget does not know)' };

/** The next file the page downloads through an `a[download]`: its name and the Blob's text. */
function nextDownload(): Promise<{ name: string; text: string }> {
  return new Promise((resolve, reject) => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof HTMLAnchorElement ? event.target : null;
      if (!link || !link.hasAttribute('download')) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      fetch(link.href)
        .then((response) => response.text())
        .then((text) => resolve({ name: link.download, text }), reject);
    };
    document.addEventListener('click', onClick, true);
  });
}

/** An export that changes Undo to ctrl+u and turns Redo off. */
function exportFile(): string {
  return JSON.stringify({
    hotkeys: [
      { section: 'annotation', element: 'annotation:undo', key: 'ctrl+u', active: true },
      { section: 'annotation', element: 'annotation:redo', key: 'ctrl+y', active: false },
      { section: 'nowhere', element: 'nothing', key: 'ctrl+k', active: true },
    ],
    settings: {},
    version: '1.0',
  });
}

async function renderWidget(adapter: AccountAdapter, onImport?: (overrides: HotkeyOverrides) => void) {
  return render(
    <AccountProvider adapter={adapter} platform="other">
      <HotkeyImportExport definitions={labelStudioDefaultHotkeys} onImport={onImport} />
    </AccountProvider>,
  );
}

describe('HotkeyImportExport on its own', () => {
  it('downloads the stored shortcuts in Label Studio’s export format', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeys({ 'annotation:annotation:undo': { key: 'meta+u', active: true } });
    const screen = await renderWidget(adapter);
    const downloaded = nextDownload();
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const file = await downloaded;
    expect(file.name).toBe('hotkeys-export.json');
    const data = JSON.parse(file.text);
    expect(data.version).toBe('1.0');
    expect(data.hotkeys).toHaveLength(labelStudioDefaultHotkeys.length);
    expect(data.hotkeys.find((entry: { element: string }) => entry.element === 'annotation:undo')).toMatchObject({
      section: 'annotation',
      key: 'command+u',
      active: true,
    });
  });

  it('copies the same export to the clipboard and says Copied', async () => {
    const screen = await renderWidget(createMemoryAdapter());
    await userEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await expect.element(screen.getByRole('button', { name: 'Copied' })).toBeVisible();
    const data = JSON.parse(await navigator.clipboard.readText());
    expect(data.hotkeys).toHaveLength(labelStudioDefaultHotkeys.length);
  });

  it('imports a pasted export through the adapter, keeping stored overrides of unknown actions', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeys({ 'zoomed_image:zoom:in': ZOOM_IN });
    const screen = await renderWidget(adapter);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), exportFile());
    await expect.element(dialog.getByText('Apply 2 changes, 1 unknown action ignored')).toBeVisible();
    expect((await axe.run(dialog.element())).violations).toEqual([]);
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Imported shortcuts saved.');
    expect(await adapter.getHotkeys()).toEqual({
      'zoomed_image:zoom:in': ZOOM_IN,
      'annotation:annotation:undo': { key: 'ctrl+u', active: true },
      'annotation:annotation:redo': { key: 'ctrl+y', active: false },
    });
  });

  it('imports a chosen file and hands the overrides to onImport without saving', async () => {
    const adapter = createMemoryAdapter();
    const received: HotkeyOverrides[] = [];
    const screen = await renderWidget(adapter, (overrides) => received.push(overrides));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    await userEvent.upload(
      dialog.getByLabelText('Choose file'),
      new File([exportFile()], 'hotkeys-export.json', { type: 'application/json' }),
    );
    await expect.element(dialog.getByText('Apply 2 changes, 1 unknown action ignored')).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    await expect.element(screen.getByRole('dialog')).not.toBeInTheDocument();
    expect(received).toEqual([
      {
        'annotation:annotation:undo': { key: 'ctrl+u', active: true },
        'annotation:annotation:redo': { key: 'ctrl+y', active: false },
      },
    ]);
    expect(await adapter.getHotkeys()).toEqual({});
  });

  it('lists every problem of a broken file and keeps Apply unavailable', async () => {
    const screen = await renderWidget(createMemoryAdapter());
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    await userEvent.fill(
      dialog.getByRole('textbox', { name: 'Hotkeys JSON' }),
      JSON.stringify([{ section: 'annotation' }, { section: 'annotation', element: 'annotation:undo', key: 7 }]),
    );
    await expect.element(dialog.getByText('3 problems must be fixed:')).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Apply' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the adapter failing, then the widget after Retry', async () => {
    const memory = createMemoryAdapter();
    let fail = true;
    const adapter: AccountAdapter = {
      ...memory,
      getHotkeys: (options) => (fail ? Promise.reject(new AccountError('network')) : memory.getHotkeys(options)),
    };
    const screen = await renderWidget(adapter);
    await expect.element(screen.getByRole('alert')).toBeVisible();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect.element(screen.getByRole('button', { name: 'Export' })).toBeVisible();
  });

  it('says there is nothing to export without actions, and offers no download', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <HotkeyImportExport definitions={[]} />
      </AccountProvider>,
    );
    await expect.element(screen.getByText('There are no shortcuts to export.')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Export' })).toHaveAttribute('aria-disabled', 'true');
  });
});
