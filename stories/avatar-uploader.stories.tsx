import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createDefaultSeed } from '../src/adapters/memory';
import { AvatarUploader } from '../src/components/avatar-uploader';
import { formatFileSize } from '../src/core/image/validate-avatar-file';
import * as defaultPreset from '../src/label-studio/default-preset';
import { makeBmp, makePng } from '../src/testing/image-fixtures';
import { storyText, type StoryText } from './support/story-text';

const HOUR = 60 * 60 * 1000;
const NAME = 'Heidi Opossum';

/** The accepted types as the hint and the messages list them: "PNG, JPEG or GIF". */
const acceptedTypes = ({ t }: StoryText) => `PNG, JPEG ${t('avatar.or')} GIF`;

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
async function fileInput(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLInputElement> {
  await within(canvasElement).findByRole('button', { name: t('avatar.upload') });
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
  argTypes: { accept: { control: 'check', options: [...defaultPreset.rules.avatar.types] } },
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
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: t('avatar.initialsLabel', { name: NAME }) })).toHaveTextContent(
      'HO',
    );
    await expect(canvas.getByRole('button', { name: t('avatar.upload') })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('avatar.remove') })).toBeNull();
  },
};

/** A photo is set: it shows, and can be removed. */
export const WithPhoto: Story = {
  parameters: withPhoto,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const photo = await canvas.findByRole<HTMLImageElement>('img', { name: t('avatar.photoAlt', { name: NAME }) });
    await waitFor(() => expect(photo.naturalWidth).toBe(48));
    await expect(photo).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('avatar.remove') })).toBeVisible();
  },
};

/** The user is still loading: a busy placeholder. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getCurrentUser: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: t('avatar.title') })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByText(t('avatar.loading'))).toBeVisible();
  },
};

/** Loading the user failed: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getCurrentUser: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
  },
};

/** A slow upload: a progress bar and Cancel upload. */
export const Uploading: Story = {
  parameters: { adapter: { latencyMs: { uploadAvatar: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), pngFile(64, 48));
    const progress = await canvas.findByRole('progressbar', { name: t('avatar.uploading') });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '0');
    await expect(canvas.getByRole('button', { name: t('avatar.cancelUpload') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('avatar.upload') })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A valid PNG uploads at once: the photo shows and "Photo updated" is announced. */
export const Uploaded: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), pngFile(64, 48));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('avatar.uploaded')));
    const photo = canvas.getByRole<HTMLImageElement>('img', { name: t('avatar.photoAlt', { name: NAME }) });
    await waitFor(() => expect(photo.naturalWidth).toBe(64));
    await expect(photo).toBeVisible();
  },
};

/** One byte over 1024 KB: the exact figures, since "1 MB" would look allowed. */
export const RejectedTooManyBytes: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t, locale } = text;
    const canvas = within(canvasElement);
    const bytes = new Uint8Array(1_048_577);
    bytes.set(makePng(10, 10));
    await userEvent.upload(await fileInput(canvasElement, text), new File([bytes], 'big.png', { type: 'image/png' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.tooManyBytesExact', {
        bytes: 1_048_577,
        limit: formatFileSize(1_048_576, locale),
        limitBytes: 1_048_576,
      }),
    );
    await expect(canvas.getByRole('button', { name: t('avatar.resize') })).toBeVisible();
  },
};

/** 1.6 MB against the 1024 KB limit: both sizes in KB, and Resize to fit. */
export const RejectedLargeFile: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t, locale } = text;
    const canvas = within(canvasElement);
    const png = makePng(10, 10, { byteLength: 1_677_722 });
    await userEvent.upload(await fileInput(canvasElement, text), new File([png], 'big.png', { type: 'image/png' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.tooManyBytes', {
        size: formatFileSize(1_677_722, locale, 'KB'),
        limit: formatFileSize(1_048_576, locale, 'KB'),
      }),
    );
    await expect(canvas.getByRole('alert')).toHaveTextContent(/1638 KB.*1024 KB/);
    await expect(canvas.getByRole('button', { name: t('avatar.resize') })).toBeVisible();
  },
};

/** The first 40% of a camera JPEG: the header is intact, the rest is missing, so it is refused before upload. */
export const RejectedDamaged: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const whole = await jpegFixture();
    const cut = new File([whole.slice(0, Math.floor(whole.size * 0.4))], 'cut-short.jpg', { type: 'image/jpeg' });
    await userEvent.upload(await fileInput(canvasElement, text), cut);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('avatar.damaged'));
    await expect(canvas.queryByRole('button', { name: t('avatar.resize') })).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

/** One pixel too wide: both sizes, and Resize to fit. */
export const RejectedTooManyPixels: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), pngFile(1201, 10));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.tooManyPixels', { width: '1201', height: '10', maxWidth: '1200', maxHeight: '1200' }),
    );
    await expect(canvas.getByRole('button', { name: t('avatar.resize') })).toBeVisible();
  },
};

/** A BMP named photo.png: refused by its magic bytes, with no offer to resize. */
export const RejectedUnsupportedType: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const bmp = new File([makeBmp(8, 8) as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' });
    await userEvent.upload(await fileInput(canvasElement, text), bmp);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.unsupportedType', { type: 'BMP', types: acceptedTypes(text) }),
    );
    await expect(canvas.queryByRole('button', { name: t('avatar.resize') })).toBeNull();
  },
};

/** Text named photo.png: not an image at all. */
export const RejectedUnreadable: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    const notImage = new File(['This is not an image, just some text.'], 'photo.png', { type: 'image/png' });
    await userEvent.upload(await fileInput(canvasElement, text), notImage);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('avatar.unreadable'));
    await expect(canvas.queryByRole('button', { name: t('avatar.resize') })).toBeNull();
  },
};

/** A 3000 × 2000 camera JPEG: refused, with an offer to resize it. */
export const ResizeOffered: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), await jpegFixture());
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.tooManyPixels', { width: '3000', height: '2000', maxWidth: '1200', maxHeight: '1200' }),
    );
    await expect(canvas.getByRole('button', { name: t('avatar.resize') })).toBeVisible();
  },
};

/** After Resize to fit: a preview of the smaller image, uploaded only when confirmed. */
export const ResizedPreview: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), await jpegFixture());
    await userEvent.click(await canvas.findByRole('button', { name: t('avatar.resize') }));
    const preview = await canvas.findByRole<HTMLImageElement>('img', { name: t('avatar.previewAlt') });
    await waitFor(() => expect(preview.naturalWidth).toBe(1200));
    await expect(preview).toBeVisible();
    await expect(canvas.getByText(text.pattern('avatar.resized', { width: '1200', height: '800' }))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('avatar.uploadResized') })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('avatar.discardResized') })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('');
  },
};

/** The server refuses the upload: the reason, and Retry with the same file. */
export const UploadFails: Story = {
  parameters: { adapter: { fail: { uploadAvatar: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.upload(await fileInput(canvasElement, text), pngFile(30, 30));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      t('avatar.uploadFailed', { reason: t('error.server') }),
    );
    await expect(canvas.getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(canvas.getByRole('img', { name: t('avatar.initialsLabel', { name: NAME }) })).toBeVisible();
  },
};

/** Remove photo asks first, in a modal alert dialog. */
export const RemoveConfirm: Story = {
  parameters: withPhoto,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('avatar.remove') }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('alertdialog', { name: t('avatar.removeTitle') });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(t('avatar.removeDescription'));
    await expect(within(dialog).getByRole('button', { name: t('common.cancel') })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: t('avatar.remove') })).toBeVisible();
  },
};

/** Stricter limits than Label Studio's: the hint names them. */
export const CustomLimits: Story = {
  args: { maxWidth: 256, maxHeight: 256, maxBytes: 100 * 1024 },
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t, locale } = text;
    const canvas = within(canvasElement);
    const hint = t('avatar.hint', {
      types: acceptedTypes(text),
      width: '256',
      height: '256',
      size: formatFileSize(100 * 1024, locale),
    });
    await expect(await canvas.findByText(hint)).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('avatar.upload') })).toHaveAccessibleDescription(hint);
  },
};
