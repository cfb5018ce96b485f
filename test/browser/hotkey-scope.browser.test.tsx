import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { useHotkeys } from '../../src/hooks/hotkeys';
import * as preset from '../../src/label-studio/default-preset';
import { AccountProvider } from '../../src/provider/account-provider';
import '../../src/styles.css';

const SUBMIT = 'annotation:annotation:submit';
const UNDO = 'annotation:annotation:undo';
/** The memory adapter's first seeded project. */
const PROJECT = { id: '100', title: 'Street signs' };

/** An adapter whose account map moves Submit to Ctrl+Shift+Enter. */
function adapterWithAccountMap() {
  return createMemoryAdapter({ seed: { hotkeys: { [SUBMIT]: { key: 'ctrl+shift+enter', active: true } } } });
}

async function renderEditor(adapter: AccountAdapter, props: Parameters<typeof HotkeyEditor>[0] = {}) {
  const screen = await render(
    <AccountProvider adapter={adapter} platform="other">
      <HotkeyEditor {...props} />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('searchbox', { name: 'Search shortcuts' })).toBeVisible();
  return screen;
}

/** Picks a scope in "Hotkeys for" and waits for the editor to show it. */
async function chooseProject(screen: Awaited<ReturnType<typeof renderEditor>>, title: string) {
  const select = screen.getByRole('combobox', { name: 'Hotkeys for' });
  await expect.element(select.getByRole('option', { name: title })).toBeInTheDocument();
  await userEvent.selectOptions(select, title);
}

describe('HotkeyEditor project scope', () => {
  it('saves a project override of one shortcut, compared against the account map, and leaves the account map alone', async () => {
    const adapter = adapterWithAccountMap();
    const screen = await renderEditor(adapter);
    // Account scope: Submit differs from the preset's default, so it offers its Reset.
    await expect.element(screen.getByRole('button', { name: 'Reset Submit Annotation to Ctrl+Enter' })).toBeVisible();

    await chooseProject(screen, PROJECT.title);
    await expect.element(screen.getByRole('heading', { name: `Project override for ${PROJECT.title}` })).toBeVisible();
    await expect
      .element(
        screen.getByText('Only shortcuts that differ from your account defaults apply while you work in this project.'),
      )
      .toBeVisible();
    // The account's combo is this scope's default: Submit shows it and is not marked as changed.
    await expect
      .element(screen.getByRole('button', { name: 'Shortcut for Submit Annotation: Ctrl+Shift+Enter' }))
      .toBeVisible();
    expect(document.querySelector('[aria-label^="Reset Submit Annotation"]')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' }));
    await userEvent.keyboard('{Control>}{Alt>}u{/Alt}{/Control}');
    await expect.element(screen.getByRole('button', { name: 'Reset Undo to Ctrl+Z' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByText('Shortcuts saved')).toBeVisible();

    expect(await adapter.getHotkeys!({ projectId: PROJECT.id })).toEqual({
      [UNDO]: { key: 'ctrl+alt+u', active: true },
    });
    expect(await adapter.getHotkeys!()).toEqual({ [SUBMIT]: { key: 'ctrl+shift+enter', active: true } });
  });

  it('resets the project override after asking, saving an empty map for the project only', async () => {
    const adapter = adapterWithAccountMap();
    await adapter.saveHotkeys!({ [UNDO]: { key: 'ctrl+alt+u', active: true } }, { projectId: PROJECT.id });
    const screen = await renderEditor(adapter, { defaultProjectId: PROJECT.id });
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Alt+U' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Reset project override' }));
    const dialog = screen.getByRole('alertdialog', { name: `Reset the override for ${PROJECT.title}?` });
    await expect.element(dialog).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Reset project override' }));

    await expect
      .element(screen.getByText(`The project override is removed: your account defaults apply in ${PROJECT.title}.`))
      .toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' })).toBeVisible();
    expect(await adapter.getHotkeys!({ projectId: PROJECT.id })).toEqual({});
    expect(await adapter.getHotkeys!()).toEqual({ [SUBMIT]: { key: 'ctrl+shift+enter', active: true } });
  });

  it('asks before unsaved changes are dropped by switching scope, and keeps them on Cancel', async () => {
    const screen = await renderEditor(adapterWithAccountMap());
    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' }));
    await userEvent.keyboard('{Control>}{Alt>}u{/Alt}{/Control}');
    await chooseProject(screen, PROJECT.title);

    const dialog = screen.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await expect.element(dialog).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect.element(screen.getByRole('combobox', { name: 'Hotkeys for' })).toHaveValue('');
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Alt+U' })).toBeVisible();

    await chooseProject(screen, PROJECT.title);
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Discard and switch' }));
    await expect.element(screen.getByRole('heading', { name: `Project override for ${PROJECT.title}` })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' })).toBeVisible();
  });

  it('names the export file after the project', async () => {
    const screen = await renderEditor(createMemoryAdapter(), { defaultProjectId: PROJECT.id });
    await expect.element(screen.getByRole('heading', { name: `Project override for ${PROJECT.title}` })).toBeVisible();
    const names: string[] = [];
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest('a[download]');
      if (link) {
        names.push(link.getAttribute('download') ?? '');
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    } finally {
      document.removeEventListener('click', onClick, true);
    }
    expect(names).toEqual([`hotkeys-export-project-${PROJECT.id}.json`]);
  });

  it('offers no scope when the adapter cannot list projects', async () => {
    const { listProjects: _omitted, ...adapter } = createMemoryAdapter();
    const screen = await renderEditor(adapter as AccountAdapter);
    expect(document.querySelector('[data-slot="ras-hotkey-scope"]')).toBeNull();
    await expect.element(screen.getByRole('button', { name: 'Reset to defaults' })).toBeVisible();
  });
});

function Runner({ projectId, onUndo }: { projectId?: string; onUndo: (where: string) => void }) {
  useHotkeys(
    { [UNDO]: () => onUndo(projectId ?? 'account') },
    { definitions: preset.hotkeyDefinitions, ...(projectId ? { projectId } : {}) },
  );
  return null;
}

describe('useHotkeys with a projectId', () => {
  it("fires the project's combo inside the project and the account's combo outside it", async () => {
    const adapter = createMemoryAdapter({ seed: { hotkeys: { [UNDO]: { key: 'ctrl+shift+z', active: true } } } });
    await adapter.saveHotkeys!({ [UNDO]: { key: 'ctrl+alt+u', active: true } }, { projectId: PROJECT.id });
    const ran: string[] = [];
    const onUndo = (where: string) => ran.push(where);
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <Runner onUndo={onUndo} />
        <Runner projectId={PROJECT.id} onUndo={onUndo} />
        <p>Annotation</p>
      </AccountProvider>,
    );
    await expect.element(screen.getByText('Annotation')).toBeVisible();

    await vi.waitFor(async () => {
      ran.length = 0;
      await userEvent.keyboard('{Control>}{Alt>}u{/Alt}{/Control}');
      expect(ran).toEqual([PROJECT.id]);
    });
    ran.length = 0;
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(ran).toEqual(['account']);
    ran.length = 0;
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(ran).toEqual([]);
  });

  it("rebinds at once when an editor under the same provider saves the project's override, and only in that project", async () => {
    const adapter = createMemoryAdapter();
    const ran: string[] = [];
    const onUndo = (where: string) => ran.push(where);
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <Runner onUndo={onUndo} />
        <Runner projectId={PROJECT.id} onUndo={onUndo} />
        <HotkeyEditor defaultProjectId={PROJECT.id} />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' }));
    await userEvent.keyboard('{Control>}{Alt>}u{/Alt}{/Control}');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expect.element(screen.getByText('Shortcuts saved')).toBeVisible();

    (document.activeElement as HTMLElement | null)?.blur();
    ran.length = 0;
    await userEvent.keyboard('{Control>}{Alt>}u{/Alt}{/Control}');
    expect(ran).toEqual([PROJECT.id]);
    ran.length = 0;
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(ran).toEqual(['account']);
  });
});
