import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import { TokenPanel } from '../../src/components/token-panel';
import { AccountProvider } from '../../src/provider/account-provider';

// Everything written to the console during a test, to prove no secret is ever logged.
const consoleText: string[] = [];
beforeEach(() => {
  consoleText.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    // eslint-disable-next-line no-console -- recorded, not written
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleText.push(
        args.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg)))).join(' '),
      );
      original(...args);
    });
  }
});
afterEach(() => vi.restoreAllMocks());

async function renderPanel(
  adapter: MemoryAdapter = createMemoryAdapter({ storage: window.localStorage, storageKey: 'tokens-test' }),
) {
  const screen = await render(
    <AccountProvider adapter={adapter}>
      <TokenPanel />
    </AccountProvider>,
  );
  await expect.element(screen.getByRole('heading', { name: 'Personal access tokens' })).toBeVisible();
  return { screen, adapter };
}

describe('TokenPanel in Chromium', () => {
  it('shows a new token once, copies it to the clipboard, and forgets it when the dialog closes', async () => {
    const { screen, adapter } = await renderPanel();
    const createSpy = vi.spyOn(adapter, 'createPersonalToken');
    await userEvent.click(screen.getByRole('button', { name: 'Create new token' }));
    const dialog = screen.getByRole('dialog', { name: 'New personal access token' });
    await userEvent.click(dialog.getByRole('button', { name: 'Create token' }));
    const field = dialog.getByRole('textbox', { name: 'Your new token' });
    await expect.element(field).toBeVisible();
    const secret = (field.element() as HTMLInputElement).value;
    expect(secret).toBe((await createSpy.mock.results[0]!.value).token);
    await expect.element(dialog.getByText('This token never expires.')).toBeVisible();

    await userEvent.click(dialog.getByRole('button', { name: 'Copy' }));
    await expect.element(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(secret);

    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByRole('list', { name: 'Your tokens' })).toHaveTextContent(secret.slice(0, 12));

    expect(document.documentElement.outerHTML).not.toContain(secret);
    const everyAttribute = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].map((attribute) => attribute.value),
    );
    expect(everyAttribute.some((value) => value.includes(secret))).toBe(false);
    const everyValue = [...document.querySelectorAll('input, textarea')].map(
      (element) => (element as HTMLInputElement).value,
    );
    expect(everyValue.some((value) => value.includes(secret))).toBe(false);
    const stored = [window.localStorage, window.sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`),
    );
    expect(stored.some((entry) => entry.includes(secret))).toBe(false);
    expect(consoleText.some((line) => line.includes(secret))).toBe(false);
    window.localStorage.removeItem('tokens-test');
  });

  it('keeps Create unavailable while a token is active and says why', async () => {
    const adapter = createMemoryAdapter();
    await adapter.createPersonalToken({});
    const { screen } = await renderPanel(adapter);
    const create = screen.getByRole('button', { name: 'Create new token' });
    await expect.element(create).toHaveAttribute('aria-disabled', 'true');
    await expect
      .element(create)
      .toHaveAccessibleDescription('You can only have one active token. Revoke it to create a new one.');
    // Playwright won't click an aria-disabled button; a user still can, and nothing must happen.
    (create.element() as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.querySelector('[role=dialog]')).toBeNull();
  });

  it('explains a conflict from the adapter', async () => {
    const { screen } = await renderPanel(createMemoryAdapter({ fail: { createPersonalToken: 'conflict' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Create new token' }));
    const dialog = screen.getByRole('dialog', { name: 'New personal access token' });
    await userEvent.click(dialog.getByRole('button', { name: 'Create token' }));
    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('You already have an active token, so a new one was not created. Revoke it first.');
  });

  it('revokes a token only after confirming', async () => {
    const adapter = createMemoryAdapter();
    const { info } = await adapter.createPersonalToken({});
    const { screen } = await renderPanel(adapter);
    await userEvent.click(screen.getByRole('button', { name: `Revoke token ${info.prefix}` }));
    const dialog = screen.getByRole('alertdialog', { name: `Revoke token ${info.prefix}?` });
    await expect.element(dialog).toHaveTextContent('Any script or app using this token will stop working at once.');
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(await adapter.listPersonalTokens()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: `Revoke token ${info.prefix}` }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }));
    await expect.element(screen.getByText('You have no personal access tokens.')).toBeVisible();
    expect(await adapter.listPersonalTokens()).toEqual([]);
    await expect
      .element(screen.getByRole('button', { name: 'Create new token' }))
      .toHaveAttribute('aria-disabled', 'false');
  });

  it('masks the legacy token, shows it on request, and renews only after confirming (Cancel keeps it)', async () => {
    const { screen, adapter } = await renderPanel(createMemoryAdapter());
    const { token } = await adapter.getLegacyToken();
    const field = screen.getByRole('textbox', { name: 'Legacy token' });
    await expect.element(field).toBeVisible();
    expect((field.element() as HTMLInputElement).value).not.toContain(token);
    expect(document.documentElement.outerHTML).not.toContain(token);

    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await expect.element(field).toHaveValue(token);
    await userEvent.click(screen.getByRole('button', { name: 'Renew' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Renew legacy token?' });
    await expect
      .element(dialog)
      .toHaveTextContent('Scripts using the current token will stop working until you update them.');
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await expect.element(field).toHaveValue(token);
    expect((await adapter.getLegacyToken()).token).toBe(token);

    await userEvent.click(screen.getByRole('button', { name: 'Renew' }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Renew' }));
    await expect.element(screen.getByText('Legacy token renewed')).toBeVisible();
    const renewed = (await adapter.getLegacyToken()).token;
    expect(renewed).not.toBe(token);
    await expect.element(field).toHaveValue(renewed);
  });

  it('says when the organization turned a section off', async () => {
    const adapter = createMemoryAdapter({
      seed: { tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: false, maxActivePersonalTokens: 1 } },
    });
    const { screen } = await renderPanel(adapter);
    await expect.element(screen.getByText('Your organization has turned off personal access tokens.')).toBeVisible();
    await expect.element(screen.getByText('Your organization has turned off legacy tokens.')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).not.toBeInTheDocument();
  });
});
