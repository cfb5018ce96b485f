import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { definitionsWithOverrides, resolveBindings, toOverrides } from '../../src/core/hotkeys/bindings';
import type { HotkeyDefinition } from '../../src/core/hotkeys/types';
import { useHotkeyHelp } from '../../src/hooks/use-hotkey-help';
import { AccountProvider } from '../../src/provider/account-provider';

const definitions: HotkeyDefinition[] = [
  { id: '1', section: 'editing', element: 'undo', label: 'Undo change', key: 'ctrl+z' },
  { id: '2', section: 'editing', element: 'redo', label: 'Redo change', key: 'ctrl+shift+z' },
  { id: '3', section: 'view', element: 'fit', label: 'Fit to screen', key: 'f' },
];
const account = { 'editing:redo': { key: 'ctrl+y', active: true }, 'view:fit': { key: 'f', active: false } };

describe('definitionsWithOverrides (a project edited against the account map)', () => {
  it('makes the account map the defaults, so the account changes are not differences', () => {
    const base = definitionsWithOverrides(definitions, account);
    const rows = resolveBindings(base, {});
    expect(rows.map((row) => [row.id, row.defaultKey, row.defaultActive])).toEqual([
      ['editing:undo', 'ctrl+z', true],
      ['editing:redo', 'ctrl+y', true],
      ['view:fit', 'f', false],
    ]);
    expect(toOverrides(rows, {})).toEqual({});
  });

  it('stores only what the project changes against the account map', () => {
    const rows = resolveBindings(definitionsWithOverrides(definitions, account), {}).map((row) =>
      row.id === 'editing:undo'
        ? { ...row, key: 'ctrl+alt+z' }
        : row.id === 'editing:redo'
          ? { ...row, key: 'ctrl+y' }
          : row,
    );
    expect(toOverrides(rows, {})).toEqual({ 'editing:undo': { key: 'ctrl+alt+z', active: true } });
  });

  it('leaves definitions without an account override as they are', () => {
    expect(definitionsWithOverrides(definitions, {})).toEqual(definitions);
  });
});

describe('useHotkeyHelp with a projectId', () => {
  it("lists defaults ← account ← the project's override", async () => {
    const adapter = createMemoryAdapter({ seed: { hotkeys: account } });
    await adapter.saveHotkeys!({ 'editing:undo': { key: 'ctrl+alt+z', active: true } }, { projectId: '100' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AccountProvider adapter={adapter} platform="other">
        {children}
      </AccountProvider>
    );
    const combos = (projectId?: string) =>
      renderHook(() => useHotkeyHelp({ definitions, defaultOpen: true, ...(projectId ? { projectId } : {}) }), {
        wrapper,
      });
    const inProject = combos('100');
    const outside = combos();
    const effective = (result: ReturnType<typeof useHotkeyHelp>) =>
      result.sections.flatMap((section) => section.rows.map((row) => `${row.id} ${row.combo} ${row.isActive}`));
    await waitFor(() => expect(inProject.result.current.status).toBe('success'));
    await waitFor(() => expect(outside.result.current.status).toBe('success'));
    expect(effective(inProject.result.current)).toEqual([
      'editing:undo ctrl+alt+z true',
      'editing:redo ctrl+y true',
      'view:fit f false',
    ]);
    expect(effective(outside.result.current)).toEqual([
      'editing:undo ctrl+z true',
      'editing:redo ctrl+y true',
      'view:fit f false',
    ]);
  });
});
