import type { HotkeyOverrides } from '../../adapters/types';

// A modifier word before a `+` (never the key itself), at the start of a combo or of a keymaster list item.
const META_WORDS = /(?<=^\s*|[+,]\s*)(?:meta|cmd)(?=\s*\+)/gi;
const COMMAND_WORDS = /(?<=^\s*|[+,]\s*)(?:command|cmd|⌘)(?=\s*\+)/gi;

/** A combo as Label Studio's editor reads it: ⌘ written `command`, keymaster's name (it knows no `meta` or `cmd`). */
export function toLabelStudioKey(key: string): string {
  return typeof key === 'string' ? key.replace(META_WORDS, 'command') : key;
}

/** A combo Label Studio stored, with ⌘ written `meta` whether it was stored as `meta`, `cmd` or `command`. */
export function fromLabelStudioKey(key: string): string {
  return typeof key === 'string' ? key.replace(COMMAND_WORDS, 'meta') : key;
}

/** Rewrites the key of every override, keeping the other fields and the ids as they are. */
function mapKeys(overrides: HotkeyOverrides, map: (key: string) => string): HotkeyOverrides {
  const mapped: HotkeyOverrides = {};
  if (typeof overrides !== 'object' || overrides === null) return mapped;
  for (const [id, override] of Object.entries(overrides)) {
    const value =
      typeof override === 'object' && override !== null && typeof override.key === 'string'
        ? { ...override, key: map(override.key) }
        : override;
    // defineProperty keeps an id such as `__proto__` an ordinary entry.
    Object.defineProperty(mapped, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return mapped;
}

/** The overrides as they are sent to Label Studio (⌘ as `command`). */
export function toLabelStudioHotkeys(overrides: HotkeyOverrides): HotkeyOverrides {
  return mapKeys(overrides, toLabelStudioKey);
}

/** The overrides Label Studio answered, with ⌘ read as `meta` however it was stored. */
export function fromLabelStudioHotkeys(overrides: HotkeyOverrides | null | undefined): HotkeyOverrides {
  return mapKeys(overrides ?? {}, fromLabelStudioKey);
}
