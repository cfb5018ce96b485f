// @vitest-environment node
// checkImageComplete on real image files (test/fixtures/images) and on the same files cut short:
// a file whose header is intact but whose end is missing is "damaged or incomplete".
// Node, not jsdom, for node:fs (see test/unit/image-fixtures.test.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkImageComplete } from '../../src/core/image/check-image-complete';
import { readImageHeader } from '../../src/core/image/read-image-header';
import { makePng } from '../../src/testing/image-fixtures';

const DAMAGED = { ok: false, reason: 'This file is damaged or incomplete.' };

function load(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/images/${file}`, import.meta.url)));
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const WHOLE_FILES = [
  ['png-37x23.png', 'png'],
  ['png-alpha-32x24.png', 'png'],
  ['png-too-wide-1201x10.png', 'png'],
  ['jpeg-baseline-45x27.jpg', 'jpeg'],
  ['jpeg-progressive-45x27.jpg', 'jpeg'],
  ['jpeg-exif-orientation-6.jpg', 'jpeg'],
  ['jpeg-exif-be-orientation-8.jpg', 'jpeg'],
  ['jpeg-flat-3000x2000.jpg', 'jpeg'],
  ['gif87a-29x17.gif', 'gif'],
  ['gif89a-29x17.gif', 'gif'],
  ['webp-lossy-vp8-41x25.webp', 'webp'],
  ['webp-lossless-vp8l-41x25.webp', 'webp'],
  ['webp-extended-vp8x-alpha-41x25.webp', 'webp'],
] as const;

describe('checkImageComplete', () => {
  it.each(WHOLE_FILES)('finds %s complete', (file, type) => {
    expect(checkImageComplete(load(file))).toEqual({ ok: true, type });
  });

  it('finds a PNG made in code complete', () => {
    expect(checkImageComplete(makePng(300, 200))).toEqual({ ok: true, type: 'png' });
  });

  // Every cut that still leaves a readable header: exactly the files the header checks let through.
  it.each(WHOLE_FILES.filter(([file]) => /\.(png|jpg|gif)$/.test(file) && !file.includes('3000x2000')))(
    'finds %s damaged at every length its header still reads at',
    (file) => {
      const bytes = load(file);
      let readable = 0;
      for (let length = 0; length < bytes.length; length++) {
        const cut = bytes.subarray(0, length);
        if (!readImageHeader(cut).ok) continue;
        readable += 1;
        expect(checkImageComplete(cut), `${file} cut to ${length} of ${bytes.length} bytes`).toEqual(DAMAGED);
      }
      // Most cut points leave the header readable, so most of them were checked.
      expect(readable).toBeGreaterThan(bytes.length / 3);
    },
  );

  it('finds the first 40% of a 3000 × 2000 JPEG damaged, though its header reads the full size', () => {
    const bytes = load('jpeg-flat-3000x2000.jpg');
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.4));
    expect(readImageHeader(cut)).toEqual({ ok: true, type: 'jpeg', width: 3000, height: 2000 });
    expect(checkImageComplete(cut)).toEqual(DAMAGED);
  });

  it('finds the first 40% of a large PNG damaged', () => {
    const png = makePng(400, 400);
    expect(checkImageComplete(png.subarray(0, Math.floor(png.length * 0.4)))).toEqual(DAMAGED);
  });

  it('accepts bytes after the end marker, as cameras and editors sometimes leave them', () => {
    const trailer = [0x00, 0x11, 0x22, 0x33];
    expect(checkImageComplete(concat(load('jpeg-baseline-45x27.jpg'), trailer))).toMatchObject({ ok: true });
    expect(checkImageComplete(concat(load('png-37x23.png'), trailer))).toMatchObject({ ok: true });
    expect(checkImageComplete(concat(load('gif89a-29x17.gif'), trailer))).toMatchObject({ ok: true });
  });

  it("is not fooled by an EXIF thumbnail's own end marker before the photo's scan", () => {
    const photo = load('jpeg-baseline-45x27.jpg');
    // APP1 holding a tiny "thumbnail" that ends in FFD9, put right after the photo's SOI.
    const thumbnail = [0xff, 0xd8, 0xff, 0xd9];
    const payload = [...Array.from('Exif\0\0', (c) => c.charCodeAt(0)), ...thumbnail];
    const app1 = [0xff, 0xe1, 0x00, payload.length + 2, ...payload];
    const withThumbnail = concat(photo.subarray(0, 2), app1, photo.subarray(2));
    expect(checkImageComplete(withThumbnail)).toEqual({ ok: true, type: 'jpeg' });
    expect(checkImageComplete(withThumbnail.subarray(0, withThumbnail.length - 40))).toEqual(DAMAGED);
  });

  it('finds a PNG without image data, or a GIF without an image, damaged', () => {
    const png = makePng(4, 4);
    // Signature and IHDR (8 + 25 bytes), then straight to IEND (the last 12 bytes).
    expect(checkImageComplete(concat(png.subarray(0, 33), png.subarray(png.length - 12)))).toEqual(DAMAGED);
    const gif = load('gif89a-29x17.gif');
    // Header, screen descriptor and the 4-colour table (13 + 12 bytes), then the trailer.
    expect(checkImageComplete(concat(gif.subarray(0, 25), [0x3b]))).toEqual(DAMAGED);
  });

  it('finds a PNG whose chunk claims more bytes than the file has damaged', () => {
    const png = makePng(8, 8);
    const broken = png.slice();
    // The IDAT chunk's length field follows the signature (8) and IHDR (25).
    broken.set([0x7f, 0xff, 0xff, 0xff], 33);
    expect(checkImageComplete(broken)).toEqual(DAMAGED);
  });

  it('finds a WebP whose RIFF size runs past the end damaged', () => {
    const webp = load('webp-lossy-vp8-41x25.webp');
    expect(checkImageComplete(webp.subarray(0, webp.length - 1))).toEqual(DAMAGED);
  });

  it('says a file of no known type is not a readable image', () => {
    expect(checkImageComplete(new TextEncoder().encode('just some text'))).toEqual({
      ok: false,
      reason: 'This file is not a readable image.',
    });
  });

  it('never throws, and finds nothing complete in arbitrary bytes after a JPEG, PNG or GIF signature', () => {
    const signatures = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      Array.from('GIF89a', (c) => c.charCodeAt(0)),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 512 }), (signature, rest) => {
        const result = checkImageComplete(concat(signature, rest));
        // Random bytes can form a complete file only by chance; whatever happens, no exception.
        return result.ok === true || result.reason === DAMAGED.reason;
      }),
      { numRuns: 2000 },
    );
  });
});
