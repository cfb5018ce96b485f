import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import { AccountSettings } from '../../src/components/account-settings';
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

/** Opens the new-token dialog and creates a token; returns the dialog and the secret it shows. */
async function createToken(screen: Awaited<ReturnType<typeof renderPanel>>['screen']) {
  await userEvent.click(screen.getByRole('button', { name: 'Create new token' }));
  const dialog = screen.getByRole('dialog', { name: 'New personal access token' });
  await userEvent.click(dialog.getByRole('button', { name: 'Create token' }));
  const field = dialog.getByRole('textbox', { name: 'Your new token' });
  await expect.element(field).toBeVisible();
  return { dialog, field, secret: (field.element() as HTMLInputElement).value };
}

describe('TokenPanel: focus and the close-before-copy question', () => {
  it('puts focus on the new token, selected, after Create', async () => {
    const { screen } = await renderPanel(createMemoryAdapter());
    const { field, secret } = await createToken(screen);
    await expect.element(field).toHaveFocus();
    const input = field.element() as HTMLInputElement;
    expect(input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)).toBe(secret);
  });

  it('asks before Escape closes a token that was never copied; Back to the token keeps it', async () => {
    const { screen } = await renderPanel(createMemoryAdapter());
    const { dialog, field, secret } = await createToken(screen);
    await userEvent.keyboard('{Escape}');
    const question = screen.getByRole('alertdialog', { name: 'Did you copy it?' });
    await expect.element(question).toHaveAccessibleDescription("It won't be shown again.");
    await expect.element(question.getByRole('button', { name: 'Back to the token' })).toHaveFocus();
    await userEvent.click(question.getByRole('button', { name: 'Back to the token' }));
    await expect.element(question).not.toBeInTheDocument();
    await expect.element(dialog).toBeVisible();
    await expect.element(field).toHaveValue(secret);
    await expect.element(field).toHaveFocus();
  });

  it('asks before Done or a click outside closes it, and Close anyway forgets the token', async () => {
    const { screen } = await renderPanel(createMemoryAdapter());
    const { dialog, secret } = await createToken(screen);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    const question = screen.getByRole('alertdialog', { name: 'Did you copy it?' });
    await expect.element(question).toBeVisible();
    await userEvent.click(question.getByRole('button', { name: 'Back to the token' }));
    await expect.element(question).not.toBeInTheDocument();

    // A click on the page behind the dialog (unstyled here, the overlay has no size to click).
    await userEvent.click(document.documentElement, { position: { x: 4, y: 4 } });
    await expect.element(question).toBeVisible();
    // The token's dialog is still there, behind the question (hidden from assistive technology meanwhile).
    expect(document.querySelector('[role=dialog]')).not.toBeNull();
    await userEvent.click(question.getByRole('button', { name: 'Close anyway' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(question).not.toBeInTheDocument();
    expect(document.documentElement.outerHTML).not.toContain(secret);
    // Focus goes back to the opener, which stays (unavailable now that a token is active).
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).toHaveFocus();
  });

  it('closes at once after Copy, asking nothing', async () => {
    const { screen } = await renderPanel(createMemoryAdapter());
    const { dialog } = await createToken(screen);
    await userEvent.click(dialog.getByRole('button', { name: 'Copy' }));
    await expect.element(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.querySelector('[role=alertdialog]')).toBeNull();
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).toHaveFocus();
  });

  it('closes at once after the token was copied from its field with the keyboard', async () => {
    const { screen } = await renderPanel(createMemoryAdapter());
    const { dialog, field } = await createToken(screen);
    field.element().dispatchEvent(new ClipboardEvent('copy', { bubbles: true, cancelable: true }));
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('moves focus to Create new token after Revoke, not to <body>', async () => {
    const adapter = createMemoryAdapter();
    const { info } = await adapter.createPersonalToken({});
    const { screen } = await renderPanel(adapter);
    await userEvent.click(screen.getByRole('button', { name: `Revoke token ${info.prefix}` }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }));
    await expect.element(screen.getByText('You have no personal access tokens.')).toBeVisible();
    const create = screen.getByRole('button', { name: 'Create new token' });
    await expect.element(create).toHaveFocus();
    expect(document.activeElement).toBe(create.element());
  });

  it('moves focus to the token list after Revoke when the backend offers no Create', async () => {
    const base = createMemoryAdapter({
      seed: { tokenSettings: { personalTokensEnabled: true, legacyTokenEnabled: true, maxActivePersonalTokens: 2 } },
    });
    const { info } = await base.createPersonalToken({});
    await base.createPersonalToken({});
    // A backend that can list and revoke tokens but not create them.
    const { createPersonalToken: _create, ...adapter } = base;
    const { screen } = await renderPanel(adapter as MemoryAdapter);
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: `Revoke token ${info.prefix}` }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }));
    await expect.element(screen.getByText('Token revoked')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Your tokens' });
    await expect.element(list).toHaveFocus();
    expect(document.activeElement).toBe(list.element());
  });
});

describe('Token sections in AccountSettings', () => {
  async function renderSection(section: 'personal-access-token' | 'legacy-token') {
    const screen = await render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <AccountSettings section={section} onSectionChange={() => undefined} />
      </AccountProvider>,
    );
    return screen;
  }

  it('gives the Personal access token section one heading and passes axe', async () => {
    const screen = await renderSection('personal-access-token');
    await expect.element(screen.getByRole('button', { name: 'Create new token' })).toBeVisible();
    const headings = [...document.querySelectorAll('h1, h2, h3')].map((heading) => heading.textContent);
    expect(headings.filter((text) => /personal access token/i.test(text ?? ''))).toEqual(['Personal access token']);
    expect(screen.getByRole('heading', { name: 'Use with the HTTP API', level: 3 })).toBeTruthy();
    expect((await axe.run(document.body)).violations).toEqual([]);
  });

  it('gives the Legacy token section one heading and one region, and passes axe (no landmark-unique)', async () => {
    const screen = await renderSection('legacy-token');
    await expect.element(screen.getByRole('textbox', { name: 'Legacy token' })).toBeVisible();
    const headings = [...document.querySelectorAll('h1, h2, h3')].map((heading) => heading.textContent);
    expect(headings.filter((text) => text === 'Legacy token')).toHaveLength(1);
    expect(document.querySelectorAll('section[aria-labelledby]')).toHaveLength(1);
    const results = await axe.run(document.body, { runOnly: { type: 'rule', values: ['landmark-unique'] } });
    expect(results.violations).toEqual([]);
    expect((await axe.run(document.body)).violations).toEqual([]);
  });
});
