// @vitest-environment node
// Header reading and avatar validation on real image files. scripts/make-image-fixtures.mjs writes
// the files and manifest.json; test/unit/image-header.test.ts covers hand-built bytes.
// Node, not jsdom: under jsdom (web transform) Vite rewrites `new URL('…', import.meta.url)` into a
// server path such as /test/fixtures/…, which node:fs cannot open.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IMAGE_HEADER_MAX_BYTES,
  readImageHeader,
  sniffImageType,
  type SniffedType,
} from '../../src/core/image/read-image-header';
import { validateAvatarFile, type AvatarRejectionCode } from '../../src/core/image/validate-avatar-file';
import manifestJson from '../fixtures/images/manifest.json';
import { labelStudioRules } from '../../src/label-studio/rules';

interface Fixture {
  file: string;
  type: SniffedType;
  /** The displayed size, as a browser shows it; null when nothing can decode the file. */
  width: number | null;
  height: number | null;
  /** Whether readImageHeader reads a size. */
  headerOk: boolean;
  /** validateAvatarFile's verdict with the default limits. */
  avatar: 'ok' | AvatarRejectionCode;
  decodable: boolean;
  note: string;
}

const manifest = manifestJson as Fixture[];

function load(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/images/${file}`, import.meta.url)));
}

describe('image fixtures', () => {
  it('lists every kind of file the issue asks for', () => {
    const files = manifest.map((fixture) => fixture.file);
    expect(files).toHaveLength(16);
    expect(new Set(manifest.map((fixture) => fixture.type))).toEqual(new Set(['png', 'jpeg', 'gif', 'webp', 'bmp']));
    for (const fixture of manifest) expect(load(fixture.file).length).toBeGreaterThan(0);
  });

  describe.each(manifest)('$file', (fixture) => {
    const bytes = load(fixture.file);
    // As an uploader reads a File: its size, and at most the first IMAGE_HEADER_MAX_BYTES.
    const head = bytes.subarray(0, IMAGE_HEADER_MAX_BYTES);

    it(`is recognised as ${fixture.type} by its magic bytes`, () => {
      expect(sniffImageType(head)).toBe(fixture.type);
    });

    if (fixture.headerOk) {
      it(`reads type ${fixture.type}, displayed ${fixture.width}x${fixture.height}`, () => {
        const expected = { ok: true, type: fixture.type, width: fixture.width, height: fixture.height };
        expect(readImageHeader(head)).toEqual(expected);
        expect(readImageHeader(bytes)).toEqual(expected);
      });
    } else {
      it('reads no size', () => {
        expect(readImageHeader(head)).toEqual({ ok: false, reason: expect.any(String) });
        expect(readImageHeader(bytes)).toEqual({ ok: false, reason: expect.any(String) });
      });
    }

    it(`gets the avatar verdict ${fixture.avatar} with the default limits`, () => {
      const result = validateAvatarFile({ size: bytes.length, bytes: head }, labelStudioRules.avatar);
      if (fixture.avatar === 'ok') {
        expect(result).toEqual({ ok: true, type: fixture.type, width: fixture.width, height: fixture.height });
      } else {
        expect(result).toMatchObject({ ok: false, code: fixture.avatar, message: expect.any(String) });
      }
    });
  });

  it('accepts the WebP files once WebP is an allowed type', () => {
    const webps = manifest.filter((fixture) => fixture.type === 'webp');
    expect(webps.map((fixture) => fixture.file)).toEqual([
      expect.stringContaining('vp8-'),
      expect.stringContaining('vp8l-'),
      expect.stringContaining('vp8x-'),
    ]);
    for (const fixture of webps) {
      const bytes = load(fixture.file);
      expect(
        validateAvatarFile(
          { size: bytes.length, bytes },
          { ...labelStudioRules.avatar, types: ['png', 'jpeg', 'gif', 'webp'] },
        ),
      ).toEqual({
        ok: true,
        type: 'webp',
        width: fixture.width,
        height: fixture.height,
      });
    }
  });

  it('accepts the large JPEG when the pixel limits allow it', () => {
    const bytes = load('jpeg-flat-3000x2000.jpg');
    expect(
      validateAvatarFile(
        { size: bytes.length, bytes },
        { ...labelStudioRules.avatar, maxWidth: 3000, maxHeight: 3000 },
      ),
    ).toEqual({
      ok: true,
      type: 'jpeg',
      width: 3000,
      height: 2000,
    });
  });

  it('swaps width and height for EXIF orientations 5-8 only, in either byte order', () => {
    const size = (file: string) => {
      const header = readImageHeader(load(file));
      return header.ok ? [header.width, header.height] : header.reason;
    };
    expect(size('jpeg-exif-orientation-6.jpg')).toEqual([30, 40]);
    expect(size('jpeg-exif-be-orientation-8.jpg')).toEqual([30, 40]);
    expect(size('jpeg-exif-orientation-3.jpg')).toEqual([40, 30]);
  });

  it('reports an unreadable file for a JPEG cut before its frame header', () => {
    const bytes = load('jpeg-truncated-before-sof.jpg');
    const result = validateAvatarFile({ size: bytes.length, bytes }, labelStudioRules.avatar);
    expect(result).toMatchObject({ ok: false, code: 'unreadable' });
  });
});
