// Chromium's own decoder against readImageHeader, on the files scripts/make-image-fixtures.mjs
// writes: the size the browser shows (EXIF orientation applied) is the size the header reports.
import { describe, expect, it } from 'vitest';
import { readImageHeader, sniffImageType, type SniffedType } from '../../src/core/image/read-image-header';
import manifestJson from '../fixtures/images/manifest.json';

interface Fixture {
  file: string;
  type: SniffedType;
  /** The displayed size, as a browser shows it; null when nothing can decode the file. */
  width: number | null;
  height: number | null;
  /** Whether readImageHeader reads a size. */
  headerOk: boolean;
  decodable: boolean;
  note: string;
}

const manifest = manifestJson as Fixture[];

/** Fetches a fixture from the Vite server as a Blob, as a file input would hand it over. */
async function load(file: string): Promise<Blob> {
  const response = await fetch(new URL(`../fixtures/images/${file}`, import.meta.url).href);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.blob();
}

async function decodedSize(blob: Blob): Promise<[number, number]> {
  const bitmap = await createImageBitmap(blob);
  const size: [number, number] = [bitmap.width, bitmap.height];
  bitmap.close();
  return size;
}

describe('image fixtures in Chromium', () => {
  it('serves the fixture files themselves, not a fallback page', async () => {
    for (const fixture of manifest) {
      const bytes = new Uint8Array(await (await load(fixture.file)).arrayBuffer());
      expect(sniffImageType(bytes), fixture.file).toBe(fixture.type);
    }
  });

  const decodable = manifest.filter((fixture) => fixture.decodable);
  const readable = decodable.filter((fixture) => fixture.headerOk);

  it.each(readable)('$file: createImageBitmap shows the size readImageHeader reads', async (fixture) => {
    const blob = await load(fixture.file);
    const header = readImageHeader(new Uint8Array(await blob.arrayBuffer()));
    if (!header.ok) throw new Error(`readImageHeader: ${header.reason}`);
    expect(await decodedSize(blob)).toEqual([header.width, header.height]);
    expect(header).toEqual({ ok: true, type: fixture.type, width: fixture.width, height: fixture.height });
  });

  it.each(decodable.filter((fixture) => !fixture.headerOk))(
    '$file: decodes at the manifest size, though readImageHeader reads no size',
    async (fixture) => {
      const blob = await load(fixture.file);
      expect(await decodedSize(blob)).toEqual([fixture.width, fixture.height]);
      expect(readImageHeader(new Uint8Array(await blob.arrayBuffer())).ok).toBe(false);
    },
  );

  it.each(manifest.filter((fixture) => !fixture.decodable))(
    '$file: neither the browser nor readImageHeader can read it',
    async (fixture) => {
      const blob = await load(fixture.file);
      await expect(createImageBitmap(blob)).rejects.toThrow();
      expect(readImageHeader(new Uint8Array(await blob.arrayBuffer())).ok).toBe(false);
    },
  );

  it('covers the rotated JPEGs, so the cross-check tests EXIF orientation', () => {
    expect(readable.map((fixture) => fixture.file)).toEqual(
      expect.arrayContaining([
        'jpeg-exif-orientation-6.jpg',
        'jpeg-exif-orientation-3.jpg',
        'jpeg-exif-be-orientation-8.jpg',
      ]),
    );
  });
});
