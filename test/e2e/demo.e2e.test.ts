// Drives `npm start`'s demo in Chromium, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.ts';
import { makePng } from '../../src/testing/image-fixtures';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let server: ChildProcess;
let browser: Browser;
let url: string;

/** Starts the demo as `npm start` does and resolves to the address it prints. */
function startDemo(): Promise<string> {
  // Port 0: the system picks a free port, so the test never collides with a running demo.
  server = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Demo running at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`The demo server exited with code ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  url = await startDemo();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server?.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

// Each page gets its own browser context, so its localStorage starts empty.
test('profile changes, a photo and an email preference are kept across a reload', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(url);
  const firstName = page.getByRole('textbox', { name: 'First name' });
  await expect.poll(() => firstName.inputValue()).toBe('Heidi');
  await firstName.fill('Hedwig');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Profile saved').waitFor();

  await page.locator('input[type=file]').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(makePng(48, 48)),
  });
  await page.getByText('Photo updated').waitFor();

  const newsletter = page.getByRole('checkbox', { name: 'Subscribe to news and tips' });
  await newsletter.check();
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);

  await page.reload();
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Hedwig');
  await page.getByRole('img', { name: 'Profile photo of Hedwig Opossum' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Subscribe to news and tips' }).isChecked()).toBe(true);

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Heidi');
});

test('a failing adapter shows an alert with Retry', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(`${url}?fail=network`);
  const profile = page.getByRole('form', { name: 'Profile' });
  const alert = profile.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('could not be reached');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await profile.getByText('Loading profile…').waitFor();
  await alert.waitFor();
});
