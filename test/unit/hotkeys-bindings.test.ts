import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HotkeyOverrides } from '../../src/adapters/types';
import { overrideId, resolveBindings, sameCombo, toOverrides } from '../../src/core/hotkeys/bindings';
import { findConflicts } from '../../src/core/hotkeys/conflicts';
import * as hotkeys from '../../src/core/hotkeys';
import * as labelStudio from '../../src/label-studio';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import type { HotkeyBinding, HotkeyDefinition } from '../../src/core/hotkeys/types';
import { validateHotkeyOverrides } from '../../src/core/hotkeys/validate-overrides';
import { labelStudioRules } from '../../src/label-studio/rules';

const defaults = labelStudioDefaultHotkeys;

const editorDefinitions: HotkeyDefinition[] = [
  { id: '1', section: 'editor', element: 'undo', label: 'Undo', key: 'ctrl+z', description: 'Undo the last change' },
  { id: '2', section: 'editor', element: 'redo', label: 'Redo', key: 'shift+ctrl+Z' },
  { id: '3', section: 'editor', element: 'find', label: 'Find', key: 'ctrl+f', active: false, scope: 'search' },
];

describe('overrideId', () => {
  it('is section:element', () => {
    expect(overrideId({ section: 'editor', element: 'undo' })).toBe('editor:undo');
    expect(overrideId(defaults[0] as HotkeyDefinition)).toBe('annotation:annotation:submit');
  });

  it('gives a unique id to each of Label Studio’s defaults', () => {
    expect(new Set(defaults.map(overrideId)).size).toBe(defaults.length);
  });
});

describe('resolveBindings', () => {
  it('gives the defaults, normalized, when there are no overrides', () => {
    expect(resolveBindings(editorDefinitions, {})).toEqual([
      {
        id: 'editor:undo',
        definitionId: '1',
        section: 'editor',
        element: 'undo',
        label: 'Undo',
        description: 'Undo the last change',
        key: 'ctrl+z',
        active: true,
        defaultKey: 'ctrl+z',
        defaultActive: true,
        scope: 'global',
      },
      {
        id: 'editor:redo',
        definitionId: '2',
        section: 'editor',
        element: 'redo',
        label: 'Redo',
        description: '',
        key: 'ctrl+shift+z',
        active: true,
        defaultKey: 'ctrl+shift+z',
        defaultActive: true,
        scope: 'global',
      },
      {
        id: 'editor:find',
        definitionId: '3',
        section: 'editor',
        element: 'find',
        label: 'Find',
        description: '',
        key: 'ctrl+f',
        active: false,
        defaultKey: 'ctrl+f',
        defaultActive: false,
        scope: 'search',
      },
    ]);
  });

  it('applies overrides on top of the defaults', () => {
    const bindings = resolveBindings(editorDefinitions, {
      'editor:undo': { key: 'cmd+Z', active: false, description: 'Mine' },
      'editor:find': { key: 'ctrl+k' },
      'editor:unknown': { key: 'ctrl+u' },
    });
    expect(bindings.map((b) => [b.id, b.key, b.active, b.description])).toEqual([
      ['editor:undo', 'meta+z', false, 'Mine'],
      ['editor:redo', 'ctrl+shift+z', true, ''],
      // An override without `active` means active.
      ['editor:find', 'ctrl+k', true, ''],
    ]);
  });

  it('keeps a key that does not parse as stored', () => {
    const [undo] = resolveBindings(editorDefinitions, { 'editor:undo': { key: 'ctrl+foo' } });
    expect(undo?.key).toBe('ctrl+foo');
  });

  it('reads only own override properties', () => {
    const overrides = Object.create({ 'editor:undo': { key: 'ctrl+u' } }) as HotkeyOverrides;
    expect(resolveBindings(editorDefinitions, overrides)[0]?.key).toBe('ctrl+z');
  });

  it('never throws on bad input', () => {
    expect(resolveBindings(null as unknown as HotkeyDefinition[], {})).toEqual([]);
    expect(resolveBindings([null, 4, {}] as unknown as HotkeyDefinition[], {})).toEqual([]);
    expect(resolveBindings(editorDefinitions, null as unknown as HotkeyOverrides)).toHaveLength(3);
    expect(
      resolveBindings(editorDefinitions, { 'editor:undo': 'nonsense' } as unknown as HotkeyOverrides)[0]?.key,
    ).toBe('ctrl+z');
  });
});

describe('toOverrides', () => {
  it('keeps only the rows that differ from their default, as { key, active }', () => {
    const bindings = resolveBindings(editorDefinitions, {});
    const edited = bindings.map((b): HotkeyBinding => {
      if (b.id === 'editor:undo') return { ...b, key: 'ctrl+u' };
      if (b.id === 'editor:redo') return { ...b, key: 'shift+ctrl+Z' }; // the default, spelled differently
      return { ...b, active: true };
    });
    expect(toOverrides(edited)).toEqual({
      'editor:undo': { key: 'ctrl+u', active: true },
      'editor:find': { key: 'ctrl+f', active: true },
    });
    expect(toOverrides(bindings)).toEqual({});
  });

  it('writes what validateHotkeyOverrides accepts and resolveBindings reads back (property)', () => {
    const keys = fc.constantFrom('ctrl+u', 'alt+shift+k', 'H', 'shift+R', 'ctrl+plus', 'f5', 'escape');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: defaults.length - 1 }), keys, fc.boolean()), { maxLength: 20 }),
        (edits) => {
          const edited = resolveBindings(defaults, {}).map((b) => ({ ...b }));
          for (const [index, key, active] of edits) Object.assign(edited[index] as HotkeyBinding, { key, active });
          const overrides = toOverrides(edited);
          expect(validateHotkeyOverrides(overrides, labelStudioRules.hotkeys).ok).toBe(true);
          const resolved = resolveBindings(defaults, overrides);
          resolved.forEach((binding, i) => {
            expect(sameCombo(binding.key, (edited[i] as HotkeyBinding).key)).toBe(true);
            expect(binding.active).toBe((edited[i] as HotkeyBinding).active);
          });
        },
      ),
    );
  });

  it('keeps every stored override for an action the bindings are not for, with all its fields', () => {
    const stored: HotkeyOverrides = {
      'zoomed_image:zoom:in': { key: 'shift+=', active: false, description: 'Zoom in (newer Label Studio)' },
      'zoomed_image:zoom:out': { key: 'command+-' },
      'editor:undo': { key: 'ctrl+y', active: true, description: 'Mine' },
      'editor:redo': { key: 'ctrl+r' },
    };
    const edited = resolveBindings(editorDefinitions, stored).map((b): HotkeyBinding => {
      if (b.id === 'editor:undo') return { ...b, key: 'ctrl+u' };
      if (b.id === 'editor:redo') return { ...b, key: b.defaultKey }; // reset to its default
      return b;
    });
    expect(toOverrides(edited, stored)).toEqual({
      'zoomed_image:zoom:in': { key: 'shift+=', active: false, description: 'Zoom in (newer Label Studio)' },
      'zoomed_image:zoom:out': { key: 'command+-' },
      'editor:undo': { key: 'ctrl+u', active: true, description: 'Mine' },
    });
    // Without the stored map only the bindings count, as before.
    expect(toOverrides(edited)).toEqual({ 'editor:undo': { key: 'ctrl+u', active: true } });
  });

  it('keeps nothing of a stored map that is not an object, and copies what it keeps', () => {
    const bindings = resolveBindings(editorDefinitions, {});
    expect(toOverrides(bindings, null)).toEqual({});
    expect(toOverrides(bindings, 'x' as unknown as HotkeyOverrides)).toEqual({});
    const stored: HotkeyOverrides = { 'other:thing': { key: 'k' } };
    const overrides = toOverrides(bindings, stored);
    expect(overrides['other:thing']).not.toBe(stored['other:thing']);
    expect(overrides).toEqual(stored);
  });

  it('never throws on bad input and keeps ids like __proto__ as own keys', () => {
    expect(toOverrides(null as unknown as HotkeyBinding[])).toEqual({});
    const [first] = resolveBindings(editorDefinitions, {});
    const overrides = toOverrides([{ ...(first as HotkeyBinding), id: '__proto__', key: 'ctrl+u' }]);
    expect(Object.hasOwn(overrides, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(overrides)).toBe(Object.prototype);
  });
});

describe('findConflicts', () => {
  it("finds the shared combos among Label Studio's defaults", () => {
    const conflicts = findConflicts(resolveBindings(defaults, {}));
    const altLeft = conflicts.find((c) => c.combo === 'alt+left');
    expect(altLeft).toEqual({
      combo: 'alt+left',
      scope: 'global',
      bindingIds: [
        'video:media:step-backward',
        'video:video:backward',
        'timeseries:ts:shrink-left',
        'tools:tool:rotate-left',
      ],
    });
    expect(conflicts.find((c) => c.combo === 'ctrl+left')?.bindingIds).toEqual([
      'image_gallery:image:prev',
      'paragraphs:phrases:previous-region',
    ]);
    // Label Studio writes `shift+ctrl+alt+left` and `shift+alt+left`: normalized, they are distinct combos.
    expect(conflicts.map((c) => c.combo)).toContain('shift+alt+left');
    // In order of first appearance.
    const firstIndex = (c: (typeof conflicts)[number]) =>
      resolveBindings(defaults, {}).findIndex((b) => b.id === c.bindingIds[0]);
    const order = conflicts.map(firstIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('ignores inactive bindings, empty keys and other scopes', () => {
    const bindings = resolveBindings(defaults, {
      'video:media:step-backward': { key: 'alt+left', active: false },
      'video:video:backward': { key: '' },
    });
    expect(findConflicts(bindings).find((c) => c.combo === 'alt+left')?.bindingIds).toEqual([
      'timeseries:ts:shrink-left',
      'tools:tool:rotate-left',
    ]);
    const scoped = resolveBindings(
      defaults.map((d) => (d.section === 'timeseries' ? { ...d, scope: 'timeseries' } : d)),
      { 'video:media:step-backward': { key: 'alt+left', active: false }, 'video:video:backward': { key: '' } },
    );
    expect(findConflicts(scoped).find((c) => c.combo === 'alt+left')).toBeUndefined();
  });

  it('compares normalized combos', () => {
    const bindings = resolveBindings(editorDefinitions, {
      'editor:undo': { key: 'Z+Shift+Control' },
      'editor:find': { key: 'ctrl+shift+z', active: true },
    });
    expect(findConflicts(bindings)).toEqual([
      { combo: 'ctrl+shift+z', scope: 'global', bindingIds: ['editor:undo', 'editor:redo'] },
    ]);
    const scoped = bindings.map((b) => (b.id === 'editor:find' ? { ...b, scope: 'global' } : b));
    expect(findConflicts(scoped)[0]?.bindingIds).toEqual(['editor:undo', 'editor:redo', 'editor:find']);
  });

  it('never throws on bad input', () => {
    expect(findConflicts(null as unknown as HotkeyBinding[])).toEqual([]);
    expect(findConflicts([null, 3, { active: true, key: 7 }] as unknown as HotkeyBinding[])).toEqual([]);
  });
});

describe('the hotkeys module', () => {
  it('exports the generic helpers next to the existing exports', () => {
    for (const name of [
      'validateHotkeyOverrides',
      'parseCombo',
      'normalizeCombo',
      'formatCombo',
      'formatComboParts',
      'comboFromKeyboardEvent',
      'checkReserved',
      'BROWSER_COMBOS',
      'findConflicts',
      'overrideId',
      'resolveBindings',
      'toOverrides',
      'parseHotkeyImport',
      'toHotkeyExportEntries',
      'summarizeImport',
    ]) {
      expect(hotkeys, name).toHaveProperty(name);
    }
  });

  it("leaves Label Studio's defaults, rules and export format to the label-studio module", () => {
    for (const name of [
      'labelStudioDefaultHotkeys',
      'labelStudioHotkeySections',
      'labelStudioRules',
      'toLabelStudioExport',
    ]) {
      expect(labelStudio, name).toHaveProperty(name);
      expect(hotkeys, name).not.toHaveProperty(name);
    }
    expect(hotkeys).not.toHaveProperty('SERVER_BLOCKED_COMBOS');
    expect(labelStudio.labelStudioRules.hotkeys.blockedCombos).toContain('alt+f4');
  });
});
