// Drives `npm start`'s demo on the reference Label Studio server in Chromium, as a user would,
// then checks through the server's own API and after a restart that every change was kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.mjs';
import { makePng } from '../../src/testing/image-fixtures';
import { startDemo, type DemoProcess } from './demo-process';

let dataDir: string;
let demo: DemoProcess;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ras-demo-'));
  demo = await startDemo(['--data-dir', dataDir]);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let credentials: { email: string; password: string } | undefined;

/** The email and password `npm start` printed when it created the first user (on the first start). */
function printedCredentials() {
  if (credentials) return credentials;
  const email = /Email: +(\S+)/.exec(demo.output())?.[1];
  const password = /Password: +(\S+)/.exec(demo.output())?.[1];
  if (!email || !password) throw new Error(`npm start printed no sign-in:\n${demo.output()}`);
  credentials = { email, password };
  return credentials;
}

/** A request to the server's API from outside the browser, as a script would make it. */
async function api(path: string, authorization: string, init: RequestInit = {}) {
  return fetch(new URL(path, demo.url), {
    ...init,
    headers: { Authorization: authorization, 'Content-Type': 'application/json', ...init.headers },
  });
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Account settings' }).getByRole('button', { name }).click();
}

async function createPersonalToken(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create new token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New personal access token' });
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const field = dialog.getByRole('textbox', { name: 'Your new token' });
  await field.waitFor();
  const secret = await field.inputValue();
  // Read from the field, not copied: closing asks first, since the token won't be shown again.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page
    .getByRole('alertdialog', { name: 'Did you copy it?' })
    .getByRole('button', { name: 'Close anyway' })
    .click();
  await dialog.waitFor({ state: 'detached' });
  return secret;
}

/** How the token list shows a token: the end of its unsigned part. */

test('signing in, then every change made in the page is kept by the server', { timeout: 180_000 }, async () => {
  const { email, password } = printedCredentials();
  expect(email).toBe('heidi@example.com');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);

  // Sign in: a wrong password is explained and keeps the email; the right one opens the page.
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('textbox', { name: 'Email' }).fill(email);
  await signIn.getByLabel('Password', { exact: true }).fill(`${password}-wrong`);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.getByText("The email and password you entered don't match.").waitFor();
  expect(await signIn.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(email);
  await signIn.getByLabel('Password', { exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  // Profile and photo.
  const firstName = page.getByRole('textbox', { name: 'First name' });
  await expect.poll(() => firstName.inputValue()).toBe('Heidi');
  await firstName.fill('Hedwig');
  await page.getByRole('form', { name: 'Profile' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Profile saved').waitFor();
  await page.locator('input[type=file]').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(makePng(64, 48)),
  });
  await page.getByText('Photo updated').waitFor();

  // Personal access tokens: create one, check it works against the API, revoke it, create another.
  await openSection(page, 'Personal access token');
  const revoked = await createPersonalToken(page);
  const exchange = (refresh: string) =>
    fetch(new URL('/api/token/refresh/', demo.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh }),
    });
  expect((await exchange(revoked)).status).toBe(200);
  await page.getByRole('button', { name: /^Revoke token / }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await page.getByText('You have no personal access tokens.').waitFor();
  expect((await exchange(revoked)).status).toBe(401);
  const kept = await createPersonalToken(page);
  // The list shows a piece of the token's own text that tells it apart (taken from its jti).
  const listedPrefix = page.getByRole('list', { name: 'Your tokens' }).locator('code');
  await listedPrefix.waitFor();
  const keptPrefix = ((await listedPrefix.textContent()) ?? '').replaceAll('…', '');
  expect(keptPrefix.length).toBeGreaterThan(4);
  expect(kept).toContain(keptPrefix);

  // Legacy token: renewing it ends the old one.
  await openSection(page, 'Legacy token');
  const legacyField = page.getByRole('textbox', { name: 'Legacy token' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => legacyField.inputValue()).toMatch(/^[0-9a-f]{40}$/);
  const oldLegacy = await legacyField.inputValue();
  await page.getByRole('button', { name: 'Renew' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Renew' }).click();
  await page.getByText('Legacy token renewed').waitFor();
  await expect.poll(() => legacyField.inputValue()).not.toBe(oldLegacy);
  const legacy = await legacyField.inputValue();
  expect((await api('/api/current-user/whoami', `Token ${oldLegacy}`)).status).toBe(401);

  // Hotkeys: record one, import another, save.
  await openSection(page, 'Hotkeys');
  await page.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' }).click();
  await page.keyboard.press('Control+Shift+U');
  await page.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Shift+U' }).waitFor();
  await page.getByRole('button', { name: 'Import' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import shortcuts' });
  await importDialog.getByRole('textbox', { name: 'Hotkeys JSON' }).fill(
    JSON.stringify({
      hotkeys: [
        {
          id: '400',
          section: 'annotation',
          element: 'annotation:redo',
          label: 'Redo',
          key: 'ctrl+alt+y',
          active: true,
        },
      ],
    }),
  );
  await importDialog.getByText('Apply 1 change', { exact: true }).waitFor();
  await importDialog.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Shortcut for Redo: Ctrl+Alt+Y' }).waitFor();
  await page.getByRole('region', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Shortcuts saved').waitFor();

  // The server has it all, as a script with the renewed legacy token sees it.
  const me = (await (await api('/api/current-user/whoami', `Token ${legacy}`)).json()) as Record<string, unknown>;
  expect(me.first_name).toBe('Hedwig');
  expect(me.avatar).toMatch(/\/data\/avatars\/[0-9a-f-]+\.png$/);
  const hotkeys = (await (await api('/api/current-user/hotkeys/', `Token ${legacy}`)).json()) as {
    custom_hotkeys: Record<string, { key: string; active: boolean }>;
  };
  // Stored under `${section}:${element}`, as Label Studio's editor stores them.
  expect(hotkeys.custom_hotkeys).toEqual({
    'annotation:annotation:undo': { key: 'ctrl+shift+u', active: true },
    'annotation:annotation:redo': { key: 'ctrl+alt+y', active: true },
  });

  // After a reload, and after the server restarts on the same data, the page shows every change.
  await page.reload();
  await checkEverythingKept(page, { keptPrefix, legacy });
  await demo.stop();
  demo = await startDemo(['--data-dir', dataDir]);
  expect(demo.output()).not.toContain('Password:');
  // Cookies belong to the host, not the port, so the session carries over to the new port.
  await page.goto(demo.url);
  await checkEverythingKept(page, { keptPrefix, legacy });
  await context.close();
});

async function checkEverythingKept(page: Page, { keptPrefix, legacy }: { keptPrefix: string; legacy: string }) {
  await openSection(page, 'Profile');
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Hedwig');
  const photo = page.getByRole('img', { name: 'Profile photo of Hedwig Opossum' });
  await photo.waitFor();
  // The photo really loads, from the server's file through the demo's origin.
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(64);

  await openSection(page, 'Personal access token');
  const tokens = page.getByRole('list', { name: 'Your tokens' }).getByRole('listitem');
  await expect.poll(() => tokens.count()).toBe(1);
  expect(await tokens.innerText()).toContain(keptPrefix);

  await openSection(page, 'Legacy token');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'Legacy token' }).inputValue()).toBe(legacy);

  await openSection(page, 'Hotkeys');
  await page.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Shift+U' }).waitFor();
  await page.getByRole('button', { name: 'Shortcut for Redo: Ctrl+Alt+Y' }).waitFor();
}

test(
  'the Organization page lists, searches and opens members, and resets the invite link',
  { timeout: 90_000 },
  async () => {
    // The previous test signed in with its own context; sign in again here.
    const { email, password } = printedCredentials();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}#organization`);
    const signIn = page.getByRole('form', { name: 'Sign in' });
    await signIn.getByRole('textbox', { name: 'Email' }).fill(email);
    await signIn.getByLabel('Password', { exact: true }).fill(password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();

    // Heidi and the 42 members npm start seeded.
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByText('Showing 1–30 of 43').waitFor();
    await members.getByRole('button', { name: 'Next page' }).click();
    await members.getByText('Showing 31–43 of 43').waitFor();
    expect(await members.locator('tbody tr').count()).toBe(13);
    await members.getByRole('searchbox', { name: 'Search members' }).fill('member-042');
    await members.getByText('Showing 1–1 of 1').waitFor();
    await members.getByRole('button', { name: 'member-042@example.com' }).press('Enter');
    const details = page.getByRole('dialog', { name: 'Member details' });
    await details.getByRole('link', { name: 'member-042@example.com' }).waitFor();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Invite people' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite people' });
    const field = invite.getByRole('textbox', { name: 'Invite link' });
    await expect.poll(() => field.inputValue()).toMatch(/\/user\/signup\/\?token=/);
    const before = await field.inputValue();
    expect(before.startsWith(demo.url.replace(/\/$/, ''))).toBe(true);
    await invite.getByRole('button', { name: 'Reset link' }).click();
    await page
      .getByRole('alertdialog', { name: 'Reset the invite link?' })
      .getByRole('button', { name: 'Reset link' })
      .click();
    await invite.getByText('The invite link was reset. The old link no longer works.').waitFor();
    expect(await field.inputValue()).not.toBe(before);
    await context.close();
  },
);

test('the demo without a session shows only the sign-in form', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.getByRole('form', { name: 'Sign in' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Account settings' }).count()).toBe(0);
  await context.close();
});
