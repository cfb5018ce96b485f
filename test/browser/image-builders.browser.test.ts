// The image builders the conformance suite uploads, through Chromium's own decoder: a padded PNG
// (the suite's at-the-limit and one-byte-over files) is still a real image of the size it says.
import { describe, expect, it } from 'vitest';
import { makeBmp, makePng } from '../../src/testing/image-fixtures';

async function decodedSize(bytes: Uint8Array<ArrayBuffer>, type: string): Promise<[number, number]> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type }));
  const size: [number, number] = [bitmap.width, bitmap.height];
  bitmap.close();
  return size;
}

describe('image builders in Chromium', () => {
  it('makes PNGs that decode to their size, padded or not', async () => {
    expect(await decodedSize(makePng(64, 48), 'image/png')).toEqual([64, 48]);
    const padded = makePng(1200, 1, { byteLength: 1024 * 1024 });
    expect(padded.length).toBe(1024 * 1024);
    expect(await decodedSize(padded, 'image/png')).toEqual([1200, 1]);
  });

  it('makes a BMP that decodes to its size', async () => {
    expect(await decodedSize(makeBmp(8, 6), 'image/bmp')).toEqual([8, 6]);
  });
});
