import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createDefaultSeed } from '../src/adapters/memory';
import { AvatarUploader } from '../src/components/avatar-uploader';
import { makeBmp, makePng } from '../src/testing/image-fixtures';

const HOUR = 60 * 60 * 1000;
const INITIALS = 'Heidi Opossum, no photo';
const PHOTO = 'Profile photo of Heidi Opossum';

/** Bytes as a `data:` URL, as a server or the memory adapter would hand back a stored photo. */
function toDataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:${type};base64,${btoa(binary)}`;
}

function pngFile(width: number, height: number, name = 'photo.png'): File {
  return new File([makePng(width, height) as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });
}

async function jpegFixture(): Promise<File> {
  const response = await fetch(new URL('../test/fixtures/images/jpeg-flat-3000x2000.jpg', import.meta.url).href);
  return new File([await response.blob()], 'jpeg-flat-3000x2000.jpg', { type: 'image/jpeg' });
}

/** Waits for the uploader to be ready and returns its hidden file input. */
async function fileInput(canvasElement: HTMLElement): Promise<HTMLInputElement> {
  await within(canvasElement).findByRole('button', { name: 'Upload photo' });
  const input = canvasElement.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new globalThis.Error('The uploader has no file input.');
  return input;
}

/** The default user with a small grey photo. */
const withPhoto: AdapterParameters = {
  adapter: { seed: { user: { ...createDefaultSeed().user, avatarUrl: toDataUrl(makePng(48, 48), 'image/png') } } },
};

const meta = {
  title: 'Profile/AvatarUploader',
  component: AvatarUploader,
  parameters: {
    docs: {
      description: {
        component:
          'The profile photo: initials or the photo, Upload (file picker, drop or paste), checks in the browser before any upload, Resize to fit, progress with Cancel, Retry after a failure, and Remove after confirming.',
      },
    },
  },
} satisfies Meta<typeof AvatarUploader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No photo yet: the initials stand in for it. */
export const NoPhoto: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: INITIALS })).toHaveTextContent('HO');
    await expect(canvas.getByRole('button', { name: 'Upload photo' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Remove photo' })).toBeNull();
  },
};

/** A photo is set: it shows, and can be removed. */
export const WithPhoto: Story = {
  parameters: withPhoto,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const photo = await canvas.findByRole<HTMLImageElement>('img', { name: PHOTO });
    await waitFor(() => expect(photo.naturalWidth).toBe(48));
    await expect(photo).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Remove photo' })).toBeVisible();
  },
};

/** The user is still loading: a busy placeholder. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getCurrentUser: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Profile photo' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText('Loading photo…')).toBeVisible();
  },
};

/** Loading the user failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getCurrentUser: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** A slow upload: a progress bar and Cancel upload. */
export const Uploading: Story = {
  parameters: { adapter: { latencyMs: { uploadAvatar: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), pngFile(64, 48));
    const progress = await canvas.findByRole('progressbar', { name: 'Uploading photo' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '0');
    await expect(canvas.getByRole('button', { name: 'Cancel upload' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Upload photo' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A valid PNG uploads at once: the photo shows and "Photo updated" is announced. */
export const Uploaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), pngFile(64, 48));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Photo updated'));
    const photo = canvas.getByRole<HTMLImageElement>('img', { name: PHOTO });
    await waitFor(() => expect(photo.naturalWidth).toBe(64));
    await expect(photo).toBeVisible();
  },
};

/** One byte over 1024 KB: the exact figures, since "1 MB" would look allowed. */
export const RejectedTooManyBytes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bytes = new Uint8Array(1_048_577);
    bytes.set(makePng(10, 10));
    await userEvent.upload(await fileInput(canvasElement), new File([bytes], 'big.png', { type: 'image/png' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This file is 1,048,577 bytes. The largest allowed is 1024 KB (1,048,576 bytes).',
    );
    await expect(canvas.getByRole('button', { name: 'Resize to fit' })).toBeVisible();
  },
};

/** 1.6 MB against the 1024 KB limit: both sizes in KB, and Resize to fit. */
export const RejectedLargeFile: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const png = makePng(10, 10, { byteLength: 1_677_722 });
    await userEvent.upload(await fileInput(canvasElement), new File([png], 'big.png', { type: 'image/png' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This file is 1638 KB. The largest allowed is 1024 KB.',
    );
    await expect(canvas.getByRole('button', { name: 'Resize to fit' })).toBeVisible();
  },
};

/** The first 40% of a camera JPEG: the header is intact, the rest is missing, so it is refused before upload. */
export const RejectedDamaged: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const whole = await jpegFixture();
    const cut = new File([whole.slice(0, Math.floor(whole.size * 0.4))], 'cut-short.jpg', { type: 'image/jpeg' });
    await userEvent.upload(await fileInput(canvasElement), cut);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This file is damaged or incomplete.');
    await expect(canvas.queryByRole('button', { name: 'Resize to fit' })).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

/** One pixel too wide: both sizes, and Resize to fit. */
export const RejectedTooManyPixels: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), pngFile(1201, 10));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This image is 1201 × 10 px. The largest allowed is 1200 × 1200 px.',
    );
    await expect(canvas.getByRole('button', { name: 'Resize to fit' })).toBeVisible();
  },
};

/** A BMP named photo.png: refused by its magic bytes, with no offer to resize. */
export const RejectedUnsupportedType: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bmp = new File([makeBmp(8, 8) as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' });
    await userEvent.upload(await fileInput(canvasElement), bmp);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "This file type (BMP) isn't supported. Use PNG, JPEG or GIF.",
    );
    await expect(canvas.queryByRole('button', { name: 'Resize to fit' })).toBeNull();
  },
};

/** Text named photo.png: not an image at all. */
export const RejectedUnreadable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const text = new File(['This is not an image, just some text.'], 'photo.png', { type: 'image/png' });
    await userEvent.upload(await fileInput(canvasElement), text);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This file is not a readable image.');
    await expect(canvas.queryByRole('button', { name: 'Resize to fit' })).toBeNull();
  },
};

/** A 3000 × 2000 camera JPEG: refused, with an offer to resize it. */
export const ResizeOffered: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), await jpegFixture());
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This image is 3000 × 2000 px. The largest allowed is 1200 × 1200 px.',
    );
    await expect(canvas.getByRole('button', { name: 'Resize to fit' })).toBeVisible();
  },
};

/** After Resize to fit: a preview of the smaller image, uploaded only when confirmed. */
export const ResizedPreview: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), await jpegFixture());
    await userEvent.click(await canvas.findByRole('button', { name: 'Resize to fit' }));
    const preview = await canvas.findByRole<HTMLImageElement>('img', { name: 'Resized photo preview' });
    await waitFor(() => expect(preview.naturalWidth).toBe(1200));
    await expect(preview).toBeVisible();
    await expect(canvas.getByText(/^Resized to 1200 × 800 px/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Upload resized photo' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Discard' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

/** The server refuses the upload: the reason, and Retry with the same file. */
export const UploadFails: Story = {
  parameters: { adapter: { fail: { uploadAvatar: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement), pngFile(30, 30));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "The photo wasn't uploaded. The server had a problem.",
    );
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.getByRole('img', { name: INITIALS })).toBeVisible();
  },
};

/** Remove photo asks first, in a modal alert dialog. */
export const RemoveConfirm: Story = {
  parameters: withPhoto,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove photo' }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('alertdialog', { name: 'Remove photo?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription('Your initials will show instead of your photo.');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Remove photo' })).toBeVisible();
  },
};

/** Stricter limits than Label Studio's: the hint names them. */
export const CustomLimits: Story = {
  args: { maxWidth: 256, maxHeight: 256, maxBytes: 100 * 1024 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('PNG, JPEG or GIF, at most 256 × 256 px and 100 KB.', { exact: false }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Upload photo' })).toHaveAccessibleDescription(
      'PNG, JPEG or GIF, at most 256 × 256 px and 100 KB. You can also drop or paste an image here.',
    );
  },
};
