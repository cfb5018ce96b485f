import { readImageHeader, sniffImageType, type ImageType } from './read-image-header';

/** The limits an avatar must meet (a backend's `rules.avatar`). */
export interface AvatarLimits {
  /** The widest allowed image in pixels. */
  maxWidth: number;
  /** The tallest allowed image in pixels. */
  maxHeight: number;
  /** The largest allowed file in bytes. */
  maxBytes: number;
  /** The accepted types. */
  types: readonly ImageType[];
}

/** Why an avatar file was refused. */
export type AvatarRejectionCode = 'too_many_bytes' | 'too_many_pixels' | 'unsupported_type' | 'unreadable';

/** The figures behind a rejection, for messages in other words or languages. */
export interface AvatarRejectionDetails {
  /** The file's size in bytes. */
  size: number;
  /** The limits the file was checked against. */
  limits: AvatarLimits;
  /** The type found from the magic bytes, when one was. */
  type?: string;
  /** The image's displayed width, when the header was read. */
  width?: number;
  /** The image's displayed height, when the header was read. */
  height?: number;
}

/** The outcome of `validateAvatarFile`: the image's facts, or the reason and message. */
export type AvatarValidationResult =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; code: AvatarRejectionCode; message: string; details: AvatarRejectionDetails };

const TYPE_NAMES: Record<string, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  tiff: 'TIFF',
  ico: 'ICO',
  heic: 'HEIC',
  avif: 'AVIF',
  svg: 'SVG',
  pdf: 'PDF',
};

const KB = 1024;
const MB = 1024 * 1024;

/** The unit a file size is written in: bytes, KB (1024 bytes) or MB (1024 KB). */
export type FileSizeUnit = 'bytes' | 'KB' | 'MB';

/**
 * The unit a limit reads best in, and so the unit for every size compared with it: bytes below
 * 1 KB, KB up to 1 MiB (a 1 MiB limit reads "1024 KB"), MB above.
 */
export function fileSizeUnitFor(bytes: number): FileSizeUnit {
  if (bytes > MB) return 'MB';
  if (bytes >= KB) return 'KB';
  return 'bytes';
}

/** A size rounded the way `formatFileSize` shows it in a unit (MB to one decimal, KB whole), in bytes. */
function roundedIn(bytes: number, unit: FileSizeUnit): number {
  if (unit === 'MB') return (Math.round((bytes / MB) * 10) / 10) * MB;
  if (unit === 'KB') return Math.round(bytes / KB) * KB;
  return bytes;
}

/**
 * A file size as people read it, with numbers in the locale's digits: "1.4 MB", "1024 KB",
 * "512 bytes". Sizes up to 1 MiB are given in KB, so that a 1 MiB limit reads "1024 KB"; pass
 * `unit` to write a size in the unit of the limit it is compared with ("1638 KB" beside "1024 KB").
 */
export function formatFileSize(bytes: number, locale = 'en-US', unit: FileSizeUnit = fileSizeUnitFor(bytes)): string {
  if (unit === 'MB') return `${(Math.round((bytes / MB) * 10) / 10).toLocaleString(locale)} MB`;
  // Digits grouped only from five on ("min2"): the familiar limit is "1024 KB", not "1,024 KB",
  // while a large file still reads "20,480 KB".
  if (unit === 'KB') return `${Math.round(bytes / KB).toLocaleString(locale, { useGrouping: 'min2' })} KB`;
  return `${bytes.toLocaleString(locale)} bytes`;
}

/** Whether sizes rounded in the limit's unit would make a file over the limit look allowed ("1024 KB" against "1024 KB"). */
export function isRoundingMisleading(size: number, maxBytes: number): boolean {
  return roundedIn(size, fileSizeUnitFor(maxBytes)) <= maxBytes;
}

/**
 * The size message, both sizes in the limit's unit ("This file is 1638 KB. The largest allowed
 * is 1024 KB."), or exact bytes where rounding would hide the difference.
 */
export function describeTooManyBytes(size: number, maxBytes: number): string {
  const unit = fileSizeUnitFor(maxBytes);
  const limit = formatFileSize(maxBytes, 'en-US', unit);
  if (isRoundingMisleading(size, maxBytes)) {
    return `This file is ${size.toLocaleString('en-US')} bytes. The largest allowed is ${limit} (${maxBytes.toLocaleString('en-US')} bytes).`;
  }
  return `This file is ${formatFileSize(size, 'en-US', unit)}. The largest allowed is ${limit}.`;
}

/** The name people know a file type by: "PNG", "JPEG", "BMP". */
export function imageTypeName(type: string): string {
  return TYPE_NAMES[type] ?? type.toUpperCase();
}

/** Lists type names for a message: "PNG, JPEG or GIF". */
export function listImageTypes(types: readonly string[]): string {
  const names = types.map(imageTypeName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Checks a file against avatar limits in the order that costs least: byte size, then type by
 * magic bytes, then pixel size from the header. Never throws.
 *
 * @example
 * const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
 * const result = validateAvatarFile({ size: file.size, bytes: head }, rules.avatar); // rules: the backend's AccountRules
 */
export function validateAvatarFile(
  file: { size: number; bytes: Uint8Array },
  limits: AvatarLimits,
): AvatarValidationResult {
  const all: AvatarLimits = { ...limits };
  const { maxWidth, maxHeight, maxBytes, types } = all;
  if (file.size > maxBytes) {
    const details = { size: file.size, limits: all };
    return { ok: false, code: 'too_many_bytes', message: describeTooManyBytes(file.size, maxBytes), details };
  }
  const sniffed = sniffImageType(file.bytes);
  if (sniffed === null) {
    const details = { size: file.size, limits: all };
    return { ok: false, code: 'unreadable', message: 'This file is not a readable image.', details };
  }
  if (!(types as readonly string[]).includes(sniffed)) {
    return {
      ok: false,
      code: 'unsupported_type',
      message: `This file type (${imageTypeName(sniffed)}) isn't supported. Use ${listImageTypes(types)}.`,
      details: { size: file.size, limits: all, type: sniffed },
    };
  }
  const header = readImageHeader(file.bytes);
  if (!header.ok) {
    return {
      ok: false,
      code: 'unreadable',
      message: header.reason,
      details: { size: file.size, limits: all, type: sniffed },
    };
  }
  if (header.width > maxWidth || header.height > maxHeight) {
    return {
      ok: false,
      code: 'too_many_pixels',
      message: `This image is ${header.width} × ${header.height} px. The largest allowed is ${maxWidth} × ${maxHeight} px.`,
      details: { size: file.size, limits: all, type: sniffed, width: header.width, height: header.height },
    };
  }
  return header;
}
