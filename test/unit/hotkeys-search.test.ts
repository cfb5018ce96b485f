import { describe, expect, it } from 'vitest';
import { resolveBindings } from '../../src/core/hotkeys/bindings';
import { createHotkeySearchIndex } from '../../src/core/hotkeys/search';
import type { HotkeyDefinition } from '../../src/core/hotkeys/types';
import { labelStudioDefaultHotkeys, labelStudioHotkeySections } from '../../src/label-studio/defaults';

const bindings = resolveBindings(labelStudioDefaultHotkeys, {});

/** The labels of the default actions a query finds, on a platform. */
function find(query: string, platform: 'mac' | 'other' = 'other', rows = bindings): string[] {
  const index = createHotkeySearchIndex(labelStudioDefaultHotkeys, { sections: labelStudioHotkeySections, platform });
  return rows.filter(index.matcher(query)).map((row) => row.label);
}

describe('createHotkeySearchIndex', () => {
  it('finds Ctrl+Z however the combo is written, with its spaces, case or order', () => {
    for (const query of ['ctrl + z', 'Ctrl+Z', 'CTRL+z', 'ctrl z', 'control+z', ' ctrl +z ']) {
      expect(find(query), query).toEqual(['Undo', 'Redo']);
    }
  });

  it('reads a combo with more parts as those parts only', () => {
    expect(find('shift+ctrl+z')).toEqual(['Redo']);
  });

  it("finds ⌘Z and 'cmd z' on macOS, where Label Studio's mod is ⌘", () => {
    const mac = createHotkeySearchIndex(labelStudioDefaultHotkeys, { platform: 'mac' });
    const rows = [
      { id: 'a:1', key: 'meta+z' },
      { id: 'a:2', key: 'ctrl+z' },
      { id: 'a:3', key: 'meta+shift+z' },
    ];
    for (const query of ['⌘Z', '⌘z', 'cmd z', 'Cmd+Z', 'command + z', 'mod+z']) {
      expect(
        rows.filter(mac.matcher(query)).map((row) => row.id),
        query,
      ).toEqual(['a:1', 'a:3']);
    }
    expect(rows.filter(mac.matcher('⇧⌘Z')).map((row) => row.id)).toEqual(['a:3']);
  });

  it('matches label words in any order, case-insensitive, by the start of each word', () => {
    expect(find('submit annotation')).toContain('Submit Annotation');
    expect(find('ANNOTATION SUBMIT')).toContain('Submit Annotation');
    expect(find('annot subm')).toContain('Submit Annotation');
    expect(find('submit annotation')).not.toContain('Undo');
  });

  it('matches description and section words', () => {
    expect(find('previously undone')).toEqual(['Redo']);
    // "Annotation Actions" is the section of Undo and Redo; Redo's description says "undone".
    expect(find('annotation actions undo')).toEqual(['Undo', 'Redo']);
    expect(find('tools undo')).toEqual([]);
  });

  it('mixes words and combo parts: "undo shift" is Redo, by a word of its description and a part of its combo', () => {
    expect(find('undo shift')).toEqual(['Redo']);
    expect(find('undo ctrl')).toEqual(['Undo', 'Redo']);
    expect(find('undo alt')).toEqual([]);
  });

  it('finds a row by the combo it has now, not only its default', () => {
    const edited = bindings.map((row) => (row.label === 'Undo' ? { ...row, key: 'alt+u' } : row));
    expect(find('alt+u', 'other', edited)).toEqual(['Undo']);
    expect(find('ctrl+z', 'other', edited)).toEqual(['Redo']);
  });

  it('matches everything for a blank query and nothing for an unknown word', () => {
    expect(find('   ')).toHaveLength(bindings.length);
    expect(find('zzqx')).toEqual([]);
  });

  it('finds shown key names such as Page Up and Left', () => {
    const defs: HotkeyDefinition[] = [
      { id: '1', section: 's', element: 'up', label: 'One', key: 'pageup', active: true },
      { id: '2', section: 's', element: 'left', label: 'Two', key: 'alt+left', active: true },
    ];
    const index = createHotkeySearchIndex(defs);
    const rows = resolveBindings(defs, {});
    expect(rows.filter(index.matcher('page up')).map((row) => row.label)).toEqual(['One']);
    expect(rows.filter(index.matcher('alt left')).map((row) => row.label)).toEqual(['Two']);
    expect(rows.filter(index.matcher('arrowleft')).map((row) => row.label)).toEqual(['Two']);
  });

  it('never throws on odd input', () => {
    const index = createHotkeySearchIndex(null as unknown as HotkeyDefinition[], { sections: [null] as never });
    expect(() => index.matcher(undefined as unknown as string)({ id: 'x', key: 'ctrl+z' })).not.toThrow();
    expect(index.matcher('+++')({ id: 'x', key: '' })).toBe(false);
    expect(index.matcher('+')({ id: 'x', key: 'ctrl+plus' })).toBe(true);
    expect(index.matcher('+')({ id: 'x', key: 'ctrl+minus' })).toBe(false);
  });

  it('finds the rows of 2000 whose words start with each term', () => {
    const defs: HotkeyDefinition[] = Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      section: `s${i % 20}`,
      element: `a${i}`,
      label: `Action ${i}`,
      description: `Does thing ${i}`,
      key: `ctrl+alt+${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`,
      active: true,
    }));
    const rows = resolveBindings(defs, {});
    const index = createHotkeySearchIndex(defs);
    const found = rows.filter(index.matcher('123 action'));
    expect(found.map((row) => row.label)).toEqual([
      'Action 123',
      ...Array.from({ length: 10 }, (_, i) => `Action 123${i}`),
    ]);
    expect(rows.filter(index.matcher('thing 1999')).map((row) => row.label)).toEqual(['Action 1999']);
  });
});
