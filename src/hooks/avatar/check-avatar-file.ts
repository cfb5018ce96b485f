import { checkImageComplete } from '../../core/image/check-image-complete';
import { IMAGE_HEADER_MAX_BYTES, sniffImageType, type ImageType } from '../../core/image/read-image-header';
import {
  fileSizeUnitFor,
  formatFileSize,
  imageTypeName,
  isRoundingMisleading,
  validateAvatarFile,
  type AvatarLimits,
  type AvatarValidationResult,
} from '../../core/image/validate-avatar-file';
import type { Translate } from '../use-translate';

/** What checking a file found: the validation result, and whether Resize to fit can help. */
export interface AvatarFileCheck {
  /** The limits' verdict; a `damaged` result stands in for it when the file is cut short or broken. */
  result: AvatarValidationResult | AvatarDamagedResult;
  /** Whether the file is of an accepted type and only too large, so scaling it down would pass. */
  canResize: boolean;
}

/** A file of an accepted type whose header is intact but whose structure stops short of its end. */
export interface AvatarDamagedResult {
  ok: false;
  code: 'damaged';
  message: string;
}

function decodedSize(file: Blob): Promise<{ width: number; height: number } | null> {
  if (typeof createImageBitmap !== 'function') return Promise.resolve(null);
  return createImageBitmap(file).then(
    (bitmap) => {
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    },
    () => null,
  );
}

/**
 * Checks a file against the limits before any upload: bytes, then type by magic bytes, then
 * pixels from the header; when the header can't tell, the browser decodes the image to measure it.
 * Last, a file of an accepted type is read whole to check that it is all there: a file cut short
 * keeps its header, and the browser decodes what there is without complaint (a grey photo).
 */
export async function checkAvatarFile(file: File, limits: AvatarLimits): Promise<AvatarFileCheck> {
  const head = new Uint8Array(await file.slice(0, IMAGE_HEADER_MAX_BYTES).arrayBuffer());
  let result = validateAvatarFile({ size: file.size, bytes: head }, limits);
  const sniffed = sniffImageType(head);
  const isAcceptedType = sniffed !== null && (limits.types as readonly string[]).includes(sniffed);
  if (!result.ok && result.code === 'unreadable' && isAcceptedType) {
    // The header can't tell (a frame past the first 64 KiB, say): let the browser decode it.
    const size = await decodedSize(file);
    if (size && (size.width > limits.maxWidth || size.height > limits.maxHeight)) {
      result = {
        ok: false,
        code: 'too_many_pixels',
        message: '',
        details: { size: file.size, limits, type: sniffed, ...size },
      };
    } else if (size) {
      result = { ok: true, type: sniffed as ImageType, ...size };
    }
  }
  const fitsOrResizable =
    result.ok || (isAcceptedType && (result.code === 'too_many_pixels' || result.code === 'too_many_bytes'));
  if (fitsOrResizable && !checkImageComplete(new Uint8Array(await file.arrayBuffer())).ok) {
    return { result: { ok: false, code: 'damaged', message: DAMAGED }, canResize: false };
  }
  const canResize =
    !result.ok && isAcceptedType && (result.code === 'too_many_pixels' || result.code === 'too_many_bytes');
  return { result, canResize };
}

const DAMAGED = 'This file is damaged or incomplete.';

/** Lists type names in the catalogue's words: "PNG, JPEG or GIF". */
export function listTypes(types: readonly string[], t: Translate): string {
  const names = types.map(imageTypeName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t('avatar.or')} ${names[names.length - 1]}`;
}

/** Why a file was turned away, in the catalogue's words and the locale's numbers. */
export function describeRejection(
  result: Extract<AvatarValidationResult, { ok: false }> | AvatarDamagedResult,
  t: Translate,
  locale: string,
): string {
  if (result.code === 'damaged') return t('avatar.damaged');
  const { details } = result;
  const { limits } = details;
  // Both sizes in the limit's unit: "1638 KB" against "1024 KB", never "1.6 MB" against "1024 KB".
  const unit = fileSizeUnitFor(limits.maxBytes);
  switch (result.code) {
    case 'too_many_bytes':
      return isRoundingMisleading(details.size, limits.maxBytes)
        ? t('avatar.tooManyBytesExact', {
            bytes: details.size,
            limit: formatFileSize(limits.maxBytes, locale, unit),
            limitBytes: limits.maxBytes,
          })
        : t('avatar.tooManyBytes', {
            size: formatFileSize(details.size, locale, unit),
            limit: formatFileSize(limits.maxBytes, locale, unit),
          });
    case 'too_many_pixels':
      // Pixel sizes as plain digits ("1200 × 1200 px"), not grouped like counts.
      return t('avatar.tooManyPixels', {
        width: String(details.width ?? 0),
        height: String(details.height ?? 0),
        maxWidth: String(limits.maxWidth),
        maxHeight: String(limits.maxHeight),
      });
    case 'unsupported_type':
      return t('avatar.unsupportedType', {
        type: imageTypeName(details.type ?? ''),
        types: listTypes(limits.types, t),
      });
    case 'unreadable':
      return t('avatar.unreadable');
  }
}
