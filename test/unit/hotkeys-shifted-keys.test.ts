import { describe, expect, it } from 'vitest';
import { comboFromKeyboardEvent, HOTKEY_KEY_NAMES, parseCombo } from '../../src/core/hotkeys/combo';
import { formatHotkeyMessage } from '../../src/core/hotkeys/messages';
import { checkReserved } from '../../src/core/hotkeys/reserved';
import { SHIFTED_KEYS, shiftedKeyName } from '../../src/core/hotkeys/shifted-keys';
import { labelStudioRules } from '../../src/label-studio/rules';

// The physical key (KeyboardEvent.code) that types each shifted symbol on a US keyboard.
const US_CODES: Record<string, string> = {
  '~': 'Backquote',
  '!': 'Digit1',
  '@': 'Digit2',
  '#': 'Digit3',
  $: 'Digit4',
  '%': 'Digit5',
  '^': 'Digit6',
  '&': 'Digit7',
  '*': 'Digit8',
  '(': 'Digit9',
  ')': 'Digit0',
  _: 'Minus',
  '{': 'BracketLeft',
  '}': 'BracketRight',
  '|': 'Backslash',
  ':': 'Semicolon',
  '"': 'Quote',
  '<': 'Comma',
  '>': 'Period',
  '?': 'Slash',
};

describe('the shifted-symbol table', () => {
  it('covers every symbol Shift types on a US keyboard except +, which is the plus key', () => {
    expect([...SHIFTED_KEYS.keys()].sort()).toEqual(Object.keys(US_CODES).sort());
  });

  it.each([...SHIFTED_KEYS])('reads %j as Shift and a base key the vocabulary has (%j)', (symbol, base) => {
    expect(HOTKEY_KEY_NAMES).toContain(base);
    expect(parseCombo(`shift+${symbol}`)).toEqual({ ok: true, combo: `shift+${base}` });
    expect(parseCombo(symbol)).toEqual({ ok: true, combo: `shift+${base}` });
    expect(parseCombo(`ctrl+${symbol}`)).toEqual({ ok: true, combo: `ctrl+shift+${base}` });
  });

  it('agrees with what the recorder records for Shift and the same key on a US keyboard', () => {
    for (const [symbol, base] of SHIFTED_KEYS) {
      expect(
        comboFromKeyboardEvent({
          key: symbol,
          code: US_CODES[symbol]!,
          shiftKey: true,
          ctrlKey: false,
          altKey: false,
          metaKey: false,
        }),
        symbol,
      ).toBe(`shift+${base}`);
    }
  });

  it("reads Label Studio's stored examples", () => {
    expect(parseCombo('shift+!')).toEqual({ ok: true, combo: 'shift+1' });
    expect(parseCombo('shift+?')).toEqual({ ok: true, combo: 'shift+/' });
    expect(parseCombo('shift+>')).toEqual({ ok: true, combo: 'shift+.' });
    expect(parseCombo('shift+@')).toEqual({ ok: true, combo: 'shift+2' });
    expect(parseCombo('!')).toEqual({ ok: true, combo: 'shift+1' });
  });

  it('leaves keys that are already key names, and adds Shift only for a symbol', () => {
    const modifiers = new Set<string>();
    expect(shiftedKeyName('1', modifiers)).toBeNull();
    expect(shiftedKeyName('a', modifiers)).toBeNull();
    expect(modifiers.size).toBe(0);
    expect(shiftedKeyName(' ? ', modifiers)).toBe('/');
    expect([...modifiers]).toEqual(['shift']);
    expect(parseCombo('+')).toEqual({ ok: true, combo: 'plus' });
    expect(parseCombo('shift+/')).toEqual({ ok: true, combo: 'shift+/' });
  });
});

describe('the added key names', () => {
  it.each(['f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'insert'])('accepts %s', (key) => {
    expect(parseCombo(key.toUpperCase())).toEqual({ ok: true, combo: key });
    expect(parseCombo(`ctrl+${key}`)).toEqual({ ok: true, combo: `ctrl+${key}` });
  });

  it('still refuses F20', () => {
    expect(parseCombo('f20')).toMatchObject({ ok: false, code: 'combo_unknown_key' });
  });
});

describe('combos in messages', () => {
  const refused = labelStudioRules.hotkeys.blockedCombos;

  it('are shown as the platform displays them', () => {
    expect(formatHotkeyMessage({ code: 'reserved_os', values: { combo: 'alt+f4' } })).toBe(
      "Alt+F4 is kept by the operating system, so it can't be used as a shortcut.",
    );
    expect(formatHotkeyMessage({ code: 'reserved_os', values: { combo: 'alt+f4' } }, 'mac')).toBe(
      "⌥F4 is kept by the operating system, so it can't be used as a shortcut.",
    );
    expect(checkReserved('ctrl+t', { refused }).reason).toBe(
      'The browser may catch Ctrl+T first (it opens a new tab), so the shortcut may not reach the page.',
    );
    expect(checkReserved('cmd+t', { refused, platform: 'mac' }).reason).toMatch(/^The browser may catch ⌘T first/);
  });

  it('keep the normalized combo in the values, for other words and languages', () => {
    expect(checkReserved('Alt+F4', { refused })).toMatchObject({ code: 'reserved_os', values: { combo: 'alt+f4' } });
  });

  it('list several combos for the locale', () => {
    expect(
      formatHotkeyMessage({
        code: 'import_key_list_skipped',
        values: {
          entry: 3,
          action: 'Undo',
          shortcut: 'ctrl+z,cmd+z,alt+z',
          count: 3,
          combos: ['ctrl+z', 'meta+z', 'alt+z'],
        },
      }),
    ).toBe(
      'Entry 3: the shortcut "ctrl+z,cmd+z,alt+z" for "Undo" is skipped. It lists 3 different shortcuts (Ctrl+Z, Meta+Z and Alt+Z), and one is needed here.',
    );
  });

  it('leave the text a person wrote as written', () => {
    expect(formatHotkeyMessage({ code: 'combo_unknown_key', values: { key: 'å' } })).toBe('"å" is not a key name.');
  });
});
