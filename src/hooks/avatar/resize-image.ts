import { AccountError, throwIfAborted } from '../../adapters/errors';

/** A re-encoded image that fits the limits. */
export interface ResizedImage {
  /** The new file, ready to upload. */
  file: File;
  /** Its width in pixels. */
  width: number;
  /** Its height in pixels. */
  height: number;
}

/** The limits `resizeImageToFit` must meet. */
export interface ResizeLimits {
  /** The widest allowed result in pixels. */
  maxWidth: number;
  /** The tallest allowed result in pixels. */
  maxHeight: number;
  /** The largest allowed result in bytes. */
  maxBytes: number;
}

const JPEG_QUALITIES = [0.92, 0.85, 0.75, 0.6, 0.45];
const SCALE_STEPS = [1, 0.8, 0.64, 0.5, 0.4, 0.3];

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '') || 'photo';
}

/**
 * Scales an image down in the browser (aspect ratio kept) and re-encodes it until it fits
 * `maxBytes`: first in its own format where a canvas can write it (PNG, JPEG), then as JPEG
 * at falling quality, then smaller still. Rejects with a `validation` AccountError when
 * nothing fits, and with `aborted` when the signal fires.
 */
export async function resizeImageToFit(
  source: Blob,
  name: string,
  limits: ResizeLimits,
  signal?: AbortSignal,
): Promise<ResizedImage> {
  throwIfAborted(signal);
  // createImageBitmap applies EXIF orientation, so the result is upright like the preview.
  const bitmap = await createImageBitmap(source);
  try {
    const fit = Math.min(1, limits.maxWidth / bitmap.width, limits.maxHeight / bitmap.height);
    const keepsPng = source.type === 'image/png' || source.type === 'image/gif';
    const encodings: Array<{ type: string; quality?: number }> = [
      ...(keepsPng ? [{ type: 'image/png' }] : []),
      ...JPEG_QUALITIES.map((quality) => ({ type: 'image/jpeg', quality })),
    ];
    const canvas = document.createElement('canvas');
    for (const step of SCALE_STEPS) {
      const width = Math.max(1, Math.floor(bitmap.width * fit * step));
      const height = Math.max(1, Math.floor(bitmap.height * fit * step));
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new AccountError('validation', "The image couldn't be resized in this browser.");
      for (const { type, quality } of encodings) {
        throwIfAborted(signal);
        context.clearRect(0, 0, width, height);
        if (type === 'image/jpeg') {
          // JPEG has no transparency: put transparent parts on white rather than black.
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, width, height);
        }
        context.drawImage(bitmap, 0, 0, width, height);
        const blob = await toBlob(canvas, type, quality);
        throwIfAborted(signal);
        if (blob && blob.size <= limits.maxBytes) {
          const extension = type === 'image/png' ? 'png' : 'jpg';
          return { file: new File([blob], `${baseName(name)}-resized.${extension}`, { type }), width, height };
        }
      }
    }
    throw new AccountError('validation', "The image couldn't be made small enough.");
  } finally {
    bitmap.close();
  }
}
