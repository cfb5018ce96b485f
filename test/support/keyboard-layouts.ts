/**
 * Keyboard layouts as Chromium reports them on Windows, and a helper that presses keys through
 * Chromium's own input pipeline (the DevTools protocol's `Input.dispatchKeyEvent`), so the page
 * gets the `key`, `code`, `keyCode` and text a person with that layout would produce, and default
 * actions such as Tab moving focus really happen.
 *
 * The tables also serve unit tests (they import no browser code); `pressKey` needs Vitest
 * browser mode with the Playwright provider on Chromium.
 */

/** One physical key of a layout: where it is, what it types unshifted and with Shift, and its Windows virtual-key code (`keyCode`). */
export interface LayoutKey {
  /** The physical position (`KeyboardEvent.code`), the same on every layout. */
  readonly code: string;
  /** The Windows virtual-key code Chromium reports as `keyCode` (for letters, the letter the layout prints). */
  readonly keyCode: number;
  /** What the key types without Shift (`KeyboardEvent.key`). */
  readonly key: string;
  /** What the key types with Shift. */
  readonly shifted: string;
}

/** A keyboard layout: its name and its keys, found by any character they type (unshifted first). */
export interface KeyboardLayout {
  /** A short name for test titles. */
  readonly name: string;
  /** The layout's keys by each character they type, unshifted or shifted (`keys['1']` is the key that types 1). */
  readonly keys: Readonly<Record<string, LayoutKey>>;
}

/** A key that types no character, or one that is the same on every layout. */
export interface NamedKey {
  /** The physical position (`KeyboardEvent.code`). */
  readonly code: string;
  /** The Windows virtual-key code (`keyCode`). */
  readonly keyCode: number;
  /** The key's name (`KeyboardEvent.key`). */
  readonly key: string;
  /** The text it types, if any (Enter types a carriage return). */
  readonly text?: string;
}

/** A modifier the helper holds down around a key. */
export type KeyModifier = 'Alt' | 'Control' | 'Meta' | 'Shift';

type Row = readonly [code: string, keyCode: number, key: string, shifted: string];

/** Builds a layout from rows of `[code, keyCode, key, shifted]`. */
function layout(name: string, rows: readonly Row[]): KeyboardLayout {
  const keys: Record<string, LayoutKey> = {};
  const all = rows.map(([code, keyCode, key, shifted]) => ({ code, keyCode, key, shifted }));
  for (const entry of all) keys[entry.key] ??= entry;
  for (const entry of all) keys[entry.shifted] ??= entry;
  return { name, keys };
}

/** Letter keys where the layout prints the letters of `letters`, in US order of position (`KeyA`…`KeyZ`). */
function letterRows(printed: Record<string, string>): Row[] {
  return 'abcdefghijklmnopqrstuvwxyz'.split('').map((position): Row => {
    const letter = printed[position] ?? position;
    const code = `Key${position.toUpperCase()}`;
    const isLatin = /^[a-z]$/.test(letter);
    return [
      code,
      isLatin ? letter.toUpperCase().charCodeAt(0) : position.toUpperCase().charCodeAt(0),
      letter,
      letter.toUpperCase(),
    ];
  });
}

/** Digit keys with what they type unshifted and shifted, `1` to `0`. */
function digitRows(unshifted: string, shifted: string): Row[] {
  return '1234567890'
    .split('')
    .map((digit, i): Row => [`Digit${digit}`, digit.charCodeAt(0), unshifted[i] as string, shifted[i] as string]);
}

/** US English (QWERTY). */
export const US: KeyboardLayout = layout('US', [
  ...letterRows({}),
  ...digitRows('1234567890', '!@#$%^&*()'),
  ['Semicolon', 186, ';', ':'],
  ['Equal', 187, '=', '+'],
  ['Comma', 188, ',', '<'],
  ['Minus', 189, '-', '_'],
  ['Period', 190, '.', '>'],
  ['Slash', 191, '/', '?'],
  ['Backquote', 192, '`', '~'],
  ['BracketLeft', 219, '[', '{'],
  ['Backslash', 220, '\\', '|'],
  ['BracketRight', 221, ']', '}'],
  ['Quote', 222, "'", '"'],
]);

/** French (AZERTY): A and Q, Z and W swapped, M beside L, digits with Shift. */
export const AZERTY: KeyboardLayout = layout('AZERTY (French)', [
  // The key at KeyM types "," (VK_OEM_COMMA), not a letter: M is at Semicolon.
  ...letterRows({ a: 'q', q: 'a', w: 'z', z: 'w' }).filter(([code]) => code !== 'KeyM'),
  ['KeyM', 188, ',', '?'],
  ...digitRows('&é"\'(-è_çà', '1234567890'),
  ['Semicolon', 77, 'm', 'M'],
  ['Comma', 190, ';', '.'],
  ['Period', 191, ':', '/'],
  ['Slash', 223, '!', '§'],
  ['Minus', 219, ')', '°'],
  ['Equal', 187, '=', '+'],
  ['BracketLeft', 221, '^', '¨'],
  ['BracketRight', 186, '$', '£'],
  ['Quote', 192, 'ù', '%'],
  ['Backslash', 220, '*', 'µ'],
]);

/** German (QWERTZ): Y and Z swapped, umlauts where US has punctuation. */
export const QWERTZ: KeyboardLayout = layout('QWERTZ (German)', [
  ...letterRows({ y: 'z', z: 'y' }),
  ...digitRows('1234567890', '!"§$%&/()='),
  ['Minus', 219, 'ß', '?'],
  ['Equal', 221, '´', '`'],
  ['BracketLeft', 186, 'ü', 'Ü'],
  ['BracketRight', 187, '+', '*'],
  ['Semicolon', 192, 'ö', 'Ö'],
  ['Quote', 222, 'ä', 'Ä'],
  ['Backslash', 191, '#', "'"],
  ['Comma', 188, ',', ';'],
  ['Period', 190, '.', ':'],
  ['Slash', 189, '-', '_'],
]);

/** US Dvorak: letters in other places, some on keys US uses for punctuation. */
export const DVORAK: KeyboardLayout = layout('Dvorak', [
  // KeyQ, KeyW, KeyE and KeyZ type punctuation here.
  ['KeyQ', 222, "'", '"'],
  ['KeyW', 188, ',', '<'],
  ['KeyE', 190, '.', '>'],
  ['KeyZ', 186, ';', ':'],
  ...letterRows({
    r: 'p',
    t: 'y',
    y: 'f',
    u: 'g',
    i: 'c',
    o: 'r',
    p: 'l',
    s: 'o',
    d: 'e',
    f: 'u',
    g: 'i',
    h: 'd',
    j: 'h',
    k: 't',
    l: 'n',
    x: 'q',
    c: 'j',
    v: 'k',
    b: 'x',
    n: 'b',
  }).filter(([code]) => !['KeyQ', 'KeyW', 'KeyE', 'KeyZ'].includes(code)),
  ...digitRows('1234567890', '!@#$%^&*()'),
  ['Semicolon', 83, 's', 'S'],
  ['Comma', 87, 'w', 'W'],
  ['Period', 86, 'v', 'V'],
  ['Slash', 90, 'z', 'Z'],
  ['BracketLeft', 191, '/', '?'],
  ['BracketRight', 187, '=', '+'],
  ['Quote', 189, '-', '_'],
  ['Minus', 219, '[', '{'],
  ['Equal', 221, ']', '}'],
  ['Backquote', 192, '`', '~'],
  ['Backslash', 220, '\\', '|'],
]);

/** Russian (ЙЦУКЕН): Cyrillic letters, whose `keyCode` is the US letter at that position. */
export const RUSSIAN: KeyboardLayout = layout('Russian', [
  ...letterRows({
    q: 'й',
    w: 'ц',
    e: 'у',
    r: 'к',
    t: 'е',
    y: 'н',
    u: 'г',
    i: 'ш',
    o: 'щ',
    p: 'з',
    a: 'ф',
    s: 'ы',
    d: 'в',
    f: 'а',
    g: 'п',
    h: 'р',
    j: 'о',
    k: 'л',
    l: 'д',
    z: 'я',
    x: 'ч',
    c: 'с',
    v: 'м',
    b: 'и',
    n: 'т',
    m: 'ь',
  }),
  ...digitRows('1234567890', '!"№;%:?*()'),
  ['BracketLeft', 219, 'х', 'Х'],
  ['BracketRight', 221, 'ъ', 'Ъ'],
  ['Semicolon', 186, 'ж', 'Ж'],
  ['Quote', 222, 'э', 'Э'],
  ['Comma', 188, 'б', 'Б'],
  ['Period', 190, 'ю', 'Ю'],
  ['Slash', 191, '.', ','],
  ['Backquote', 192, 'ё', 'Ё'],
  ['Minus', 189, '-', '_'],
  ['Equal', 187, '=', '+'],
  ['Backslash', 220, '\\', '/'],
]);

/** The five layouts, for tests that run on each. */
export const LAYOUTS: readonly KeyboardLayout[] = [US, AZERTY, QWERTZ, DVORAK, RUSSIAN];

/** Keys that are the same on every layout. */
export const NAMED_KEYS = {
  Tab: { code: 'Tab', keyCode: 9, key: 'Tab' },
  Enter: { code: 'Enter', keyCode: 13, key: 'Enter', text: '\r' },
  Escape: { code: 'Escape', keyCode: 27, key: 'Escape' },
  Space: { code: 'Space', keyCode: 32, key: ' ', text: ' ' },
  Backspace: { code: 'Backspace', keyCode: 8, key: 'Backspace' },
  Delete: { code: 'Delete', keyCode: 46, key: 'Delete' },
  Insert: { code: 'Insert', keyCode: 45, key: 'Insert' },
  Home: { code: 'Home', keyCode: 36, key: 'Home' },
  End: { code: 'End', keyCode: 35, key: 'End' },
  PageUp: { code: 'PageUp', keyCode: 33, key: 'PageUp' },
  PageDown: { code: 'PageDown', keyCode: 34, key: 'PageDown' },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37, key: 'ArrowLeft' },
  ArrowUp: { code: 'ArrowUp', keyCode: 38, key: 'ArrowUp' },
  ArrowRight: { code: 'ArrowRight', keyCode: 39, key: 'ArrowRight' },
  ArrowDown: { code: 'ArrowDown', keyCode: 40, key: 'ArrowDown' },
} as const satisfies Record<string, NamedKey>;

/** Function key F`n` (1–24): `F13` has `keyCode` 124. */
export function functionKey(n: number): NamedKey {
  return { code: `F${n}`, keyCode: 111 + n, key: `F${n}` };
}

const MODIFIER_KEYS: Record<KeyModifier, NamedKey & { bit: number }> = {
  Alt: { code: 'AltLeft', keyCode: 18, key: 'Alt', bit: 1 },
  Control: { code: 'ControlLeft', keyCode: 17, key: 'Control', bit: 2 },
  Meta: { code: 'MetaLeft', keyCode: 91, key: 'Meta', bit: 4 },
  Shift: { code: 'ShiftLeft', keyCode: 16, key: 'Shift', bit: 8 },
};

/** Sends one `Input.dispatchKeyEvent` (imported when first used, so unit tests can import the tables). */
async function dispatch(params: Record<string, unknown>): Promise<void> {
  const { cdp } = await import('vitest/browser');
  await (cdp() as { send: (method: string, params: object) => Promise<unknown> }).send(
    'Input.dispatchKeyEvent',
    params,
  );
}

/** The keydown's fields as the page sees them (`key`, `code`, `keyCode`, the modifier flags) when a key is pressed with modifiers. */
export interface PressedKey {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** The text the key types (empty with Control, Alt or Meta held, or for a key that types none). */
  readonly text: string;
}

/** What a keydown carries for a key pressed with modifiers: its shifted character with Shift; no text with Control, Alt or Meta. */
export function keydownFor(target: LayoutKey | NamedKey, modifiers: readonly KeyModifier[] = []): PressedKey {
  const shift = modifiers.includes('Shift');
  const key = 'shifted' in target ? (shift ? target.shifted : target.key) : target.key;
  const typesText = !modifiers.some((name) => name !== 'Shift');
  const text = !typesText ? '' : 'shifted' in target ? key : (target.text ?? '');
  return {
    key,
    code: target.code,
    keyCode: target.keyCode,
    ctrlKey: modifiers.includes('Control'),
    shiftKey: shift,
    altKey: modifiers.includes('Alt'),
    metaKey: modifiers.includes('Meta'),
    text,
  };
}

/**
 * Presses a key with modifiers held, as a person with that layout would: each modifier goes down
 * (its own keydown), then the key down and up, then the modifiers up. The key's `key` and text are
 * its shifted character when Shift is held; with Control, Alt or Meta it types no text (as
 * Chromium reports it on Windows and Linux).
 *
 * @example
 * await pressKey(AZERTY.keys.a); // the key printed A: key "a", code "KeyQ", keyCode 65
 * await pressKey(QWERTZ.keys.z, ['Control']);
 * await pressKey(NAMED_KEYS.Tab, ['Shift']);
 */
export async function pressKey(target: LayoutKey | NamedKey, modifiers: readonly KeyModifier[] = []): Promise<void> {
  let held = 0;
  for (const name of modifiers) {
    const modifier = MODIFIER_KEYS[name];
    held |= modifier.bit;
    await dispatch({
      type: 'rawKeyDown',
      modifiers: held,
      key: modifier.key,
      code: modifier.code,
      windowsVirtualKeyCode: modifier.keyCode,
      location: 1,
    });
  }
  const { key, code, keyCode, text } = keydownFor(target, modifiers);
  const common = { modifiers: held, key, code, windowsVirtualKeyCode: keyCode };
  if (text !== '') {
    await dispatch({ type: 'keyDown', ...common, text, unmodifiedText: 'shifted' in target ? target.key : text });
  } else {
    await dispatch({ type: 'rawKeyDown', ...common });
  }
  await dispatch({ type: 'keyUp', ...common });
  for (const name of [...modifiers].reverse()) {
    const modifier = MODIFIER_KEYS[name];
    held &= ~modifier.bit;
    await dispatch({
      type: 'keyUp',
      modifiers: held,
      key: modifier.key,
      code: modifier.code,
      windowsVirtualKeyCode: modifier.keyCode,
      location: 1,
    });
  }
}
