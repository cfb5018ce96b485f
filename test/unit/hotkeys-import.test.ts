import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBindings } from '../../src/core/hotkeys/bindings';
import { normalizeCombo } from '../../src/core/hotkeys/combo';
import {
  MAX_HOTKEY_IMPORT_BYTES,
  parseHotkeyImport,
  summarizeImport,
  utf8ByteLength,
} from '../../src/core/hotkeys/import-export';
import { labelStudioDefaultHotkeys, labelStudioHotkeySections } from '../../src/label-studio/defaults';
import type { HotkeyImportResult } from '../../src/core/hotkeys/types';
import { toLabelStudioExport, type LabelStudioHotkeyExport } from '../../src/label-studio/export-format';
import { labelStudioRules } from '../../src/label-studio/rules';

// A path, not `new URL(…, import.meta.url)`, which Vite rewrites into a served URL under jsdom.
const here = dirname(fileURLToPath(import.meta.url));
const fixtureText = readFileSync(join(here, '../fixtures/label-studio/hotkeys-defaults.export.json'), 'utf8');
const fixture = JSON.parse(fixtureText) as LabelStudioHotkeyExport;
const defaults = labelStudioDefaultHotkeys;

/** One entry for Label Studio's undo action with the given fields on top. */
function undo(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { section: 'annotation', element: 'annotation:undo', key: 'ctrl+z', ...fields };
}

/** Imports a list of entries in Label Studio's object format. */
function importEntries(entries: unknown[]): HotkeyImportResult {
  return parseHotkeyImport(JSON.stringify({ hotkeys: entries }), defaults, { rules: labelStudioRules.hotkeys });
}

afterEach(() => {
  // A test that polluted Object.prototype must not leak into the others.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("Label Studio's defaults", () => {
  it('are the 77 entries of the export fixture, active', () => {
    expect(defaults).toHaveLength(77);
    expect(defaults).toEqual(fixture.hotkeys);
    expect(defaults.every((d) => d.active === true)).toBe(true);
  });

  it('come in the 9 sections, in order', () => {
    expect(labelStudioHotkeySections.map((s) => s.id)).toEqual([
      'annotation',
      'data_manager',
      'regions',
      'tools',
      'audio',
      'video',
      'timeseries',
      'image_gallery',
      'paragraphs',
    ]);
    expect(labelStudioHotkeySections[0]).toEqual({
      id: 'annotation',
      title: 'Annotation Actions',
      description: 'Shortcuts for common annotation tasks like submit, skip, undo and redo',
    });
    const sectionIds = new Set(labelStudioHotkeySections.map((s) => s.id));
    expect(defaults.every((d) => sectionIds.has(d.section))).toBe(true);
  });

  it('all parse', () => {
    for (const definition of defaults) expect(normalizeCombo(definition.key), definition.key).not.toBeNull();
  });
});

describe('parseHotkeyImport', () => {
  it('imports the export fixture with no errors and no warnings', () => {
    const result = parseHotkeyImport(fixtureText, defaults, { rules: labelStudioRules.hotkeys });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.bindings).toHaveLength(77);
    expect(result.bindings.every((b) => b.active)).toBe(true);
  });

  it('round-trips the fixture through toLabelStudioExport', () => {
    const result = parseHotkeyImport(fixtureText, defaults, { rules: labelStudioRules.hotkeys });
    const exported = toLabelStudioExport(result.bindings, new Date('2026-11-20T10:00:00.000Z'));
    expect(exported.version).toBe('1.0');
    expect(exported.settings).toEqual({});
    expect(exported.exportedAt).toBe('2026-11-20T10:00:00.000Z');
    const pick = (e: LabelStudioHotkeyExport['hotkeys'][number]) => ({
      id: e.id,
      section: e.section,
      element: e.element,
      label: e.label,
      description: e.description,
      active: e.active,
      key: normalizeCombo(e.key),
    });
    expect(exported.hotkeys.map(pick)).toEqual(fixture.hotkeys.map(pick));
    // Keys come out normalized: Label Studio's `shift+R` and `H` as `shift+r` and `h`.
    const keyOf = (element: string) => exported.hotkeys.find((e) => e.element === element)?.key;
    const raw = new Map(fixture.hotkeys.map((e) => [e.element, e.key]));
    for (const entry of exported.hotkeys) expect(entry.key).toBe(normalizeCombo(raw.get(entry.element) as string));
    expect(raw.get('tool:rect')).toBe('R');
    expect(keyOf('tool:rect')).toBe('r');
    expect(raw.get('tool:rect-3point')).toBe('shift+R');
    expect(keyOf('tool:rect-3point')).toBe('shift+r');
    expect(raw.get('tool:pan-image')).toBe('H');
    expect(keyOf('tool:pan-image')).toBe('h');
    expect(exported.hotkeys.filter((e) => /[A-Z]/.test(e.key))).toEqual([]);
  });

  it("accepts Label Studio's legacy bare list", () => {
    const result = parseHotkeyImport(JSON.stringify([undo({ key: 'shift+ctrl+Z', active: false })]), defaults, {
      rules: labelStudioRules.hotkeys,
    });
    expect(result.ok).toBe(true);
    expect(result.bindings).toEqual([
      expect.objectContaining({
        id: 'annotation:annotation:undo',
        definitionId: '300',
        key: 'ctrl+shift+z',
        active: false,
        defaultKey: 'ctrl+z',
        defaultActive: true,
        scope: 'global',
      }),
    ]);
  });

  it('takes active as true when absent, and accepts numeric and string ids and labels', () => {
    const result = importEntries([
      undo({ id: 300, label: 'Undo' }),
      { ...undo({ id: '400' }), element: 'annotation:redo' },
    ]);
    expect(result.ok).toBe(true);
    expect(result.bindings.map((b) => [b.id, b.active])).toEqual([
      ['annotation:annotation:undo', true],
      ['annotation:annotation:redo', true],
    ]);
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['{', /not valid JSON: .+/],
    ['null', /not a hotkeys export/],
    ['42', /not a hotkeys export/],
    ['"hotkeys"', /not a hotkeys export/],
    ['{"settings": {}}', /not a hotkeys export/],
    ['{"hotkeys": {}}', /"hotkeys" must be a list/],
    ['{"__proto__": {"hotkeys": []}}', /not a hotkeys export/],
  ])('refuses %j', (text, message) => {
    const result = parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys });
    expect(result.ok).toBe(false);
    expect(result.bindings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(message);
  });

  it("gives the JSON parser's message for a syntax error", () => {
    let parserMessage = '';
    try {
      JSON.parse('{"hotkeys": [}');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(
      parseHotkeyImport('{"hotkeys": [}', defaults, { rules: labelStudioRules.hotkeys }).errors[0]?.message,
    ).toContain(parserMessage);
  });

  it('refuses a file over 1 MB, naming the limit and the size in UTF-8 bytes', () => {
    // 'é' is 2 bytes: 500,001 characters of padding make 1,000,002 bytes, plus the JSON around them.
    const text = JSON.stringify({ hotkeys: [], padding: 'é'.repeat(500_001) });
    const bytes = new TextEncoder().encode(text).length;
    expect(text.length).toBeLessThan(MAX_HOTKEY_IMPORT_BYTES);
    const result = parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys });
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toContain('1,000,000 bytes');
    expect(result.errors[0]?.message).toContain(`${bytes.toLocaleString('en-US')} bytes`);
  });

  it('reads a file of exactly 1 MB', () => {
    const base = JSON.stringify({ hotkeys: [undo()], padding: '' });
    const text = JSON.stringify({ hotkeys: [undo()], padding: 'x'.repeat(MAX_HOTKEY_IMPORT_BYTES - base.length) });
    expect(new TextEncoder().encode(text).length).toBe(MAX_HOTKEY_IMPORT_BYTES);
    expect(parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys }).ok).toBe(true);
  });

  it('counts UTF-8 bytes as TextEncoder does (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });

  it('refuses more than 200 entries, naming both numbers', () => {
    const result = importEntries(Array.from({ length: 201 }, () => undo()));
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/201/);
    expect(result.errors[0]?.message).toMatch(/200/);
    expect(importEntries(Array.from({ length: 200 }, () => undo())).ok).toBe(true);
  });

  it('reports every problem with its index and field', () => {
    const result = importEntries([
      'not an object',
      { element: 'annotation:undo', key: 'ctrl+z' },
      { section: 42, element: '', key: 'ctrl+z' },
      undo({ key: 'ctrl+foo' }),
      undo({ key: 'alt+F4' }),
      undo({ active: 'yes', label: 7, id: {} }),
      undo({ key: '' }),
      undo({ key: 'ctrl+a+b' }),
      null,
      undo(),
    ]);
    expect(result.ok).toBe(false);
    expect(result.bindings).toEqual([]);
    const found = result.errors.map(({ index, field }) => [index, field]);
    expect(found).toEqual([
      [0, undefined],
      [1, 'section'],
      [2, 'section'],
      [2, 'element'],
      [4, 'key'],
      [5, 'label'],
      [5, 'id'],
      [5, 'active'],
      [6, 'key'],
      [8, undefined],
    ]);
    const message = (index: number, field?: string) =>
      result.errors.find((e) => e.index === index && e.field === field)?.message;
    expect(message(4, 'key')).toBe(
      "Entry 5: Alt+F4 is kept by the operating system, so it can't be used as a shortcut.",
    );
    expect(message(1, 'section')).toMatch(/Entry 2 has no "section"/);
    for (const problem of result.errors) expect(problem.message).toMatch(/^Entry \d+/);
    // Keys Label Studio stores but a binding here can't hold are skipped, not errors.
    expect(result.warnings.map(({ index, field, skipped }) => [index, field, skipped])).toEqual([
      [3, 'key', true],
      [7, 'key', true],
      [9, undefined, undefined],
    ]);
    expect(result.warnings[0]?.message).toBe(
      'Entry 4: the shortcut "ctrl+foo" for "Undo" is skipped. "foo" is not a key name.',
    );
    expect(result.warnings[1]?.message).toMatch(/^Entry 8: .*"ctrl\+a\+b".*skipped\. .*two keys: a and b/);
  });

  it('warns about unknown actions and ignores them', () => {
    const result = importEntries([undo(), { section: 'annotation', element: 'annotation:teleport', key: 'ctrl+j' }]);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        index: 1,
        field: 'element',
        message: expect.stringMatching(/unknown action "annotation:annotation:teleport".*ignored/),
      },
    ]);
    expect(result.bindings.map((b) => b.id)).toEqual(['annotation:annotation:undo']);
  });

  it('warns about duplicates; the last one wins', () => {
    const result = importEntries([undo({ key: 'ctrl+u' }), undo({ key: 'ctrl+y', active: false })]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ index: 1, message: expect.stringMatching(/again; the last one wins/) }]);
    expect(result.bindings).toHaveLength(1);
    expect(result.bindings[0]).toMatchObject({ key: 'ctrl+y', active: false });
  });

  it('warns about combos the browser keeps, without refusing them', () => {
    const result = importEntries([undo({ key: 'ctrl+t' })]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ index: 0, field: 'key', message: expect.stringMatching(/browser may catch/) }]);
    expect(result.bindings[0]?.key).toBe('ctrl+t');
  });

  it('ignores __proto__, constructor and prototype keys and pollutes nothing', () => {
    const text = `{
      "__proto__": { "polluted": true },
      "constructor": { "prototype": { "polluted": true } },
      "hotkeys": [
        { "__proto__": { "polluted": true }, "section": "annotation", "element": "annotation:undo", "key": "ctrl+u" },
        { "section": "annotation", "element": "annotation:redo", "key": "ctrl+y",
          "constructor": { "prototype": { "polluted": true } }, "prototype": { "polluted": true } },
        { "__proto__": { "section": "annotation", "element": "annotation:submit", "key": "ctrl+s" } }
      ]
    }`;
    const result = parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The third entry's fields hide under __proto__, so it has none of its own.
    expect(result.errors.map(({ index, field }) => [index, field])).toEqual([
      [2, 'section'],
      [2, 'element'],
      [2, 'key'],
    ]);
    const fine = parseHotkeyImport(JSON.stringify(JSON.parse(text).hotkeys.slice(0, 2)), defaults, {
      rules: labelStudioRules.hotkeys,
    });
    expect(fine.ok).toBe(true);
    expect(fine.bindings.map((b) => b.key)).toEqual(['ctrl+u', 'ctrl+y']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read fields inherited from a polluted Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'key', { value: 'ctrl+k', configurable: true });
    try {
      expect(importEntries([{ section: 'annotation', element: 'annotation:undo' }]).errors).toEqual([
        { index: 0, field: 'key', message: expect.stringMatching(/no "key"/) },
      ]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).key;
    }
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const result = parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys });
        expect(result.ok).toBe(result.errors.length === 0);
        if (!result.ok) expect(result.bindings).toEqual([]);
      }),
    );
  });

  it('never throws on arbitrary JSON (property)', () => {
    const json = fc.oneof(
      fc.json(),
      fc.anything().map((value) => JSON.stringify(value) ?? ''),
      fc.array(fc.object()).map((hotkeys) => JSON.stringify({ hotkeys })),
      fc
        .array(
          fc.record(
            {
              section: fc.oneof(fc.constant('annotation'), fc.anything()),
              element: fc.oneof(fc.constantFrom('annotation:undo', 'annotation:redo', 'x'), fc.anything()),
              key: fc.oneof(fc.string(), fc.constantFrom('ctrl+z', 'alt+f4', 'ctrl+t'), fc.anything()),
              active: fc.anything(),
              id: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        )
        .map((hotkeys) => JSON.stringify({ hotkeys })),
    );
    fc.assert(
      fc.property(json, (text) => {
        const result = parseHotkeyImport(text, defaults, { rules: labelStudioRules.hotkeys });
        expect(result.ok).toBe(result.errors.length === 0);
        for (const problem of [...result.errors, ...result.warnings]) expect(typeof problem.message).toBe('string');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });

  it('never throws on input that is not text', () => {
    expect(parseHotkeyImport(undefined as unknown as string, defaults, { rules: labelStudioRules.hotkeys }).ok).toBe(
      false,
    );
    expect(parseHotkeyImport('[]', null as unknown as typeof defaults, { rules: labelStudioRules.hotkeys })).toEqual({
      ok: true,
      bindings: [],
      errors: [],
      warnings: [],
    });
  });
});

describe('toLabelStudioExport', () => {
  it("writes Label Studio's export format", () => {
    const bindings = resolveBindings(defaults.slice(0, 1), { 'annotation:annotation:submit': { key: 'cmd+enter' } });
    expect(toLabelStudioExport(bindings, new Date('2026-01-02T03:04:05.000Z'))).toEqual({
      hotkeys: [
        {
          id: '100',
          section: 'annotation',
          element: 'annotation:submit',
          label: 'Submit Annotation',
          // keymaster, Label Studio's editor runtime, knows ⌘ only as `command`.
          key: 'command+enter',
          description: 'Submit the current annotation',
          active: true,
        },
      ],
      settings: {},
      exportedAt: '2026-01-02T03:04:05.000Z',
      version: '1.0',
    });
  });

  it('uses the current time for an invalid date', () => {
    expect(() => toLabelStudioExport([], new Date('nonsense'))).not.toThrow();
    expect(Number.isNaN(Date.parse(toLabelStudioExport([], new Date('nonsense')).exportedAt))).toBe(false);
  });

  it('exports what imports back unchanged', () => {
    const bindings = resolveBindings(defaults, {
      'tools:tool:rect': { key: 'shift+alt+r', active: false },
      'annotation:annotation:submit': { key: 'ctrl+meta+enter' },
    });
    const again = parseHotkeyImport(JSON.stringify(toLabelStudioExport(bindings)), defaults, {
      rules: labelStudioRules.hotkeys,
    });
    expect(again.ok).toBe(true);
    expect(again.warnings).toEqual([]);
    expect(again.bindings).toEqual(bindings);
  });
});

describe('summarizeImport', () => {
  it('counts changed, unchanged and unknown', () => {
    const current = resolveBindings(defaults, {});
    const imported = importEntries([
      undo({ key: 'ctrl+u' }),
      { section: 'annotation', element: 'annotation:redo', key: 'shift+ctrl+Z' },
      { section: 'annotation', element: 'annotation:submit', key: 'ctrl+enter', active: false },
      { section: 'annotation', element: 'annotation:nope', key: 'ctrl+j' },
      { section: 'nowhere', element: 'x', key: 'ctrl+k' },
      undo({ key: 'ctrl+u' }),
    ]);
    expect(summarizeImport(current, imported)).toEqual({ changed: 2, unchanged: 1, unknown: 2, skipped: 0 });
  });

  it('counts nothing changed for a failed import', () => {
    const imported = importEntries([
      undo({ key: 'ctrl+foo' }),
      { section: 'a', element: 'b', key: 'c' },
      undo({ key: 7 }),
    ]);
    expect(imported.ok).toBe(false);
    expect(summarizeImport(resolveBindings(defaults, {}), imported)).toEqual({
      changed: 0,
      unchanged: 0,
      unknown: 1,
      skipped: 1,
    });
  });

  it('counts the fixture as unchanged against the defaults', () => {
    const imported = parseHotkeyImport(fixtureText, defaults, { rules: labelStudioRules.hotkeys });
    expect(summarizeImport(resolveBindings(defaults, {}), imported)).toEqual({
      changed: 0,
      unchanged: 77,
      unknown: 0,
      skipped: 0,
    });
  });
});

describe('parseHotkeyImport with the keys Label Studio stores', () => {
  /** The keys the import gives each action of a list of `[element, key]` entries in the annotation section. */
  function importedKeys(entries: Array<[string, string]>, options: { platform?: 'mac' | 'other' } = {}) {
    const result = parseHotkeyImport(
      JSON.stringify({ hotkeys: entries.map(([element, key]) => ({ section: 'annotation', element, key })) }),
      defaults,
      { rules: labelStudioRules.hotkeys, ...options },
    );
    return { result, keys: Object.fromEntries(result.bindings.map((b) => [b.element, b.key])) };
  }

  it('reads the shifted symbols its recorder writes as Shift and their US base key', () => {
    const { result, keys } = importedKeys([
      ['annotation:submit', 'shift+!'],
      ['annotation:undo', 'shift+?'],
      ['annotation:redo', 'shift+>'],
      ['annotation:skip', 'shift+@'],
      ['annotation:reject-remove', '!'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(keys).toEqual({
      'annotation:submit': 'shift+1',
      'annotation:undo': 'shift+/',
      'annotation:redo': 'shift+.',
      'annotation:skip': 'shift+2',
      'annotation:reject-remove': 'shift+1',
    });
  });

  it("reads keymaster's modifier names, arrow names and a space written as a space", () => {
    const { result, keys } = importedKeys([
      ['annotation:submit', 'command+enter'],
      ['annotation:undo', 'control+option+z'],
      ['annotation:redo', 'shift+arrowleft'],
      ['annotation:skip', 'ctrl+ '],
    ]);
    expect(result.errors).toEqual([]);
    expect(keys).toEqual({
      'annotation:submit': 'meta+enter',
      'annotation:undo': 'ctrl+alt+z',
      'annotation:redo': 'shift+left',
      'annotation:skip': 'ctrl+space',
    });
  });

  it('reads F13 to F19 and Insert', () => {
    const { result, keys } = importedKeys([
      ['annotation:submit', 'f13'],
      ['annotation:undo', 'ctrl+F19'],
      ['annotation:redo', 'shift+insert'],
    ]);
    expect(result.errors).toEqual([]);
    expect(keys).toEqual({
      'annotation:submit': 'f13',
      'annotation:undo': 'ctrl+f19',
      'annotation:redo': 'shift+insert',
    });
  });

  it('takes a keymaster comma list whose parts are one combo, and skips one of different combos, naming them', () => {
    const { result, keys } = importedKeys([
      ['annotation:submit', 'ctrl+enter, control+Enter'],
      ['annotation:undo', 'ctrl+z, command+z'],
      ['annotation:redo', 'ctrl+,'],
    ]);
    expect(result.ok).toBe(true);
    expect(keys).toEqual({ 'annotation:submit': 'ctrl+enter', 'annotation:redo': 'ctrl+,' });
    expect(result.warnings).toEqual([
      {
        index: 1,
        field: 'key',
        skipped: true,
        message:
          'Entry 2: the shortcut "ctrl+z, command+z" for "Undo" is skipped. It lists 2 different shortcuts (Ctrl+Z and Meta+Z), and one is needed here.',
      },
    ]);
  });

  it('skips a combo it refuses that Label Studio accepts, and refuses what Label Studio refuses as written', () => {
    const { result } = importedKeys([
      ['annotation:submit', 'meta+tab'],
      ['annotation:undo', 'option+f4'],
    ]);
    expect(result.ok).toBe(true);
    expect(result.bindings).toEqual([]);
    expect(result.warnings.map((w) => [w.index, w.skipped, w.message])).toEqual([
      [
        0,
        true,
        'Entry 1: the shortcut Meta+Tab for "Submit Annotation" is skipped. The operating system keeps it, so it can\'t be used as a shortcut here.',
      ],
      [1, true, expect.stringMatching(/^Entry 2: the shortcut Alt\+F4 for "Undo" is skipped\./)],
    ]);

    // Label Studio's server refuses these very strings (lower-cased), so the file could not be stored there either.
    const refused = importedKeys([
      ['annotation:submit', 'cmd+tab'],
      ['annotation:undo', 'ALT+F4'],
      ['annotation:redo', 'ctrl+y'],
    ]).result;
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'key'],
      [1, 'key'],
    ]);
    expect(refused.errors[0]?.message).toBe(
      "Entry 1: Meta+Tab is kept by the operating system, so it can't be used as a shortcut.",
    );
  });

  it('skips a key outside the vocabulary and applies the rest', () => {
    const { result, keys } = importedKeys([
      ['annotation:submit', 'alt+å'],
      ['annotation:undo', 'ctrl+u'],
    ]);
    expect(result.ok).toBe(true);
    expect(keys).toEqual({ 'annotation:undo': 'ctrl+u' });
    expect(result.warnings).toEqual([
      {
        index: 0,
        field: 'key',
        skipped: true,
        message: 'Entry 1: the shortcut "alt+å" for "Submit Annotation" is skipped. "å" is not a key name.',
      },
    ]);
  });

  it('keeps entries missing a required field errors, as Label Studio does', () => {
    const result = importEntries([undo({ key: undefined }), undo({ key: 'alt+å' }), undo({ key: 'ctrl+u' })]);
    expect(result.ok).toBe(false);
    expect(result.bindings).toEqual([]);
    expect(result.errors).toEqual([{ index: 0, field: 'key', message: 'Entry 1 has no "key".' }]);
    expect(result.warnings.map((w) => w.index)).toEqual([1]);
  });

  it('names each entry once in its messages', () => {
    const result = importEntries([
      undo({ key: 'alt+å' }),
      undo({ key: 'ctrl+t' }),
      undo({ element: 'annotation:redo', active: 'no' }),
      'x',
    ]);
    const messages = [...result.errors, ...result.warnings].map((problem) => problem.message);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message.match(/Entry \d+/g), message).toHaveLength(1);
  });

  it('shows combos in its messages as the platform displays them', () => {
    const other = importEntries([undo({ key: 'ctrl+t' }), undo({ key: 'alt+f4' })]);
    expect(other.errors[0]?.message).toMatch(/^Entry 2: Alt\+F4 is kept by the operating system/);
    expect(other.warnings[0]?.message).toMatch(/^Entry 1: the browser may catch Ctrl\+T first/);

    const mac = parseHotkeyImport(JSON.stringify([undo({ key: 'meta+t' }), undo({ key: 'alt+f4' })]), defaults, {
      rules: labelStudioRules.hotkeys,
      platform: 'mac',
    });
    expect(mac.errors[0]?.message).toMatch(/^Entry 2: ⌥F4 is kept by the operating system/);
    expect(mac.warnings[0]?.message).toMatch(/^Entry 1: the browser may catch ⌘T first/);
  });

  it('turns a whole export of 77 with one key it cannot hold into 76 changes and 1 skipped', () => {
    const exported = structuredClone(fixture);
    exported.hotkeys[10]!.key = 'alt+å';
    const result = parseHotkeyImport(JSON.stringify(exported), defaults, { rules: labelStudioRules.hotkeys });
    expect(result.ok).toBe(true);
    expect(result.bindings).toHaveLength(76);
    // Everything turned off before the import, so each entry it applies is a change.
    const allOff = Object.fromEntries(
      resolveBindings(defaults, {}).map((b) => [b.id, { key: b.defaultKey, active: false }]),
    );
    expect(summarizeImport(resolveBindings(defaults, allOff), result)).toEqual({
      changed: 76,
      unchanged: 0,
      unknown: 0,
      skipped: 1,
    });
  });

  it('accepts or skips every key made of the characters Label Studio stores, never failing the import for it (property)', () => {
    const allowed =
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+- []\\;\'".,/`~!@#$%^&*()_={}|:<>?'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allowed), { minLength: 1, maxLength: 20 }), (chars) => {
        const key = chars.join('');
        fc.pre(key.trim() !== '');
        fc.pre(!(labelStudioRules.hotkeys.blockedCombos as readonly string[]).includes(key.trim().toLowerCase()));
        const result = importEntries([undo({ key })]);
        expect(result.errors).toEqual([]);
        expect(result.bindings.length + result.warnings.filter((w) => w.skipped).length).toBe(1);
      }),
    );
  });
});

describe('hotkey settings in the export file', () => {
  const rules = labelStudioRules.hotkeys;
  const bindings = resolveBindings(defaults, {});

  it('writes the settings given as the file’s settings, and reads them back', () => {
    const settings = { autoTranslatePlatforms: true, nested: { order: [1, 'a'] } };
    const file = toLabelStudioExport(bindings, new Date('2026-01-02T03:04:05.000Z'), settings);
    expect(file.settings).toEqual(settings);
    const result = parseHotkeyImport(JSON.stringify(file), defaults, { rules });
    expect(result.ok).toBe(true);
    expect(result.settings).toEqual(settings);
  });

  it('has no settings when the file has none (a bare list, or an object without them)', () => {
    expect(parseHotkeyImport(JSON.stringify([undo()]), defaults, { rules }).settings).toBeUndefined();
    expect(parseHotkeyImport(JSON.stringify({ hotkeys: [undo()] }), defaults, { rules }).settings).toBeUndefined();
  });

  it.each([[[true]], ['on'], [null], [3]])('lists settings of %j as a problem beside the entries’ problems', (bad) => {
    const result = parseHotkeyImport(JSON.stringify({ hotkeys: [undo({ key: '' })], settings: bad }), defaults, {
      rules,
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({
      field: 'settings',
      message: '"settings" must be an object of hotkey settings.',
    });
    expect(result.errors.length).toBeGreaterThan(1);
  });
});
