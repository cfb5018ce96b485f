// Drives `npm start -- --memory`'s demo (the memory adapter) in Chromium, as a user would.
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.mjs';
import { makePng } from '../../src/testing/image-fixtures';
import { startDemo, type DemoProcess } from './demo-process';

let demo: DemoProcess;
let browser: Browser;
let url: string;

beforeAll(async () => {
  demo = await startDemo(['--memory']);
  url = demo.url;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

// Each page gets its own browser context, so its localStorage starts empty.
test('profile changes, a photo and an email preference are kept across a reload', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(url);
  const firstName = page.getByRole('textbox', { name: 'First name' });
  await expect.poll(() => firstName.inputValue()).toBe('Heidi');
  await firstName.fill('Hedwig');
  await page.getByRole('form', { name: 'Profile' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Profile saved').waitFor();

  await page.locator('input[type=file]').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(makePng(48, 48)),
  });
  await page.getByText('Photo updated').waitFor();

  await page
    .getByRole('navigation', { name: 'Account settings' })
    .getByRole('button', { name: 'Email preferences' })
    .click();
  const newsletter = page.getByRole('checkbox', { name: 'Subscribe to news and tips' });
  await newsletter.check();
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);

  await page.reload();
  expect(await page.getByRole('checkbox', { name: 'Subscribe to news and tips' }).isChecked()).toBe(true);
  await page.getByRole('navigation', { name: 'Account settings' }).getByRole('button', { name: 'Profile' }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Hedwig');
  await page.getByRole('img', { name: 'Profile photo of Hedwig Opossum' }).waitFor();

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Heidi');
});

test('a failing adapter shows an alert with Retry', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(`${url}?fail=network`);
  // One alert for the section (the photo and the form read the same user), with one Retry.
  const profile = page.getByRole('region', { name: 'Profile' });
  const alert = profile.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('could not be reached');
  expect(await profile.getByRole('button', { name: 'Retry' }).count()).toBe(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await profile.getByText('Loading profile…').waitFor();
  await alert.waitFor();
  expect(await profile.getByRole('alert').count()).toBe(1);
});

test(
  'a changed shortcut runs after Save, survives a reload, and exports in Label Studio format',
  { timeout: 60_000 },
  async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${url}#hotkeys`);
    await page.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Z' }).click();
    await page.keyboard.press('Control+Shift+U');
    await page.getByRole('region', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Shortcuts saved').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+U');
    await page.getByText('Last shortcut used: Undo').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Shortcut for Undo: Ctrl+Shift+U' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hotkeys-export.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      hotkeys: Array<Record<string, unknown>>;
      settings: object;
      exportedAt: string;
      version: string;
    };
    expect(exported.version).toBe('1.0');
    expect(exported.settings).toEqual({});
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false);
    expect(exported.hotkeys).toHaveLength(77);
    expect(exported.hotkeys.find((entry) => entry.element === 'annotation:undo')).toEqual({
      id: '300',
      section: 'annotation',
      element: 'annotation:undo',
      label: 'Undo',
      key: 'ctrl+shift+u',
      description: 'Undo last action',
      active: true,
    });
    await context.close();
  },
);
