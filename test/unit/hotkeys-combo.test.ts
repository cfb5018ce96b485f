import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HOTKEY_KEY_NAMES,
  HOTKEY_MODIFIERS,
  comboFromKeyboardEvent,
  formatCombo,
  formatComboParts,
  normalizeCombo,
  parseCombo,
  type HotkeyKeyboardEvent,
  type HotkeyModifier,
} from '../../src/core/hotkeys/combo';
import { checkReserved } from '../../src/core/hotkeys/reserved';
import { labelStudioRules } from '../../src/label-studio/rules';

/** The combos Label Studio refuses, as `checkReserved` takes them. */
const labelStudioCombos = { refused: labelStudioRules.hotkeys.blockedCombos };

/** Ways to write each modifier that parseCombo accepts. */
const MODIFIER_SPELLINGS: Record<HotkeyModifier, string[]> = {
  ctrl: ['ctrl', 'control', 'ctl', '⌃', 'CTRL', 'Control'],
  shift: ['shift', '⇧', 'Shift', 'SHIFT'],
  alt: ['alt', 'option', 'opt', '⌥', 'Alt', 'Option'],
  meta: ['meta', 'cmd', 'command', '⌘', 'Cmd', 'Meta'],
};

/** A valid normalized combo: modifiers in order, then one key. */
const validCombo = fc
  .tuple(fc.subarray([...HOTKEY_MODIFIERS]), fc.constantFrom(...HOTKEY_KEY_NAMES))
  .map(([modifiers, key]) => [...modifiers, key].join('+'));

/** The same combo written messily: modifiers in any order, repeated, aliased, upper-case, padded. */
const messyCombo = fc
  .tuple(
    fc.shuffledSubarray([...HOTKEY_MODIFIERS]),
    fc.constantFrom(...HOTKEY_KEY_NAMES),
    fc.boolean(),
    fc.infiniteStream(fc.nat()),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([modifiers, key, repeat, picks, pad]) => {
    const iterator = picks[Symbol.iterator]();
    const spell = (m: HotkeyModifier) => {
      const spellings = MODIFIER_SPELLINGS[m];
      return spellings[(iterator.next().value as number) % spellings.length] as string;
    };
    const parts = modifiers.map(spell);
    if (repeat && modifiers.length > 0) parts.push(spell(modifiers[0] as HotkeyModifier));
    const keyWritten = key === 'plus' ? '+' : key.length === 1 ? key.toUpperCase() : key;
    const written = `${pad}${[...parts, keyWritten].join(`${pad}+${pad}`)}${pad}`;
    const expected = [...HOTKEY_MODIFIERS.filter((m) => modifiers.includes(m)), key].join('+');
    return { written, expected };
  });

describe('parseCombo', () => {
  it('normalizes modifiers to ctrl+shift+alt+meta order', () => {
    expect(parseCombo('shift+ctrl+z')).toEqual({ ok: true, combo: 'ctrl+shift+z' });
    expect(parseCombo('ctrl+shift+z')).toEqual({ ok: true, combo: 'ctrl+shift+z' });
    expect(parseCombo('meta+alt+shift+ctrl+k')).toEqual({ ok: true, combo: 'ctrl+shift+alt+meta+k' });
    expect(parseCombo('shift+ctrl+alt+left')).toEqual({ ok: true, combo: 'ctrl+shift+alt+left' });
  });

  it("reads Label Studio's upper-case defaults as lower-case", () => {
    expect(parseCombo('shift+R')).toEqual({ ok: true, combo: 'shift+r' });
    expect(parseCombo('H')).toEqual({ ok: true, combo: 'h' });
  });

  it.each([
    ['cmd+s', 'meta+s'],
    ['command+s', 'meta+s'],
    ['⌘+s', 'meta+s'],
    ['option+s', 'alt+s'],
    ['opt+s', 'alt+s'],
    ['⌥+s', 'alt+s'],
    ['control+s', 'ctrl+s'],
    ['ctl+s', 'ctrl+s'],
    ['⌃+s', 'ctrl+s'],
    ['⇧+s', 'shift+s'],
    ['esc', 'escape'],
    ['return', 'enter'],
    ['arrowleft', 'left'],
    ['ArrowRight', 'right'],
    ['arrowup', 'up'],
    ['arrowdown', 'down'],
    ['del', 'delete'],
    ['ctrl+plus', 'ctrl+plus'],
    ['ctrl++', 'ctrl+plus'],
    ['ctrl + +', 'ctrl+plus'],
    ['+', 'plus'],
    [' ', 'space'],
    ['ctrl+ ', 'ctrl+space'],
    ['spacebar', 'space'],
    ['pgup', 'pageup'],
    ['pgdn', 'pagedown'],
    ['Page Up', 'pageup'],
    ['H', 'h'],
    ['shift+R', 'shift+r'],
    ['  ctrl +  shift + z  ', 'ctrl+shift+z'],
    ['ctrl+ctrl+z', 'ctrl+z'],
    ['F5', 'f5'],
    ['ctrl+-', 'ctrl+-'],
    ['ctrl+minus', 'ctrl+minus'],
    ['=', '='],
    ['\\', '\\'],
    ['`', '`'],
    ['⇧⌘Z', 'shift+meta+z'],
    ['⌥←', 'alt+left'],
    ['⌃+', 'ctrl+plus'],
  ])('reads %j as %j', (input, combo) => {
    expect(parseCombo(input)).toEqual({ ok: true, combo });
  });

  it('reads mod as meta on macOS and ctrl elsewhere', () => {
    expect(parseCombo('mod+s', 'mac')).toEqual({ ok: true, combo: 'meta+s' });
    expect(parseCombo('mod+s', 'other')).toEqual({ ok: true, combo: 'ctrl+s' });
    expect(parseCombo('mod+s')).toEqual({ ok: true, combo: 'ctrl+s' });
    expect(parseCombo('shift+MOD+z', 'mac')).toEqual({ ok: true, combo: 'shift+meta+z' });
  });

  it.each([
    ['', /empty/],
    ['ctrl+a+b', /"ctrl\+a\+b" has two keys: a and b/],
    ['a+b+c', /has 3 keys: a, b and c/],
    ['ctrl+shift', /"ctrl\+shift" has no key/],
    ['ctrl', /"ctrl" has no key/],
    ['ctrl+foo', /"foo" is not a key name/],
    ['ctrl+', /no key after the last "\+"/],
    ['ctrl++shift', /empty part/],
    ['alt+å', /"å" is not a key name/],
    ['constructor', /"constructor" is not a key name/],
    ['__proto__', /"__proto__" is not a key name/],
  ])('refuses %j, naming the bad part', (input, reason) => {
    const result = parseCombo(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('is order-insensitive and accepts aliases, repeats, case and whitespace (property)', () => {
    fc.assert(
      fc.property(messyCombo, ({ written, expected }) => {
        expect(parseCombo(written)).toEqual({ ok: true, combo: expected });
      }),
    );
  });

  it('never throws on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (input) => {
        const result = parseCombo(input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason).not.toBe('');
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parseCombo(input as string)).not.toThrow();
      }),
    );
  });
});

describe('normalizeCombo', () => {
  it('returns the normalized combo or null', () => {
    expect(normalizeCombo('shift+ctrl+Z')).toBe('ctrl+shift+z');
    expect(normalizeCombo('ctrl+foo')).toBeNull();
    expect(normalizeCombo('mod+k', 'mac')).toBe('meta+k');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          messyCombo.map((c) => c.written),
          fc.string(),
        ),
        (input) => {
          const once = normalizeCombo(input);
          if (once !== null) expect(normalizeCombo(once)).toBe(once);
        },
      ),
    );
  });

  it('gives the same combo whatever the order of modifiers (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...HOTKEY_MODIFIERS]),
        fc.shuffledSubarray([...HOTKEY_MODIFIERS]),
        fc.constantFrom(...HOTKEY_KEY_NAMES),
        (a, b, key) => {
          const inOrder = [...HOTKEY_MODIFIERS.filter((m) => a.includes(m)), key].join('+');
          const shuffled = [...a, key].join('+');
          expect(normalizeCombo(shuffled)).toBe(inOrder);
          expect(normalizeCombo([...a, ...b, key].join('+'))).toBe(
            [...HOTKEY_MODIFIERS.filter((m) => a.includes(m) || b.includes(m)), key].join('+'),
          );
        },
      ),
    );
  });
});

describe('formatCombo', () => {
  it.each([
    ['ctrl+shift+z', '⌃⇧Z', 'Ctrl+Shift+Z'],
    ['meta+shift+z', '⇧⌘Z', 'Shift+Meta+Z'],
    ['ctrl+shift+alt+meta+k', '⌃⌥⇧⌘K', 'Ctrl+Shift+Alt+Meta+K'],
    ['alt+left', '⌥←', 'Alt+Left'],
    ['enter', '↩', 'Enter'],
    ['escape', '⎋', 'Esc'],
    ['backspace', '⌫', 'Backspace'],
    ['delete', '⌦', 'Delete'],
    ['tab', '⇥', 'Tab'],
    ['space', 'Space', 'Space'],
    ['up', '↑', 'Up'],
    ['down', '↓', 'Down'],
    ['right', '→', 'Right'],
    ['ctrl+plus', '⌃+', 'Ctrl+Plus'],
    ['ctrl+minus', '⌃-', 'Ctrl+Minus'],
    ['pageup', 'Page Up', 'Page Up'],
    ['pagedown', 'Page Down', 'Page Down'],
    ['f5', 'F5', 'F5'],
    ['shift+R', '⇧R', 'Shift+R'],
    ['shift+.', '⇧.', 'Shift+.'],
    ['[', '[', '['],
  ])('shows %j as %j on macOS and %j elsewhere', (combo, mac, other) => {
    expect(formatCombo(combo, 'mac')).toBe(mac);
    expect(formatCombo(combo, 'other')).toBe(other);
  });

  it('returns input that does not parse as written', () => {
    expect(formatCombo('ctrl+foo', 'mac')).toBe('ctrl+foo');
    expect(formatCombo('ctrl+a+b', 'other')).toBe('ctrl+a+b');
    expect(formatCombo('', 'other')).toBe('');
  });

  it('reads mod for the platform it formats for', () => {
    expect(formatCombo('mod+s', 'mac')).toBe('⌘S');
    expect(formatCombo('mod+s', 'other')).toBe('Ctrl+S');
  });

  it('parses back to the same combo (property)', () => {
    fc.assert(
      fc.property(validCombo, (combo) => {
        expect(parseCombo(formatCombo(combo, 'other'))).toEqual({ ok: true, combo });
        // macOS shows the minus key and the numpad's minus alike, as `-`.
        const macCombo = combo.replace(/minus$/, '-');
        expect(parseCombo(formatCombo(combo, 'mac'))).toEqual({ ok: true, combo: macCombo });
      }),
    );
  });
});

describe('formatComboParts', () => {
  it('gives one part per chip', () => {
    expect(formatComboParts('meta+shift+z', 'mac')).toEqual(['⇧', '⌘', 'Z']);
    expect(formatComboParts('ctrl+shift+z', 'other')).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(formatComboParts('alt+left', 'other')).toEqual(['Alt', 'Left']);
    expect(formatComboParts('ctrl+plus', 'mac')).toEqual(['⌃', '+']);
  });

  it('gives input that does not parse as one part, and nothing for empty input', () => {
    expect(formatComboParts('ctrl+foo', 'other')).toEqual(['ctrl+foo']);
    expect(formatComboParts('', 'mac')).toEqual([]);
  });

  it('joins into formatCombo (property)', () => {
    fc.assert(
      fc.property(validCombo, (combo) => {
        expect(formatComboParts(combo, 'mac').join('')).toBe(formatCombo(combo, 'mac'));
        expect(formatComboParts(combo, 'other').join('+')).toBe(formatCombo(combo, 'other'));
      }),
    );
  });
});

/** A keydown with no modifiers unless given. */
function keydown(init: Partial<HotkeyKeyboardEvent>): HotkeyKeyboardEvent {
  return { key: '', code: '', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...init };
}

describe('comboFromKeyboardEvent', () => {
  it.each<[string, Partial<HotkeyKeyboardEvent>, string | null]>([
    ['Ctrl+Shift+K', { key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }, 'ctrl+shift+k'],
    ['Shift+1 (key "!")', { key: '!', code: 'Digit1', shiftKey: true }, 'shift+1'],
    ['a Russian-layout Q', { key: 'й', code: 'KeyQ' }, 'q'],
    ['Shift alone', { key: 'Shift', code: 'ShiftLeft', shiftKey: true }, null],
    ['Control alone', { key: 'Control', code: 'ControlRight', ctrlKey: true }, null],
    ['Meta alone', { key: 'Meta', code: 'MetaLeft', metaKey: true }, null],
    ['AltGraph', { key: 'AltGraph', code: 'AltRight' }, null],
    ['CapsLock', { key: 'CapsLock', code: 'CapsLock' }, null],
    ['Alt+ArrowLeft', { key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }, 'alt+left'],
    ['Space', { key: ' ', code: 'Space' }, 'space'],
    ['Meta+S', { key: 's', code: 'KeyS', metaKey: true }, 'meta+s'],
    ['Option+S on macOS (key "ß")', { key: 'ß', code: 'KeyS', altKey: true }, 'alt+s'],
    ['Numpad1', { key: '1', code: 'Numpad1' }, '1'],
    ['Enter', { key: 'Enter', code: 'Enter' }, 'enter'],
    ['Escape', { key: 'Escape', code: 'Escape' }, 'escape'],
    ['Backspace', { key: 'Backspace', code: 'Backspace' }, 'backspace'],
    ['Delete', { key: 'Delete', code: 'Delete' }, 'delete'],
    ['Tab', { key: 'Tab', code: 'Tab' }, 'tab'],
    ['PageDown', { key: 'PageDown', code: 'PageDown' }, 'pagedown'],
    ['F12', { key: 'F12', code: 'F12' }, 'f12'],
    ['Shift+Period', { key: '>', code: 'Period', shiftKey: true }, 'shift+.'],
    ['Quote', { key: "'", code: 'Quote' }, "'"],
    ['Backslash', { key: '\\', code: 'Backslash' }, '\\'],
    ['Backquote', { key: '`', code: 'Backquote' }, '`'],
    ['BracketLeft', { key: '[', code: 'BracketLeft' }, '['],
    ['Ctrl+NumpadAdd', { key: '+', code: 'NumpadAdd', ctrlKey: true }, 'ctrl+plus'],
    ['NumpadSubtract', { key: '-', code: 'NumpadSubtract' }, 'minus'],
    ['Ctrl+Minus', { key: '-', code: 'Minus', ctrlKey: true }, 'ctrl+-'],
    ['an unknown key', { key: 'ContextMenu', code: 'ContextMenu' }, null],
    ['Unidentified', { key: 'Unidentified', code: '' }, null],
    ['a synthetic event without code', { key: 'a', code: '' }, 'a'],
  ])('records %s', (_name, init, combo) => {
    expect(comboFromKeyboardEvent(keydown(init))).toBe(combo);
  });

  it('never throws, and what it records parses to itself (property)', () => {
    const event = fc.record({
      key: fc.oneof(fc.string(), fc.constantFrom('Shift', 'ArrowUp', ' ', 'F3', 'Enter')),
      code: fc.oneof(fc.string(), fc.constantFrom('KeyA', 'Digit7', 'Slash', 'ShiftRight', 'Space')),
      ctrlKey: fc.boolean(),
      shiftKey: fc.boolean(),
      altKey: fc.boolean(),
      metaKey: fc.boolean(),
    });
    fc.assert(
      fc.property(event, (e) => {
        const combo = comboFromKeyboardEvent(e);
        if (combo !== null) expect(normalizeCombo(combo)).toBe(combo);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => comboFromKeyboardEvent(value as HotkeyKeyboardEvent)).not.toThrow();
      }),
    );
  });
});

describe('checkReserved', () => {
  it('refuses the combos the operating system keeps', () => {
    expect(checkReserved('alt+F4', labelStudioCombos)).toMatchObject({
      level: 'refused',
      reason: expect.stringMatching(/^Alt\+F4 is kept by the operating system/),
    });
    expect(checkReserved('alt+F4', labelStudioCombos).reason).toMatch(/operating system/);
    expect(checkReserved('cmd+tab', labelStudioCombos)).toMatchObject({
      level: 'refused',
      reason: expect.stringMatching(/^Meta\+Tab is kept/),
    });
    expect(checkReserved('meta+tab', labelStudioCombos).level).toBe('refused');
    expect(checkReserved('alt+ctrl+del', labelStudioCombos).level).toBe('refused');
    expect(checkReserved('option+cmd+esc', labelStudioCombos).level).toBe('refused');
  });

  it("refuses every combo Label Studio's server refuses", () => {
    for (const combo of labelStudioRules.hotkeys.blockedCombos)
      expect(checkReserved(combo, labelStudioCombos).level).toBe('refused');
  });

  it('warns about combos the browser keeps', () => {
    for (const combo of ['ctrl+t', 'ctrl+w', 'ctrl+n', 'ctrl+shift+t', 'shift+ctrl+n', 'ctrl+tab', 'ctrl+shift+tab']) {
      expect(checkReserved(combo, labelStudioCombos).level).toBe('warning');
      // cmd+tab is the operating system's, so refused rather than warned about.
      expect(checkReserved(combo.replace('ctrl', 'cmd'), labelStudioCombos).level).toBe(
        combo === 'ctrl+tab' ? 'refused' : 'warning',
      );
    }
    expect(checkReserved('cmd+q', labelStudioCombos).level).toBe('warning');
    expect(checkReserved('ctrl+t', labelStudioCombos)).toMatchObject({
      level: 'warning',
      reason: expect.stringMatching(/browser may catch Ctrl\+T first/),
    });
  });

  it('accepts ordinary combos and input that does not parse', () => {
    expect(checkReserved('ctrl+k', labelStudioCombos)).toEqual({ level: 'ok' });
    expect(checkReserved('shift+R', labelStudioCombos)).toEqual({ level: 'ok' });
    expect(checkReserved('ctrl+foo', labelStudioCombos)).toEqual({ level: 'ok' });
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), validCombo), (combo) => {
        expect(['ok', 'warning', 'refused']).toContain(checkReserved(combo, labelStudioCombos).level);
      }),
    );
  });
});
