import type { HotkeyOverride, HotkeyOverrides } from '../../adapters/types';

/** The rules a stored hotkey map must meet: a backend's limits and the combos it refuses. */
export interface HotkeyRules {
  /** The most overrides a user may store. */
  maxOverrides: number;
  /** The longest `section:action` id allowed. */
  maxIdLength: number;
  /** The longest combo string allowed. */
  maxKeyLength: number;
  /** Operating-system combos the server refuses to store, as it spells them (compared trimmed and lower-cased). */
  blockedCombos: readonly string[];
}

/** The characters a stored combo may be written with (what the server stores). */
export const HOTKEY_KEY_CHARACTERS = /^[a-zA-Z0-9+\-\s[\]\\;'".,/`~!@#$%^&*()_={}|:<>?]+$/;
/** The modifier words a stored combo may use before its last part, whatever their length. */
export const HOTKEY_MODIFIER_WORDS: ReadonlySet<string> = new Set([
  'ctrl',
  'cmd',
  'command',
  'alt',
  'option',
  'shift',
  'meta',
]);
/** The longest part before the last one of a stored combo, unless it is a modifier word. */
export const MAX_HOTKEY_PART_LENGTH = 20;
const FORBIDDEN_OBJECT_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The outcome of `validateHotkeyOverrides`: the cleaned map, or messages per hotkey id. */
export type HotkeyOverridesValidation =
  { ok: true; overrides: HotkeyOverrides } | { ok: false; fieldErrors: Record<string, string[]> };

/** Sets an own property even for names like `__proto__`, which plain assignment would not. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkId(id: string, { maxIdLength }: HotkeyRules): string | null {
  if (id.trim() === '') return 'A hotkey id is empty. Use the form section:action.';
  if (id.length > maxIdLength) {
    return `The hotkey id is ${id.length} characters long. The longest allowed is ${maxIdLength}.`;
  }
  const colon = id.indexOf(':');
  if (colon < 0 || id.slice(0, colon).trim() === '' || id.slice(colon + 1).trim() === '') {
    return `The hotkey id "${id}" must have the form section:action.`;
  }
  return null;
}

function checkKey(key: unknown, { maxKeyLength, blockedCombos }: HotkeyRules): string | null {
  if (typeof key !== 'string' || key.trim() === '') return 'The shortcut is missing.';
  if (key.length > maxKeyLength) {
    return `The shortcut is ${key.length} characters long. The longest allowed is ${maxKeyLength}.`;
  }
  const normalized = key.trim().toLowerCase();
  if (blockedCombos.some((combo) => combo.trim().toLowerCase() === normalized)) {
    return `The shortcut ${normalized} is reserved by the operating system.`;
  }
  if (!HOTKEY_KEY_CHARACTERS.test(key)) return `The shortcut "${key}" contains characters that can't be used.`;
  const parts = normalized.split('+');
  for (const part of parts.slice(0, -1)) {
    if (!HOTKEY_MODIFIER_WORDS.has(part.trim()) && part.length > MAX_HOTKEY_PART_LENGTH) {
      return `The shortcut "${key}" has a part longer than ${MAX_HOTKEY_PART_LENGTH} characters.`;
    }
  }
  return null;
}

/**
 * Applies a server's rules to a stored hotkey map, so that every adapter refuses what the real
 * server refuses. Never throws.
 *
 * @example
 * validateHotkeyOverrides(body, rules.hotkeys); // rules: the backend's AccountRules
 */
export function validateHotkeyOverrides(value: unknown, rules: HotkeyRules): HotkeyOverridesValidation {
  const { maxOverrides } = rules;
  if (!isPlainObject(value)) return { ok: false, fieldErrors: { hotkeys: ['Hotkeys must be an object.'] } };
  const ids = Object.keys(value);
  if (ids.length > maxOverrides) {
    return {
      ok: false,
      fieldErrors: {
        hotkeys: [`There are ${ids.length} hotkey overrides. The most allowed is ${maxOverrides}.`],
      },
    };
  }
  const fieldErrors: Record<string, string[]> = {};
  const overrides: HotkeyOverrides = {};
  for (const id of ids) {
    const problems: string[] = [];
    const idProblem = FORBIDDEN_OBJECT_KEYS.has(id) ? `The hotkey id "${id}" is not allowed.` : checkId(id, rules);
    if (idProblem) problems.push(idProblem);
    const entry = value[id];
    if (!isPlainObject(entry)) {
      problems.push('Each hotkey must be an object with a key.');
    } else {
      const keyProblem = checkKey(entry.key, rules);
      if (keyProblem) problems.push(keyProblem);
      if ('active' in entry && entry.active !== undefined && typeof entry.active !== 'boolean') {
        problems.push('"active" must be true or false.');
      }
      if ('description' in entry && entry.description !== undefined && typeof entry.description !== 'string') {
        problems.push('"description" must be text.');
      }
      if (problems.length === 0) {
        const override: HotkeyOverride = { key: entry.key as string };
        if (typeof entry.active === 'boolean') override.active = entry.active;
        if (typeof entry.description === 'string') override.description = entry.description;
        setOwn(overrides, id, override);
      }
    }
    if (problems.length > 0) setOwn(fieldErrors, id, problems);
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, overrides };
}
