// Issue 18's end-to-end path on `npm start`'s demo and the reference Label Studio server, with two
// people in two browser contexts: the owner invites, a new person signs up through the link and
// lands signed in, the owner removes them, and their next request is refused. Then, with sign-up
// restricted to invitation links, the bare sign-up page refuses and says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.mjs';
import { startDemo, type DemoProcess } from './demo-process';

let browser: Browser;
const started: { demo: DemoProcess; dataDir: string }[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const { demo, dataDir } of started) {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function demoWith(env: Record<string, string> = {}): Promise<DemoProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ras-invite-'));
  const demo = await startDemo(['--data-dir', dataDir], env);
  started.push({ demo, dataDir });
  return demo;
}

/** The email and password `npm start` printed when it created the first user. */
function printedCredentials(demo: DemoProcess) {
  const email = /Email: +(\S+)/.exec(demo.output())?.[1];
  const password = /Password: +(\S+)/.exec(demo.output())?.[1];
  if (!email || !password) throw new Error(`npm start printed no sign-in:\n${demo.output()}`);
  return { email, password };
}

async function signIn(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** What the API answers this page's session for the signed-in user. */
function whoamiStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/current-user/whoami', { credentials: 'same-origin' })).status);
}

test(
  'an invited person signs up through the link and lands signed in; once removed, their next request is refused',
  { timeout: 180_000 },
  async () => {
    const demo = await demoWith();
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await ownerPage.goto(`${demo.url}#organization`);
    const { email, password } = printedCredentials(demo);
    await signIn(ownerPage, email, password);

    // The owner copies the invite link.
    await ownerPage.getByRole('button', { name: 'Invite people' }).click();
    const invite = ownerPage.getByRole('dialog', { name: 'Invite people' });
    const field = invite.getByRole('textbox', { name: 'Invite link' });
    await expect.poll(() => field.inputValue()).toMatch(/\/user\/signup\/\?token=/);
    const link = await field.inputValue();
    await ownerPage.keyboard.press('Escape');

    // A new person opens it in their own browser and signs up.
    const newcomer = await browser.newContext();
    const newcomerPage = await newcomer.newPage();
    await newcomerPage.goto(link);
    const signUp = newcomerPage.getByRole('form', { name: 'Create an account' });
    await newcomerPage.getByText(/^You're joining .+\.$/).waitFor();
    await signUp.getByRole('textbox', { name: 'Email' }).fill('Grace.Newcomer@example.com');
    await signUp.getByLabel('Password', { exact: true }).fill('short');
    await signUp.getByRole('button', { name: 'Create account' }).click();
    await signUp.getByText(/5 characters/).waitFor();
    expect(await signUp.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('Grace.Newcomer@example.com');
    await signUp.getByLabel('Password', { exact: true }).fill('a long enough password');
    await signUp.getByRole('button', { name: 'Create account' }).click();

    // Signed in, on the settings page, as themselves.
    const menu = newcomerPage.getByRole('navigation', { name: 'Account settings' });
    await menu.waitFor();
    await newcomerPage.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(newcomerPage.url()).pathname).toBe('/');
    expect(await whoamiStatus(newcomerPage)).toBe(200);
    const me = await newcomerPage.evaluate(async () => (await fetch('/api/current-user/whoami')).json());
    expect(me.email).toBe('grace.newcomer@example.com');

    // The owner sees them among the members and removes them.
    await ownerPage.reload();
    const members = ownerPage.getByRole('region', { name: 'Members' });
    await members.getByRole('searchbox', { name: 'Search members' }).fill('grace.newcomer');
    await members.getByText('Showing 1–1 of 1').waitFor();
    await members.getByRole('button', { name: 'grace.newcomer@example.com' }).click();
    const details = ownerPage.getByRole('dialog', { name: 'Member details' });
    await details.getByRole('button', { name: 'Remove from organization' }).click();
    const confirm = ownerPage.getByRole('alertdialog', { name: /^Remove grace\.newcomer@example\.com/ });
    await confirm.getByText('They lose access at once.').waitFor();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await ownerPage.getByText('Removed grace.newcomer@example.com').waitFor();
    await members.getByRole('button', { name: 'grace.newcomer@example.com' }).waitFor({ state: 'detached' });
    expect(await members.locator('tbody').getByText('grace.newcomer@example.com').count()).toBe(0);

    // Their next request is refused.
    expect(await whoamiStatus(newcomerPage)).not.toBe(200);
    await newcomerPage.reload();
    await newcomerPage.getByRole('form', { name: 'Sign in' }).waitFor();

    await owner.close();
    await newcomer.close();
  },
);

test(
  'with sign-up restricted to invitation links, the bare sign-up page refuses and says why',
  { timeout: 120_000 },
  async () => {
    const demo = await demoWith({ LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK: 'true' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('/user/signup/', demo.url).href);
    await page.getByText('Sign-up needs an invitation link.', { exact: false }).waitFor();
    expect(await page.getByRole('form', { name: 'Create an account' }).count()).toBe(0);
    // A stale link says so too.
    await page.goto(new URL('/user/signup/?token=not-the-token', demo.url).href);
    await page.getByText('This invitation link is no longer valid.', { exact: false }).waitFor();
    await context.close();
  },
);
