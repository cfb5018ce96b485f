import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, DEFAULT_SEED_PASSWORD } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { AccountSettings, type AccountSettingsGuard } from '../../src/components/account-settings';
import { SignInForm } from '../../src/components/sign-in-form';
import { TokenSettingsForm } from '../../src/components/token-settings-form';
import { useCurrentUser } from '../../src/hooks/use-current-user';
import { AccountProvider } from '../../src/provider/account-provider';
import { makePng } from '../../src/testing/image-fixtures';

/** The memory adapter, counting reads of the user and failing them while `offline` is set. */
function flakyAdapter() {
  const base = createMemoryAdapter();
  const state = { offline: false, userReads: 0 };
  const adapter: AccountAdapter = {
    ...base,
    getCurrentUser: (options) => {
      state.userReads += 1;
      return state.offline ? Promise.reject(new AccountError('network', undefined)) : base.getCurrentUser(options);
    },
  };
  return { adapter, state };
}

function renderPage(adapter: AccountAdapter, props: Parameters<typeof AccountSettings>[0] = {}) {
  return render(
    <AccountProvider adapter={adapter} platform="other">
      <AccountSettings {...props} />
    </AccountProvider>,
  );
}

function beforeUnloadIsStopped(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('AccountSettings: one read, one alert', () => {
  it('reads the user once for the photo and the profile form together', async () => {
    const { adapter, state } = flakyAdapter();
    const screen = await renderPage(adapter);
    await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    await expect.element(screen.getByRole('img', { name: 'Heidi Opossum, no photo' })).toBeVisible();
    expect(state.userReads).toBe(1);
  });

  it('shows one alert with one Retry when the user cannot be read, and the section after Retry', async () => {
    const { adapter, state } = flakyAdapter();
    state.offline = true;
    const screen = await renderPage(adapter);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server could not be reached');
    expect(screen.container.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Retry' }).elements()).toHaveLength(1);
    state.offline = false;
    await screen.getByRole('button', { name: 'Retry' }).click();
    await expect.element(screen.getByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toBeVisible();
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps both token sections in the menu when the token settings fail, each showing the error', async () => {
    const base = createMemoryAdapter();
    const adapter: AccountAdapter = {
      ...base,
      getTokenSettings: () => Promise.reject(new AccountError('server', undefined, { status: 500 })),
    };
    const screen = await renderPage(adapter);
    const nav = screen.getByRole('navigation');
    await expect.element(nav.getByRole('button', { name: 'Personal access token' })).toBeVisible();
    await expect.element(nav.getByRole('button', { name: 'Legacy token' })).toBeVisible();
    await nav.getByRole('button', { name: 'Legacy token' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server had a problem');
    await expect.element(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});

describe('AccountSettings: leaving with unsaved changes', () => {
  it('reports its dirty state, and the browser asks before unloading only while something is unsaved', async () => {
    const onDirtyChange = vi.fn();
    const screen = await renderPage(createMemoryAdapter(), { onDirtyChange });
    const firstName = screen.getByRole('textbox', { name: 'First name' });
    await expect.element(firstName).toHaveValue('Heidi');
    expect(beforeUnloadIsStopped()).toBe(false);
    await firstName.fill('Hedy');
    await expect.poll(() => onDirtyChange.mock.calls.at(-1)).toEqual([true]);
    expect(beforeUnloadIsStopped()).toBe(true);
    await firstName.fill('Heidi');
    await expect.poll(() => onDirtyChange.mock.calls.at(-1)).toEqual([false]);
    expect(beforeUnloadIsStopped()).toBe(false);
  });

  it("lets the host's router ask before leaving: at once when clean; Stay keeps the edit, Leave resolves true", async () => {
    const guard = createRef<AccountSettingsGuard>();
    const screen = await renderPage(createMemoryAdapter(), { guardRef: guard });
    const firstName = screen.getByRole('textbox', { name: 'First name' });
    await expect.element(firstName).toHaveValue('Heidi');
    await expect(guard.current!.requestLeave()).resolves.toBe(true);
    expect(screen.container.ownerDocument.querySelector('[role="alertdialog"]')).toBeNull();

    await firstName.fill('Hedy');
    await expect.poll(() => guard.current!.isDirty()).toBe(true);
    const stay = guard.current!.requestLeave();
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect.element(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await expect(stay).resolves.toBe(false);
    await expect.element(firstName).toHaveValue('Hedy');

    const leave = guard.current!.requestLeave();
    await screen.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
    await expect(leave).resolves.toBe(true);
  });

  it('asks before a section switch would stop an upload under way, and Stay lets it finish', async () => {
    const base = createMemoryAdapter();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const adapter: AccountAdapter = {
      ...base,
      uploadAvatar: async (file, options) => {
        await held;
        return base.uploadAvatar(file, options);
      },
    };
    const screen = await renderPage(adapter);
    await expect.element(screen.getByRole('button', { name: 'Upload photo' })).toBeVisible();
    const input = screen.container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(
      input,
      new File([makePng(64, 48) as Uint8Array<ArrayBuffer>], 'me.png', { type: 'image/png' }),
    );
    await expect.element(screen.getByRole('button', { name: 'Cancel upload' })).toBeVisible();
    await screen.getByRole('navigation').getByRole('button', { name: 'Hotkeys' }).click();
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect.element(dialog).toHaveTextContent('an upload in progress stops');
    await dialog.getByRole('button', { name: 'Stay' }).click();
    release();
    await expect.element(screen.getByRole('status').filter({ hasText: 'Photo updated' })).toBeVisible();
    expect((await base.getCurrentUser()).avatarUrl).toMatch(/^data:image\/png/);
  });
});

describe('AccountSettings follows the shared reads', () => {
  it('hides the legacy token section as soon as the token settings are saved elsewhere on the page', async () => {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <TokenSettingsForm />
        <AccountSettings />
      </AccountProvider>,
    );
    const nav = screen.getByRole('navigation');
    await expect.element(nav.getByRole('button', { name: 'Legacy token' })).toBeVisible();
    await userEvent.click(screen.getByRole('switch', { name: /^Legacy tokens/ }));
    // The form comes first on the page; the profile form below has its own Save.
    await userEvent.click(screen.getByRole('button', { name: 'Save', exact: true }).first());
    await expect.element(nav.getByRole('button', { name: 'Legacy token' })).not.toBeInTheDocument();
  });

  it('shows who signed in everywhere on the page at once, without reading the user again', async () => {
    const { adapter, state } = flakyAdapter();
    await adapter.signOut!();
    const screen = await render(
      <AccountProvider adapter={adapter} platform="other">
        <SignedInName />
        <SignInForm />
      </AccountProvider>,
    );
    await expect.element(screen.getByText('Signed out')).toBeVisible();
    const reads = state.userReads;
    await screen.getByRole('textbox', { name: 'Email' }).fill('heidi@example.com');
    await screen.getByLabelText('Password', { exact: true }).fill(DEFAULT_SEED_PASSWORD);
    await screen.getByRole('button', { name: 'Sign in' }).click();
    await expect.element(screen.getByText('Signed in as heidi@example.com')).toBeVisible();
    expect(state.userReads).toBe(reads);
  });
});

/** A host's header: who is signed in, from the shared read. */
function SignedInName() {
  const user = useCurrentUser();
  return <p>{user.status === 'success' ? `Signed in as ${user.data.email}` : 'Signed out'}</p>;
}
