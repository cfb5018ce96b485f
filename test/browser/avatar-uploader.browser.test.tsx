import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import { AvatarUploader } from '../../src/components/avatar-uploader';
import { AccountProvider } from '../../src/provider/account-provider';
import { makeBmp, makePng } from '../../src/testing/image-fixtures';

async function fixture(name: string, type: string): Promise<File> {
  const response = await fetch(new URL(`../fixtures/images/${name}`, import.meta.url).href);
  return new File([await response.blob()], name, { type });
}

function pngFile(width: number, height: number, name = 'photo.png'): File {
  return new File([makePng(width, height) as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });
}

async function renderUploader(adapter: MemoryAdapter = createMemoryAdapter()) {
  const uploadAvatar = vi.spyOn(adapter, 'uploadAvatar');
  const screen = await render(
    <AccountProvider adapter={adapter}>
      <AvatarUploader />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toBeVisible();
  const input = screen.container.querySelector<HTMLInputElement>('input[type=file]')!;
  return { screen, adapter, uploadAvatar, input };
}

/**
 * Puts a large file into the input inside the page, as the file picker does. userEvent.upload
 * would ship the bytes from the test runner to Playwright and back, which is slow for a
 * megabyte on a busy machine.
 */
function chooseFile(input: HTMLInputElement, file: File) {
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function dropOn(target: Element, file: File) {
  const data = new DataTransfer();
  data.items.add(file);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }
}

describe('AvatarUploader in Chromium', () => {
  it('shows initials from the name when there is no photo', async () => {
    const { screen } = await renderUploader();
    await expect.element(screen.getByRole('img', { name: 'Heidi Opossum, no photo' })).toHaveTextContent('HO');
  });

  it('uploads a valid PNG chosen with the file picker and shows it', async () => {
    const { screen, input, adapter } = await renderUploader();
    await userEvent.upload(input, pngFile(64, 48));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    const photo = screen.getByRole('img', { name: 'Profile photo of Heidi Opossum' });
    await expect.element(photo).toBeVisible();
    await expect.poll(() => (photo.element() as HTMLImageElement).naturalWidth).toBe(64);
    expect((await adapter.getCurrentUser()).avatarUrl).toMatch(/^data:image\/png/);
  });

  it('refuses a 1201 × 10 PNG, naming both sizes, without calling the adapter', async () => {
    const { screen, input, uploadAvatar } = await renderUploader();
    await userEvent.upload(input, pngFile(1201, 10));
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('This image is 1201 × 10 px. The largest allowed is 1200 × 1200 px.');
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('refuses a file of 1 048 577 bytes, naming 1024 KB, without calling the adapter', async () => {
    const { screen, input, uploadAvatar } = await renderUploader();
    const bytes = new Uint8Array(1_048_577);
    bytes.set(makePng(10, 10));
    chooseFile(input, new File([bytes], 'big.png', { type: 'image/png' }));
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('This file is 1,048,577 bytes. The largest allowed is 1024 KB (1,048,576 bytes).');
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('refuses a BMP named photo.png by its magic bytes', async () => {
    const { screen, input, uploadAvatar } = await renderUploader();
    await userEvent.upload(
      input,
      new File([makeBmp(8, 8) as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' }),
    );
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent("This file type (BMP) isn't supported. Use PNG, JPEG or GIF.");
    await expect.element(screen.getByRole('button', { name: 'Resize to fit' })).not.toBeInTheDocument();
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('resizes a 3000 × 2000 JPEG to fit both limits and uploads it only after confirming', async () => {
    const { screen, input, uploadAvatar, adapter } = await renderUploader();
    await userEvent.upload(input, await fixture('jpeg-flat-3000x2000.jpg', 'image/jpeg'));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This image is 3000 × 2000 px.');
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await expect.element(screen.getByText(/^Resized to 1200 × 800 px/)).toBeVisible();
    await expect.element(screen.getByRole('img', { name: 'Resized photo preview' })).toBeVisible();
    expect(uploadAvatar).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Upload resized photo' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect(uploadAvatar).toHaveBeenCalledTimes(1);
    const uploaded = uploadAvatar.mock.calls[0]![0] as File;
    expect(uploaded.size).toBeLessThanOrEqual(1_048_576);
    const bitmap = await createImageBitmap(uploaded);
    expect([bitmap.width, bitmap.height]).toEqual([1200, 800]);
    expect((await adapter.getCurrentUser()).avatarUrl).not.toBeNull();
  });

  it('re-encodes an image too large in bytes (but not in pixels) until it fits under 1024 KB', async () => {
    const { screen, input, uploadAvatar } = await renderUploader();
    const big = pngFile(1100, 1000, 'uncompressed.png');
    expect(big.size).toBeGreaterThan(1_048_576);
    chooseFile(input, big);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The largest allowed is 1024 KB.');
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload resized photo' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    const uploaded = uploadAvatar.mock.calls[0]![0] as File;
    expect(uploaded.size).toBeLessThanOrEqual(1_048_576);
    const bitmap = await createImageBitmap(uploaded);
    expect([bitmap.width, bitmap.height]).toEqual([1100, 1000]);
  });

  it('discards a resized image without uploading it', async () => {
    const { screen, input, uploadAvatar } = await renderUploader();
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await expect.element(screen.getByRole('img', { name: 'Resized photo preview' })).not.toBeInTheDocument();
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('uploads an image dropped onto the photo', async () => {
    const { screen, uploadAvatar } = await renderUploader();
    const dropzone = screen.container.querySelector('[data-slot="ras-avatar-uploader-dropzone"]')!;
    dropOn(dropzone, pngFile(32, 32, 'dropped.png'));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect((uploadAvatar.mock.calls[0]![0] as File).name).toBe('dropped.png');
  });

  it('uploads an image pasted while the control has focus', async () => {
    const { screen, uploadAvatar } = await renderUploader();
    const button = screen.getByRole('button', { name: 'Upload photo' }).element() as HTMLButtonElement;
    button.focus();
    const data = new DataTransfer();
    data.items.add(pngFile(20, 20, 'pasted.png'));
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect((uploadAvatar.mock.calls[0]![0] as File).name).toBe('pasted.png');
  });

  it("runs the host's own onPaste and still uploads the pasted image", async () => {
    const adapter = createMemoryAdapter();
    const uploadAvatar = vi.spyOn(adapter, 'uploadAvatar');
    const pasted: string[] = [];
    const screen = await render(
      <AccountProvider adapter={adapter}>
        <AvatarUploader onPaste={(event) => pasted.push(event.clipboardData.files[0]?.name ?? '')} />
      </AccountProvider>,
    );
    const button = screen.getByRole('button', { name: 'Upload photo' });
    await expect.element(button).toBeVisible();
    (button.element() as HTMLButtonElement).focus();
    const data = new DataTransfer();
    data.items.add(pngFile(20, 20, 'host.png'));
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect(pasted).toEqual(['host.png']);
    expect((uploadAvatar.mock.calls[0]![0] as File).name).toBe('host.png');
  });

  it('shows progress and cancels the upload through the signal', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { uploadAvatar: 3000 } });
    const { screen, input, uploadAvatar } = await renderUploader(adapter);
    await userEvent.upload(input, pngFile(40, 40));
    // Unstyled here, the bar itself has no height; its percentage is the visible part.
    const progress = screen.getByRole('progressbar', { name: 'Uploading photo' });
    await expect.element(progress).toBeInTheDocument();
    await expect.poll(() => Number(progress.element().getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const percent = progress.element().getAttribute('aria-valuenow');
    await expect.element(screen.getByText(`${percent}%`, { exact: true })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));
    await expect.element(progress).not.toBeInTheDocument();
    const signal = (uploadAvatar.mock.calls[0]![1] as { signal: AbortSignal }).signal;
    expect(signal.aborted).toBe(true);
    expect(screen.container.querySelector('[role=alert]')).toBeNull();
    expect((await adapter.getCurrentUser()).avatarUrl).toBeNull();
  });

  it('keeps the file after a failed upload and uploads it on Retry', async () => {
    const base = createMemoryAdapter();
    let failures = 1;
    const adapter: MemoryAdapter = {
      ...base,
      uploadAvatar: (file, options) =>
        failures-- > 0 ? Promise.reject(new AccountError('server')) : base.uploadAvatar(file, options),
    };
    const { screen, input } = await renderUploader(adapter);
    await userEvent.upload(input, pngFile(30, 30, 'mine.png'));
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent("The photo wasn't uploaded. The server had a problem.");
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect((await base.getCurrentUser()).avatarUrl).not.toBeNull();
  });

  it('removes the photo only after confirming, and Cancel keeps it', async () => {
    const adapter = createMemoryAdapter();
    await adapter.uploadAvatar(pngFile(16, 16));
    const { screen } = await renderUploader(adapter);
    const remove = screen.getByRole('button', { name: 'Remove photo' });
    await userEvent.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove photo?' });
    await expect.element(dialog).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(remove).toHaveFocus();
    expect((await adapter.getCurrentUser()).avatarUrl).not.toBeNull();

    await userEvent.click(remove);
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Remove photo' }));
    await expect.element(screen.getByRole('img', { name: 'Heidi Opossum, no photo' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo removed');
    expect((await adapter.getCurrentUser()).avatarUrl).toBeNull();
  });

  it('passes axe with a rejection and with the remove dialog open', async () => {
    const adapter = createMemoryAdapter();
    await adapter.uploadAvatar(pngFile(16, 16));
    const { screen, input } = await renderUploader(adapter);
    await userEvent.upload(input, pngFile(1300, 10));
    await expect.element(screen.getByRole('button', { name: 'Resize to fit' })).toBeVisible();
    expect((await axe.run(document.body)).violations).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }));
    await expect.element(screen.getByRole('alertdialog')).toBeVisible();
    expect((await axe.run(document.body)).violations).toEqual([]);
  });
});

/** A photo-like JPEG (noise, which compresses badly) of about `bytes` bytes, from Chromium's encoder. */
async function noisyJpeg(bytes: number): Promise<Blob> {
  let side = Math.round(Math.sqrt(bytes / 1.5));
  for (;;) {
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(side, side);
    let seed = 7;
    for (let i = 0; i < image.data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      image.data[i] = i % 4 === 3 ? 255 : seed & 0xff;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
    if (blob.size >= bytes) return blob;
    side = Math.ceil(side * 1.2);
  }
}

describe('AvatarUploader refuses damaged files before upload', () => {
  it('refuses the first 40 KB of a 160 KB JPEG whose header is intact', async () => {
    const whole = await noisyJpeg(160 * 1024);
    expect(whole.size).toBeGreaterThanOrEqual(160 * 1024);
    const { screen, input, uploadAvatar } = await renderUploader();
    chooseFile(input, new File([whole.slice(0, 40 * 1024)], 'holiday.jpg', { type: 'image/jpeg' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This file is damaged or incomplete.');
    await expect.element(screen.getByRole('button', { name: 'Resize to fit' })).not.toBeInTheDocument();
    expect(uploadAvatar).not.toHaveBeenCalled();
    // The same file whole goes through.
    chooseFile(input, new File([whole], 'holiday.jpg', { type: 'image/jpeg' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    expect(uploadAvatar).toHaveBeenCalledTimes(1);
  });

  it('refuses a PNG cut short inside its image data', async () => {
    const png = makePng(200, 150);
    const { screen, input, uploadAvatar } = await renderUploader();
    chooseFile(input, new File([png.slice(0, Math.floor(png.length / 2))], 'cut.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This file is damaged or incomplete.');
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('refuses a GIF without its trailer byte, which Chromium still decodes', async () => {
    const gif = await fixture('gif89a-29x17.gif', 'image/gif');
    const cut = gif.slice(0, gif.size - 1, 'image/gif');
    // Why a decode can't tell: Chromium draws the cut file without any error.
    const bitmap = await createImageBitmap(cut);
    expect([bitmap.width, bitmap.height]).toEqual([29, 17]);
    const { screen, input, uploadAvatar } = await renderUploader();
    chooseFile(input, new File([cut], 'cut.gif', { type: 'image/gif' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This file is damaged or incomplete.');
    expect(uploadAvatar).not.toHaveBeenCalled();
  });

  it('refuses an image too large in pixels as damaged when it is cut short, offering no resize', async () => {
    const jpeg = await fixture('jpeg-flat-3000x2000.jpg', 'image/jpeg');
    const { screen, input, uploadAvatar } = await renderUploader();
    chooseFile(input, new File([jpeg.slice(0, jpeg.size / 2)], 'big.jpg', { type: 'image/jpeg' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This file is damaged or incomplete.');
    await expect.element(screen.getByRole('button', { name: 'Resize to fit' })).not.toBeInTheDocument();
    expect(uploadAvatar).not.toHaveBeenCalled();
  });
});

describe('AvatarUploader size messages', () => {
  it('gives a 1.6 MB file and the 1024 KB limit in the same unit', async () => {
    const { screen, input } = await renderUploader();
    chooseFile(input, new File([makePng(10, 10, { byteLength: 1_677_722 })], 'big.png', { type: 'image/png' }));
    await expect
      .element(screen.getByRole('alert'))
      .toHaveTextContent('This file is 1638 KB. The largest allowed is 1024 KB.');
  });

  it('writes both sizes in MB, in German digits, when the limit is 5 MB', async () => {
    const adapter = createMemoryAdapter();
    const screen = await render(
      <AccountProvider adapter={adapter} locale="de-DE">
        <AvatarUploader maxBytes={5 * 1024 * 1024} />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Foto hochladen' })).toBeVisible();
    const input = screen.container.querySelector<HTMLInputElement>('input[type=file]')!;
    chooseFile(input, new File([makePng(10, 10, { byteLength: 7_654_321 })], 'big.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('7,3 MB');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('5 MB');
    expect(screen.getByRole('alert').element().textContent).not.toContain('KB');
  });
});

describe('AvatarUploader keeps focus on a control after each action', () => {
  it('moves focus to Upload photo after Remove photo, not to <body>', async () => {
    const adapter = createMemoryAdapter();
    await adapter.uploadAvatar(pngFile(16, 16));
    const { screen } = await renderUploader(adapter);
    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Remove photo' }));
    await expect.element(screen.getByRole('img', { name: 'Heidi Opossum, no photo' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toHaveFocus();
    await expect.poll(() => document.activeElement?.textContent).toBe('Upload photo');
  });

  it('moves focus to Upload photo after Cancel upload', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { uploadAvatar: 3000 } });
    const { screen, input } = await renderUploader(adapter);
    await userEvent.upload(input, pngFile(40, 40));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));
    await expect.element(screen.getByRole('progressbar')).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toHaveFocus();
  });

  it('moves focus from Resize to fit to Upload resized photo once the preview is ready', async () => {
    const { screen, input } = await renderUploader();
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    // Busy while the browser scales the image, and still the focused control.
    await expect.element(screen.getByRole('img', { name: 'Resized photo preview' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Upload resized photo' })).toHaveFocus();
  });

  it("moves focus to Upload photo after the preview's Discard", async () => {
    const { screen, input } = await renderUploader();
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await expect.element(screen.getByRole('img', { name: 'Resized photo preview' })).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toHaveFocus();
  });

  it('moves focus to Cancel upload after Upload resized photo, then to Upload photo when it is done', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { uploadAvatar: 1500 } });
    const { screen, input } = await renderUploader(adapter);
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload resized photo' }));
    await expect.element(screen.getByRole('button', { name: 'Cancel upload' })).toHaveFocus();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toHaveFocus();
  });

  it('moves focus to Retry when an upload started from the preview fails', async () => {
    const { screen, input } = await renderUploader(createMemoryAdapter({ fail: { uploadAvatar: 'server' } }));
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload resized photo' }));
    await expect.element(screen.getByRole('button', { name: 'Retry' })).toHaveFocus();
  });

  it('leaves focus where the user put it when the upload ends', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { uploadAvatar: 1000 } });
    const screen = await render(
      <AccountProvider adapter={adapter}>
        <AvatarUploader />
        <input aria-label="Elsewhere" />
      </AccountProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toBeVisible();
    const input = screen.container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, pngFile(1500, 20));
    await userEvent.click(screen.getByRole('button', { name: 'Resize to fit' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload resized photo' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Photo updated');
    await expect.element(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });
});
