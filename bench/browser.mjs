// @ts-check
// The browser benchmarks: builds the bench pages (bench/page/) with Vite in production mode, serves
// them from a local static server, and measures in headless Chromium through Playwright: mount time
// against static HTML, renders per interaction, search keystroke time, and image header reading.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tooling/chromium.mjs';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));

/** Timed repetitions per figure, and untimed ones before them. */
const RUNS = 20;
const WARMUPS = 3;
/** The image files' size: 1 MB. */
const IMAGE_BYTES = 1024 * 1024;
/** What is typed into the 500-action editor's search, one keystroke at a time, and how often. */
const SEARCH_QUERY = 'Action 123';
const SEARCH_PASSES = 5;
/** The editor sizes the scale benchmarks mount, the query they filter by, and timed runs per size. */
const EDITOR_SIZES = /** @type {const} */ ([500, 2000]);
const EDITOR_QUERY = 'Action 123';
const EDITOR_RUNS = 5;
/** Targets printed beside the figures (not enforced): clearing the search at 2000 actions, mounting. */
const CLEAR_TARGET_MS = 50;
const MOUNT_TARGET_MS = 200;
/** ProfileForm: the first keystroke (the form becomes dirty), then this many more. */
const LATER_KEYSTROKES = 4;
/** How long one group of figures may take before it is reported as not measured. */
const GROUP_TIMEOUT_MS = 180_000;

/**
 * @typedef {object} Figure
 * @property {string} id A stable key, under which the previous run's value is found.
 * @property {string} label What was measured, for people.
 * @property {'ms' | 'x' | 'renders' | 'commits' | 'elements' | 'B'} unit
 * @property {number} [value] The figure, when it could be measured.
 * @property {string} [error] Why it could not be measured.
 */

/**
 * The middle value (the mean of the middle two for an even count); NaN for no values.
 *
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Builds the bench pages for production into a temporary directory.
 *
 * @param {string} outDir
 */
async function buildPages(outDir) {
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      envFile: false,
      root: PAGE_DIR,
      mode: 'production',
      logLevel: 'silent',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        reportCompressedSize: false,
        rolldownOptions: { input: { timing: join(PAGE_DIR, 'timing.html'), renders: join(PAGE_DIR, 'renders.html') } },
      },
    });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
}

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
});

/**
 * Serves `dir` on 127.0.0.1 at a free port. The page is cross-origin isolated, which gives
 * `performance.now()` its finest resolution.
 *
 * @param {string} dir
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    const found = file.startsWith(dir) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * @typedef {{ id: string, label: string, unit: Figure['unit'] }} FigureSpec
 * @typedef {(page: import('playwright-core').Page) => Promise<number[]>} Measure
 */

/**
 * A group of figures measured together; when the group fails, each of its figures says why.
 *
 * @param {string} name What `npm run bench -- --only=<name>` calls the group (several groups may share a name).
 * @param {FigureSpec[]} specs
 * @param {string} pageName `timing` or `renders`
 * @param {Measure} measure Resolves with one value per spec.
 */
function group(name, specs, pageName, measure) {
  return { name, specs, pageName, measure };
}

/**
 * `promise`, or a rejection once `ms` have passed (closing the page then ends whatever still runs).
 *
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withinTime(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/** @param {unknown} error */
function reason(error) {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}

const accountSettingsMount = group(
  'mount',
  [
    {
      id: 'mount.accountSettings',
      label: `AccountSettings mount, memory adapter, to loaded profile + layout (median of ${RUNS})`,
      unit: 'ms',
    },
    { id: 'mount.staticHtml', label: `same DOM as static HTML, innerHTML + layout (median of ${RUNS})`, unit: 'ms' },
    { id: 'mount.ratio', label: 'mount / static HTML', unit: 'x' },
  ],
  'timing',
  async (page) => {
    const mounted = await page.evaluate(
      ([runs, warmups]) => window.bench.mount(runs, warmups),
      /** @type {const} */ ([RUNS, WARMUPS]),
    );
    const html = await page.evaluate(
      ([markup, runs, warmups]) => window.bench.staticHtml(markup, runs, warmups),
      /** @type {const} */ ([mounted.html, RUNS, WARMUPS]),
    );
    const mountMs = median(mounted.ms);
    const staticMs = median(html.ms);
    return [mountMs, staticMs, mountMs / staticMs];
  },
);

const profileFormKeystroke = group(
  'profile',
  [
    {
      id: 'renders.profileForm.firstKeystroke',
      label: 'ProfileForm: Profiler commits from the first keystroke in First name (becomes dirty)',
      unit: 'commits',
    },
    {
      id: 'renders.profileForm.laterKeystroke',
      label: `ProfileForm: Profiler commits from a later keystroke (median of ${LATER_KEYSTROKES})`,
      unit: 'commits',
    },
  ],
  'renders',
  async (page) => {
    await page.evaluate(() => window.bench.mountProfileForm());
    const firstName = page.locator('input[autocomplete="given-name"]');
    await firstName.focus();
    await page.keyboard.press('End');
    const typedBefore = await firstName.inputValue();
    /** @type {number[]} */
    const commits = [];
    for (let i = 0; i <= LATER_KEYSTROKES; i++) {
      await page.evaluate(() => window.bench.settle());
      await page.evaluate(() => window.bench.resetCounts());
      await page.keyboard.type('x');
      await page.evaluate(() => window.bench.settle());
      commits.push((await page.evaluate(() => window.bench.readCounts())).commits);
    }
    const typed = await firstName.inputValue();
    if (typed !== typedBefore + 'x'.repeat(LATER_KEYSTROKES + 1)) throw new Error(`First name reads "${typed}"`);
    await page.evaluate(() => window.bench.unmount());
    return [commits[0] ?? Number.NaN, median(commits.slice(1))];
  },
);

const hotkeyEditorRowEdit = group(
  'editor',
  [
    {
      id: 'renders.hotkeyEditor.rows',
      label: 'HotkeyEditor, 500 actions: row renders from toggling one row\'s "Enabled" switch',
      unit: 'renders',
    },
    {
      id: 'renders.hotkeyEditor.commits',
      label: 'HotkeyEditor, 500 actions: Profiler commits from that toggle',
      unit: 'commits',
    },
  ],
  'renders',
  async (page) => {
    await page.evaluate(() => window.bench.mountHotkeyEditor());
    const toggle = page.getByRole('switch', { name: 'Enabled: Action 250', exact: true });
    await toggle.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.bench.settle());
    await page.evaluate(() => window.bench.resetCounts());
    await toggle.click();
    await page.evaluate(() => window.bench.settle());
    const counts = await page.evaluate(() => window.bench.readCounts());
    if (await toggle.isChecked()) throw new Error('the switch did not turn off');
    await page.evaluate(() => window.bench.unmount());
    return [counts.rowRenders, counts.commits];
  },
);

const hotkeySearch = group(
  'editor',
  [
    {
      id: 'time.hotkeyEditor.searchKeystroke',
      label: `HotkeyEditor, 500 actions: search keystroke to filtered list + layout (median, "${SEARCH_QUERY}" ×${SEARCH_PASSES})`,
      unit: 'ms',
    },
    {
      id: 'time.hotkeyEditor.searchKeystrokeMax',
      label: 'HotkeyEditor, 500 actions: slowest search keystroke',
      unit: 'ms',
    },
  ],
  'timing',
  async (page) => {
    const { ms } = await page.evaluate(
      ([query, passes]) => window.bench.searchKeystrokes(query, passes),
      /** @type {const} */ ([SEARCH_QUERY, SEARCH_PASSES]),
    );
    return [median(ms), Math.max(...ms)];
  },
);

/**
 * Mount, filter and clear-search times and the element count of an editor with `count` actions.
 *
 * @param {number} count
 */
function hotkeyEditorScale(count) {
  const name = `HotkeyEditor, ${count} actions`;
  return group(
    'editor-scale',
    [
      {
        id: `time.hotkeyEditor${count}.mount`,
        label: `${name}: mount to every row laid out (median of ${EDITOR_RUNS}; target ≤ ${MOUNT_TARGET_MS} ms)`,
        unit: 'ms',
      },
      {
        id: `time.hotkeyEditor${count}.filter`,
        label: `${name}: search "${EDITOR_QUERY}" to filtered list + layout (median of ${EDITOR_RUNS})`,
        unit: 'ms',
      },
      {
        id: `time.hotkeyEditor${count}.clear`,
        label: `${name}: clear the search to every row again + layout (median of ${EDITOR_RUNS}${count === 2000 ? `; target ≤ ${CLEAR_TARGET_MS} ms` : ''})`,
        unit: 'ms',
      },
      { id: `dom.hotkeyEditor${count}.elements`, label: `${name}: DOM elements, mounted`, unit: 'elements' },
    ],
    'timing',
    async (page) => {
      const result = await page.evaluate(
        ([size, query, runs]) => window.bench.editorTimings(size, query, runs),
        /** @type {const} */ ([count, EDITOR_QUERY, EDITOR_RUNS]),
      );
      return [median(result.mountMs), median(result.filterMs), median(result.clearMs), result.elements];
    },
  );
}

const hotkeySearchClearRenders = group(
  'editor',
  [
    {
      id: 'renders.hotkeyEditor.clearSearch',
      label: `HotkeyEditor, 500 actions: row renders from clearing the search "${EDITOR_QUERY}"`,
      unit: 'renders',
    },
  ],
  'renders',
  async (page) => {
    await page.evaluate(() => window.bench.mountHotkeyEditor());
    const search = page.getByRole('searchbox', { name: 'Search shortcuts' });
    await search.fill(EDITOR_QUERY);
    await page.evaluate(() => window.bench.settle());
    await page.evaluate(() => window.bench.resetCounts());
    await search.fill('');
    await page.evaluate(() => window.bench.settle());
    const counts = await page.evaluate(() => window.bench.readCounts());
    const shown = await page.locator('[data-slot="ras-hotkey-row"]:not([hidden])').count();
    if (shown !== 500) throw new Error(`${shown} rows show after clearing the search`);
    await page.evaluate(() => window.bench.unmount());
    return [counts.rowRenders];
  },
);

/**
 * @param {'jpeg' | 'png'} format
 */
function imageHeaderVsDecode(format) {
  const name = format.toUpperCase();
  return group(
    'image',
    [
      {
        id: `image.${format}.header`,
        label: `readImageHeader, 1 MB ${name} (64 KiB slice read + parse, median of ${RUNS})`,
        unit: 'ms',
      },
      {
        id: `image.${format}.decode`,
        label: `createImageBitmap, same ${name} (full decode, median of ${RUNS})`,
        unit: 'ms',
      },
      { id: `image.${format}.ratio`, label: `${name}: full decode / readImageHeader`, unit: 'x' },
    ],
    'timing',
    async (page) => {
      const result = await page.evaluate(
        ([type, bytes, runs, warmups]) => window.bench.imageHeader(type, bytes, runs, warmups),
        /** @type {const} */ ([`image/${format}`, IMAGE_BYTES, RUNS, WARMUPS]),
      );
      const header = median(result.headerMs);
      const decode = median(result.decodeMs);
      return [header, decode, decode / header];
    },
  );
}

const GROUPS = [
  accountSettingsMount,
  profileFormKeystroke,
  hotkeyEditorRowEdit,
  hotkeySearch,
  hotkeySearchClearRenders,
  ...EDITOR_SIZES.map(hotkeyEditorScale),
  imageHeaderVsDecode('jpeg'),
  imageHeaderVsDecode('png'),
];

/** Every figure the browser benchmarks report, in table order (values not measured yet). */
export const BROWSER_FIGURES = GROUPS.flatMap((entry) => entry.specs);

/** The names of the browser groups: `mount`, `profile`, `editor`, `editor-scale`, `image`. */
export const BROWSER_GROUP_NAMES = [...new Set(GROUPS.map((entry) => entry.name))];

/**
 * Whether `--only` asked for a group: by its name, or by the name before its dash (`editor`
 * takes `editor-scale` too).
 *
 * @param {string} name
 * @param {readonly string[]} only
 */
export const isSelected = (name, only) => only.some((wanted) => name === wanted || name.startsWith(`${wanted}-`));

/**
 * Runs the browser benchmarks once in headless Chromium: every group, or those named in `only`.
 * Never throws for a figure: a figure that cannot be measured (no Chromium, a page error, a
 * timeout) comes back with `error`.
 *
 * @param {{ onProgress?: (message: string) => void, only?: readonly string[] }} [options]
 * @returns {Promise<Figure[]>}
 */
export async function runBrowserBenchmarks({ onProgress = () => {}, only } = {}) {
  const groups = only ? GROUPS.filter((entry) => isSelected(entry.name, only)) : GROUPS;
  /** @type {Figure[]} */
  const figures = [];
  /** @param {unknown} error */
  const failAll = (error) => groups.flatMap((entry) => entry.specs).map((spec) => ({ ...spec, error: reason(error) }));
  /** @type {string | undefined} */
  let outDir;
  /** @type {Awaited<ReturnType<typeof serve>> | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    onProgress('building the bench pages');
    outDir = await mkdtemp(join(tmpdir(), 'ras-bench-page-'));
    await buildPages(outDir);
    server = await serve(outDir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    for (const { specs, pageName, measure } of groups) {
      onProgress(specs[0]?.label ?? pageName);
      // A fresh page per group, so that one benchmark's leftovers (heap, timers) don't slow the next.
      const page = await context.newPage();
      /** @type {string[]} */
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(120_000);
      try {
        await page.goto(`${server.origin}/${pageName}.html`);
        await page.waitForSelector('html[data-bench-ready]', { state: 'attached', timeout: 30_000 });
        const values = await withinTime(measure(page), GROUP_TIMEOUT_MS);
        specs.forEach((spec, index) => {
          const value = values[index];
          figures.push(Number.isFinite(value) ? { ...spec, value } : { ...spec, error: 'the page returned no value' });
        });
      } catch (error) {
        const why = pageErrors.length ? `${reason(error)} (page error: ${pageErrors[0]})` : reason(error);
        specs.forEach((spec) => figures.push({ ...spec, error: why }));
      } finally {
        await page.close();
      }
    }
    return figures;
  } catch (error) {
    return [...figures, ...failAll(error).slice(figures.length)];
  } finally {
    await browser?.close().catch(() => {});
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  }
}
