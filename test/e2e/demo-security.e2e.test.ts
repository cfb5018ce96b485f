// `npm start`'s dev server under attack: it never serves the data directory or a database file,
// sends no CORS headers, and a page on another localhost port can't forge a write with the
// signed-in user's cookie. The data directory is put where only the deny rules protect it: inside
// src/, which the dev server must serve.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.mjs';
import { startDemo, type DemoProcess } from './demo-process';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const evilOrigin = 'http://127.0.0.1:6666';

let dataDir: string;
let demo: DemoProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(repoRoot, 'src', '.e2e-data-'));
  demo = await startDemo(['--data-dir', dataDir]);
  base = demo.url.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function credentials() {
  const email = /Email: +(\S+)/.exec(demo.output())?.[1];
  const password = /Password: +(\S+)/.exec(demo.output())?.[1];
  if (!email || !password) throw new Error(`npm start printed no sign-in:\n${demo.output()}`);
  return { email, password };
}

test('the dev server refuses the database, the secret keys and the data directory', async () => {
  const secrets = readFileSync(join(dataDir, 'secret-keys.json'), 'utf8');
  const signingKey = JSON.parse(secrets).jwt_signing_key as string;
  const paths = [
    `/@fs${dataDir}/label-studio.sqlite3`,
    `/@fs${dataDir}/label-studio.sqlite3?raw`,
    `/@fs${dataDir}/label-studio.sqlite3?import&raw`,
    `/@fs${dataDir}/label-studio.sqlite3?url`,
    `/@fs${dataDir}/label-studio.sqlite3?inline`,
    `/@fs${dataDir}/label-studio.sqlite3-wal`,
    `/@fs${dataDir}/secret-keys.json`,
    `/@fs${dataDir}/secret-keys.json?import`,
    // Anything outside what the demo needs.
    `/@fs${repoRoot}/package.json`,
  ];
  for (const path of paths) {
    const response = await fetch(`${base}${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.status, path).toBe(403);
    expect(body.includes(Buffer.from('SQLite format 3')), path).toBe(false);
    expect(body.includes(Buffer.from(signingKey)), path).toBe(false);
  }
  // Directories get the page's fallback, no listing.
  for (const path of [`/@fs${dataDir}/`, `/@fs${dataDir}/avatars/`]) {
    const listing = await (await fetch(`${base}${path}`)).text();
    expect(listing).not.toContain('label-studio.sqlite3');
    expect(listing).not.toContain('secret-keys');
  }
  // What the demo needs is still served.
  expect((await fetch(`${base}/@fs${repoRoot}/src/index.ts`)).status).toBe(200);
});

test('the dev server and its proxy send no CORS headers', async () => {
  const requests: Array<[string, RequestInit]> = [
    ['/', {}],
    ['/api/health', {}],
    ['/api/current-user/whoami', {}],
    [`/@fs${repoRoot}/src/index.ts`, {}],
    ['/api/current-user/reset-token/', { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST' } }],
  ];
  for (const [path, init] of requests) {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { Origin: evilOrigin, ...(init.headers as Record<string, string>) },
    });
    const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    expect(cors, path).toEqual([]);
  }
});

test('a page on another localhost port cannot reset the legacy token with a forged form', async () => {
  const { email, password } = credentials();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('textbox', { name: 'Email' }).fill(email);
  await signIn.getByLabel('Password', { exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Account settings' }).waitFor();
  const tokenNow = () =>
    page.evaluate(async () => (await (await fetch('/api/current-user/token')).json()) as { token: string });
  const before = await tokenNow();

  // The attacker's page: a text/plain form that submits itself, and a no-cors fetch with cookies.
  const attacker: Server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><form method="POST" enctype="text/plain" action="${base}/api/current-user/reset-token/">
      <input name="x" value="1"></form>
      <script>
        fetch('${base}/api/invite/reset-token', { method: 'POST', mode: 'no-cors', credentials: 'include' })
          .finally(() => document.forms[0].submit());
      </script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const { port } = attacker.address() as { port: number };
  try {
    const inviteBefore = await page.evaluate(async () => (await fetch('/api/invite')).json());
    const attack = await context.newPage();
    const refused = attack.waitForResponse((response) => response.url().endsWith('/api/current-user/reset-token/'));
    await attack.goto(`http://127.0.0.1:${port}/`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^CSRF Failed: Origin checking failed/);
    await attack.close();
    expect(await tokenNow()).toEqual(before);
    expect(await page.evaluate(async () => (await fetch('/api/invite')).json())).toEqual(inviteBefore);
  } finally {
    attacker.close();
  }
  // The page itself still writes: renewing through the adapter works.
  await page
    .getByRole('navigation', { name: 'Account settings' })
    .getByRole('button', { name: 'Legacy token' })
    .click();
  await page.getByRole('button', { name: 'Renew' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Renew' }).click();
  await page.getByText('Legacy token renewed').waitFor();
  expect(await tokenNow()).not.toEqual(before);
  await context.close();
});

test('the sign-in form shows how long to wait after too many attempts', async () => {
  const email = 'nobody-here@example.com';
  // A script guessing passwords: after 10 failures the account waits, known or not.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const response = await fetch(`${base}/api/session/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: `guess-${attempt}` }),
    });
    expect(response.status).toBe(401);
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('textbox', { name: 'Email' }).fill(email);
  await signIn.getByLabel('Password', { exact: true }).fill('one more guess');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.getByText(/^Too many attempts\. Try again in \d+ seconds?\.$/).waitFor();
  // The button stays where it is, held back until the wait is over.
  expect(await signIn.getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled')).toBe('true');
  await context.close();
});
