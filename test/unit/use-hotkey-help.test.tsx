import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import type { HotkeyDefinition, HotkeySection } from '../../src/core/hotkeys/types';
import { useHotkeyHelp, type UseHotkeyHelpOptions } from '../../src/hooks/use-hotkey-help';
import { AccountProvider } from '../../src/provider/account-provider';
import type { Platform } from '../../src/provider/platform';

const definitions: HotkeyDefinition[] = [
  { id: '1', section: 'editing', element: 'undo', label: 'Undo change', key: 'ctrl+z' },
  { id: '2', section: 'editing', element: 'redo', label: 'Redo change', key: 'ctrl+shift+z' },
  { id: '3', section: 'view', element: 'zoom-in', label: 'Zoom in', key: 'plus' },
  { id: '4', section: 'view', element: 'fit', label: 'Fit to screen', key: '' },
  { id: '5', section: 'labs', element: 'beta', label: 'Beta tool', key: 'alt+b', active: false },
];
const sections: HotkeySection[] = [
  { id: 'view', title: 'View' },
  { id: 'editing', title: 'Editing' },
];

function setup(
  options: UseHotkeyHelpOptions = {},
  { adapter = createMemoryAdapter(), platform = 'other' }: { adapter?: AccountAdapter; platform?: Platform } = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AccountProvider adapter={adapter} platform={platform}>
      {children}
    </AccountProvider>
  );
  return renderHook(() => useHotkeyHelp({ definitions, sections, defaultOpen: true, ...options }), { wrapper });
}

/** Each section's title with its rows' labels and displayed combos. */
function listing(result: ReturnType<typeof useHotkeyHelp>) {
  return result.sections.map((section) => [section.title, section.rows.map((row) => `${row.label}: ${row.display}`)]);
}

/** The labels of the rows the search shows. */
function visibleLabels(result: ReturnType<typeof useHotkeyHelp>): string[] {
  return result.sections.flatMap((section) => section.rows.filter((row) => row.isVisible).map((row) => row.label));
}

describe('useHotkeyHelp', () => {
  it('lists the rows by section in the given order, then sections it was not given, under their ids', async () => {
    const { result } = setup();
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(listing(result.current)).toEqual([
      ['View', ['Zoom in: Plus', 'Fit to screen: ']],
      ['Editing', ['Undo change: Ctrl+Z', 'Redo change: Ctrl+Shift+Z']],
      ['labs', ['Beta tool: Alt+B']],
    ]);
    expect(result.current.totalCount).toBe(5);
    expect(result.current.visibleCount).toBe(5);
  });

  it("applies the user's overrides: another combo, a shortcut turned off, and one cleared", async () => {
    const adapter = createMemoryAdapter({
      seed: {
        hotkeys: {
          'editing:undo': { key: 'alt+u', active: true },
          'editing:redo': { key: 'ctrl+shift+z', active: false },
          'view:zoom-in': { key: '', active: true },
        },
      },
    });
    const { result } = setup({}, { adapter });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const rows = new Map(result.current.sections.flatMap((section) => section.rows).map((row) => [row.id, row]));
    expect(rows.get('editing:undo')).toMatchObject({
      combo: 'alt+u',
      display: 'Alt+U',
      parts: ['Alt', 'U'],
      isActive: true,
    });
    expect(rows.get('editing:redo')).toMatchObject({ display: 'Ctrl+Shift+Z', isActive: false });
    expect(rows.get('view:zoom-in')).toMatchObject({ combo: '', display: '', parts: [] });
    expect(rows.get('labs:beta')).toMatchObject({ isActive: false });
  });

  it("shows combos as the provider's platform does: Apple's symbols on macOS", async () => {
    const { result } = setup({}, { platform: 'mac' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const redo = result.current.sections[1]!.rows[1]!;
    expect(redo.parts).toEqual(['⌃', '⇧', 'Z']);
    expect(redo.display).toBe('⌃⇧Z');
    expect(result.current.platform).toBe('mac');
  });

  it('takes the platform option over the provider’s', async () => {
    const { result } = setup({ platform: 'other' }, { platform: 'mac' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.sections[1]!.rows[0]!.display).toBe('Ctrl+Z');
  });

  it('searches labels, section titles and combos as stored or displayed, words in any order, any case', async () => {
    const { result } = setup({}, { platform: 'mac' });
    await waitFor(() => expect(result.current.status).toBe('success'));
    const search = (query: string) => {
      act(() => result.current.setQuery(query));
      return visibleLabels(result.current);
    };
    expect(search('change redo')).toEqual(['Redo change']);
    expect(search('EDITING')).toEqual(['Undo change', 'Redo change']);
    expect(search('⌃⇧Z')).toEqual(['Redo change']);
    expect(search('ctrl+shift+z')).toEqual(['Redo change']);
    expect(search('  zoom  ')).toEqual(['Zoom in']);
    expect(result.current.visibleCount).toBe(1);
    expect(result.current.sections.map((section) => section.visibleCount)).toEqual([1, 0, 0]);
    expect(search('nothing like this')).toEqual([]);
    expect(result.current.visibleCount).toBe(0);
    expect(result.current.totalCount).toBe(5);
  });

  it('lists the defaults and says so when the overrides cannot be read', async () => {
    const adapter = createMemoryAdapter({ fail: { getHotkeys: 'server' } });
    const { result } = setup({}, { adapter });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.isShowingDefaults).toBe(true);
    expect(result.current.error?.code).toBe('server');
    expect(result.current.sections[1]!.rows[0]!.display).toBe('Ctrl+Z');
  });

  it('reads again each time it opens, so it lists what was saved meanwhile', async () => {
    const adapter = createMemoryAdapter();
    const { result } = setup({}, { adapter });
    await waitFor(() => expect(result.current.status).toBe('success'));
    act(() => result.current.setOpen(false));
    await adapter.saveHotkeys!({ 'editing:undo': { key: 'alt+u', active: true } });
    act(() => result.current.setOpen(true));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.sections[1]!.rows[0]!.display).toBe('Alt+U');
  });

  it('uses the overrides it is given instead of reading them', () => {
    const adapter = createMemoryAdapter({ fail: { getHotkeys: 'server' } });
    const { result } = setup({ overrides: { 'editing:undo': { key: 'alt+u', active: false } } }, { adapter });
    expect(result.current.status).toBe('success');
    expect(result.current.sections[1]!.rows[0]).toMatchObject({ display: 'Alt+U', isActive: false });
  });

  it('has no rows without definitions', async () => {
    const { result } = setup({ definitions: [] });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.sections).toEqual([]);
    expect(result.current.totalCount).toBe(0);
  });

  it('falls back to the default preset’s actions and sections', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        {children}
      </AccountProvider>
    );
    const { result } = renderHook(() => useHotkeyHelp({ defaultOpen: true }), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.totalCount).toBe(77);
    expect(result.current.sections).toHaveLength(9);
    expect(result.current.sections[0]!.title).toBe('Annotation Actions');
  });

  it('opens and closes, controlled or not, and tells onOpenChange', async () => {
    const changes: boolean[] = [];
    const { result } = setup({ defaultOpen: false, onOpenChange: (open) => changes.push(open) });
    expect(result.current.open).toBe(false);
    act(() => result.current.setOpen(true));
    expect(result.current.open).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(changes).toEqual([true]);
  });
});
