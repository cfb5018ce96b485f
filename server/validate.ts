// Label Studio's server-side answers for avatars, hotkeys and profile fields. The rules come from
// src/ (the same ones the library and its adapters apply: limits, blocked combos, the image
// header reader); this file adds what only the server says: Label Studio's messages, the order
// it checks in, and how Django REST framework reads a field.
import {
  HOTKEY_KEY_CHARACTERS,
  HOTKEY_MODIFIER_WORDS,
  MAX_HOTKEY_PART_LENGTH,
} from '../src/core/hotkeys/validate-overrides.ts';
import { readImageHeader, type ImageType, type SniffedType } from '../src/core/image/read-image-header.ts';
import { validateAvatarFile, type AvatarLimits } from '../src/core/image/validate-avatar-file.ts';
import { hotkeySettingsProblem as librarySettingsProblem } from '../src/core/hotkeys/validate-settings.ts';
import { labelStudioRules } from '../src/label-studio/rules.ts';

/** The avatar limits: Label Studio's (1200 × 1200 px, 1024 KB, PNG/JPEG/GIF). */
export const AVATAR_LIMITS: AvatarLimits = labelStudioRules.avatar;
export const AVATAR_MAX_BYTES = AVATAR_LIMITS.maxBytes;
/** The longest first name, last name, username or phone number. */
export const MAX_TEXT_LENGTH = labelStudioRules.profileFieldMaxLength;
/** How many personal access tokens a user may hold at once. */
export const MAX_ACTIVE_TOKENS = labelStudioRules.maxActivePersonalTokens;
const {
  maxOverrides: MAX_HOTKEY_OVERRIDES,
  maxIdLength: MAX_HOTKEY_ID_LENGTH,
  maxKeyLength: MAX_HOTKEY_KEY_LENGTH,
} = labelStudioRules.hotkeys;
const SERVER_BLOCKED_COMBOS: readonly string[] = labelStudioRules.hotkeys.blockedCombos;

export const AVATAR_MESSAGES = {
  unreadable: "Can't read image, try another one",
  tooManyPixels: `Please use an image that is ${AVATAR_LIMITS.maxWidth} x ${AVATAR_LIMITS.maxHeight} pixels or smaller.`,
  wrongType: 'Please use a JPEG, GIF or PNG image.',
  wrongExtension: 'Please upload a valid image file with extensions: JPEG, JPG, GIF, or PNG.',
  tooManyBytes: `Avatar file size may not exceed ${(AVATAR_LIMITS.maxBytes / 1024).toFixed(1)} kb`,
};

/** The media type and the file name extension of each image type an avatar may have. */
export const AVATAR_FILE_TYPES: Readonly<Record<ImageType, { contentType: string; extension: string }>> = {
  png: { contentType: 'image/png', extension: 'png' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  gif: { contentType: 'image/gif', extension: 'gif' },
  webp: { contentType: 'image/webp', extension: 'webp' },
};

/** Whether the avatar limits accept an image type. */
export function isAvatarType(type: ImageType): boolean {
  return AVATAR_LIMITS.types.includes(type);
}

/**
 * The type of an avatar file's bytes, when it is an image of a type avatars may have; null
 * otherwise. Read with the library's image header reader.
 */
export function avatarFileType(bytes: Uint8Array): ImageType | null {
  const header = readImageHeader(bytes);
  return header.ok && isAvatarType(header.type) ? header.type : null;
}

/**
 * Other images Pillow opens: Label Studio refuses them by type ("Please use a JPEG, GIF or PNG
 * image."), not as unreadable, which is what it answers for files Pillow can't open at all.
 */
const DECODABLE_TYPES: ReadonlySet<string> = new Set<SniffedType>(['webp', 'bmp', 'tiff', 'ico']);

/** What `validateAvatar` found: the image type, or Label Studio's message. */
export type AvatarCheck = { ok: true; type: ImageType } | { ok: false; message: string };

/**
 * Label Studio's avatar checks, in its order: readable, dimensions, type (by the bytes, stricter than
 * Label Studio), the file name's extension, the part's content type, size. The library's
 * `validateAvatarFile` reads the header and applies the limits; this answers Label Studio's
 * messages, and checks the size last.
 * @param bytes  the file, or its first AVATAR_MAX_BYTES + 1 bytes
 * @param size  the file's size in bytes (more than AVATAR_MAX_BYTES when cut short)
 */
/** The file name extensions and part content types Label Studio's `check_avatar` accepts. */
const AVATAR_EXTENSIONS = new Set(['jpeg', 'jpg', 'gif', 'png']);
const AVATAR_CONTENT_TYPES = new Set(['image/jpeg', 'image/gif', 'image/png']);

/** What the multipart part said about the file. */
export interface AvatarPart {
  filename: string;
  contentType: string;
}

export function validateAvatar(bytes: Uint8Array, size: number, part?: AvatarPart): AvatarCheck {
  // The size is checked last, as Label Studio does, so the shared check runs without a byte limit.
  const result = validateAvatarFile({ size, bytes }, { ...AVATAR_LIMITS, maxBytes: Number.POSITIVE_INFINITY });
  if (!result.ok) {
    switch (result.code) {
      case 'too_many_pixels':
        return { ok: false, message: AVATAR_MESSAGES.tooManyPixels };
      case 'unsupported_type': {
        const type = result.details.type;
        const decodable = type !== undefined && DECODABLE_TYPES.has(type);
        return { ok: false, message: decodable ? AVATAR_MESSAGES.wrongType : AVATAR_MESSAGES.unreadable };
      }
      case 'too_many_bytes':
        return { ok: false, message: AVATAR_MESSAGES.tooManyBytes };
      case 'unreadable':
        return { ok: false, message: AVATAR_MESSAGES.unreadable };
    }
  }
  if (part) {
    // Then the name's extension and the part's content type, as the client sent them.
    const dot = part.filename.lastIndexOf('.');
    const extension = dot === -1 ? '' : part.filename.slice(dot + 1).toLowerCase();
    if (!AVATAR_EXTENSIONS.has(extension)) return { ok: false, message: AVATAR_MESSAGES.wrongExtension };
    if (!AVATAR_CONTENT_TYPES.has(part.contentType.trim().toLowerCase())) {
      return { ok: false, message: AVATAR_MESSAGES.wrongType };
    }
  }
  if (size > AVATAR_LIMITS.maxBytes) return { ok: false, message: AVATAR_MESSAGES.tooManyBytes };
  return { ok: true, type: result.type };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's repr-free type names, as DRF's DictField message prints them. */
function pythonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'NoneType';
}

/**
 * Label Studio's `HotkeysSerializer.validate_custom_hotkeys`: the first problem found, or null.
 * The limits, blocked combos, characters and modifier words are the library's; the messages,
 * their order and lengths in code points (Python's `len`) are Label Studio's.
 */
export function hotkeysProblem(hotkeys: unknown): string | null {
  if (hotkeys === undefined) return 'This field is required.';
  if (hotkeys === null) return 'This field may not be null.';
  if (!isPlainObject(hotkeys)) return `Expected a dictionary of items but got type "${pythonTypeName(hotkeys)}".`;
  const entries = Object.entries(hotkeys);
  if (entries.length > MAX_HOTKEY_OVERRIDES) return `Cannot define more than ${MAX_HOTKEY_OVERRIDES} custom hotkeys`;
  if (containsNull(hotkeys)) return NULL_CHARACTERS_MESSAGE;
  for (const [actionKey, data] of entries) {
    if (!actionKey) return `Action key '${actionKey}' must be a non-empty string`;
    if (codePointLength(actionKey) > MAX_HOTKEY_ID_LENGTH) {
      return `Action key '${actionKey}' is too long (max ${MAX_HOTKEY_ID_LENGTH} characters)`;
    }
    const colon = actionKey.indexOf(':');
    if (colon < 0) return `Action key '${actionKey}' must be in 'section:action' format`;
    if (!actionKey.slice(0, colon).trim() || !actionKey.slice(colon + 1).trim()) {
      return `Action key '${actionKey}' must have non-empty section and action parts`;
    }
    if (!isPlainObject(data)) return `Hotkey data for '${actionKey}' must be a dictionary`;
    if (!('key' in data)) return `Missing 'key' in hotkey data for '${actionKey}'`;
    const combo = data.key;
    if (typeof combo !== 'string' || !combo) return `Key combination for '${actionKey}' must be a non-empty string`;
    if (codePointLength(combo) > MAX_HOTKEY_KEY_LENGTH) {
      return `Key combination for '${actionKey}' is too long (max ${MAX_HOTKEY_KEY_LENGTH} characters)`;
    }
    if (SERVER_BLOCKED_COMBOS.includes(combo.toLowerCase().trim())) {
      return `Key combination '${combo}' is not allowed for security reasons`;
    }
    if ('active' in data && typeof data.active !== 'boolean') return `Active flag for '${actionKey}' must be a boolean`;
    if (!HOTKEY_KEY_CHARACTERS.test(combo)) {
      return `Key combination '${combo}' for '${actionKey}' contains invalid characters`;
    }
    const parts = combo.split('+').map((part) => part.trim());
    for (const part of parts.slice(0, -1)) {
      if (!HOTKEY_MODIFIER_WORDS.has(part.toLowerCase()) && part.length > MAX_HOTKEY_PART_LENGTH) {
        return `Invalid modifier or key '${part}' in key combination '${combo}'`;
      }
    }
  }
  return null;
}

const TRUE_VALUES: ReadonlySet<unknown> = new Set([
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
const FALSE_VALUES: ReadonlySet<unknown> = new Set([
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

/** A field read by `parseBoolean` or `parseCharField`: its value, or Django REST framework's message. */
export type Parsed<T> = { value: T } | { error: string };

/** Django REST framework's BooleanField: the value, or an error message. */
export function parseBoolean(value: unknown, { allowNull }: { allowNull: boolean }): Parsed<boolean | null> {
  if (value === null) return allowNull ? { value: null } : { error: 'This field may not be null.' };
  if (TRUE_VALUES.has(value)) return { value: true };
  if (FALSE_VALUES.has(value)) return { value: false };
  return { error: 'Must be a valid boolean.' };
}

/** Django REST framework's IntegerField with bounds: whole numbers, also as strings ("30"). */
export function parseInteger(value: unknown, { min, max }: { min: number; max: number }): Parsed<number> {
  if (value === null) return { error: 'This field may not be null.' };
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^-?\d+(\.0*)?$/.test(text) || text.length > 1000) return { error: 'A valid integer is required.' };
  const number = Number.parseInt(text, 10);
  if (number < min) return { error: `Ensure this value is greater than or equal to ${min}.` };
  if (number > max) return { error: `Ensure this value is less than or equal to ${max}.` };
  return { value: number };
}

/** Python's `len` of a string: code points, not UTF-16 units (an emoji is 1, not 2). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export const NULL_CHARACTERS_MESSAGE = 'Null characters are not allowed.';
/**
 * The characters Python's `str.strip()` removes (`str.isspace`): unlike JavaScript's `trim`, it
 * strips the separators U+001C–U+001F and U+0085, and keeps U+FEFF.
 */
const PYTHON_WHITESPACE = '\t\n\u000b\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const PYTHON_STRIP = new RegExp(`^[${PYTHON_WHITESPACE}]+|[${PYTHON_WHITESPACE}]+$`, 'gu');

/** Python's `str.strip()`. */
export function pythonStrip(text: string): string {
  return text.replace(PYTHON_STRIP, '');
}

/** The first unpaired UTF-16 surrogate in a string (JSON's `"\ud800"` gives one), if any. */
function loneSurrogate(text: string): number | undefined {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) return code;
  }
  return undefined;
}

/**
 * Django REST framework's CharField as Label Studio's profile fields use it (blank allowed,
 * whitespace trimmed as Python trims it, length in code points, NUL and lone surrogates refused,
 * every other character stored, controls and bidirectional marks included): the value, or its
 * errors in DRF's order.
 */
export function parseCharField(value: unknown, maxLength: number): { value: string } | { errors: string[] } {
  if (value === null) return { errors: ['This field may not be null.'] };
  if (typeof value === 'boolean' || (typeof value !== 'string' && typeof value !== 'number')) {
    return { errors: ['Not a valid string.'] };
  }
  const text = pythonStrip(String(value));
  const errors: string[] = [];
  if (codePointLength(text) > maxLength) errors.push(`Ensure this field has no more than ${maxLength} characters.`);
  if (text.includes('\u0000')) errors.push(NULL_CHARACTERS_MESSAGE);
  const surrogate = loneSurrogate(text);
  if (surrogate !== undefined) {
    errors.push(`Surrogate characters are not allowed: U+${surrogate.toString(16).toUpperCase()}.`);
  }
  return errors.length > 0 ? { errors } : { value: text };
}

/** Whether any string in a JSON value (keys included) holds a NUL character. */
export function containsNull(value: unknown): boolean {
  const stack: unknown[] = [value];
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

/**
 * The problem with a `hotkey_settings` value, or null: a JSON object, size-limited like the map
 * (the library's limits, in `src/core/hotkeys/validate-settings.ts`).
 */
export function hotkeySettingsProblem(settings: unknown): string | null {
  if (settings === null) return 'This field may not be null.';
  if (!isPlainObject(settings)) return `Expected a dictionary of items but got type "${pythonTypeName(settings)}".`;
  return librarySettingsProblem(settings);
}
