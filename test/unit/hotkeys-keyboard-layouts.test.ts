import { describe, expect, it } from 'vitest';
import {
  HOTKEY_KEY_NAMES,
  comboFromKeyboardEvent,
  formatCombo,
  parseCombo,
  type HotkeyKeyboardEvent,
} from '../../src/core/hotkeys/combo';
import {
  AZERTY,
  DVORAK,
  NAMED_KEYS,
  QWERTZ,
  RUSSIAN,
  US,
  functionKey,
  keydownFor,
  type KeyboardLayout,
  type KeyModifier,
} from '../support/keyboard-layouts';

/** A row: the character printed on the key (as the layout's table finds it), the modifiers held, and the combo recorded. */
type Row = [printed: string, modifiers: KeyModifier[], combo: string];

/** The combo recorded for a key of a layout pressed with modifiers, from the keydown Chromium reports. */
function record(layout: KeyboardLayout, printed: string, modifiers: KeyModifier[]): string | null {
  const key = layout.keys[printed];
  if (!key) throw new Error(`${layout.name} has no key that types ${printed}`);
  return comboFromKeyboardEvent(keydownFor(key, modifiers));
}

describe('comboFromKeyboardEvent follows what the key prints, as keyCode does', () => {
  const tables: [KeyboardLayout, Row[]][] = [
    [
      US,
      [
        ['a', [], 'a'],
        ['a', ['Shift'], 'shift+a'],
        ['k', ['Control', 'Shift'], 'ctrl+shift+k'],
        ['1', ['Shift'], 'shift+1'],
        ['/', ['Shift'], 'shift+/'],
        [';', [], ';'],
        ["'", ['Shift'], "shift+'"],
        ['[', [], '['],
        ['`', [], '`'],
        ['=', ['Shift'], 'shift+='],
      ],
    ],
    [
      AZERTY,
      [
        // Letters as printed: A and Q, Z and W swap places, M sits where US has ";".
        ['a', [], 'a'],
        ['q', [], 'q'],
        ['z', ['Control'], 'ctrl+z'],
        ['w', [], 'w'],
        ['m', [], 'm'],
        // The key at KeyM types ",": it is the comma key, with Shift too (where it types "?").
        [',', [], ','],
        [',', ['Shift'], 'shift+,'],
        // Digits need Shift here; both states name the digit key.
        ['1', ['Shift'], 'shift+1'],
        ['&', [], '1'],
        ['é', [], '2'],
        // Other punctuation by its physical key.
        [':', [], '.'],
      ],
    ],
    [
      QWERTZ,
      [
        ['z', ['Control'], 'ctrl+z'],
        ['y', [], 'y'],
        ['1', ['Shift'], 'shift+1'],
        ['ü', [], '['],
        ['ß', [], '-'],
        ['ö', [], ';'],
      ],
    ],
    [
      DVORAK,
      [
        ['o', [], 'o'],
        ['s', ['Control'], 'ctrl+s'],
        ['z', [], 'z'],
        // Letter positions that type punctuation here.
        [',', [], ','],
        ["'", ['Shift'], "shift+'"],
        [';', [], ';'],
        ['1', ['Shift'], 'shift+1'],
      ],
    ],
    [
      RUSSIAN,
      [
        // No Latin letters: the US letter at that position.
        ['й', [], 'q'],
        ['й', ['Shift'], 'shift+q'],
        ['я', ['Control'], 'ctrl+z'],
        ['ф', ['Alt'], 'alt+a'],
        // Punctuation keys that type letters here keep their US name.
        ['ю', [], '.'],
        ['ж', [], ';'],
        ['1', ['Shift'], 'shift+1'],
        ['.', ['Shift'], 'shift+/'],
      ],
    ],
  ];

  describe.each(tables.map(([layout, rows]) => [layout.name, layout, rows] as const))(
    'on %s',
    (_name, layout, rows) => {
      it.each(rows)('the key printed %s with [%s] records %s', (printed, modifiers, combo) => {
        expect(record(layout, printed, modifiers)).toBe(combo);
      });
    },
  );

  it.each<[string, HotkeyKeyboardEvent, string]>([
    [
      'macOS Option+A (types å)',
      { key: 'å', code: 'KeyA', keyCode: 65, altKey: true, ctrlKey: false, shiftKey: false, metaKey: false },
      'alt+a',
    ],
    [
      'macOS Option+Shift+/ (types ¿)',
      { key: '¿', code: 'Slash', keyCode: 191, altKey: true, ctrlKey: false, shiftKey: true, metaKey: false },
      'shift+alt+/',
    ],
    [
      'macOS Option and the key printed A on AZERTY (at KeyQ, types æ)',
      { key: 'æ', code: 'KeyQ', keyCode: 65, altKey: true, ctrlKey: false, shiftKey: false, metaKey: false },
      'alt+a',
    ],
    [
      'the same without a keyCode (a synthetic event): its position',
      { key: 'æ', code: 'KeyQ', altKey: true, ctrlKey: false, shiftKey: false, metaKey: false },
      'alt+q',
    ],
    [
      "AZERTY's comma key without a keyCode (a synthetic event): its position",
      { key: ',', code: 'KeyM', altKey: false, ctrlKey: false, shiftKey: false, metaKey: false },
      'm',
    ],
    [
      'a key remapped to Escape',
      { key: 'Escape', code: 'CapsLock', altKey: false, ctrlKey: false, shiftKey: false, metaKey: false },
      'escape',
    ],
    [
      'numpad 0 without Num Lock',
      { key: 'Insert', code: 'Numpad0', altKey: false, ctrlKey: false, shiftKey: false, metaKey: false },
      'insert',
    ],
    [
      'numpad 0 with Num Lock',
      { key: '0', code: 'Numpad0', altKey: false, ctrlKey: false, shiftKey: false, metaKey: false },
      '0',
    ],
  ])('records %s', (_name, event, combo) => {
    expect(comboFromKeyboardEvent(event)).toBe(combo);
  });
});

describe('comboFromKeyboardEvent: named keys', () => {
  it.each([13, 14, 15, 16, 17, 18, 19])('records F%i', (n) => {
    expect(comboFromKeyboardEvent(keydownFor(functionKey(n)))).toBe(`f${n}`);
    expect(comboFromKeyboardEvent(keydownFor(functionKey(n), ['Control', 'Shift']))).toBe(`ctrl+shift+f${n}`);
  });

  it('records nothing for F20 and beyond, which no backend stores', () => {
    expect(comboFromKeyboardEvent(keydownFor(functionKey(20)))).toBeNull();
  });

  it.each<[keyof typeof NAMED_KEYS, string]>([
    ['Insert', 'insert'],
    ['Backspace', 'backspace'],
    ['Delete', 'delete'],
    ['Tab', 'tab'],
    ['Enter', 'enter'],
    ['Escape', 'escape'],
    ['Space', 'space'],
    ['Home', 'home'],
    ['End', 'end'],
    ['PageUp', 'pageup'],
    ['PageDown', 'pagedown'],
    ['ArrowLeft', 'left'],
    ['ArrowDown', 'down'],
  ])('records %s as %s on every layout', (name, combo) => {
    expect(comboFromKeyboardEvent(keydownFor(NAMED_KEYS[name]))).toBe(combo);
    expect(comboFromKeyboardEvent(keydownFor(NAMED_KEYS[name], ['Shift']))).toBe(`shift+${combo}`);
  });
});

describe('the key vocabulary', () => {
  it('has F1 to F19 and Insert', () => {
    for (let n = 1; n <= 19; n += 1) expect(HOTKEY_KEY_NAMES).toContain(`f${n}`);
    expect(HOTKEY_KEY_NAMES).toContain('insert');
    expect(HOTKEY_KEY_NAMES).not.toContain('f20');
  });

  it('parses and shows the new names', () => {
    expect(parseCombo('Shift+F13')).toEqual({ ok: true, combo: 'shift+f13' });
    expect(parseCombo('ctrl+insert')).toEqual({ ok: true, combo: 'ctrl+insert' });
    expect(parseCombo('f20')).toMatchObject({ ok: false, code: 'combo_unknown_key' });
    expect(formatCombo('shift+insert', 'other')).toBe('Shift+Insert');
    expect(formatCombo('meta+f19', 'mac')).toBe('⌘F19');
  });

  it('is where every recorded combo comes from: each parses back to itself', () => {
    for (const layout of [US, AZERTY, QWERTZ, DVORAK, RUSSIAN]) {
      for (const key of Object.values(layout.keys)) {
        for (const modifiers of [[], ['Shift'], ['Control', 'Alt']] as KeyModifier[][]) {
          const combo = comboFromKeyboardEvent(keydownFor(key, modifiers));
          expect(combo, `${layout.name} ${key.code}`).not.toBeNull();
          expect(parseCombo(combo as string)).toEqual({ ok: true, combo });
        }
      }
    }
  });
});
