/**
 * Small, real image files made in code, for adapter and uploader tests. Plain TypeScript: no
 * React, no Vitest, no DOM, so a host's test setup or a Node script can import it
 * (`react-account-settings/testing/images`).
 */

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = new Uint8Array(4 + data.length);
  typeAndData.set(Array.from(type, (c) => c.charCodeAt(0)));
  typeAndData.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length));
  out.set(typeAndData, 4);
  out.set(u32(crc32(typeAndData)), 8 + data.length);
  return out;
}

/** A zlib stream of stored (uncompressed) deflate blocks: valid, and needs no compressor. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * 65535, Math.min(raw.length, (i + 1) * 65535));
    out[at++] = i === blocks - 1 ? 1 : 0;
    out[at++] = part.length & 0xff;
    out[at++] = part.length >>> 8;
    out[at++] = ~part.length & 0xff;
    out[at++] = (~part.length >>> 8) & 0xff;
    out.set(part, at);
    at += part.length;
  }
  out.set(u32(adler32(raw)), at);
  return out;
}

/** Options of `makePng`. */
export interface MakePngOptions {
  /**
   * The file's exact size in bytes, reached with a private ancillary chunk that decoders skip:
   * a real PNG at, or one byte over, a size limit. At least the plain image's size.
   */
  byteLength?: number;
}

/** The padding chunk's type: ancillary, private, reserved bit clear, safe to copy. */
const PADDING_CHUNK = 'raSp';
/** A chunk's length, type and CRC fields. */
const CHUNK_OVERHEAD = 12;

/**
 * Makes a complete, decodable grey PNG of the given size (8-bit greyscale, a soft gradient),
 * optionally padded to an exact number of bytes.
 *
 * @example
 * const file = new File([makePng(1201, 10)], 'wide.png', { type: 'image/png' });
 * const atLimit = makePng(16, 16, { byteLength: 1024 * 1024 });
 */
export function makePng(width: number, height: number, options: MakePngOptions = {}): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array([...u32(width), ...u32(height), 8, 0, 0, 0, 0]);
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type: none
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x + y) & 0xff;
  }
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', ihdr), chunk('IDAT', zlibStored(raw))];
  const end = chunk('IEND', new Uint8Array());
  const plainLength = parts.reduce((sum, part) => sum + part.length, end.length);
  const { byteLength = plainLength } = options;
  if (byteLength !== plainLength) {
    const padding = byteLength - plainLength - CHUNK_OVERHEAD;
    if (!Number.isInteger(byteLength) || padding < 0) {
      throw new RangeError(
        `A ${width} × ${height} PNG takes ${plainLength} bytes, or at least ${plainLength + CHUNK_OVERHEAD} when padded; ${byteLength} bytes can't be made.`,
      );
    }
    parts.push(chunk(PADDING_CHUNK, new Uint8Array(padding)));
  }
  parts.push(end);
  const out = new Uint8Array(byteLength);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Makes a complete 24-bit BMP of the given size: a real image in a type avatars refuse. */
export function makeBmp(width: number, height: number): Uint8Array<ArrayBuffer> {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + rowSize * height;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, rowSize * height, true);
  return out;
}
