// @ts-check
// Label Studio's server-side rules for avatars, hotkeys and profile fields, with its messages.

export const AVATAR_MAX_BYTES = 1024 * 1024;
export const AVATAR_MAX_SIDE = 1200;

export const AVATAR_MESSAGES = {
  unreadable: "Can't read image, try another one",
  tooManyPixels: 'Please use an image that is 1200 x 1200 pixels or smaller.',
  wrongType: 'Please use a JPEG, GIF or PNG image.',
  tooManyBytes: 'Avatar file size may not exceed 1024.0 kb',
};

/** @typedef {'png' | 'jpeg' | 'gif'} AvatarType */

export const AVATAR_CONTENT_TYPES = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif' };

/** @param {Buffer} bytes @param {number[]} magic @param {number} [offset] */
function startsWith(bytes, magic, offset = 0) {
  return magic.every((byte, index) => bytes[offset + index] === byte);
}

/** Other images a decoder could read; Label Studio refuses them by type rather than as unreadable. */
function isOtherImage(/** @type {Buffer} */ bytes) {
  return (
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) || // WebP
    startsWith(bytes, [0x42, 0x4d]) || // BMP
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF, little-endian
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF, big-endian
    startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) // ICO
  );
}

/**
 * Width and height from a JPEG's first start-of-frame segment.
 * @param {Buffer} bytes
 * @returns {{ width: number, height: number } | null}
 */
function jpegSize(bytes) {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = /** @type {number} */ (bytes[offset + 1]);
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (offset + 9 > bytes.length) return null;
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/**
 * The type and size of a PNG, JPEG or GIF; null for anything else or an unreadable header.
 * @param {Buffer} bytes
 * @returns {{ type: AvatarType, width: number, height: number } | null}
 */
export function readImageHeader(bytes) {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) {
    if (bytes.length < 10) return null;
    return { type: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes);
    return size && { type: 'jpeg', ...size };
  }
  return null;
}

/**
 * Label Studio's avatar checks, in its order: readable, dimensions, type, size.
 * @param {Buffer} bytes  the file, or its first AVATAR_MAX_BYTES + 1 bytes
 * @param {number} size  the file's size in bytes (more than AVATAR_MAX_BYTES when cut short)
 * @returns {{ ok: true, type: AvatarType } | { ok: false, message: string }}
 */
export function validateAvatar(bytes, size) {
  const header = readImageHeader(bytes);
  if (!header) {
    return { ok: false, message: isOtherImage(bytes) ? AVATAR_MESSAGES.wrongType : AVATAR_MESSAGES.unreadable };
  }
  if (header.width === 0 || header.height === 0) return { ok: false, message: AVATAR_MESSAGES.unreadable };
  if (header.width > AVATAR_MAX_SIDE || header.height > AVATAR_MAX_SIDE) {
    return { ok: false, message: AVATAR_MESSAGES.tooManyPixels };
  }
  if (size > AVATAR_MAX_BYTES) return { ok: false, message: AVATAR_MESSAGES.tooManyBytes };
  return { ok: true, type: header.type };
}

const MAX_HOTKEYS = 200;
const BLOCKED_COMBOS = [
  'ctrl+alt+delete',
  'cmd+alt+escape',
  'alt+f4',
  'ctrl+alt+esc',
  'cmd+option+esc',
  'ctrl+shift+esc',
  'cmd+shift+q',
  'alt+tab',
  'cmd+tab',
  'ctrl+alt+t',
  'cmd+space',
];
const ALLOWED_KEY_CHARACTERS = /^[a-zA-Z0-9+\-\s[\]\\;'".,/`~!@#$%^&*()_={}|:<>?]+$/;
const MODIFIERS = ['ctrl', 'cmd', 'command', 'alt', 'option', 'shift', 'meta'];

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's repr-free type names, as DRF's DictField message prints them. @param {unknown} value */
function pythonTypeName(value) {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'NoneType';
}

/**
 * Label Studio's `HotkeysSerializer.validate_custom_hotkeys`: the first problem found, or null.
 * @param {unknown} hotkeys
 * @returns {string | null}
 */
export function hotkeysProblem(hotkeys) {
  if (hotkeys === undefined) return 'This field is required.';
  if (hotkeys === null) return 'This field may not be null.';
  if (!isPlainObject(hotkeys)) return `Expected a dictionary of items but got type "${pythonTypeName(hotkeys)}".`;
  const entries = Object.entries(hotkeys);
  if (entries.length > MAX_HOTKEYS) return `Cannot define more than ${MAX_HOTKEYS} custom hotkeys`;
  if (containsNull(hotkeys)) return NULL_CHARACTERS_MESSAGE;
  for (const [actionKey, data] of entries) {
    if (!actionKey) return `Action key '${actionKey}' must be a non-empty string`;
    if (codePointLength(actionKey) > 100) return `Action key '${actionKey}' is too long (max 100 characters)`;
    const colon = actionKey.indexOf(':');
    if (colon < 0) return `Action key '${actionKey}' must be in 'section:action' format`;
    if (!actionKey.slice(0, colon).trim() || !actionKey.slice(colon + 1).trim()) {
      return `Action key '${actionKey}' must have non-empty section and action parts`;
    }
    if (!isPlainObject(data)) return `Hotkey data for '${actionKey}' must be a dictionary`;
    if (!('key' in data)) return `Missing 'key' in hotkey data for '${actionKey}'`;
    const combo = data.key;
    if (typeof combo !== 'string' || !combo) return `Key combination for '${actionKey}' must be a non-empty string`;
    if (codePointLength(combo) > 50) return `Key combination for '${actionKey}' is too long (max 50 characters)`;
    if (BLOCKED_COMBOS.includes(combo.toLowerCase().trim())) {
      return `Key combination '${combo}' is not allowed for security reasons`;
    }
    if ('active' in data && typeof data.active !== 'boolean') return `Active flag for '${actionKey}' must be a boolean`;
    if (!ALLOWED_KEY_CHARACTERS.test(combo)) {
      return `Key combination '${combo}' for '${actionKey}' contains invalid characters`;
    }
    const parts = combo.split('+').map((part) => part.trim());
    for (const part of parts.slice(0, -1)) {
      if (!MODIFIERS.includes(part.toLowerCase()) && part.length > 20) {
        return `Invalid modifier or key '${part}' in key combination '${combo}'`;
      }
    }
  }
  return null;
}

const TRUE_VALUES = new Set([
  true,
  1,
  '1',
  'true',
  'True',
  'TRUE',
  't',
  'T',
  'yes',
  'Yes',
  'YES',
  'y',
  'Y',
  'on',
  'On',
  'ON',
]);
const FALSE_VALUES = new Set([
  false,
  0,
  '0',
  'false',
  'False',
  'FALSE',
  'f',
  'F',
  'no',
  'No',
  'NO',
  'n',
  'N',
  'off',
  'Off',
  'OFF',
]);

/**
 * Django REST framework's BooleanField: the value, or an error message.
 * @param {unknown} value
 * @param {{ allowNull: boolean }} options
 * @returns {{ value: boolean | null } | { error: string }}
 */
export function parseBoolean(value, { allowNull }) {
  if (value === null) return allowNull ? { value: null } : { error: 'This field may not be null.' };
  if (TRUE_VALUES.has(/** @type {never} */ (value))) return { value: true };
  if (FALSE_VALUES.has(/** @type {never} */ (value))) return { value: false };
  return { error: 'Must be a valid boolean.' };
}

/** Python's `len` of a string: code points, not UTF-16 units (an emoji is 1, not 2). @param {string} text */
export function codePointLength(text) {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export const NULL_CHARACTERS_MESSAGE = 'Null characters are not allowed.';
export const CONTROL_CHARACTERS_MESSAGE = 'Control characters are not allowed.';
/**
 * Other C0 and C1 controls, and the bidirectional embeddings, overrides and isolates that make
 * a name display as something else ("RLO"). Stricter than Label Studio, which stores them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0001-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Django REST framework's CharField (blank allowed, whitespace trimmed, NUL refused, length in
 * code points): the value, or an error.
 * @param {unknown} value
 * @param {number} maxLength
 * @returns {{ value: string } | { error: string }}
 */
export function parseCharField(value, maxLength) {
  if (value === null) return { error: 'This field may not be null.' };
  if (typeof value === 'boolean' || (typeof value !== 'string' && typeof value !== 'number')) {
    return { error: 'Not a valid string.' };
  }
  const text = String(value).trim();
  if (text.includes('\u0000')) return { error: NULL_CHARACTERS_MESSAGE };
  if (CONTROL_CHARACTERS.test(text)) return { error: CONTROL_CHARACTERS_MESSAGE };
  if (codePointLength(text) > maxLength) {
    return { error: `Ensure this field has no more than ${maxLength} characters.` };
  }
  return { value: text };
}

/** Whether any string in a JSON value (keys included) holds a NUL character. @param {unknown} value */
export function containsNull(value) {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
