import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_HEADER_MAX_BYTES, readImageHeader, sniffImageType } from '../../src/core/image/read-image-header';
import { makePng } from '../../src/testing/image-fixtures';

const SUPPORTED = new Set(['png', 'jpeg', 'gif', 'webp']);

describe('readImageHeader on garbage', () => {
  it('never reports a size for bytes that carry no supported signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (input) => {
        fc.pre(!SUPPORTED.has(sniffImageType(input) ?? ''));
        return readImageHeader(input).ok === false;
      }),
      { numRuns: 2000 },
    );
  });

  it('reports either nothing or the true size for every truncation of a real PNG', () => {
    const png = makePng(321, 123);
    fc.assert(
      fc.property(fc.nat({ max: png.length }), (length) => {
        const result = readImageHeader(png.subarray(0, length));
        return !result.ok || (result.width === 321 && result.height === 123);
      }),
      { numRuns: 300 },
    );
  });

  it('terminates on a JPEG made only of minimal segments, looking no further than 64 KiB', () => {
    // 40 000 four-byte APP0 segments: 160 KB of structure and no frame header anywhere.
    const segments = new Uint8Array(2 + 40_000 * 4);
    segments.set([0xff, 0xd8]);
    for (let i = 0; i < 40_000; i++) segments.set([0xff, 0xe0, 0x00, 0x02], 2 + i * 4);
    expect(segments.length).toBeGreaterThan(IMAGE_HEADER_MAX_BYTES);
    expect(readImageHeader(segments)).toEqual({ ok: false, reason: 'This file is not a readable image.' });
  });

  it('terminates on any chain of JPEG segment lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }), (lengths) => {
        const parts: number[] = [0xff, 0xd8];
        for (const length of lengths) parts.push(0xff, 0xe1, length >> 8, length & 0xff);
        const result = readImageHeader(new Uint8Array(parts));
        return result.ok === false;
      }),
      { numRuns: 500 },
    );
  });
});
