import { afterEach, describe, expect, it } from 'vitest';
import { validateHotkeyOverrides } from '../../src/core/hotkeys/validate-overrides';
import { labelStudioRules } from '../../src/label-studio/rules';

/** The messages for one id, or undefined when the map passed or the id has none. */
function errorsFor(value: unknown, id: string): string[] | undefined {
  const result = validateHotkeyOverrides(value, labelStudioRules.hotkeys);
  if (result.ok) return undefined;
  return Object.getOwnPropertyDescriptor(result.fieldErrors, id)?.value as string[] | undefined;
}

describe('validateHotkeyOverrides', () => {
  describe('valid maps', () => {
    it('accepts a map and keeps key, active and description', () => {
      const input = {
        'editor:undo': { key: 'ctrl+z', active: false, description: 'Undo the last change' },
        'editor:redo': { key: 'ctrl+shift+z', active: true },
      };
      expect(validateHotkeyOverrides(input, labelStudioRules.hotkeys)).toEqual({
        ok: true,
        overrides: {
          'editor:undo': { key: 'ctrl+z', active: false, description: 'Undo the last change' },
          'editor:redo': { key: 'ctrl+shift+z', active: true },
        },
      });
    });

    it('accepts an empty map', () => {
      expect(validateHotkeyOverrides({}, labelStudioRules.hotkeys)).toEqual({ ok: true, overrides: {} });
    });

    it('leaves active and description out when they were not given', () => {
      const result = validateHotkeyOverrides({ 'image:zoom': { key: 'z' } }, labelStudioRules.hotkeys);
      expect(result.ok && result.overrides['image:zoom']).toStrictEqual({ key: 'z' });
    });

    it('drops fields other than key, active and description', () => {
      const result = validateHotkeyOverrides({ 'image:zoom': { key: 'z', extra: 'x' } }, labelStudioRules.hotkeys);
      expect(result).toEqual({ ok: true, overrides: { 'image:zoom': { key: 'z' } } });
    });
  });

  describe('blocked combos', () => {
    it.each(labelStudioRules.hotkeys.blockedCombos)('refuses the operating-system combo %s', (combo) => {
      expect(errorsFor({ 'tools:run': { key: combo } }, 'tools:run')).toEqual([
        `The shortcut ${combo} is reserved by the operating system.`,
      ]);
    });

    it.each(labelStudioRules.hotkeys.blockedCombos)('refuses %s in upper case with surrounding spaces', (combo) => {
      expect(errorsFor({ 'tools:run': { key: `  ${combo.toUpperCase()} ` } }, 'tools:run')).toEqual([
        `The shortcut ${combo} is reserved by the operating system.`,
      ]);
    });
  });

  describe('ids', () => {
    it.each(['undo', 'editor-undo'])('refuses the id %j, which has no colon', (id) => {
      expect(errorsFor({ [id]: { key: 'ctrl+z' } }, id)).toEqual([
        `The hotkey id "${id}" must have the form section:action.`,
      ]);
    });

    it.each([':undo', '  :undo', 'editor:', 'editor:   '])('refuses the id %j, which has a blank part', (id) => {
      expect(errorsFor({ [id]: { key: 'ctrl+z' } }, id)).toEqual([
        `The hotkey id "${id}" must have the form section:action.`,
      ]);
    });

    it('refuses an empty id', () => {
      expect(errorsFor({ '': { key: 'ctrl+z' } }, '')).toEqual(['A hotkey id is empty. Use the form section:action.']);
    });

    it('refuses an id of 101 characters', () => {
      const id = `a:${'b'.repeat(99)}`;
      expect(id).toHaveLength(101);
      expect(errorsFor({ [id]: { key: 'ctrl+z' } }, id)).toEqual([
        'The hotkey id is 101 characters long. The longest allowed is 100.',
      ]);
    });

    it('accepts an id of 100 characters', () => {
      const id = `a:${'b'.repeat(98)}`;
      expect(id).toHaveLength(100);
      expect(validateHotkeyOverrides({ [id]: { key: 'ctrl+z' } }, labelStudioRules.hotkeys)).toEqual({
        ok: true,
        overrides: { [id]: { key: 'ctrl+z' } },
      });
    });
  });

  describe('keys', () => {
    it('refuses a key of 51 characters', () => {
      expect(errorsFor({ 'a:b': { key: 'k'.repeat(51) } }, 'a:b')).toEqual([
        'The shortcut is 51 characters long. The longest allowed is 50.',
      ]);
    });

    it('accepts a key of 50 characters', () => {
      const key = `ctrl+shift+${'k'.repeat(39)}`;
      expect(key).toHaveLength(50);
      expect(validateHotkeyOverrides({ 'a:b': { key } }, labelStudioRules.hotkeys)).toEqual({
        ok: true,
        overrides: { 'a:b': { key } },
      });
    });

    it('refuses a missing key', () => {
      expect(errorsFor({ 'a:b': { active: true } }, 'a:b')).toEqual(['The shortcut is missing.']);
    });

    it('refuses a key that is not a string', () => {
      expect(errorsFor({ 'a:b': { key: 42 } }, 'a:b')).toEqual(['The shortcut is missing.']);
    });
  });

  describe('entry values', () => {
    it('refuses an active flag that is not a boolean', () => {
      expect(errorsFor({ 'a:b': { key: 'ctrl+b', active: 'yes' } }, 'a:b')).toEqual([
        '"active" must be true or false.',
      ]);
    });

    it('refuses a description that is not a string', () => {
      expect(errorsFor({ 'a:b': { key: 'ctrl+b', description: 7 } }, 'a:b')).toEqual(['"description" must be text.']);
    });

    it.each([
      ['a string', 'ctrl+b'],
      ['null', null],
      ['an array', [{ key: 'ctrl+b' }]],
      ['a number', 1],
    ])('refuses an entry that is %s instead of an object', (_label, entry) => {
      expect(errorsFor({ 'a:b': entry }, 'a:b')).toEqual(['Each hotkey must be an object with a key.']);
    });
  });

  describe('the map itself', () => {
    it.each([
      ['null', null],
      ['an array', []],
      ['a string', 'ctrl+z'],
      ['a number', 3],
      ['undefined', undefined],
    ])('refuses %s as the whole input', (_label, input) => {
      expect(validateHotkeyOverrides(input, labelStudioRules.hotkeys)).toEqual({
        ok: false,
        fieldErrors: { hotkeys: ['Hotkeys must be an object.'] },
      });
    });

    it('refuses 201 entries with a message naming 201 and 200', () => {
      const input = Object.fromEntries(
        Array.from({ length: 201 }, (_, i) => [`section:action${i}`, { key: 'ctrl+a' }]),
      );
      expect(validateHotkeyOverrides(input, labelStudioRules.hotkeys)).toEqual({
        ok: false,
        fieldErrors: { hotkeys: ['There are 201 hotkey overrides. The most allowed is 200.'] },
      });
    });

    it('accepts 200 entries', () => {
      const input = Object.fromEntries(
        Array.from({ length: 200 }, (_, i) => [`section:action${i}`, { key: 'ctrl+a' }]),
      );
      const result = validateHotkeyOverrides(input, labelStudioRules.hotkeys);
      expect(result.ok).toBe(true);
      expect(result.ok && Object.keys(result.overrides)).toHaveLength(200);
    });

    it('reports every problem of every bad entry at once', () => {
      const input = {
        nocolon: { key: 'alt+f4' },
        'a:b': { key: 'ctrl+a', active: 'no', description: 5 },
        'c:d': 'ctrl+d',
        'ok:fine': { key: 'ctrl+s' },
      };
      expect(validateHotkeyOverrides(input, labelStudioRules.hotkeys)).toEqual({
        ok: false,
        fieldErrors: {
          nocolon: [
            'The hotkey id "nocolon" must have the form section:action.',
            'The shortcut alt+f4 is reserved by the operating system.',
          ],
          'a:b': ['"active" must be true or false.', '"description" must be text.'],
          'c:d': ['Each hotkey must be an object with a key.'],
        },
      });
    });
  });

  describe('prototype keys', () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).key;
    });

    it('refuses a parsed "__proto__" id and reports it as an own property of fieldErrors', () => {
      const input: unknown = JSON.parse('{"__proto__": {"key": "ctrl+p"}, "a:b": {"key": "ctrl+b"}}');
      const result = validateHotkeyOverrides(input, labelStudioRules.hotkeys);
      expect(result.ok).toBe(false);
      const fieldErrors = result.ok ? {} : result.fieldErrors;
      expect(Object.hasOwn(fieldErrors, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(fieldErrors, '__proto__')?.value).toEqual([
        'The hotkey id "__proto__" is not allowed.',
      ]);
      expect(Object.keys(fieldErrors)).toEqual(['__proto__']);
    });

    it('does not pollute Object.prototype when given a parsed "__proto__" id', () => {
      validateHotkeyOverrides(JSON.parse('{"__proto__": {"key": "ctrl+p"}}'), labelStudioRules.hotkeys);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(({} as any).key).toBeUndefined();
    });

    it.each(['constructor', 'prototype'])('refuses the id %j', (id) => {
      expect(errorsFor({ [id]: { key: 'ctrl+p' } }, id)).toEqual([`The hotkey id "${id}" is not allowed.`]);
    });
  });
});
