import { formatHotkeyMessage } from './messages';
import { shiftedKeyName } from './shifted-keys';
import type { ComboProblemCode, HotkeyMessageValues, HotkeyPlatform } from './types';

/** A modifier, in the order a normalized combo lists them (the order servers store them in). */
export type HotkeyModifier = 'ctrl' | 'shift' | 'alt' | 'meta';

/** The modifiers in the order a normalized combo lists them: `ctrl+shift+alt+meta`. */
export const HOTKEY_MODIFIERS: readonly HotkeyModifier[] = ['ctrl', 'shift', 'alt', 'meta'];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const DIGITS = '0123456789'.split('');
const NAMED_KEYS = [
  'left',
  'right',
  'up',
  'down',
  'enter',
  'escape',
  'space',
  'backspace',
  'delete',
  'tab',
  'home',
  'end',
  'pageup',
  'pagedown',
  'insert',
  ...Array.from({ length: 19 }, (_, i) => `f${i + 1}`),
  'plus',
  'minus',
];
const PUNCTUATION = ['.', ',', '/', ';', "'", '[', ']', '\\', '=', '-', '`'];

/** Every key name a normalized combo may end with: letters, digits, named keys and punctuation. */
export const HOTKEY_KEY_NAMES: readonly string[] = [...LETTERS, ...DIGITS, ...NAMED_KEYS, ...PUNCTUATION];

const KEY_NAMES = new Set(HOTKEY_KEY_NAMES);

const MODIFIER_ALIASES = new Map<string, HotkeyModifier | 'mod'>([
  ['ctrl', 'ctrl'],
  ['control', 'ctrl'],
  ['ctl', 'ctrl'],
  ['⌃', 'ctrl'],
  ['shift', 'shift'],
  ['⇧', 'shift'],
  ['alt', 'alt'],
  ['option', 'alt'],
  ['opt', 'alt'],
  ['⌥', 'alt'],
  ['meta', 'meta'],
  ['cmd', 'meta'],
  ['command', 'meta'],
  ['⌘', 'meta'],
  ['mod', 'mod'],
]);

const KEY_ALIASES = new Map<string, string>([
  ['esc', 'escape'],
  ['return', 'enter'],
  ['arrowleft', 'left'],
  ['arrowright', 'right'],
  ['arrowup', 'up'],
  ['arrowdown', 'down'],
  ['del', 'delete'],
  ['+', 'plus'],
  ['spacebar', 'space'],
  ['pgup', 'pageup'],
  ['pgdn', 'pagedown'],
  // The symbols `formatCombo` shows on macOS, so that what it shows parses back.
  ['←', 'left'],
  ['→', 'right'],
  ['↑', 'up'],
  ['↓', 'down'],
  ['↩', 'enter'],
  ['⏎', 'enter'],
  ['⎋', 'escape'],
  ['⌫', 'backspace'],
  ['⌦', 'delete'],
  ['⇥', 'tab'],
]);

/** Modifier symbols that macOS writes glued to the key, as in `⇧⌘Z`. */
const MAC_MODIFIER_SYMBOLS = new Map<string, HotkeyModifier>([
  ['⌃', 'ctrl'],
  ['⌥', 'alt'],
  ['⇧', 'shift'],
  ['⌘', 'meta'],
]);

/**
 * The outcome of `parseCombo`: the normalized combo, or why the input is not one — in English
 * (`reason`), and as a `code` with `values` for messages in other words or languages.
 */
export type ParseComboResult =
  { ok: true; combo: string } | { ok: false; reason: string; code: ComboProblemCode; values: HotkeyMessageValues };

/** The input as a message shows it, cut short when it is long. */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A combo read without the English reason of a refusal, which `parseCombo` adds: so `normalizeCombo` (and the `useHotkeys` entry) carry no messages. */
type ComboReading = { ok: true; combo: string } | { ok: false; code: ComboProblemCode; values: HotkeyMessageValues };

/** A refusal, by its code and values. */
function refuse(code: ComboProblemCode, values: HotkeyMessageValues = {}): Extract<ComboReading, { ok: false }> {
  return { ok: false, code, values };
}

/** Splits on `+`, reading a `+` that stands where a part would start, and ends the input or precedes another `+`, as the plus key. */
function splitParts(input: string): string[] {
  const parts: string[] = [];
  let buffer = '';
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i] as string;
    if (ch !== '+') {
      buffer += ch;
      continue;
    }
    const rest = input.slice(i + 1).trimStart();
    if (buffer.trim() === '' && (rest === '' || rest.startsWith('+'))) {
      buffer += '+';
      continue;
    }
    parts.push(buffer);
    buffer = '';
  }
  parts.push(buffer);
  return parts;
}

/** The key name a part stands for, or null when it names none. */
function keyName(part: string): string | null {
  if (part !== '' && part.trim() === '' && part.includes(' ')) return 'space';
  const word = part.trim().toLowerCase();
  if (KEY_NAMES.has(word)) return word;
  const alias = KEY_ALIASES.get(word);
  if (alias) return alias;
  const compact = word.replace(/\s+/g, '');
  if (KEY_NAMES.has(compact)) return compact;
  return KEY_ALIASES.get(compact) ?? null;
}

/** Writes modifiers and a key as a normalized combo. */
function joinCombo(modifiers: Set<HotkeyModifier>, key: string): string {
  return [...HOTKEY_MODIFIERS.filter((m) => modifiers.has(m)), key].join('+');
}

/** Reads a combo as `parseCombo` does, a refusal without its English reason. */
function readCombo(input: string, platform: HotkeyPlatform): ComboReading {
  if (typeof input !== 'string') return refuse('combo_not_text');
  if (input === '' || (input.trim() === '' && !input.includes(' '))) return refuse('combo_empty');
  const shortcut = shorten(input.trim() === '' ? input : input.trim());
  const modifiers = new Set<HotkeyModifier>();

  // macOS writes modifiers as symbols glued to the key: `⇧⌘Z`, `⌃+`.
  let rest = input;
  let peeled = false;
  if (MAC_MODIFIER_SYMBOLS.has(input.trimStart()[0] ?? '')) rest = input.trimStart();
  while (rest !== '' && MAC_MODIFIER_SYMBOLS.has(rest[0] as string)) {
    modifiers.add(MAC_MODIFIER_SYMBOLS.get(rest[0] as string) as HotkeyModifier);
    rest = rest.slice(1);
    peeled = true;
  }
  if (peeled && rest.trimStart().startsWith('+') && rest.trim() !== '+') rest = rest.trimStart().slice(1);

  const parts = peeled && rest.trim() === '' ? [] : splitParts(rest);
  const keys: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    const isBlank = part.trim() === '' && !part.includes(' ');
    if (isBlank) {
      const last = i === parts.length - 1 && parts.length > 1;
      return refuse(last ? 'combo_trailing_plus' : 'combo_empty_part', { shortcut });
    }
    const modifier = part.trim() === '' ? undefined : MODIFIER_ALIASES.get(part.trim().toLowerCase());
    if (modifier) {
      modifiers.add(modifier === 'mod' ? (platform === 'mac' ? 'meta' : 'ctrl') : modifier);
      continue;
    }
    const key = keyName(part) ?? shiftedKeyName(part, modifiers);
    if (key === null) return refuse('combo_unknown_key', { key: shorten(part.trim()) });
    if (!keys.includes(key)) keys.push(key);
  }
  if (keys.length === 0) return refuse('combo_no_key', { shortcut });
  if (keys.length > 1) return refuse('combo_too_many_keys', { shortcut, count: keys.length, keys });
  return { ok: true, combo: joinCombo(modifiers, keys[0] as string) };
}

/**
 * Parses a combo written in any order and with common aliases into its normalized form (`ctrl+shift+z`). Never throws.
 * @param platform - what `mod` stands for: `meta` on `mac`, `ctrl` elsewhere.
 */
export function parseCombo(input: string, platform: HotkeyPlatform = 'other'): ParseComboResult {
  const result = readCombo(input, platform);
  return result.ok ? result : { ...result, reason: formatHotkeyMessage(result) };
}

/** The normalized form of a combo (`shift+ctrl+Z` → `ctrl+shift+z`), or null when it does not parse. */
export function normalizeCombo(input: string, platform: HotkeyPlatform = 'other'): string | null {
  const result = readCombo(input, platform);
  return result.ok ? result.combo : null;
}

const MAC_MODIFIER_ORDER: readonly HotkeyModifier[] = ['ctrl', 'alt', 'shift', 'meta'];
const MAC_MODIFIER_LABELS: Record<HotkeyModifier, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const OTHER_MODIFIER_LABELS: Record<HotkeyModifier, string> = {
  ctrl: 'Ctrl',
  shift: 'Shift',
  alt: 'Alt',
  meta: 'Meta',
};
const MAC_KEY_LABELS = new Map<string, string>([
  ['enter', '↩'],
  ['escape', '⎋'],
  ['backspace', '⌫'],
  ['delete', '⌦'],
  ['tab', '⇥'],
  ['space', 'Space'],
  ['up', '↑'],
  ['down', '↓'],
  ['left', '←'],
  ['right', '→'],
  ['plus', '+'],
  ['minus', '-'],
  ['pageup', 'Page Up'],
  ['pagedown', 'Page Down'],
  ['home', 'Home'],
  ['end', 'End'],
  ['insert', 'Insert'],
]);
const OTHER_KEY_LABELS = new Map<string, string>([
  ['enter', 'Enter'],
  ['escape', 'Esc'],
  ['backspace', 'Backspace'],
  ['delete', 'Delete'],
  ['tab', 'Tab'],
  ['space', 'Space'],
  ['up', 'Up'],
  ['down', 'Down'],
  ['left', 'Left'],
  ['right', 'Right'],
  ['plus', 'Plus'],
  ['minus', 'Minus'],
  ['pageup', 'Page Up'],
  ['pagedown', 'Page Down'],
  ['home', 'Home'],
  ['end', 'End'],
  ['insert', 'Insert'],
]);

/** The parts of a combo as shown, one per `<kbd>` chip: `['⇧', '⌘', 'Z']` on macOS, `['Ctrl', 'Shift', 'Z']` elsewhere; a combo that does not parse is one part as written. */
export function formatComboParts(combo: string, platform: HotkeyPlatform): string[] {
  if (typeof combo !== 'string') return [];
  const parsed = parseCombo(combo, platform);
  if (!parsed.ok) return combo === '' ? [] : [combo];
  const names = parsed.combo.split('+');
  const key = names.pop() as string;
  const modifiers = new Set(names as HotkeyModifier[]);
  const mac = platform === 'mac';
  const order = mac ? MAC_MODIFIER_ORDER : HOTKEY_MODIFIERS;
  const modifierLabels = mac ? MAC_MODIFIER_LABELS : OTHER_MODIFIER_LABELS;
  const keyLabel = (mac ? MAC_KEY_LABELS : OTHER_KEY_LABELS).get(key) ?? key.toUpperCase();
  return [...order.filter((m) => modifiers.has(m)).map((m) => modifierLabels[m]), keyLabel];
}

/** A combo as shown to people: `⌃⇧Z` on macOS (Apple's order, symbols, no separator), `Ctrl+Shift+Z` elsewhere; a combo that does not parse is returned as written. */
export function formatCombo(combo: string, platform: HotkeyPlatform): string {
  if (typeof combo !== 'string') return '';
  if (!parseCombo(combo, platform).ok) return combo;
  return formatComboParts(combo, platform).join(platform === 'mac' ? '' : '+');
}

/** The keyboard event fields that `comboFromKeyboardEvent` reads. */
export interface HotkeyKeyboardEvent {
  /** The character or key name the key produces (`KeyboardEvent.key`). */
  readonly key: string;
  /** The physical key, whatever the layout (`KeyboardEvent.code`). */
  readonly code: string;
  /** Whether Control was held. */
  readonly ctrlKey: boolean;
  /** Whether Shift was held. */
  readonly shiftKey: boolean;
  /** Whether Alt (Option) was held. */
  readonly altKey: boolean;
  /** Whether Meta (Command, Windows) was held. */
  readonly metaKey: boolean;
  /** The legacy key code (`KeyboardEvent.keyCode`), which tells the punctuation a letter key types on layouts such as AZERTY and Dvorak; optional. */
  readonly keyCode?: number;
}

const MODIFIER_KEY_VALUES = new Set(['Control', 'Shift', 'Alt', 'Meta', 'OS', 'AltGraph', 'CapsLock']);
const MODIFIER_CODE_PREFIXES = ['Shift', 'Control', 'Alt', 'Meta', 'OS'];

const EVENT_KEY_NAMES = new Map<string, string>([
  ['ArrowLeft', 'left'],
  ['ArrowRight', 'right'],
  ['ArrowUp', 'up'],
  ['ArrowDown', 'down'],
  ['Left', 'left'],
  ['Right', 'right'],
  ['Up', 'up'],
  ['Down', 'down'],
  ['Enter', 'enter'],
  ['Escape', 'escape'],
  ['Esc', 'escape'],
  [' ', 'space'],
  ['Spacebar', 'space'],
  ['Backspace', 'backspace'],
  ['Delete', 'delete'],
  ['Del', 'delete'],
  ['Insert', 'insert'],
  ['Tab', 'tab'],
  ['Home', 'home'],
  ['End', 'end'],
  ['PageUp', 'pageup'],
  ['PageDown', 'pagedown'],
  ...Array.from({ length: 19 }, (_, i): [string, string] => [`F${i + 1}`, `f${i + 1}`]),
]);

const EVENT_CODE_NAMES = new Map<string, string>([
  ['Period', '.'],
  ['Comma', ','],
  ['Slash', '/'],
  ['Semicolon', ';'],
  ['Quote', "'"],
  ['BracketLeft', '['],
  ['BracketRight', ']'],
  ['Backslash', '\\'],
  ['Equal', '='],
  ['Minus', '-'],
  ['Backquote', '`'],
  ['NumpadAdd', 'plus'],
  ['NumpadSubtract', 'minus'],
  ['Space', 'space'],
  ['Enter', 'enter'],
  ['NumpadEnter', 'enter'],
  ...Array.from({ length: 19 }, (_, i): [string, string] => [`F${i + 1}`, `f${i + 1}`]),
]);

/** The punctuation `keyCode` names (browsers' codes for the US keys; Firefox's own for `;`, `=` and `-`). */
const KEY_CODE_PUNCTUATION = new Map<number, string>([
  [186, ';'],
  [59, ';'],
  [187, '='],
  [61, '='],
  [188, ','],
  [189, '-'],
  [173, '-'],
  [190, '.'],
  [191, '/'],
  [192, '`'],
  [219, '['],
  [220, '\\'],
  [221, ']'],
  [222, "'"],
]);

/**
 * The key name of a keyboard event, or null for a modifier alone or a key outside the vocabulary.
 * It follows what `keyCode` gives (which keymaster-based editors match on): the letter the
 * layout prints, else the physical position.
 */
function eventKeyName(key: string, code: string, keyCode: number | undefined): string | null {
  if (MODIFIER_KEY_VALUES.has(key) || MODIFIER_CODE_PREFIXES.some((prefix) => code.startsWith(prefix))) return null;
  // A Latin letter is the letter the layout prints (AZERTY's A key is `a`, QWERTZ's Z key `z`, Dvorak's).
  if (/^[a-z]$/i.test(key)) return key.toLowerCase();
  // A named key by what it does, so a key remapped to Escape or a numpad key without Num Lock reads as such.
  const named = EVENT_KEY_NAMES.get(key);
  if (named) return named;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) {
    // A letter key that types punctuation (AZERTY's "," key, Dvorak's ";" key): that punctuation, as `keyCode` tells.
    const punctuation = keyCode === undefined ? undefined : KEY_CODE_PUNCTUATION.get(keyCode);
    if (punctuation) return punctuation;
    // A letter key typing no Latin letter under a modifier (macOS Option+A on AZERTY types æ): the letter `keyCode` names.
    if (keyCode !== undefined && keyCode >= 65 && keyCode <= 90) return String.fromCharCode(keyCode + 32);
    // No Latin letter (Russian й, macOS Option's å): the key's US position, as `keyCode` reports it.
    return (letter[1] as string).toLowerCase();
  }
  // Digits and punctuation by the physical, unshifted key: Shift+1 is `shift+1` (also on AZERTY, where 1 needs Shift).
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1] as string;
  const byCode = EVENT_CODE_NAMES.get(code);
  if (byCode) return byCode;
  // Events without a code (synthetic ones): a single character that is already a key name.
  if (code === '' && key.length === 1) {
    if (KEY_NAMES.has(key)) return key;
    if (key === '+') return 'plus';
  }
  return null;
}

/**
 * The normalized combo for a keydown, or null for a modifier pressed alone or an unknown key. It
 * names the key the way `keyCode` does, which keymaster-based editors match on: a Latin letter as
 * the layout prints it (AZERTY's A key → `a`), another letter by `keyCode` when given, else by its
 * US position (Russian й → `q`), a letter key that types punctuation by `keyCode` when given
 * (AZERTY's comma key → `,`), digits and punctuation by the unshifted key (Shift+1 → `shift+1`),
 * named keys by name (`f13`, `insert`).
 */
export function comboFromKeyboardEvent(event: HotkeyKeyboardEvent): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const key = typeof event.key === 'string' ? event.key : '';
  const code = typeof event.code === 'string' ? event.code : '';
  const keyCode = typeof event.keyCode === 'number' ? event.keyCode : undefined;
  const name = eventKeyName(key, code, keyCode);
  if (name === null) return null;
  const modifiers = new Set<HotkeyModifier>();
  if (event.ctrlKey === true) modifiers.add('ctrl');
  if (event.shiftKey === true) modifiers.add('shift');
  if (event.altKey === true) modifiers.add('alt');
  if (event.metaKey === true) modifiers.add('meta');
  return joinCombo(modifiers, name);
}
