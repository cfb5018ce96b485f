// @vitest-environment node
// Real host apps, built from the packed tarball as a user's app would install it: a Next.js App
// Router app (Server Component page, client provider) and a Vite app on React 18.3. Their sources
// are in test/consumers/; each run installs them afresh in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tooling/chromium.mjs';
import { packPackage, removePackedPackage, repoRoot } from '../support/pack-package';

const workDir = mkdtempSync(join(tmpdir(), 'ras-consumers-'));
const nextApp = join(workDir, 'next-app');
const viteApp = join(workDir, 'vite-react18');

/** The environment of a host's own shell: none of Vitest's variables, and no telemetry. */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'TEST') delete env[name];
  if (!extra.NODE_ENV) delete env.NODE_ENV;
  return env;
}

/** Runs a command to its end; resolves with its exit code and everything it printed. */
function run(command: string, args: string[], cwd: string, env = hostEnv()): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs a command that must succeed, and fails with its output when it does not. */
async function mustRun(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const { code, output } = await run(command, args, cwd, env);
  if (code !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` exited with ${code}:\n${output}`);
  return output;
}

/** Copies an app's sources (test/consumers/<name>) into the work folder and installs it with the tarball. */
async function install(name: string, tarball: string): Promise<void> {
  const target = join(workDir, name);
  cpSync(join(repoRoot, 'test/consumers', name), target, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|\.next|dist)$/.test(source),
  });
  await mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], target);
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Waits until `url` answers 200, or fails once `child` exits or a minute has passed. */
async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No answer from ${url} within a minute:\n${output()}`);
}

/** Serves a built app's folder on 127.0.0.1, as any static host would. */
async function serveStatic(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** Every console error and warning, and every uncaught error, that a page shows from now on. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // The location names the address a "Failed to load resource" line is about.
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // A console "Failed to load resource" line doesn't say which: this names the address.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

let browser: Browser;

beforeAll(async () => {
  const tarball = packPackage();
  // Both installs at once: they mostly wait on the registry and the disk.
  await Promise.all([install('next-app', tarball), install('vite-react18', tarball)]);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A running `next start` or `next dev` of the Next.js app, on a free port of 127.0.0.1. */
interface NextServer {
  url: string;
  stop: () => Promise<void>;
}

async function startNext(command: 'start' | 'dev'): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child = spawn(join(nextApp, 'node_modules/.bin/next'), [command, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: nextApp,
    env: hostEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops every process it started.
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  try {
    await waitForServer(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Opens the page, waits for the profile, switches sections and ticks a box; returns what the console said. */
async function operateNextPage(url: string): Promise<string[]> {
  const page = await browser.newPage();
  const problems = collectProblems(page);
  await page.goto(url);
  await expect.poll(() => page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Heidi');

  const menu = page.getByRole('navigation', { name: 'Account settings' });
  await menu.getByRole('button', { name: 'Email preferences' }).click();
  await page.getByRole('heading', { level: 2, name: 'Email preferences' }).waitFor();
  await page.getByRole('checkbox', { name: 'Subscribe to news and tips' }).check();
  await menu.getByRole('button', { name: 'Personal access token' }).click();
  await page.getByRole('heading', { level: 2, name: 'Personal access token' }).waitFor();
  await page.close();
  return problems;
}

describe('a Next.js App Router app whose Server Component page imports AccountSettings', () => {
  let production: NextServer | undefined;

  afterAll(async () => {
    await production?.stop();
  });

  it('is the README’s Next.js recipe, file for file', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const recipe = readme.slice(readme.indexOf('### Next.js (App Router)'));
    for (const file of ['app/providers.tsx', 'app/layout.tsx', 'app/page.tsx']) {
      const heading = `**\`${file}\`**`;
      const start = recipe.indexOf('```tsx\n', recipe.indexOf(heading)) + '```tsx\n'.length;
      const snippet = recipe.slice(start, recipe.indexOf('```', start));
      expect(recipe.includes(heading) && snippet, file).toBe(
        readFileSync(join(repoRoot, 'test/consumers/next-app', file), 'utf8'),
      );
    }
  });

  it('passes `next build`', async () => {
    const { version } = JSON.parse(readFileSync(join(nextApp, 'node_modules/next/package.json'), 'utf8')) as {
      version: string;
    };
    expect(version).toMatch(/^16\./);
    await mustRun(join(nextApp, 'node_modules/.bin/next'), ['build'], nextApp);
  }, 600_000);

  it('serves the page in its server-rendered HTML (`next start`)', async () => {
    expect(existsSync(join(nextApp, '.next/BUILD_ID')), 'next build did not finish').toBe(true);
    production = await startNext('start');
    const html = await (await fetch(production.url)).text();
    // The section menu, with its items, and the open section's heading and description.
    expect(html).toMatch(/<nav[^>]* aria-label="Account settings"[^>]*>(?:(?!<\/nav>)[\s\S])*>Hotkeys</);
    expect(html).toMatch(/<h2[^>]*>Profile<\/h2>/);
    expect(html).toContain('Your photo, name and contact details.');
  }, 120_000);

  it('hydrates in Chromium without a warning or an error, and the page works', async () => {
    expect(production, 'next start did not come up').toBeDefined();
    expect(await operateNextPage(production!.url)).toEqual([]);
  }, 120_000);

  it('gives each section its own URL through the menu’s links and Next’s router (the README’s router example)', async () => {
    expect(production, 'next start did not come up').toBeDefined();
    const page = await browser.newPage();
    const problems = collectProblems(page);
    await page.goto(`${production!.url}/account/hotkeys`);
    await page.getByRole('heading', { level: 2, name: 'Hotkeys' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Account settings' });
    await expect.poll(() => menu.getByRole('link', { name: 'Hotkeys' }).getAttribute('aria-current')).toBe('page');
    await menu.getByRole('link', { name: 'Email preferences' }).click();
    await page.waitForURL(/\/account\/email-preferences$/);
    await page.getByRole('heading', { level: 2, name: 'Email preferences' }).waitFor();
    await page.goBack();
    await page.waitForURL(/\/account\/hotkeys$/);
    await page.getByRole('heading', { level: 2, name: 'Hotkeys' }).waitFor();
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('hydrates without a warning in development too (`next dev`, which also reports attribute mismatches)', async () => {
    await production?.stop();
    const development = await startNext('dev');
    try {
      expect(await operateNextPage(development.url)).toEqual([]);
    } finally {
      await development.stop();
    }
  }, 180_000);
});

describe('a Vite app on React 18.3 that renders AccountSettings', () => {
  let server: Server | undefined;

  afterAll(async () => {
    server?.close();
  });

  it('runs on its own React 18.3.1, with no second copy of React', () => {
    const versionOf = (path: string) =>
      (JSON.parse(readFileSync(join(viteApp, 'node_modules', path, 'package.json'), 'utf8')) as { version: string })
        .version;
    expect([versionOf('react'), versionOf('react-dom')]).toEqual(['18.3.1', '18.3.1']);
    expect(existsSync(join(viteApp, 'node_modules/react-account-settings/node_modules/react'))).toBe(false);
  });

  it('type-checks against @types/react 18', async () => {
    await mustRun(join(viteApp, 'node_modules/.bin/tsc'), ['-p', '.'], viteApp);
  }, 300_000);

  it('builds (`vite build`)', async () => {
    // React's development build, which is the one that warns (about refs, keys, props, …).
    await mustRun(
      join(viteApp, 'node_modules/.bin/vite'),
      ['build', '--logLevel', 'warn'],
      viteApp,
      hostEnv({ NODE_ENV: 'development' }),
    );
  }, 300_000);

  it('operates in Chromium, each ref is its component’s root element, and React warns about nothing', async () => {
    expect(existsSync(join(viteApp, 'dist/index.html')), 'vite build did not finish').toBe(true);
    server = await serveStatic(join(viteApp, 'dist'));
    const page = await browser.newPage();
    const problems = collectProblems(page);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.getByText('React 18.3.1').waitFor();

    const main = page.getByRole('main');
    await expect.poll(() => main.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Heidi');
    const menu = main.getByRole('navigation', { name: 'Account settings' });
    await menu.getByRole('button', { name: 'Personal access token' }).click();
    await main.getByRole('heading', { level: 2, name: 'Personal access token' }).waitFor();

    const create = main.getByRole('button', { name: 'Create new token' });
    await create.click();
    const dialog = page.getByRole('dialog', { name: 'New personal access token' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => create.evaluate((button) => button === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Check refs' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Refs' }).getByRole('listitem').allTextContents())
      .toEqual([
        'AccountSettings: <div>, the root',
        'ProfileForm: <form>, the root',
        'AvatarUploader: <section>, the root',
        'EmailPreferences: <fieldset>, the root',
        'HotkeyRecorder: <span>, the root',
        'HotkeyEditor: <section>, the root',
        'TokenPanel: <div>, the root',
        'MembershipCard: <section>, the root',
        'MembersList: <section>, the root',
        'MemberDetails: <section>, the root',
        'InviteLink: <button>, the root',
      ]);

    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});

afterAll(() => removePackedPackage());
