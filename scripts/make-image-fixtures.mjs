// Writes the small, real image files in test/fixtures/images/ and their manifest.json, which
// test/unit/image-fixtures.test.ts and test/browser/image-fixtures.browser.test.ts read.
//
//   node scripts/make-image-fixtures.mjs
//
// Requires, besides `npm ci`:
//   - Chromium, at $CHROMIUM_PATH or /usr/bin/chromium (tooling/chromium.mjs; Debian: `apt-get install
//     chromium`; the browser tests use the same one, with the same flags). It encodes the PNG, JPEG and WebP files with canvas.toBlob(), driven by
//     playwright-core, and afterwards decodes every file to check its displayed size.
//   - jpegtran from libjpeg-turbo, on PATH (Debian: `apt-get install libjpeg-turbo-progs`; macOS:
//     `brew install jpeg-turbo`). It turns Chromium's baseline JPEG into a progressive one, losslessly.
// GIF and BMP files are written byte by byte here; EXIF segments and WebP containers by byte surgery.
//
// The tests need neither tool: the fixtures are committed. Rerun this script only to change them.
// Output is deterministic for a given Chromium and libjpeg-turbo; every file's width and height are fixed
// here, and the script checks each file's structure (chunks, markers, fourccs, sizes) and fails loudly
// when one is not what the manifest says.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tooling/chromium.mjs';

const OUT_DIR = fileURLToPath(new URL('../test/fixtures/images/', import.meta.url));

/** A problem worth a clear one-line message rather than a stack trace. */
class FixtureError extends Error {}

function fail(message) {
  throw new FixtureError(message);
}

// ---------------------------------------------------------------------------------------------
// Tools

function requireTools() {
  if (!existsSync(CHROMIUM_PATH)) {
    fail(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  try {
    execFileSync('jpegtran', ['-version'], { stdio: 'ignore' });
  } catch {
    fail(
      'jpegtran not found on PATH; it makes the progressive JPEG. ' +
        'Install libjpeg-turbo (Debian: apt-get install libjpeg-turbo-progs; macOS: brew install jpeg-turbo).',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Byte helpers

const ascii = (bytes, at, length) => String.fromCharCode(...bytes.subarray(at, at + length));
const u16be = (bytes, at) => (bytes[at] << 8) | bytes[at + 1];
const u16le = (bytes, at) => bytes[at] | (bytes[at + 1] << 8);
const u24le = (bytes, at) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
const u32be = (bytes, at) => ((bytes[at] << 24) >>> 0) + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);
const u32le = (bytes, at) => (u16le(bytes, at) + u16le(bytes, at + 2) * 0x10000) >>> 0;

const le16 = (value) => [value & 0xff, (value >>> 8) & 0xff];
const be16 = (value) => [(value >>> 8) & 0xff, value & 0xff];
const le32 = (value) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
const be32 = (value) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];

/** Joins byte arrays, number lists and ASCII strings. */
function concat(...parts) {
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

// ---------------------------------------------------------------------------------------------
// Chromium: encode canvases, decode files

/**
 * Paints a canvas in the page and encodes it. `paint` is 'pattern' (opaque, asymmetric, so an
 * orientation mistake shows), 'alpha' (transparent background, translucent shapes) or 'flat'.
 * Only whole-pixel rectangles in solid colours, so the pixels do not depend on anti-aliasing.
 */
async function encodeInPage(page, specs) {
  const results = await page.evaluate(async (specs) => {
    const out = [];
    for (const { width, height, mime, quality, paint } of specs) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d');
      if (paint === 'flat') {
        g.fillStyle = 'rgb(58, 123, 213)';
        g.fillRect(0, 0, width, height);
      } else {
        const opaque = paint === 'pattern';
        g.clearRect(0, 0, width, height);
        g.fillStyle = opaque ? 'rgb(240, 236, 228)' : 'rgba(240, 236, 228, 0.25)';
        g.fillRect(0, 0, width, height);
        const w = Math.floor(width / 3);
        const h = Math.floor(height / 3);
        // An "F": a bar along the top, a shorter one in the middle, a stem down the left.
        g.fillStyle = opaque ? 'rgb(200, 40, 40)' : 'rgba(200, 40, 40, 0.6)';
        g.fillRect(2, 2, width - 4, h);
        g.fillStyle = opaque ? 'rgb(30, 90, 200)' : 'rgba(30, 90, 200, 0.8)';
        g.fillRect(2, 2, w, height - 4);
        g.fillStyle = 'rgb(20, 150, 60)';
        g.fillRect(2, h + 4, 2 * w, Math.max(1, Math.floor(h / 2)));
      }
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, mime, quality));
      if (!blob || blob.type !== mime) throw new Error(`canvas.toBlob(${mime}) gave ${blob ? blob.type : 'null'}`);
      out.push(Array.from(new Uint8Array(await blob.arrayBuffer())));
    }
    return out;
  }, specs);
  return results.map((array) => Uint8Array.from(array));
}

/**
 * Decodes each file with createImageBitmap: its displayed size (and, when `withPixels`, its RGB
 * pixels), or the decoder's error.
 */
async function decodeInPage(page, files) {
  return page.evaluate(
    async (files) => {
      const out = [];
      for (const { bytes, withPixels } of files) {
        try {
          const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
          const result = { ok: true, width: bitmap.width, height: bitmap.height };
          if (withPixels) {
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const g = canvas.getContext('2d');
            g.drawImage(bitmap, 0, 0);
            const rgba = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
            result.rgb = Array.from(rgba.filter((_, i) => i % 4 !== 3));
          }
          out.push(result);
          bitmap.close();
        } catch (error) {
          out.push({ ok: false, error: String(error) });
        }
      }
      return out;
    },
    files.map(({ bytes, withPixels }) => ({ bytes: Array.from(bytes), withPixels })),
  );
}

// ---------------------------------------------------------------------------------------------
// Hand-written encoders: GIF and BMP

/** GIF LZW: variable code size from minCodeSize + 1 up to 12 bits, a clear code when the table fills. */
function lzwEncode(indices, minCodeSize) {
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  let codeSize = minCodeSize + 1;
  let nextCode = endCode + 1;
  let table = new Map();
  const emit = (code) => {
    buffer |= code << bits;
    bits += codeSize;
    while (bits >= 8) {
      bytes.push(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  };
  emit(clearCode);
  let prefix = indices[0];
  for (let i = 1; i < indices.length; i++) {
    const k = indices[i];
    const key = prefix * 256 + k;
    const found = table.get(key);
    if (found !== undefined) {
      prefix = found;
      continue;
    }
    emit(prefix);
    if (nextCode === 4096) {
      emit(clearCode);
      table = new Map();
      codeSize = minCodeSize + 1;
      nextCode = endCode + 1;
    } else {
      if (nextCode >= 1 << codeSize) codeSize++;
      table.set(key, nextCode++);
    }
    prefix = k;
  }
  emit(prefix);
  emit(endCode);
  if (bits > 0) bytes.push(buffer & 0xff);
  return Uint8Array.from(bytes);
}

/** A GIF with a 4-colour global palette and one full-size frame; GIF89a adds a graphic control block. */
function makeGif(version, width, height) {
  const palette = [240, 236, 228, 200, 40, 40, 30, 90, 200, 20, 150, 60];
  const indices = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The same "F" as the canvas pattern, plus a diagonal so LZW has runs and breaks to code.
      let index = 0;
      if (y < 4) index = 1;
      else if (x < 4) index = 2;
      else if (y >= 7 && y < 9 && x < 16) index = 3;
      else if ((x + y) % 7 === 0) index = 2;
      indices[y * width + x] = index;
    }
  }
  const data = lzwEncode(indices, 2);
  const rgb = Uint8Array.from(Array.from(indices, (index) => palette.slice(index * 3, index * 3 + 3)).flat());
  const blocks = [];
  for (let at = 0; at < data.length; at += 255) {
    const part = data.subarray(at, Math.min(data.length, at + 255));
    blocks.push([part.length], part);
  }
  const bytes = concat(
    version,
    le16(width),
    le16(height),
    [0xf1, 0, 0], // global colour table of 2^(1+1) entries, 8-bit colour resolution
    palette,
    version === 'GIF89a' ? [0x21, 0xf9, 4, 0, 0, 0, 0, 0] : [], // graphic control: no transparency, no delay
    [0x2c],
    le16(0),
    le16(0),
    le16(width),
    le16(height),
    [0], // no local colour table, not interlaced
    [2], // LZW minimum code size
    ...blocks,
    [0], // end of image data
    [0x3b],
  );
  return { bytes, rgb };
}

/** A 24-bit, bottom-up, uncompressed BMP with a BITMAPINFOHEADER. */
function makeBmp(width, height) {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const pixels = new Uint8Array(rowSize * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = (height - 1 - y) * rowSize;
    for (let x = 0; x < width; x++) {
      const top = y < 3;
      const left = x < 3;
      const [r, g, b] = top ? [200, 40, 40] : left ? [30, 90, 200] : [240, 236, 228];
      pixels.set([b, g, r], row + x * 3);
      rgb.set([r, g, b], (y * width + x) * 3);
    }
  }
  const headerSize = 14 + 40;
  const bytes = concat(
    'BM',
    le32(headerSize + pixels.length),
    le32(0),
    le32(headerSize),
    le32(40),
    le32(width),
    le32(height),
    le16(1),
    le16(24),
    le32(0),
    le32(pixels.length),
    le32(2835),
    le32(2835),
    le32(0),
    le32(0),
    pixels,
  );
  return { bytes, rgb };
}

// ---------------------------------------------------------------------------------------------
// JPEG surgery and checks

/** The marker segments before the scan: marker, offset of the FF byte, and segment length. */
function jpegSegments(bytes) {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('no SOI');
  const segments = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`no marker at ${at}`);
    const marker = bytes[at + 1];
    const length = u16be(bytes, at + 2);
    segments.push({ marker, at, length });
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return segments;
}

/** An APP1 Exif segment: TIFF header in `order`, IFD0 with an Orientation entry (tag 0x0112, SHORT, 1). */
function exifApp1(order, orientation, { make } = {}) {
  const little = order === 'II';
  const u16 = little ? le16 : be16;
  const u32 = little ? le32 : be32;
  const entries = [];
  const extra = [];
  const entryCount = make ? 2 : 1;
  const dataStart = 8 + 2 + entryCount * 12 + 4; // after the header, the IFD and its next-IFD offset
  if (make) {
    // Make (0x010F), ASCII, longer than 4 bytes, so it lives after the IFD: the reader must skip it.
    const text = `${make}\0`;
    entries.push(u16(0x010f), u16(2), u32(text.length), u32(dataStart));
    extra.push(text);
  }
  entries.push(u16(0x0112), u16(3), u32(1), u16(orientation), [0, 0]);
  const tiff = concat(order, u16(42), u32(8), u16(entryCount), ...entries, u32(0), ...extra);
  const payload = concat('Exif\0\0', tiff);
  return concat([0xff, 0xe1], be16(payload.length + 2), payload);
}

/** Inserts `segment` before the byte at `at` (2 = right after SOI). */
function insertAt(bytes, at, segment) {
  return concat(bytes.subarray(0, at), segment, bytes.subarray(at));
}

function jpegFrame(bytes) {
  const sof = jpegSegments(bytes).find(
    ({ marker }) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker),
  );
  if (!sof) return null;
  return { marker: sof.marker, height: u16be(bytes, sof.at + 5), width: u16be(bytes, sof.at + 7) };
}

/** The orientation in the first APP1 Exif segment, read independently of src/core/image. */
function jpegOrientation(bytes) {
  const app1 = jpegSegments(bytes).find(({ marker, at }) => marker === 0xe1 && ascii(bytes, at + 4, 6) === 'Exif\0\0');
  if (!app1) return { order: null, orientation: 1 };
  const tiff = app1.at + 10;
  const order = ascii(bytes, tiff, 2);
  const u16 = order === 'II' ? u16le : u16be;
  const u32 = order === 'II' ? u32le : u32be;
  if (u16(bytes, tiff + 2) !== 42) throw new Error('bad TIFF magic');
  const ifd = tiff + u32(bytes, tiff + 4);
  for (let i = 0; i < u16(bytes, ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(bytes, entry) === 0x0112) return { order, orientation: u16(bytes, entry + 8) };
  }
  return { order, orientation: 1 };
}

// ---------------------------------------------------------------------------------------------
// WebP surgery and checks

function riffChunks(bytes) {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') throw new Error('not RIFF/WEBP');
  if (u32le(bytes, 4) + 8 !== bytes.length) throw new Error('RIFF size does not match the file');
  const chunks = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    const size = u32le(bytes, at + 4);
    chunks.push({ fourcc: ascii(bytes, at, 4), at, size, data: bytes.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  if (at !== bytes.length) throw new Error('chunks do not end at the end of the file');
  return chunks;
}

/** A simple-format WebP: RIFF header and the one image chunk, without VP8X, ICCP or other metadata. */
function simpleWebp(extended, fourcc) {
  const chunk = riffChunks(extended).find((c) => c.fourcc === fourcc);
  if (!chunk) throw new Error(`Chromium's WebP has no ${fourcc} chunk`);
  const pad = chunk.size & 1 ? [0] : [];
  const body = concat('WEBP', fourcc, le32(chunk.size), chunk.data, pad);
  return concat('RIFF', le32(body.length), body);
}

function webpInfo(bytes) {
  const chunks = riffChunks(bytes);
  const first = chunks[0];
  const d = first.data;
  if (first.fourcc === 'VP8 ') {
    if (d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a) throw new Error('VP8 start code missing');
    return { fourccs: chunks.map((c) => c.fourcc), width: u16le(d, 6) & 0x3fff, height: u16le(d, 8) & 0x3fff };
  }
  if (first.fourcc === 'VP8L') {
    if (d[0] !== 0x2f) throw new Error('VP8L signature missing');
    const bits = u32le(d, 1);
    return { fourccs: chunks.map((c) => c.fourcc), width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (first.fourcc === 'VP8X') {
    return { fourccs: chunks.map((c) => c.fourcc), flags: d[0], width: u24le(d, 4) + 1, height: u24le(d, 7) + 1 };
  }
  throw new Error(`unknown first chunk ${first.fourcc}`);
}

// ---------------------------------------------------------------------------------------------
// PNG checks

function pngInfo(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('no PNG signature');
  if (ascii(bytes, 12, 4) !== 'IHDR') throw new Error('first chunk is not IHDR');
  const chunks = [];
  for (let at = 8; at + 8 <= bytes.length; at += 12 + u32be(bytes, at)) chunks.push(ascii(bytes, at + 4, 4));
  if (chunks[chunks.length - 1] !== 'IEND') throw new Error('no IEND');
  return { width: u32be(bytes, 16), height: u32be(bytes, 20), colourType: bytes[25], chunks };
}

// ---------------------------------------------------------------------------------------------

function check(condition, file, message) {
  if (!condition) fail(`${file}: ${message}`);
}

function progressive(baseline) {
  const dir = mkdtempSync(join(tmpdir(), 'image-fixtures-'));
  try {
    const input = join(dir, 'in.jpg');
    const output = join(dir, 'out.jpg');
    writeFileSync(input, baseline);
    execFileSync('jpegtran', ['-progressive', '-copy', 'all', '-outfile', output, input]);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  requireTools();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const [png, pngAlpha, pngWide, jpeg, jpegStored, jpegFlat, webpLossy, webpLossless, webpAlpha] = await encodeInPage(
      page,
      [
        { width: 37, height: 23, mime: 'image/png', paint: 'pattern' },
        { width: 32, height: 24, mime: 'image/png', paint: 'alpha' },
        { width: 1201, height: 10, mime: 'image/png', paint: 'pattern' },
        { width: 45, height: 27, mime: 'image/jpeg', quality: 0.85, paint: 'pattern' },
        { width: 40, height: 30, mime: 'image/jpeg', quality: 0.85, paint: 'pattern' },
        { width: 3000, height: 2000, mime: 'image/jpeg', quality: 0.5, paint: 'flat' },
        { width: 41, height: 25, mime: 'image/webp', quality: 0.8, paint: 'pattern' },
        // Chromium encodes WebP losslessly at quality 1.
        { width: 41, height: 25, mime: 'image/webp', quality: 1, paint: 'pattern' },
        { width: 41, height: 25, mime: 'image/webp', quality: 0.8, paint: 'alpha' },
      ],
    );

    const sofAt = jpegSegments(jpeg).find(({ marker }) => marker === 0xc0)?.at;
    if (sofAt === undefined) fail("Chromium's JPEG has no SOF0 frame");
    const app0 = jpegSegments(jpegStored).find(({ marker }) => marker === 0xe0);
    if (!app0) fail("Chromium's JPEG has no APP0 segment");
    const afterApp0 = app0.at + 2 + app0.length;

    /**
     * Each fixture: file, bytes, and what the tests expect. `type` is the type by magic bytes;
     * `width`/`height` the displayed size (null when nothing can decode it); `headerOk` whether
     * readImageHeader reads a size; `avatar` validateAvatarFile's verdict with the default limits;
     * `decodable` whether a browser decodes it.
     */
    const fixtures = [
      {
        file: 'png-37x23.png',
        bytes: png,
        type: 'png',
        width: 37,
        height: 23,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'PNG from Chromium canvas.toBlob: RGBA (colour type 6), every pixel opaque.',
      },
      {
        file: 'png-alpha-32x24.png',
        bytes: pngAlpha,
        type: 'png',
        width: 32,
        height: 24,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'PNG with an alpha channel (colour type 6), translucent shapes on a transparent background.',
      },
      {
        file: 'png-too-wide-1201x10.png',
        bytes: pngWide,
        type: 'png',
        width: 1201,
        height: 10,
        headerOk: true,
        avatar: 'too_many_pixels',
        decodable: true,
        note: 'One pixel wider than the default 1200 px limit.',
      },
      {
        file: 'gif87a-29x17.gif',
        ...makeGif('GIF87a', 29, 17),
        gifVersion: 'GIF87a',
        type: 'gif',
        width: 29,
        height: 17,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'GIF87a, 4-colour global palette, LZW written by this script.',
      },
      {
        file: 'gif89a-29x17.gif',
        ...makeGif('GIF89a', 29, 17),
        gifVersion: 'GIF89a',
        type: 'gif',
        width: 29,
        height: 17,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'GIF89a with a graphic control extension, 4-colour global palette, LZW written by this script.',
      },
      {
        file: 'jpeg-baseline-45x27.jpg',
        bytes: jpeg,
        type: 'jpeg',
        width: 45,
        height: 27,
        sof: 0xc0,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'Baseline JPEG (SOF0) from Chromium, with JFIF APP0 and an ICC profile in APP2.',
      },
      {
        file: 'jpeg-progressive-45x27.jpg',
        bytes: progressive(jpeg),
        type: 'jpeg',
        width: 45,
        height: 27,
        sof: 0xc2,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'Progressive JPEG (SOF2): the baseline fixture through jpegtran -progressive.',
      },
      {
        file: 'jpeg-exif-orientation-6.jpg',
        bytes: insertAt(jpegStored, 2, exifApp1('II', 6)),
        type: 'jpeg',
        width: 30,
        height: 40,
        storedWidth: 40,
        storedHeight: 30,
        orientation: 6,
        exifOrder: 'II',
        sof: 0xc0,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'Stored 40x30; little-endian EXIF APP1 right after SOI, orientation 6 (rotate 90° CW): shown 30x40.',
      },
      {
        file: 'jpeg-exif-orientation-3.jpg',
        bytes: insertAt(jpegStored, 2, exifApp1('II', 3)),
        type: 'jpeg',
        width: 40,
        height: 30,
        storedWidth: 40,
        storedHeight: 30,
        orientation: 3,
        exifOrder: 'II',
        sof: 0xc0,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'Stored 40x30; little-endian EXIF orientation 3 (rotate 180°) keeps the size: shown 40x30.',
      },
      {
        file: 'jpeg-exif-be-orientation-8.jpg',
        bytes: insertAt(jpegStored, afterApp0, exifApp1('MM', 8, { make: 'Fixture' })),
        type: 'jpeg',
        width: 30,
        height: 40,
        storedWidth: 40,
        storedHeight: 30,
        orientation: 8,
        exifOrder: 'MM',
        sof: 0xc0,
        headerOk: true,
        avatar: 'ok',
        decodable: true,
        note: 'Stored 40x30; big-endian (MM) EXIF APP1 after JFIF APP0, a Make entry then orientation 8: shown 30x40.',
      },
      {
        file: 'jpeg-flat-3000x2000.jpg',
        bytes: jpegFlat,
        type: 'jpeg',
        width: 3000,
        height: 2000,
        sof: 0xc0,
        headerOk: true,
        avatar: 'too_many_pixels',
        decodable: true,
        note: 'Large but small on disk: one flat colour, so every block codes to almost nothing. For resize tests.',
      },
      {
        file: 'jpeg-truncated-before-sof.jpg',
        bytes: jpeg.slice(0, sofAt),
        type: 'jpeg',
        width: null,
        height: null,
        sof: null,
        headerOk: false,
        avatar: 'unreadable',
        decodable: false,
        note: 'The baseline fixture cut just before its SOF0 marker: JPEG magic bytes but no frame header.',
      },
      {
        file: 'webp-lossy-vp8-41x25.webp',
        bytes: simpleWebp(webpLossy, 'VP8 '),
        type: 'webp',
        width: 41,
        height: 25,
        fourccs: ['VP8 '],
        headerOk: true,
        avatar: 'unsupported_type',
        decodable: true,
        note: "Simple lossy WebP: Chromium's VP8 chunk rewrapped alone in RIFF/WEBP (no VP8X, no ICCP).",
      },
      {
        file: 'webp-lossless-vp8l-41x25.webp',
        bytes: simpleWebp(webpLossless, 'VP8L'),
        type: 'webp',
        width: 41,
        height: 25,
        fourccs: ['VP8L'],
        headerOk: true,
        avatar: 'unsupported_type',
        decodable: true,
        note: "Simple lossless WebP: Chromium's quality-1 VP8L chunk rewrapped alone in RIFF/WEBP.",
      },
      {
        file: 'webp-extended-vp8x-alpha-41x25.webp',
        bytes: webpAlpha,
        type: 'webp',
        width: 41,
        height: 25,
        fourccs: ['VP8X', 'ICCP', 'ALPH', 'VP8 '],
        headerOk: true,
        avatar: 'unsupported_type',
        decodable: true,
        note: 'Extended WebP as Chromium writes it: VP8X (ICC and alpha flags), ICCP, ALPH, VP8.',
      },
      {
        file: 'bmp-16x12.bmp',
        ...makeBmp(16, 12),
        type: 'bmp',
        width: 16,
        height: 12,
        headerOk: false,
        avatar: 'unsupported_type',
        decodable: true,
        note: '24-bit uncompressed BMP written by this script: recognised by magic bytes, not a supported type.',
      },
    ];

    // Structure checks, independent of src/core/image.
    for (const f of fixtures) {
      const { file, bytes } = f;
      check(bytes.length <= 64 * 1024, file, `${bytes.length} bytes; keep fixtures small`);
      try {
        if (f.type === 'png') {
          const info = pngInfo(bytes);
          check(info.width === f.width && info.height === f.height, file, `IHDR says ${info.width}x${info.height}`);
          if (file.includes('alpha')) check(info.colourType === 6, file, `colour type ${info.colourType}, not 6`);
        } else if (f.type === 'gif') {
          check(ascii(bytes, 0, 6) === f.gifVersion, file, `version ${ascii(bytes, 0, 6)}`);
          check(u16le(bytes, 6) === f.width && u16le(bytes, 8) === f.height, file, 'wrong logical screen size');
          check(bytes[bytes.length - 1] === 0x3b, file, 'no GIF trailer');
        } else if (f.type === 'jpeg') {
          const frame = jpegFrame(bytes);
          if (f.sof === null) {
            check(frame === null, file, 'still has a frame header');
            check(bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff, file, 'lost its magic bytes');
          } else {
            check(frame !== null && frame.marker === f.sof, file, `frame marker ${frame?.marker.toString(16)}`);
            const segments = jpegSegments(bytes);
            const otherFrames = segments.filter((s) => s.marker >= 0xc0 && s.marker <= 0xc3 && s.marker !== f.sof);
            check(otherFrames.length === 0, file, 'has another frame type too');
            const stored = [f.storedWidth ?? f.width, f.storedHeight ?? f.height];
            check(
              frame.width === stored[0] && frame.height === stored[1],
              file,
              `SOF says ${frame.width}x${frame.height}`,
            );
            const exif = jpegOrientation(bytes);
            check(exif.orientation === (f.orientation ?? 1), file, `EXIF orientation ${exif.orientation}`);
            if (f.exifOrder) check(exif.order === f.exifOrder, file, `EXIF byte order ${exif.order}`);
          }
        } else if (f.type === 'webp') {
          const info = webpInfo(bytes);
          check(info.fourccs.join() === f.fourccs.join(), file, `chunks are ${info.fourccs.join()}`);
          check(info.width === f.width && info.height === f.height, file, `says ${info.width}x${info.height}`);
          if (info.fourccs[0] === 'VP8X') check((info.flags & 0x10) !== 0, file, 'VP8X alpha flag not set');
        } else if (f.type === 'bmp') {
          check(ascii(bytes, 0, 2) === 'BM' && u32le(bytes, 2) === bytes.length, file, 'bad BMP header');
          check(u32le(bytes, 18) === f.width && u32le(bytes, 22) === f.height, file, 'wrong BMP size');
        }
      } catch (error) {
        if (error instanceof FixtureError) throw error;
        fail(`${file}: ${error.message}`);
      }
    }

    // Decode checks: the browser shows each decodable file at the manifest's size, and refuses the rest.
    const decoded = await decodeInPage(
      page,
      fixtures.map((f) => ({ bytes: f.bytes, withPixels: f.rgb !== undefined })),
    );
    fixtures.forEach((f, i) => {
      const result = decoded[i];
      if (f.decodable) {
        check(result.ok, f.file, `Chromium cannot decode it: ${result.error}`);
        check(
          result.width === f.width && result.height === f.height,
          f.file,
          `Chromium shows ${result.width}x${result.height}, manifest says ${f.width}x${f.height}`,
        );
        // The files this script encodes itself must decode to exactly the pixels it meant.
        if (f.rgb)
          check(
            result.rgb.length === f.rgb.length && result.rgb.every((v, j) => v === f.rgb[j]),
            f.file,
            'decodes to other pixels than written',
          );
      } else {
        check(!result.ok, f.file, `Chromium decodes it (${result.width}x${result.height}), yet it should not decode`);
      }
    });

    mkdirSync(OUT_DIR, { recursive: true });
    const names = new Set(fixtures.map((f) => f.file));
    for (const other of readdirSync(OUT_DIR)) {
      if (other !== 'manifest.json' && !names.has(other)) console.warn(`Not in the manifest, left alone: ${other}`);
    }
    for (const f of fixtures) writeFileSync(join(OUT_DIR, f.file), f.bytes);
    const manifest = fixtures.map(({ file, type, width, height, headerOk, avatar, decodable, note }) => ({
      file,
      type,
      width,
      height,
      headerOk,
      avatar,
      decodable,
      note,
    }));
    writeFileSync(join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const total = fixtures.reduce((sum, f) => sum + f.bytes.length, 0);
    for (const f of fixtures) console.log(`${String(f.bytes.length).padStart(6)}  ${f.file}`);
    console.log(`${String(total).padStart(6)}  total, ${fixtures.length} files + manifest.json in ${OUT_DIR}`);
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`make-image-fixtures: ${error instanceof FixtureError ? error.message : error.stack}`);
  process.exitCode = 1;
}
