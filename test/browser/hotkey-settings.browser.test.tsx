import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { HotkeyImportExport } from '../../src/components/hotkey-import-export';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { AccountProvider } from '../../src/provider/account-provider';

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

async function renderWidget(adapter: AccountAdapter) {
  return render(
    <AccountProvider adapter={adapter} platform="other">
      <HotkeyImportExport definitions={labelStudioDefaultHotkeys} />
    </AccountProvider>,
  );
}

describe('HotkeyImportExport and the hotkey settings', () => {
  it('exports the stored settings as the file’s settings', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeySettings({ autoTranslatePlatforms: true });
    const screen = await renderWidget(adapter);
    await expect.element(screen.getByRole('button', { name: 'Export' })).toBeVisible();
    // The settings are read beside the map; the export waits for nothing else.
    await expect
      .poll(async () => {
        const downloaded = nextDownload();
        await userEvent.click(screen.getByRole('button', { name: 'Export' }));
        return JSON.parse((await downloaded).text).settings;
      })
      .toEqual({ autoTranslatePlatforms: true });
  });

  it('previews a settings change and saves the file’s settings through the adapter after Apply', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeys({ 'annotation:annotation:undo': { key: 'ctrl+u', active: true } });
    await adapter.saveHotkeySettings({ autoTranslatePlatforms: true });
    const screen = await renderWidget(adapter);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const file = {
      hotkeys: [{ section: 'annotation', element: 'annotation:undo', key: 'ctrl+u', active: true }],
      settings: { autoTranslatePlatforms: false },
      version: '1.0',
    };
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), JSON.stringify(file));
    await expect.element(dialog.getByText('The hotkey settings change too.')).toBeVisible();
    // Nothing is saved before Apply.
    expect(await adapter.getHotkeySettings()).toEqual({ autoTranslatePlatforms: true });
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Imported shortcuts saved.');
    expect(await adapter.getHotkeySettings()).toEqual({ autoTranslatePlatforms: false });
    expect(await adapter.getHotkeys()).toEqual({ 'annotation:annotation:undo': { key: 'ctrl+u', active: true } });
  });

  it('says nothing about settings equal to the stored ones, and refuses settings that are not an object', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeySettings({ autoTranslatePlatforms: true });
    const screen = await renderWidget(adapter);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const field = dialog.getByRole('textbox', { name: 'Hotkeys JSON' });
    const entry = { section: 'annotation', element: 'annotation:undo', key: 'ctrl+u', active: true };
    await userEvent.fill(field, JSON.stringify({ hotkeys: [entry], settings: { autoTranslatePlatforms: true } }));
    await expect.element(dialog.getByText('Apply 1 change')).toBeVisible();
    expect(dialog.getByText('The hotkey settings change too.').query()).toBeNull();
    await userEvent.fill(field, JSON.stringify({ hotkeys: [entry], settings: ['on'] }));
    await expect.element(dialog.getByText('"settings" must be an object of hotkey settings.')).toBeVisible();
    expect(await adapter.getHotkeySettings()).toEqual({ autoTranslatePlatforms: true });
  });

  it('HotkeyEditor exports the stored settings and saves an imported settings change through the adapter', async () => {
    const adapter = createMemoryAdapter();
    await adapter.saveHotkeySettings({ autoTranslatePlatforms: true });
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <HotkeyEditor />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('searchbox', { name: 'Search shortcuts' })).toBeVisible();
    await expect
      .poll(async () => {
        const downloaded = nextDownload();
        await userEvent.click(screen.getByRole('button', { name: 'Export' }));
        return JSON.parse((await downloaded).text).settings;
      })
      .toEqual({ autoTranslatePlatforms: true });

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import shortcuts' });
    const file = { hotkeys: [], settings: { autoTranslatePlatforms: false }, version: '1.0' };
    await userEvent.fill(dialog.getByRole('textbox', { name: 'Hotkeys JSON' }), JSON.stringify(file));
    await expect.element(dialog.getByText('The hotkey settings change too.')).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }));
    await expect.poll(() => adapter.getHotkeySettings()).toEqual({ autoTranslatePlatforms: false });
    expect(await adapter.getHotkeys()).toEqual({});
  });
});
