import { sniffImageType, type ImageType } from './read-image-header';

/** What `checkImageComplete` found: the file's structure runs to its end marker, or why not. */
export type ImageCompletenessResult = { ok: true; type: ImageType } | { ok: false; reason: string };

const DAMAGED = 'This file is damaged or incomplete.';
const UNREADABLE = 'This file is not a readable image.';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

function u32le(bytes: Uint8Array, at: number): number {
  return ((bytes[at + 3]! << 24) >>> 0) + ((bytes[at + 2]! << 16) | (bytes[at + 1]! << 8) | bytes[at]!);
}

/** PNG: every chunk's declared length fits in the file, there is image data, and IEND is reached. */
function pngIsComplete(bytes: Uint8Array): boolean {
  let at = 8;
  let hasData = false;
  while (at + 8 <= bytes.length) {
    const length = u32be(bytes, at);
    if (length > 0x7fffffff) return false;
    const type = ascii(bytes, at + 4, 4);
    // Length, type, data and CRC: the chunk must fit whole.
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    if (type === 'IDAT') hasData = true;
    if (type === 'IEND') return hasData;
    at = end;
  }
  return false;
}

/** Skips a run of GIF data sub-blocks (size byte, then that many bytes, until a zero size); -1 if cut short. */
function skipGifSubBlocks(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length) {
    const size = bytes[at]!;
    at += 1;
    if (size === 0) return at;
    at += size;
  }
  return -1;
}

function gifColourTableBytes(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

/** GIF: header, screen descriptor and every block in turn, at least one image, then the 0x3B trailer. */
function gifIsComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 13) return false;
  let at = 13 + gifColourTableBytes(bytes[10]!);
  let images = 0;
  while (at < bytes.length) {
    const introducer = bytes[at]!;
    if (introducer === 0x3b) return images > 0;
    if (introducer === 0x21) {
      // Extension: introducer, label, then sub-blocks.
      at = skipGifSubBlocks(bytes, at + 2);
    } else if (introducer === 0x2c) {
      // Image descriptor (10 bytes), an optional local colour table, the LZW code size, then sub-blocks.
      if (at + 10 > bytes.length) return false;
      at += 10 + gifColourTableBytes(bytes[at + 9]!) + 1;
      at = skipGifSubBlocks(bytes, at);
      images += 1;
    } else {
      return false;
    }
    if (at < 0) return false;
  }
  return false;
}

/**
 * JPEG: the marker segments, each scan's entropy-coded data (where a 0xFF byte is always followed by
 * 0x00 stuffing or a restart marker), and the EOI marker (FFD9) after at least one frame and scan.
 * Bytes after EOI are allowed; an EXIF thumbnail's own EOI sits inside APP1 and is skipped with it.
 */
function jpegIsComplete(bytes: Uint8Array): boolean {
  let at = 2;
  let hasFrame = false;
  let hasScan = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) return false;
    const marker = bytes[at]!;
    at++;
    if (marker === 0xd9) return hasFrame && hasScan;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > bytes.length) return false;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2) return false;
    at += length;
    if (at > bytes.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) hasFrame = true;
    if (marker === 0xda) {
      if (!hasFrame) return false;
      hasScan = true;
      // The scan's data runs to the next marker that is neither stuffing (FF00), a fill byte nor a restart (FFD0-FFD7).
      for (;;) {
        while (at < bytes.length && bytes[at] !== 0xff) at++;
        let next = at + 1;
        while (next < bytes.length && bytes[next] === 0xff) next++;
        if (next >= bytes.length) return false;
        const after = bytes[next]!;
        if (after === 0x00 || (after >= 0xd0 && after <= 0xd7)) {
          at = next + 1;
          continue;
        }
        at = next - 1; // back on the 0xFF that starts the marker
        break;
      }
    }
  }
  return false;
}

/** WebP: the RIFF container's declared size fits in the file. */
function webpIsComplete(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && 8 + u32le(bytes, 4) <= bytes.length;
}

/**
 * Checks that a whole image file is all there: its structure runs from the header to the end
 * marker (PNG: every chunk fits and IEND is reached; JPEG: the scans end in EOI; GIF: the blocks
 * end in the 0x3B trailer; WebP: the RIFF size fits). A file cut short keeps an intact header and
 * passes `readImageHeader`, and browsers decode what there is without an error (a grey or
 * half-drawn photo); this tells. Pass the entire file. Never throws.
 *
 * @example
 * const result = checkImageComplete(new Uint8Array(await file.arrayBuffer()));
 * if (!result.ok) showError(result.reason); // "This file is damaged or incomplete."
 */
export function checkImageComplete(bytes: Uint8Array): ImageCompletenessResult {
  const type = sniffImageType(bytes);
  let complete: boolean;
  switch (type) {
    case 'png':
      complete = pngIsComplete(bytes);
      break;
    case 'jpeg':
      complete = jpegIsComplete(bytes);
      break;
    case 'gif':
      complete = gifIsComplete(bytes);
      break;
    case 'webp':
      complete = webpIsComplete(bytes);
      break;
    default:
      return { ok: false, reason: UNREADABLE };
  }
  return complete ? { ok: true, type } : { ok: false, reason: DAMAGED };
}
