// The checks a stored `hotkey_settings` value passes: a JSON object, size-limited like the map.

/** At most this many entries in the hotkey settings, as in the overrides map. */
export const MAX_HOTKEY_SETTINGS_ENTRIES = 200;
/** At most this many characters in the hotkey settings written as JSON. */
export const MAX_HOTKEY_SETTINGS_LENGTH = 16_000;

/** Whether a value is a plain object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Why a value can't be stored as hotkey settings, in English, or `null` when it can. */
export function hotkeySettingsProblem(settings: unknown): string | null {
  if (!isJsonObject(settings)) return 'Hotkey settings must be an object.';
  if (Object.keys(settings).length > MAX_HOTKEY_SETTINGS_ENTRIES) {
    return `Hotkey settings can have at most ${MAX_HOTKEY_SETTINGS_ENTRIES} entries.`;
  }
  let json: string;
  try {
    json = JSON.stringify(settings);
  } catch {
    return 'Hotkey settings must be plain JSON.';
  }
  if (json.length > MAX_HOTKEY_SETTINGS_LENGTH) {
    return `Hotkey settings can be at most ${MAX_HOTKEY_SETTINGS_LENGTH} characters as JSON.`;
  }
  return null;
}

/** Whether two JSON values are equal, objects compared whatever the order of their keys. */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJsonValue(v, b[i]));
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJsonValue(a[key], b[key]))
  );
}
