// @ts-check
// `npm run bench` (`-- --build` to rebuild dist/ first; `-- --only=size,editor` for some groups: `size`,
// or a browser group's name, see BROWSER_GROUP_NAMES): builds the package when dist/ is missing, measures
// bundle sizes (bench/size.mjs) and the browser benchmarks (bench/browser.mjs), and prints one
// table with each figure's change since the previous run, whose results it keeps in
// bench/.results.json. Figures are for reading, not gates: a slow machine never fails this, and a
// figure that cannot be measured says why in the table. (The size budget is enforced by npm test.)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_FIGURES, BROWSER_GROUP_NAMES, isSelected, runBrowserBenchmarks } from './browser.mjs';
import { EVERYTHING, PACKAGE_ROOT, listPublicEntries, measureSizes } from './size.mjs';

/** @typedef {import('./browser.mjs').Figure} Figure */

const RESULTS_FILE = fileURLToPath(new URL('./.results.json', import.meta.url));
const BUDGET_FILE = fileURLToPath(new URL('./size-budget.json', import.meta.url));
/** The issue's target for `react-account-settings/use-hotkeys`, printed, not enforced: 3 KB gzip. */
const USE_HOTKEYS_TARGET = 3 * 1024;

/** @param {string} text */
const print = (text) => process.stdout.write(`${text}\n`);

/** @param {unknown} error */
const reason = (error) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** The newest modification time of a file or of any file below a directory. */
function newestChange(/** @type {string} */ path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Builds dist/ (scripts/build.mjs) when it is missing or when asked to (`--build`). A dist/ older
 * than src/ is measured as it is, with a warning: rebuilding behind someone's back would replace
 * the dist/ other tools are using, and fail while the sources are half-edited.
 *
 * @returns {string | undefined} A warning about stale sizes, if any.
 */
function ensureBuilt() {
  const builtFile = join(PACKAGE_ROOT, 'dist', 'index.js');
  if (process.argv.includes('--build') || !existsSync(builtFile)) {
    print('Building dist/ (npm run build)…');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    return undefined;
  }
  const sources = Math.max(newestChange(join(PACKAGE_ROOT, 'src')), newestChange(join(PACKAGE_ROOT, 'package.json')));
  if (statSync(builtFile).mtimeMs >= sources) return undefined;
  return 'dist/ is older than src/: the sizes are of the last build (`npm run build` or `npm run bench -- --build` first).';
}

/**
 * Bundle sizes as figures: minified and gzip per public entry, then everything.
 *
 * @param {string[]} warnings Collects what the reader should know about these figures.
 * @returns {Promise<Figure[]>}
 */
async function sizeFigures(warnings) {
  const { budgets, everythingGoal, goals = {} } = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
  const entries = listPublicEntries();
  const names = [...entries.map((entry) => entry.subpath), EVERYTHING];
  const testOnly = new Set(entries.filter((entry) => !entry.shipped).map((entry) => entry.subpath));
  /** @param {string} name */
  const title = (name) =>
    name === EVERYTHING
      ? 'everything (every component + both adapters)'
      : testOnly.has(name)
        ? `${name} (test suites only, not for browsers)`
        : name;
  /** @param {number} bytes */
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  /**
   * How the size stands against its budget (and its goal, for everything and the entries in `goals`).
   *
   * @param {string} name
   * @param {number} gzip
   */
  const budgetNote = (name, gzip) => {
    const budget = budgets[name];
    let note = budget === undefined ? 'no budget' : `${gzip > budget ? 'OVER ' : ''}budget ${kb(budget)}`;
    const goal = name === EVERYTHING ? everythingGoal : goals[name];
    if (goal !== undefined) note += `, ${gzip > goal ? 'over the ' : ''}goal ${kb(goal)}`;
    return note;
  };
  /** The runtime hook's own entry, which the editor's figures are read beside (target ≤ 3 KB gzip). */
  const useHotkeysEntry = './use-hotkeys';
  /** @type {Figure[]} */
  const useHotkeysMissing = entries.some((entry) => entry.subpath === useHotkeysEntry)
    ? []
    : [
        {
          id: `size.${useHotkeysEntry}.gzip`,
          label: `react-account-settings/use-hotkeys: gzip (target ${kb(USE_HOTKEYS_TARGET)})`,
          unit: /** @type {const} */ ('B'),
          error: 'no "./use-hotkeys" entry in package.json "exports"',
        },
      ];
  try {
    const stale = ensureBuilt();
    if (stale) warnings.push(stale);
    const sizes = await measureSizes();
    /** @type {Figure[]} */
    const measured = sizes.flatMap((size) => [
      { id: `size.${size.name}.min`, label: `${title(size.name)}: minified`, unit: 'B', value: size.minified },
      {
        id: `size.${size.name}.gzip`,
        label: `${title(size.name)}: gzip (${budgetNote(size.name, size.gzip)})`,
        unit: 'B',
        value: size.gzip,
      },
    ]);
    return [...measured, ...useHotkeysMissing];
  } catch (error) {
    return names.map((name) => ({
      id: `size.${name}.gzip`,
      label: `${title(name)}: gzip`,
      unit: 'B',
      error: reason(error),
    }));
  }
}

/**
 * The figure as text in its unit.
 *
 * @param {number} value
 * @param {Figure['unit']} unit
 */
function formatValue(value, unit) {
  if (unit === 'B') return (value / 1024).toFixed(2);
  if (unit === 'x') return value.toFixed(1);
  if (unit === 'ms') return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
  return String(value);
}

/** @param {Figure['unit']} unit */
const unitName = (unit) =>
  ({ B: 'KB', x: '×', ms: 'ms', renders: 'renders', commits: 'commits', elements: 'elements' })[unit];

/**
 * How the figure moved since the previous run.
 *
 * @param {Figure} figure
 * @param {{ value?: number } | undefined} previous
 */
function formatChange(figure, previous) {
  if (figure.value === undefined) return '';
  if (typeof previous?.value !== 'number') return 'new';
  const delta = figure.value - previous.value;
  if (delta === 0) return 'same';
  const sign = delta > 0 ? '+' : '−';
  const magnitude = figure.unit === 'B' ? `${Math.abs(delta)} B` : formatValue(Math.abs(delta), figure.unit);
  const percent = previous.value === 0 ? '' : ` (${sign}${Math.abs((delta / previous.value) * 100).toFixed(1)}%)`;
  return `${sign}${magnitude}${percent}`;
}

/**
 * Lays rows out as a table with aligned columns (numbers right-aligned).
 *
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {boolean[]} rightAligned
 */
function table(header, rows, rightAligned) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  /** @param {string[]} row */
  const line = (row) =>
    row.map((cell, column) =>
      rightAligned[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
    );
  return [
    line(header).join(' | '),
    widths.map((width) => '-'.repeat(width)).join('-|-'),
    ...rows.map((row) => line(row).join(' | ')),
  ]
    .map((text) => text.trimEnd())
    .join('\n');
}

/**
 * Reads the previous run's figures by id (none when there was no previous run).
 *
 * @returns {{ at: string | undefined, figures: Record<string, { value?: number }> }}
 */
function readPrevious() {
  try {
    const saved = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
    return { at: String(saved.measuredAt), figures: saved.figures };
  } catch {
    return { at: undefined, figures: {} };
  }
}

/**
 * The groups named by `--only=a,b` (or `--only a,b`), or undefined to run every group.
 *
 * @returns {string[] | undefined}
 */
function readOnly() {
  const index = process.argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index < 0) return undefined;
  const arg = process.argv[index] ?? '';
  const value = arg === '--only' ? (process.argv[index + 1] ?? '') : arg.slice('--only='.length);
  const only = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const known = ['size', ...BROWSER_GROUP_NAMES];
  const unknown = only.filter(
    (name) => name !== 'size' && !BROWSER_GROUP_NAMES.some((group) => isSelected(group, [name])),
  );
  if (only.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes a comma-separated list of ${known.join(', ')} (got "${value}")`);
  }
  return only;
}

async function main() {
  const started = performance.now();
  const previous = readPrevious();
  const only = readOnly();
  /** @type {string[]} */
  const warnings = [];
  /** @type {Figure[]} */
  const figures = [];
  if (!only || only.includes('size')) {
    print('Measuring bundle sizes…');
    figures.push(...(await sizeFigures(warnings)));
  }
  const browserGroups = only?.filter((name) => name !== 'size');
  if (!browserGroups || browserGroups.length > 0) {
    const count = browserGroups ? `the ${browserGroups.join(', ')} groups` : `${BROWSER_FIGURES.length} figures`;
    print(`Running the browser benchmarks (${count})…`);
    figures.push(
      ...(await runBrowserBenchmarks({ onProgress: (message) => print(`  ${message}`), only: browserGroups })),
    );
  }

  const rows = figures.map((figure) => [
    figure.label,
    figure.value === undefined ? 'n/a' : formatValue(figure.value, figure.unit),
    figure.value === undefined ? '' : unitName(figure.unit),
    figure.value === undefined
      ? `not measured: ${figure.error ?? 'unknown reason'}`
      : formatChange(figure, previous.figures[figure.id]),
  ]);
  print('');
  print(
    table(['Figure', 'Value', 'Unit', `Change since previous run${previous.at ? ` (${previous.at})` : ''}`], rows, [
      false,
      true,
      false,
      false,
    ]),
  );
  print('');
  print('KB = 1024 bytes; sizes are of a Vite production build of a consumer of dist/, react and react-dom external.');
  for (const warning of warnings) print(`Note: ${warning}`);

  const measuredAt = new Date().toISOString();
  const saved = Object.fromEntries(
    figures
      .filter((figure) => figure.value !== undefined)
      .map((figure) => [figure.id, { label: figure.label, unit: figure.unit, value: figure.value }]),
  );
  // Figures not measured this time keep their last value, so the next run still has something to compare with.
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ measuredAt, figures: { ...previous.figures, ...saved } }, null, 2)}\n`,
  );
  print(`Results saved to bench/.results.json (${((performance.now() - started) / 1000).toFixed(0)} s).`);
}

main().catch((error) => {
  // Only a bug in the bench itself lands here; report it without failing `npm run bench`.
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
});
