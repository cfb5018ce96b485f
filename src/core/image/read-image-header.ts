/** The image types whose pixel size can be read from the header. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp';

/** What `readImageHeader` found: the displayed size and type, or why it could not tell. */
export type ImageHeaderResult =
  { ok: true; type: ImageType; width: number; height: number } | { ok: false; reason: string };

/** The most bytes `readImageHeader` looks at; pass at most this much of a file. */
export const IMAGE_HEADER_MAX_BYTES = 64 * 1024;

/** File types recognised by their magic bytes, supported or not. */
export type SniffedType = ImageType | 'bmp' | 'tiff' | 'ico' | 'heic' | 'avif' | 'svg' | 'pdf';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/** Names a file's type from its first bytes, or `null` when it is none this library knows. */
export function sniffImageType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (bytes.length >= 2 && ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (bytes.length >= 4 && (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*')) return 'tiff';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0) return 'ico';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (/^(heic|heix|hevc|hevx|mif1|msf1)$/.test(brand)) return 'heic';
  }
  if (bytes.length >= 4 && ascii(bytes, 0, 4) === '%PDF') return 'pdf';
  const start = ascii(bytes, 0, 256).trimStart().toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return 'svg';
  return null;
}

const UNREADABLE = 'This file is not a readable image.';

function sizeResult(type: ImageType, width: number, height: number): ImageHeaderResult {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width <= 0 || height <= 0) {
    return { ok: false, reason: UNREADABLE };
  }
  return { ok: true, type, width, height };
}

function readPng(bytes: Uint8Array): ImageHeaderResult {
  // Signature (8), then the first chunk must be IHDR: length (4), type (4), width (4), height (4).
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return { ok: false, reason: UNREADABLE };
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  // The PNG specification caps each dimension at 2^31 - 1.
  if (width > 0x7fffffff || height > 0x7fffffff) return { ok: false, reason: UNREADABLE };
  return sizeResult('png', width, height);
}

function readGif(bytes: Uint8Array): ImageHeaderResult {
  if (bytes.length < 10) return { ok: false, reason: UNREADABLE };
  return sizeResult('gif', u16le(bytes, 6), u16le(bytes, 8));
}

/** Reads the EXIF orientation (1-8) from an APP1 segment's payload, or 1 when absent. */
function readExifOrientation(bytes: Uint8Array, start: number, end: number): number {
  if (ascii(bytes, start, 6) !== 'Exif\0\0') return 1;
  const tiff = start + 6;
  if (tiff + 8 > end) return 1;
  const order = ascii(bytes, tiff, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const little = order === 'II';
  const u16 = (at: number) => (little ? u16le(bytes, at) : u16be(bytes, at));
  const u32 = (at: number) => (little ? u16le(bytes, at + 2) * 0x10000 + u16le(bytes, at) : u32be(bytes, at));
  if (u16(tiff + 2) !== 42) return 1;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

function isStartOfFrame(marker: number): boolean {
  // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpeg(bytes: Uint8Array): ImageHeaderResult {
  let orientation = 1;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, reason: UNREADABLE };
    // Any number of 0xFF fill bytes may precede a marker.
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) break;
    const marker = bytes[at]!;
    at++;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // no payload
    if (marker === 0xd9 || marker === 0xda) break; // end of image or scan data before any frame
    if (at + 2 > bytes.length) break;
    const length = u16be(bytes, at);
    if (length < 2) return { ok: false, reason: UNREADABLE };
    const end = at + length;
    if (isStartOfFrame(marker)) {
      if (at + 7 > bytes.length) break;
      const height = u16be(bytes, at + 3);
      const width = u16be(bytes, at + 5);
      // Orientations 5-8 rotate by 90 degrees, so the displayed width is the stored height.
      return orientation >= 5 ? sizeResult('jpeg', height, width) : sizeResult('jpeg', width, height);
    }
    if (marker === 0xe1 && orientation === 1) {
      orientation = readExifOrientation(bytes, at + 2, Math.min(end, bytes.length));
    }
    at = end;
  }
  return { ok: false, reason: UNREADABLE };
}

function readWebp(bytes: Uint8Array): ImageHeaderResult {
  if (bytes.length < 30) return { ok: false, reason: UNREADABLE };
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    // A lossy key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return { ok: false, reason: UNREADABLE };
    return sizeResult('webp', u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // A lossless stream: signature 0x2F, then 14 bits of width - 1 and 14 bits of height - 1.
    if (bytes[20] !== 0x2f) return { ok: false, reason: UNREADABLE };
    const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
    return sizeResult('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    // The extended format stores the canvas size as 24-bit width - 1 and height - 1.
    return sizeResult('webp', u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
  }
  return { ok: false, reason: UNREADABLE };
}

/**
 * Reads an image's type and displayed pixel size from its first bytes, without decoding it.
 *
 * Looks at no more than `IMAGE_HEADER_MAX_BYTES`, never throws, and reports a size only when
 * the header is well formed. JPEG EXIF orientations 5-8 swap width and height.
 *
 * @example
 * const header = readImageHeader(new Uint8Array(await file.slice(0, IMAGE_HEADER_MAX_BYTES).arrayBuffer()));
 * if (header.ok) console.log(header.width, header.height);
 */
export function readImageHeader(bytes: Uint8Array): ImageHeaderResult {
  const head = bytes.length > IMAGE_HEADER_MAX_BYTES ? bytes.subarray(0, IMAGE_HEADER_MAX_BYTES) : bytes;
  switch (sniffImageType(head)) {
    case 'png':
      return readPng(head);
    case 'gif':
      return readGif(head);
    case 'jpeg':
      return readJpeg(head);
    case 'webp':
      return readWebp(head);
    default:
      return { ok: false, reason: UNREADABLE };
  }
}
