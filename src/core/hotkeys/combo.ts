import { formatHotkeyMessage } from './messages';
import { shiftedKeyName } from './shifted-keys';
import type { ComboProblemCode, HotkeyMessageValues, HotkeyPlatform } from './types';

/** A modifier, in the order a normalized combo lists them (the order servers store them in). */
export type HotkeyModifier = 'ctrl' | 'shift' | 'alt' | 'meta';

// The app-wide `useHotkeys` entry carries what follows up to `formatComboParts` (the key vocabulary,
// `normalizeCombo` and `comboFromKeyboardEvent`), so its tables are strings split at module load
// and the English reasons of a refusal are added by `parseCombo` alone. Names and their aliases
// are written in groups, `name alias alias`: each word of a group stands for its first.

/** The first word of a group. */
function head(group: string): string {
  return group.split(' ')[0] as string;
}

/** Modifier names and symbols in groups, in the order a normalized combo lists them, then `mod` (Meta on macOS, Ctrl elsewhere). */
const MODIFIER_GROUPS = 'ctrl control ctl ⌃|shift ⇧|alt option opt ⌥|meta cmd command ⌘|mod'.split('|');

/** The modifiers in the order a normalized combo lists them: `ctrl+shift+alt+meta`. */
export const HOTKEY_MODIFIERS: readonly HotkeyModifier[] = MODIFIER_GROUPS.slice(0, 4).map(head) as HotkeyModifier[];

/** The named keys with their aliases (the symbols `formatCombo` shows on macOS among them, so that what it shows parses back), in vocabulary order. */
const NAMED_KEY_GROUPS =
  'left arrowleft ←|right arrowright →|up arrowup ↑|down arrowdown ↓|enter return ↩ ⏎|escape esc ⎋|space spacebar|backspace ⌫|delete del ⌦|tab ⇥|home|end|pageup pgup|pagedown pgdn|insert'.split(
    '|',
  );

/** The keys that end the vocabulary (numpad plus and minus, then punctuation), each with its `KeyboardEvent.code`, in groups as above. */
const CODE_KEY_GROUPS =
  "plus NumpadAdd|minus NumpadSubtract|. Period|, Comma|/ Slash|; Semicolon|' Quote|[ BracketLeft|] BracketRight|\\ Backslash|= Equal|- Minus|` Backquote".split(
    '|',
  );

/** Every key name a normalized combo may end with: letters, digits, named keys and punctuation. */
export const HOTKEY_KEY_NAMES: readonly string[] = [
  // Letters, then digits: base-36 digits from 10 (a) round to 9.
  ...Array.from({ length: 36 }, (_, i) => ((i + 10) % 36).toString(36)),
  ...NAMED_KEY_GROUPS.map(head),
  ...Array.from({ length: 19 }, (_, i) => `f${i + 1}`),
  ...CODE_KEY_GROUPS.map(head),
];

/** A map from each word of the groups to its group's first word. */
function aliasMap<T extends string>(groups: readonly string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const group of groups) for (const word of group.split(' ')) map.set(word, head(group) as T);
  return map;
}

/** Modifier names and symbols, each with the modifier it stands for. */
const MODIFIER_ALIASES = aliasMap<HotkeyModifier | 'mod'>(MODIFIER_GROUPS);

/** The key name of each `KeyboardEvent.code` in `CODE_KEY_GROUPS`. */
const CODE_KEY_NAMES = aliasMap<string>(CODE_KEY_GROUPS);

/** Every key name for itself, and the key aliases. */
const KEY_ALIASES = aliasMap<string>([...HOTKEY_KEY_NAMES, ...NAMED_KEY_GROUPS, 'plus +']);

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

/** The refusals of `readCombo`, by the number it returns for each (numbers weigh less than codes in the `useHotkeys` entry). */
const COMBO_PROBLEMS: readonly ComboProblemCode[] = [
  'combo_not_text',
  'combo_empty',
  'combo_trailing_plus',
  'combo_empty_part',
  'combo_unknown_key',
  'combo_no_key',
  'combo_too_many_keys',
];

/** A combo as `readCombo` reads it: the normalized combo, or a refusal (its index in `COMBO_PROBLEMS`) with the part it refused or the keys it found, from which `parseCombo` makes the message's values. */
type ComboReading = string | [problem: number, part?: string, keys?: string[]];

/** Whether a text is empty or only whitespace other than spaces (a space alone is the space key). */
function isBlank(text: string): boolean {
  return text.trim() === '' && !text.includes(' ');
}

/** Splits on `+`, reading a `+` that stands where a part would start, and ends the input or precedes another `+`, as the plus key. */
function splitParts(input: string): string[] {
  const parts = [''];
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i] as string;
    const last = parts.length - 1;
    if (ch === '+' && !((parts[last] as string).trim() === '' && /^\s*(\+|$)/.test(input.slice(i + 1)))) parts.push('');
    else parts[last] += ch;
  }
  return parts;
}

/** The key name a part stands for, or null when it names none. */
function keyName(part: string): string | null {
  if (part.trim() === '' && part.includes(' ')) return 'space';
  const word = part.trim().toLowerCase();
  return KEY_ALIASES.get(word) ?? KEY_ALIASES.get(word.replace(/\s+/g, '')) ?? null;
}

/** Writes the modifiers `has` holds and a key as a normalized combo. */
function joinCombo(has: (modifier: HotkeyModifier) => boolean, key: string): string {
  return [...HOTKEY_MODIFIERS.filter(has), key].join('+');
}

/** Reads a combo as `parseCombo` does, a refusal without its message. */
function readCombo(input: string, platform: HotkeyPlatform): ComboReading {
  if (typeof input !== 'string') return [0];
  if (isBlank(input)) return [1];
  const modifiers = new Set<HotkeyModifier>();

  // macOS writes modifiers as symbols glued to the key: `⇧⌘Z`, `⌃+`.
  // (The symbols are the only aliases of one character.)
  let rest = input.trimStart();
  if (!MODIFIER_ALIASES.has(rest[0] as string)) rest = input;
  for (let symbol; (symbol = MODIFIER_ALIASES.get(rest[0] as string)); rest = rest.slice(1)) {
    modifiers.add(symbol as HotkeyModifier);
  }
  const peeled = rest !== input;
  if (peeled && rest.trimStart().startsWith('+') && rest.trim() !== '+') rest = rest.trimStart().slice(1);

  const parts = peeled && rest.trim() === '' ? [] : splitParts(rest);
  const keys: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (isBlank(part)) return [i > 0 && i === parts.length - 1 ? 2 : 3];
    const trimmed = part.trim();
    const modifier = trimmed && MODIFIER_ALIASES.get(trimmed.toLowerCase());
    if (modifier) {
      modifiers.add(modifier === 'mod' ? (platform === 'mac' ? 'meta' : 'ctrl') : modifier);
      continue;
    }
    const key = keyName(part) ?? shiftedKeyName(part, modifiers);
    if (key === null) return [4, trimmed];
    if (!keys.includes(key)) keys.push(key);
  }
  if (keys.length === 1) return joinCombo((m) => modifiers.has(m), keys[0] as string);
  return [keys.length ? 6 : 5, '', keys];
}

/**
 * Parses a combo written in any order and with common aliases into its normalized form (`ctrl+shift+z`). Never throws.
 * @param platform - what `mod` stands for: `meta` on `mac`, `ctrl` elsewhere.
 */
export function parseCombo(input: string, platform: HotkeyPlatform = 'other'): ParseComboResult {
  const reading = readCombo(input, platform);
  if (typeof reading === 'string') return { ok: true, combo: reading };
  const [problem, part = '', keys = []] = reading;
  const code = COMBO_PROBLEMS[problem] as ComboProblemCode;
  let values: HotkeyMessageValues = {};
  if (code === 'combo_unknown_key') values = { key: shorten(part) };
  else if (code !== 'combo_not_text' && code !== 'combo_empty') {
    values = { shortcut: shorten(input.trim() === '' ? input : input.trim()) };
    if (code === 'combo_too_many_keys') values = { ...values, count: keys.length, keys };
  }
  const refusal = { ok: false as const, code, values };
  return { ...refusal, reason: formatHotkeyMessage(refusal) };
}

/** The normalized form of a combo (`shift+ctrl+Z` → `ctrl+shift+z`), or null when it does not parse. */
export function normalizeCombo(input: string, platform: HotkeyPlatform = 'other'): string | null {
  const reading = readCombo(input, platform);
  return typeof reading === 'string' ? reading : null;
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

/**
 * The display parts already worked out, by platform and combo: an editor shows the same few
 * combos on thousands of rows (chips, accessible names, search text), and parsing each one anew
 * was a good part of mounting a long list. Cleared when it grows past `FORMAT_CACHE_LIMIT`.
 */
const formatted = new Map<string, readonly string[]>();
const FORMAT_CACHE_LIMIT = 5000;

/** The parts of a combo as shown, one per `<kbd>` chip: `['⇧', '⌘', 'Z']` on macOS, `['Ctrl', 'Shift', 'Z']` elsewhere; a combo that does not parse is one part as written. */
export function formatComboParts(combo: string, platform: HotkeyPlatform): string[] {
  if (typeof combo !== 'string') return [];
  const cacheKey = `${platform} ${combo}`;
  let parts = formatted.get(cacheKey);
  if (!parts) {
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    parts = partsOf(combo, platform);
    formatted.set(cacheKey, parts);
  }
  return [...parts];
}

/** What `formatComboParts` returns, worked out. */
function partsOf(combo: string, platform: HotkeyPlatform): string[] {
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
  // A combo that does not parse is one part, as written (and `''` none), so joining returns it unchanged.
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

/**
 * The key name of a keyboard event, or null for a modifier alone or a key outside the vocabulary.
 * It follows what `keyCode` gives (which keymaster-based editors match on): the letter the
 * layout prints, else the physical position. `keyCode` is 0 when the event has none.
 */
function eventKeyName(key: string, code: string, keyCode: number): string | null {
  // A Latin letter is the letter the layout prints (AZERTY's A key is `a`, QWERTZ's Z key `z`, Dvorak's);
  // a named key is read by what it does, so a key remapped to Escape or a numpad key without Num Lock reads as such.
  // (Modifiers, CapsLock, Dead and the like name no key, and fall through to null below.)
  const named = (key.length > 1 || /[a-z ]/i.test(key)) && keyName(key);
  if (named) return named;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) {
    // A letter key that types punctuation (AZERTY's "," key, Dvorak's ";" key): that punctuation, as `keyCode` tells
    // (browsers' codes for the US keys, and Firefox's own for `;`, `=` and `-`).
    const punctuation =
      ';=,-./`'[keyCode - 186] ??
      "[\\]'"[keyCode - 219] ??
      ({ 59: ';', 61: '=', 173: '-' } as Record<number, string | undefined>)[keyCode];
    if (punctuation) return punctuation;
    // A letter key typing no Latin letter under a modifier (macOS Option+A on AZERTY types æ): the letter `keyCode` names.
    if (keyCode >= 65 && keyCode <= 90) return String.fromCharCode(keyCode + 32);
    // No Latin letter (Russian й, macOS Option's å): the key's US position, as `keyCode` reports it.
    return (letter[1] as string).toLowerCase();
  }
  // Digits and punctuation by the physical, unshifted key: Shift+1 is `shift+1` (also on AZERTY, where 1 needs Shift).
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1] as string;
  const byCode = CODE_KEY_NAMES.get(code);
  if (byCode) return byCode;
  if (/^((Numpad)?Enter|Space|F1?\d)$/.test(code)) return keyName(code.replace('Numpad', ''));
  // Events without a code (synthetic ones): a single ASCII character that is a key name, or `+`.
  return code === '' && key.length === 1 && key <= '~' ? keyName(key) : null;
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
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const keyCode = typeof event.keyCode === 'number' ? event.keyCode : 0;
  const name = eventKeyName(text(event.key), text(event.code), keyCode);
  return name === null ? null : joinCombo((m) => event[`${m}Key`] === true, name);
}
