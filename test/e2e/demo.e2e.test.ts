// Drives `npm start`'s demo in Chromium, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.ts';

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
test('a changed first name is kept across a reload', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByText('Heidi Opossum').waitFor();
  await page.getByLabel('First name').fill('Hedwig');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Saved').waitFor();

  await page.reload();
  await page.getByText('Hedwig Opossum').waitFor();
  expect(await page.getByLabel('First name').inputValue()).toBe('Hedwig');

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByText('Heidi Opossum').waitFor();
});

test('a failing adapter shows an alert with Retry', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(`${url}?fail=network`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('could not be reached');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.getByText('Loading…').waitFor();
  await alert.waitFor();
});
