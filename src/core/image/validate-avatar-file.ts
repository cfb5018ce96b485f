import { readImageHeader, sniffImageType, type ImageType } from './read-image-header';

/** The limits an avatar must meet. */
export interface AvatarLimits {
  /** The widest allowed image in pixels. @default 1200 */
  maxWidth: number;
  /** The tallest allowed image in pixels. @default 1200 */
  maxHeight: number;
  /** The largest allowed file in bytes. @default 1048576 (1024 KB) */
  maxBytes: number;
  /** The accepted types. @default ['png', 'jpeg', 'gif'] */
  types: readonly ImageType[];
}

/** Label Studio's server-side avatar limits: 1200 × 1200 px, 1024 KB, PNG/JPEG/GIF. */
export const DEFAULT_AVATAR_LIMITS: AvatarLimits = {
  maxWidth: 1200,
  maxHeight: 1200,
  maxBytes: 1024 * 1024,
  types: ['png', 'jpeg', 'gif'],
};

/** Why an avatar file was refused. */
export type AvatarRejectionCode = 'too_many_bytes' | 'too_many_pixels' | 'unsupported_type' | 'unreadable';

/** The outcome of `validateAvatarFile`: the image's facts, or the reason and message. */
export type AvatarValidationResult =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; code: AvatarRejectionCode; message: string };

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

function formatSize(bytes: number): string {
  if (bytes > MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return `${bytes} bytes`;
}

function formatExactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** The size message: rounded figures, or exact bytes where rounding would hide the difference. */
export function describeTooManyBytes(size: number, maxBytes: number): string {
  const actual = formatSize(size);
  const limit = formatSize(maxBytes);
  const roundedLooksAllowed =
    actual === limit || (size >= MB && maxBytes < MB * 10 && Number((size / MB).toFixed(1)) * MB <= maxBytes);
  if (roundedLooksAllowed) {
    return `This file is ${formatExactBytes(size)}. The largest allowed is ${limit} (${formatExactBytes(maxBytes)}).`;
  }
  return `This file is ${actual}. The largest allowed is ${limit}.`;
}

function listTypes(types: readonly ImageType[]): string {
  const names = types.map((type) => TYPE_NAMES[type] ?? type.toUpperCase());
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Checks a file against avatar limits in the order that costs least: byte size, then type by
 * magic bytes, then pixel size from the header. Never throws.
 *
 * @example
 * const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
 * const result = validateAvatarFile({ size: file.size, bytes: head });
 */
export function validateAvatarFile(
  file: { size: number; bytes: Uint8Array },
  limits: Partial<AvatarLimits> = {},
): AvatarValidationResult {
  const { maxWidth, maxHeight, maxBytes, types } = { ...DEFAULT_AVATAR_LIMITS, ...limits };
  if (file.size > maxBytes) {
    return { ok: false, code: 'too_many_bytes', message: describeTooManyBytes(file.size, maxBytes) };
  }
  const sniffed = sniffImageType(file.bytes);
  if (sniffed === null) {
    return { ok: false, code: 'unreadable', message: 'This file is not a readable image.' };
  }
  if (!(types as readonly string[]).includes(sniffed)) {
    return {
      ok: false,
      code: 'unsupported_type',
      message: `This file type (${TYPE_NAMES[sniffed] ?? sniffed}) isn't supported. Use ${listTypes(types)}.`,
    };
  }
  const header = readImageHeader(file.bytes);
  if (!header.ok) return { ok: false, code: 'unreadable', message: header.reason };
  if (header.width > maxWidth || header.height > maxHeight) {
    return {
      ok: false,
      code: 'too_many_pixels',
      message: `This image is ${header.width} × ${header.height} px. The largest allowed is ${maxWidth} × ${maxHeight} px.`,
    };
  }
  return header;
}
