import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_HEADER_MAX_BYTES, readImageHeader } from '../../src/core/image/read-image-header';
import { validateAvatarFile } from '../../src/core/image/validate-avatar-file';
import { makeBmp, makePng } from '../../src/testing/image-fixtures';
import { labelStudioRules } from '../../src/label-studio/rules';

type Part = number[] | Uint8Array | string;

/** Joins byte arrays, number lists and ASCII strings into one Uint8Array. */
function bytes(...parts: Part[]): Uint8Array {
  const arrays = parts.map((part) =>
    typeof part === 'string' ? Uint8Array.from(part, (c) => c.charCodeAt(0)) : Uint8Array.from(part),
  );
  const out = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let at = 0;
  for (const array of arrays) {
    out.set(array, at);
    at += array.length;
  }
  return out;
}

const u16be = (value: number) => [(value >>> 8) & 0xff, value & 0xff];
const u16le = (value: number) => [value & 0xff, (value >>> 8) & 0xff];
const u24le = (value: number) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff];
const u32be = (value: number) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const u32le = (value: number) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG signature and IHDR chunk (CRC left as zeros), nothing more. */
function pngHeader(width: number, height: number): Uint8Array {
  return bytes(PNG_SIGNATURE, u32be(13), 'IHDR', u32be(width), u32be(height), [8, 0, 0, 0, 0], [0, 0, 0, 0]);
}

function gif(version: 'GIF87a' | 'GIF89a', width: number, height: number): Uint8Array {
  return bytes(version, u16le(width), u16le(height), [0x00, 0x00, 0x00], [0x3b]);
}

/** One JPEG marker segment: FF, marker, a big-endian length that counts itself, the payload. */
function segment(marker: number, payload: Part): Uint8Array {
  const body = bytes(payload);
  return bytes([0xff, marker], u16be(body.length + 2), body);
}

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const APP0 = segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));

/** A start-of-frame payload: precision, height, width, three components. */
function sof(marker: 0xc0 | 0xc2, width: number, height: number): Uint8Array {
  return segment(marker, bytes([8], u16be(height), u16be(width), [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]));
}

/** An APP1 Exif segment whose first IFD holds one Orientation (0x0112) SHORT entry. */
function exifApp1(order: 'II' | 'MM', orientation: number): Uint8Array {
  const u16 = order === 'II' ? u16le : u16be;
  const u32 = order === 'II' ? u32le : u32be;
  const tiff = bytes(order, u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), [0, 0], u32(0));
  return segment(0xe1, bytes('Exif\0\0', tiff));
}

function jpeg(
  width: number,
  height: number,
  options: { progressive?: boolean; before?: Uint8Array[] } = {},
): Uint8Array {
  const frame = sof(options.progressive ? 0xc2 : 0xc0, width, height);
  return bytes(SOI, ...(options.before ?? [APP0]), frame, EOI);
}

function riff(chunk: Uint8Array): Uint8Array {
  return bytes('RIFF', u32le(4 + chunk.length), 'WEBP', chunk);
}

function webpVp8(width: number, height: number): Uint8Array {
  const frame = bytes([0x50, 0x02, 0x00], [0x9d, 0x01, 0x2a], u16le(width), u16le(height), new Uint8Array(10));
  return riff(bytes('VP8 ', u32le(frame.length), frame));
}

function webpVp8l(width: number, height: number): Uint8Array {
  const bits = ((width - 1) | ((height - 1) << 14)) >>> 0;
  const stream = bytes([0x2f], u32le(bits), new Uint8Array(10));
  return riff(bytes('VP8L', u32le(stream.length), stream));
}

function webpVp8x(width: number, height: number): Uint8Array {
  const payload = bytes([0x00, 0, 0, 0], u24le(width - 1), u24le(height - 1));
  return riff(bytes('VP8X', u32le(payload.length), payload));
}

/** A repeatable byte stream (an LCG), so failures can be replayed. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const UNREADABLE = { ok: false, reason: 'This file is not a readable image.' };

describe('readImageHeader', () => {
  describe('PNG', () => {
    it('reads the width and height from a hand-built IHDR', () => {
      expect(readImageHeader(pngHeader(640, 480))).toEqual({ ok: true, type: 'png', width: 640, height: 480 });
    });

    it('reads the size of a complete PNG from makePng', () => {
      expect(readImageHeader(makePng(64, 48))).toEqual({ ok: true, type: 'png', width: 64, height: 48 });
    });

    it('reads dimensions that need all four bytes of the big-endian field', () => {
      expect(readImageHeader(pngHeader(0x01020304, 0x7fffffff))).toEqual({
        ok: true,
        type: 'png',
        width: 0x01020304,
        height: 0x7fffffff,
      });
    });

    it('refuses a width above 2^31 - 1', () => {
      expect(readImageHeader(pngHeader(0x80000000, 10))).toEqual(UNREADABLE);
    });

    it('refuses a zero width', () => {
      expect(readImageHeader(pngHeader(0, 10))).toEqual(UNREADABLE);
    });

    it('refuses a zero height', () => {
      expect(readImageHeader(pngHeader(10, 0))).toEqual(UNREADABLE);
    });

    it('refuses a PNG whose first chunk is not IHDR', () => {
      const header = pngHeader(10, 10);
      header.set(bytes('IDAT'), 12);
      expect(readImageHeader(header)).toEqual(UNREADABLE);
    });
  });

  describe('GIF', () => {
    it('reads a GIF87a logical screen size, little-endian', () => {
      expect(readImageHeader(gif('GIF87a', 300, 2))).toEqual({ ok: true, type: 'gif', width: 300, height: 2 });
    });

    it('reads a GIF89a logical screen size, little-endian', () => {
      expect(readImageHeader(gif('GIF89a', 1, 513))).toEqual({ ok: true, type: 'gif', width: 1, height: 513 });
    });

    it('refuses a zero width', () => {
      expect(readImageHeader(gif('GIF89a', 0, 10))).toEqual(UNREADABLE);
    });

    it('refuses a GIF cut before the height', () => {
      expect(readImageHeader(gif('GIF89a', 10, 10).subarray(0, 9))).toEqual(UNREADABLE);
    });
  });

  describe('JPEG', () => {
    it('reads the size from a baseline SOF0 frame after APP0', () => {
      expect(readImageHeader(jpeg(640, 480))).toEqual({ ok: true, type: 'jpeg', width: 640, height: 480 });
    });

    it('reads the size from a progressive SOF2 frame', () => {
      expect(readImageHeader(jpeg(1024, 768, { progressive: true }))).toEqual({
        ok: true,
        type: 'jpeg',
        width: 1024,
        height: 768,
      });
    });

    it('skips 0xFF fill bytes before a marker', () => {
      const file = bytes(SOI, APP0, [0xff, 0xff, 0xff], sof(0xc0, 33, 44), EOI);
      expect(readImageHeader(file)).toEqual({ ok: true, type: 'jpeg', width: 33, height: 44 });
    });

    it.each(['II', 'MM'] as const)('swaps width and height for EXIF orientation 6 in %s byte order', (order) => {
      const file = jpeg(640, 480, { before: [APP0, exifApp1(order, 6)] });
      expect(readImageHeader(file)).toEqual({ ok: true, type: 'jpeg', width: 480, height: 640 });
    });

    it.each(['II', 'MM'] as const)('keeps width and height for EXIF orientation 1 in %s byte order', (order) => {
      const file = jpeg(640, 480, { before: [APP0, exifApp1(order, 1)] });
      expect(readImageHeader(file)).toEqual({ ok: true, type: 'jpeg', width: 640, height: 480 });
    });

    it('refuses a zero-width frame', () => {
      expect(readImageHeader(jpeg(0, 480))).toEqual(UNREADABLE);
    });

    it('refuses a JPEG whose scan starts before any frame header', () => {
      const file = bytes(SOI, APP0, segment(0xda, [1, 1, 0, 0, 0x3f, 0]), EOI);
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });

    it('refuses a segment length below 2', () => {
      const file = bytes(SOI, [0xff, 0xe0, 0x00, 0x01], sof(0xc0, 10, 10), EOI);
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });

    it('reads a frame header that starts just inside the first 64 KiB', () => {
      const filler = new Uint8Array(65533 - 4 - 13);
      const file = bytes(SOI, segment(0xe2, filler), sof(0xc0, 120, 90), EOI);
      expect(readImageHeader(file)).toEqual({ ok: true, type: 'jpeg', width: 120, height: 90 });
    });

    it('does not find a frame placed after 64 KiB of APP segments', () => {
      const app = (marker: number) => segment(marker, new Uint8Array(30000));
      const file = bytes(SOI, app(0xe2), app(0xe3), app(0xe4), sof(0xc0, 120, 90), EOI);
      expect(IMAGE_HEADER_MAX_BYTES).toBe(65536);
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });
  });

  describe('WebP', () => {
    it('reads a lossy VP8 frame size from the 14-bit fields', () => {
      expect(readImageHeader(webpVp8(800, 600))).toEqual({ ok: true, type: 'webp', width: 800, height: 600 });
    });

    it('ignores the VP8 scaling bits above the 14-bit size', () => {
      const file = webpVp8(800, 600);
      file[27] = file[27]! | 0xc0;
      file[29] = file[29]! | 0x40;
      expect(readImageHeader(file)).toEqual({ ok: true, type: 'webp', width: 800, height: 600 });
    });

    it('refuses a VP8 chunk without the 9D 01 2A start code', () => {
      const file = webpVp8(800, 600);
      file[24] = 0x02;
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });

    it('reads a lossless VP8L size packed as 14-bit width-1 and height-1', () => {
      expect(readImageHeader(webpVp8l(1000, 700))).toEqual({ ok: true, type: 'webp', width: 1000, height: 700 });
    });

    it('reads the largest VP8L size, 16384 × 16384', () => {
      expect(readImageHeader(webpVp8l(16384, 16384))).toEqual({ ok: true, type: 'webp', width: 16384, height: 16384 });
    });

    it('refuses a VP8L chunk without the 0x2F signature', () => {
      const file = webpVp8l(10, 10);
      file[20] = 0x2e;
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });

    it('reads an extended VP8X canvas size as 24-bit width-1 and height-1', () => {
      expect(readImageHeader(webpVp8x(70000, 3))).toEqual({ ok: true, type: 'webp', width: 70000, height: 3 });
    });

    it('refuses a RIFF WEBP file with an unknown first chunk', () => {
      const file = webpVp8x(10, 10);
      file.set(bytes('ALPH'), 12);
      expect(readImageHeader(file)).toEqual(UNREADABLE);
    });
  });

  describe('inputs that are not readable images', () => {
    it('returns ok:false for an empty array', () => {
      expect(readImageHeader(new Uint8Array())).toEqual(UNREADABLE);
    });

    it('returns ok:false for a BMP from makeBmp', () => {
      expect(readImageHeader(makeBmp(8, 8))).toEqual(UNREADABLE);
    });

    it('returns ok:false for repeatable random garbage', () => {
      for (let seed = 1; seed <= 50; seed++) {
        const garbage = pseudoRandomBytes(2048, seed);
        garbage[0] = 0x00; // keep the first byte off every magic number
        expect(readImageHeader(garbage)).toEqual(UNREADABLE);
      }
    });

    it('returns ok:false for text', () => {
      expect(readImageHeader(bytes('Hello, this is not an image at all.\n'))).toEqual(UNREADABLE);
    });
  });

  describe('truncated input', () => {
    const exifJpeg = jpeg(640, 480, { before: [APP0, exifApp1('II', 6)] });

    it('never throws or reports a wrong size for any prefix of a JPEG with EXIF', () => {
      const full = { ok: true, type: 'jpeg', width: 480, height: 640 };
      expect(readImageHeader(exifJpeg)).toEqual(full);
      for (let length = 0; length <= exifJpeg.length; length++) {
        const result = readImageHeader(exifJpeg.slice(0, length));
        if (result.ok) expect(result, `prefix of ${length} bytes`).toEqual(full);
        else expect(result, `prefix of ${length} bytes`).toEqual(UNREADABLE);
      }
    });

    it('never throws or reports a wrong size for any prefix of a PNG', () => {
      const png = makePng(37, 21);
      const full = { ok: true, type: 'png', width: 37, height: 21 };
      for (let length = 0; length <= png.length; length++) {
        const result = readImageHeader(png.slice(0, length));
        if (result.ok) expect(result, `prefix of ${length} bytes`).toEqual(full);
        else expect(result, `prefix of ${length} bytes`).toEqual(UNREADABLE);
      }
    });

    it('reads a PNG once the first 24 bytes are present', () => {
      expect(readImageHeader(makePng(37, 21).slice(0, 24))).toEqual({ ok: true, type: 'png', width: 37, height: 21 });
    });
  });

  describe('properties', () => {
    const isPositiveInteger = (value: number) => Number.isSafeInteger(value) && value > 0;

    it('never throws for arbitrary bytes, and any size it reports is a positive integer', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), (input) => {
          const result = readImageHeader(input);
          if (result.ok) return isPositiveInteger(result.width) && isPositiveInteger(result.height);
          return result.reason === 'This file is not a readable image.';
        }),
        { numRuns: 500 },
      );
    });

    it('never throws for arbitrary bytes after a known magic number', () => {
      const magic = fc.constantFrom(
        bytes(PNG_SIGNATURE, u32be(13), 'IHDR'),
        bytes(SOI, [0xff]),
        bytes('GIF89a'),
        bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8 '),
        bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8L'),
        bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X'),
      );
      fc.assert(
        fc.property(magic, fc.uint8Array({ maxLength: 256 }), (head, tail) => {
          const result = readImageHeader(bytes(head, tail));
          return !result.ok || (isPositiveInteger(result.width) && isPositiveInteger(result.height));
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws for a valid PNG with mutated bytes', () => {
      const png = makePng(5, 4);
      const mutation = fc.record({ index: fc.nat({ max: png.length - 1 }), value: fc.integer({ min: 0, max: 255 }) });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const copy = png.slice();
          for (const { index, value } of mutations) copy[index] = value;
          const result = readImageHeader(copy);
          return !result.ok || (isPositiveInteger(result.width) && isPositiveInteger(result.height));
        }),
        { numRuns: 500 },
      );
    });

    it('never throws for a JPEG with EXIF with mutated bytes', () => {
      const file = jpeg(640, 480, { before: [APP0, exifApp1('MM', 6)] });
      const mutation = fc.record({ index: fc.nat({ max: file.length - 1 }), value: fc.integer({ min: 0, max: 255 }) });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
          const copy = file.slice();
          for (const { index, value } of mutations) copy[index] = value;
          const result = readImageHeader(copy);
          return !result.ok || (isPositiveInteger(result.width) && isPositiveInteger(result.height));
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('validateAvatarFile', () => {
  const file = (data: Uint8Array, size = data.length) => ({ size, bytes: data });

  it('accepts a small PNG and returns its type and size', () => {
    expect(validateAvatarFile(file(makePng(64, 48)), labelStudioRules.avatar)).toEqual({
      ok: true,
      type: 'png',
      width: 64,
      height: 48,
    });
  });

  it('accepts an image of exactly 1200 × 1200 px', () => {
    expect(validateAvatarFile(file(pngHeader(1200, 1200)), labelStudioRules.avatar)).toEqual({
      ok: true,
      type: 'png',
      width: 1200,
      height: 1200,
    });
  });

  it('accepts a file of exactly 1024 KB', () => {
    expect(validateAvatarFile(file(makePng(10, 10), 1_048_576), labelStudioRules.avatar)).toEqual({
      ok: true,
      type: 'png',
      width: 10,
      height: 10,
    });
  });

  it('checks the byte size before the type: a 2 MB BMP is too_many_bytes', () => {
    const bmp = makeBmp(1000, 700);
    expect(bmp.length).toBeGreaterThan(2_000_000);
    const result = validateAvatarFile(file(bmp), labelStudioRules.avatar);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ code: 'too_many_bytes' });
  });

  it('refuses a 1201 × 10 PNG with too_many_pixels and names both sizes', () => {
    expect(validateAvatarFile(file(makePng(1201, 10)), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'too_many_pixels',
      message: 'This image is 1201 × 10 px. The largest allowed is 1200 × 1200 px.',
    });
  });

  it('refuses a 10 × 1201 PNG with too_many_pixels', () => {
    expect(validateAvatarFile(file(pngHeader(10, 1201)), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'too_many_pixels',
    });
  });

  it('refuses a 1,048,577-byte file with too_many_bytes and the exact byte count', () => {
    const result = validateAvatarFile(file(makePng(10, 10), 1_048_577), labelStudioRules.avatar);
    expect(result).toMatchObject({ ok: false, code: 'too_many_bytes' });
    expect(result.ok ? '' : result.message).toContain('1,048,577 bytes');
  });

  it('names the limit as 1024 KB when a file is one byte over it', () => {
    const result = validateAvatarFile(file(makePng(10, 10), 1_048_577), labelStudioRules.avatar);
    expect(result.ok ? '' : result.message).toContain('1024 KB');
  });

  it('describes a 1.4 MB file in rounded figures in the unit of the 1024 KB limit', () => {
    expect(validateAvatarFile(file(makePng(10, 10), 1_468_006), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'too_many_bytes',
      message: 'This file is 1434 KB. The largest allowed is 1024 KB.',
    });
  });

  it('gives both sizes in MB when the limit is above 1 MiB', () => {
    const limits = { ...labelStudioRules.avatar, maxBytes: 5 * 1024 * 1024 };
    expect(validateAvatarFile(file(makePng(10, 10), 7_654_321), limits)).toMatchObject({
      ok: false,
      code: 'too_many_bytes',
      message: 'This file is 7.3 MB. The largest allowed is 5 MB.',
    });
  });

  it('groups the digits of a large size written in KB', () => {
    expect(validateAvatarFile(file(makePng(10, 10), 20 * 1024 * 1024), labelStudioRules.avatar)).toMatchObject({
      message: 'This file is 20,480 KB. The largest allowed is 1024 KB.',
    });
  });

  it('refuses a BMP with unsupported_type and lists the accepted types', () => {
    expect(validateAvatarFile(file(makeBmp(8, 8)), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'unsupported_type',
      message: "This file type (BMP) isn't supported. Use PNG, JPEG or GIF.",
    });
  });

  it('refuses a WebP by default', () => {
    expect(validateAvatarFile(file(webpVp8(100, 80)), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'unsupported_type',
      message: "This file type (WebP) isn't supported. Use PNG, JPEG or GIF.",
    });
  });

  it('accepts a WebP when limits.types includes webp', () => {
    const result = validateAvatarFile(file(webpVp8(100, 80)), { ...labelStudioRules.avatar, types: ['png', 'webp'] });
    expect(result).toEqual({ ok: true, type: 'webp', width: 100, height: 80 });
  });

  it('refuses text bytes as unreadable', () => {
    expect(validateAvatarFile(file(bytes('just some text, not a picture')), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'unreadable',
      message: 'This file is not a readable image.',
    });
  });

  it('refuses a supported type whose header is broken as unreadable', () => {
    expect(validateAvatarFile(file(pngHeader(0, 10)), labelStudioRules.avatar)).toMatchObject({
      ok: false,
      code: 'unreadable',
      message: 'This file is not a readable image.',
    });
  });

  it('honours a custom maxWidth and names it in the message', () => {
    expect(validateAvatarFile(file(makePng(101, 10)), { ...labelStudioRules.avatar, maxWidth: 100 })).toMatchObject({
      ok: false,
      code: 'too_many_pixels',
      message: 'This image is 101 × 10 px. The largest allowed is 100 × 1200 px.',
    });
  });

  it('honours a custom maxHeight', () => {
    expect(validateAvatarFile(file(makePng(10, 51)), { ...labelStudioRules.avatar, maxHeight: 50 })).toMatchObject({
      ok: false,
      code: 'too_many_pixels',
    });
  });

  it('honours a custom maxBytes', () => {
    const png = makePng(10, 10);
    expect(validateAvatarFile(file(png), { ...labelStudioRules.avatar, maxBytes: png.length - 1 })).toMatchObject({
      ok: false,
      code: 'too_many_bytes',
    });
  });

  it('honours custom types and lists only them in the message', () => {
    expect(validateAvatarFile(file(jpeg(10, 10)), { ...labelStudioRules.avatar, types: ['png', 'gif'] })).toMatchObject(
      {
        ok: false,
        code: 'unsupported_type',
        message: "This file type (JPEG) isn't supported. Use PNG or GIF.",
      },
    );
  });
});

describe('validateAvatarFile details', () => {
  it('gives the figures behind a pixel rejection, for messages in other languages', () => {
    const result = validateAvatarFile({ size: 12_088, bytes: makePng(1201, 10) }, labelStudioRules.avatar);
    expect(result).toMatchObject({
      ok: false,
      details: { size: 12_088, type: 'png', width: 1201, height: 10, limits: { maxWidth: 1200, maxHeight: 1200 } },
    });
  });

  it('gives the size and limit behind a byte rejection without reading a type', () => {
    const result = validateAvatarFile({ size: 2_000_000, bytes: new Uint8Array() }, labelStudioRules.avatar);
    expect(result).toMatchObject({
      ok: false,
      code: 'too_many_bytes',
      details: { size: 2_000_000, limits: { maxBytes: 1_048_576 } },
    });
    expect(result.ok ? {} : result.details).not.toHaveProperty('type');
  });
});
