// @ts-check
// Bundle size of each public entry of the built package (dist/), measured the way a host app
// pays for it: a tiny consumer that re-exports the entry is built with Vite in production mode
// (minified, `react` and `react-dom` external), and the emitted JavaScript is weighed raw and
// gzipped. "everything" is one consumer of every component entry plus both adapters.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { readPackageEntries } from '../tooling/entries.mjs';

/** The repository root (the package being measured). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The name under which "everything" is reported and budgeted. */
export const EVERYTHING = 'everything';

/** Entries that exist for test suites and never reach a browser bundle. */
const NOT_SHIPPED = new Set(['./testing', './testing/images']);

/** Left as imports, as in a host app that has its own React (and, for ./testing, its own Vitest). */
const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^vitest($|\/)/];

/**
 * @typedef {object} PublicEntry
 * @property {string} subpath The key in package.json "exports", e.g. `./profile-form`.
 * @property {string} specifier What a host app imports, e.g. `react-account-settings/profile-form`.
 * @property {boolean} shipped Whether the entry is meant for browser bundles (false for `./testing`).
 * @property {boolean} inEverything Whether "everything" includes it: every component and adapter entry.
 */

/**
 * @typedef {object} EntrySize
 * @property {string} name The entry's subpath (`.`, `./profile-form`, …) or `everything`.
 * @property {boolean} shipped Whether the entry is meant for browser bundles.
 * @property {number} minified Bytes of minified JavaScript.
 * @property {number} gzip Bytes of that JavaScript gzipped (level 9), summed over the chunks a page loads up front (the entry and what it imports statically).
 * @property {number} lazyGzip Gzip bytes of the chunks it loads only on demand (`import()`, e.g. the German messages for `locale="de-DE"`).
 */

/**
 * Lists the JavaScript entries in package.json "exports" (not the stylesheet or package.json),
 * read by the rule in tooling/entries.mjs.
 *
 * @param {string} [packageRoot] The package's directory.
 * @returns {PublicEntry[]}
 */
export function listPublicEntries(packageRoot = PACKAGE_ROOT) {
  return readPackageEntries(packageRoot).modules.map(({ subpath, specifier, name }) => ({
    subpath,
    specifier,
    shipped: !NOT_SHIPPED.has(subpath),
    inEverything: name.startsWith('components/') || subpath.startsWith('./adapters/'),
  }));
}

/**
 * Builds one consumer module with Vite in production mode and weighs the JavaScript it emits.
 *
 * @param {string} consumerFile The consumer's path.
 * @param {string} workDir The consumer's project directory (its node_modules holds the package).
 * @returns {Promise<{ minified: number, gzip: number, lazyGzip: number }>}
 */
async function buildAndWeigh(consumerFile, workDir) {
  const result = await build({
    configFile: false,
    envFile: false,
    root: workDir,
    mode: 'production',
    logLevel: 'silent',
    // Vitest sets NODE_ENV=test; a host app's production build replaces it with "production".
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: consumerFile,
        external: EXTERNAL,
        // Keep the consumer's exports, so that nothing of the entry is tree-shaken away.
        preserveEntrySignatures: 'strict',
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  let minified = 0;
  let gzip = 0;
  let lazyGzip = 0;
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('Vite returned a watcher instead of a build result.');
    const chunks = new Map();
    for (const file of output.output) if (file.type === 'chunk') chunks.set(file.fileName, file);
    // What a page loads up front: the entry and everything it imports statically, transitively.
    const upFront = new Set();
    const visit = (fileName) => {
      if (upFront.has(fileName) || !chunks.has(fileName)) return;
      upFront.add(fileName);
      for (const imported of chunks.get(fileName).imports) visit(imported);
    };
    for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
    for (const chunk of chunks.values()) {
      const bytes = Buffer.from(chunk.code);
      const zipped = gzipSync(bytes, { level: 9 }).length;
      if (upFront.has(chunk.fileName)) {
        minified += bytes.length;
        gzip += zipped;
      } else {
        lazyGzip += zipped;
      }
    }
  }
  return { minified, gzip, lazyGzip };
}

/**
 * Measures every public JavaScript entry of the built package, and "everything" (every
 * component entry and both adapters, bundled together). Builds run one after another in one temporary
 * project whose node_modules links to the package, so imports resolve through its "exports"
 * to dist/ exactly as they would in a host app.
 *
 * @param {{ packageRoot?: string }} [options] `packageRoot`: the package (default: this repository).
 * @returns {Promise<EntrySize[]>} One row per entry in "exports" order, then `everything`.
 */
export async function measureSizes({ packageRoot = PACKAGE_ROOT } = {}) {
  if (!existsSync(join(packageRoot, 'dist', 'index.js'))) {
    throw new Error(`${join(packageRoot, 'dist')} is missing: run \`npm run build\` first.`);
  }
  const entries = listPublicEntries(packageRoot);
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const workDir = mkdtempSync(join(tmpdir(), 'ras-size-'));
  const previousNodeEnv = process.env.NODE_ENV;
  // Vite decides "production" from NODE_ENV, which test runners set to "test".
  process.env.NODE_ENV = 'production';
  try {
    mkdirSync(join(workDir, 'node_modules'));
    symlinkSync(packageRoot, join(workDir, 'node_modules', manifest.name), 'dir');
    writeFileSync(join(workDir, 'package.json'), JSON.stringify({ name: 'size-consumer', type: 'module' }));

    /** @type {EntrySize[]} */
    const sizes = [];
    for (const [index, entry] of entries.entries()) {
      const file = join(workDir, `entry-${index}.js`);
      writeFileSync(file, `export * from '${entry.specifier}';\n`);
      sizes.push({ name: entry.subpath, shipped: entry.shipped, ...(await buildAndWeigh(file, workDir)) });
    }

    // Namespaces keep every export of every entry, even names that two entries share.
    const included = entries.filter((entry) => entry.inEverything);
    const everythingFile = join(workDir, 'everything.js');
    writeFileSync(
      everythingFile,
      included.map((entry, index) => `export * as entry${index} from '${entry.specifier}';\n`).join(''),
    );
    sizes.push({ name: EVERYTHING, shipped: true, ...(await buildAndWeigh(everythingFile, workDir)) });
    return sizes;
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
    rmSync(workDir, { recursive: true, force: true });
  }
}
