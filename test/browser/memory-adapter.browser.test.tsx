import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { useAccount } from '../../src/provider/account-context';
import { AccountProvider } from '../../src/provider/account-provider';
import { makeBmp, makePng } from '../../src/testing/image-fixtures';

const storageKey = 'browser-test';

afterEach(() => window.localStorage.removeItem(storageKey));

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load ${url.slice(0, 40)}`));
    image.src = url;
  });
}

describe('memory adapter in Chromium', () => {
  it('keeps data in localStorage across adapters, as across a reload', async () => {
    const first = createMemoryAdapter({ storage: window.localStorage, storageKey });
    await first.updateProfile({ firstName: 'Grace', lastName: 'Hopper' });
    const second = createMemoryAdapter({ storage: window.localStorage, storageKey });
    expect(await second.getCurrentUser()).toMatchObject({ firstName: 'Grace', lastName: 'Hopper' });
  });

  it('keeps no token secret in localStorage or sessionStorage', async () => {
    const adapter = createMemoryAdapter({ storage: window.localStorage, storageKey });
    const { token } = await adapter.createPersonalToken({});
    const legacy = await adapter.getLegacyToken();
    const everything = [window.localStorage, window.sessionStorage]
      .flatMap((storage) => Object.keys(storage).map((key) => storage.getItem(key) ?? ''))
      .join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(legacy.token);
  });

  it('stores an uploaded File as a photo the browser can show at its real size', async () => {
    const adapter = createMemoryAdapter({ storage: window.localStorage, storageKey });
    const file = new File([makePng(64, 48) as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' });
    const user = await adapter.uploadAvatar(file);
    const image = await loadImage(user.avatarUrl!);
    expect([image.naturalWidth, image.naturalHeight]).toEqual([64, 48]);
  });

  it('makes test images that Chromium decodes at the stated size', async () => {
    const png = await createImageBitmap(
      new Blob([makePng(1201, 10) as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    const bmp = await createImageBitmap(new Blob([makeBmp(7, 3) as Uint8Array<ArrayBuffer>], { type: 'image/bmp' }));
    expect([png.width, png.height, bmp.width, bmp.height]).toEqual([1201, 10, 7, 3]);
  });

  it('refuses a real File of 1201 × 10 px', async () => {
    const adapter = createMemoryAdapter();
    const file = new File([makePng(1201, 10) as Uint8Array<ArrayBuffer>], 'wide.png', { type: 'image/png' });
    await expect(adapter.uploadAvatar(file)).rejects.toMatchObject({
      code: 'validation',
      message: 'This image is 1201 × 10 px. The largest allowed is 1200 × 1200 px.',
    });
  });
});

describe('AccountProvider in Chromium', () => {
  function Platform() {
    return <p>Platform: {useAccount().platform}</p>;
  }

  it('detects the platform from the real navigator', async () => {
    const expected = /mac/i.test(navigator.platform) ? 'mac' : 'other';
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()}>
        <Platform />
      </AccountProvider>,
    );
    await expect.element(screen.getByText(`Platform: ${expected}`)).toBeVisible();
  });
});
