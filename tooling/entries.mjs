// @ts-check
// The package's entries, read from the one list of them: package.json "exports", which npm needs
// anyway. The library build (vite.lib.config.ts, scripts/build.mjs), the size budget
// (bench/size.mjs) and test/unit/entries.test.ts all derive from it, so adding an entry is one
// line in "exports" (and a budget in bench/size-budget.json, which the size test asks for).
//
// The rule, one per kind of target:
//   { "types": "./dist/X.d.ts", "default": "./dist/X.js" }  a module built from src/X.ts (or src/X.tsx)
//   "./dist/X.css"                                           a stylesheet built from src/X.css
//   "./package.json"                                         the manifest itself, shipped as is
// Any other target is a mistake, reported with the subpath it is under.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} ModuleEntry
 * @property {string} subpath The key in "exports", e.g. `./profile-form`.
 * @property {string} specifier What a host app imports, e.g. `react-account-settings/profile-form`.
 * @property {string} name The output's path under dist/ without `.js`, e.g. `components/profile-form/index`.
 * @property {string} output The built file, relative to the root, e.g. `dist/components/profile-form/index.js`.
 * @property {string} types The declaration file "exports" names, relative to the root.
 * @property {string} source The source file, relative to the root, e.g. `src/components/profile-form/index.ts`.
 */

/**
 * @typedef {object} StyleEntry
 * @property {string} subpath The key in "exports", e.g. `./styles.css`.
 * @property {string} output The built file, relative to the root, e.g. `dist/styles.css`.
 * @property {string} source The source file, relative to the root, e.g. `src/styles.css`.
 */

/**
 * @typedef {object} PackageEntries
 * @property {string} name The package's name.
 * @property {ModuleEntry[]} modules The JavaScript entries, in "exports" order.
 * @property {StyleEntry[]} styles The stylesheets.
 */

/**
 * Reads the package's entries from package.json "exports" by the rule above.
 *
 * @param {string} [packageRoot] The package's directory.
 * @returns {PackageEntries}
 */
export function readPackageEntries(packageRoot = PACKAGE_ROOT) {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  /** @type {Record<string, unknown>} */
  const exportsMap = manifest.exports ?? {};
  /** @type {ModuleEntry[]} */
  const modules = [];
  /** @type {StyleEntry[]} */
  const styles = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const where = `package.json "exports" ${JSON.stringify(subpath)}`;
    if (typeof target === 'string') {
      if (target === './package.json') continue;
      const style = /^\.\/dist\/(.+)\.css$/.exec(target);
      if (!style) {
        throw new Error(`${where}: ${target} is neither ./dist/<name>.css nor ./package.json.`);
      }
      styles.push({ subpath, output: target.slice(2), source: `src/${style[1]}.css` });
      continue;
    }
    const { types, default: file } = /** @type {{ types?: unknown, default?: unknown }} */ (target ?? {});
    const module = typeof file === 'string' ? /^\.\/dist\/(.+)\.js$/.exec(file) : null;
    if (!module || !module[1]) {
      throw new Error(`${where}: its "default" must be ./dist/<name>.js, not ${JSON.stringify(file)}.`);
    }
    const name = module[1];
    if (types !== `./dist/${name}.d.ts`) {
      throw new Error(`${where}: its "types" must be ./dist/${name}.d.ts, not ${JSON.stringify(types)}.`);
    }
    const tsx = `src/${name}.tsx`;
    modules.push({
      subpath,
      specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      name,
      output: `dist/${name}.js`,
      types: `dist/${name}.d.ts`,
      source: existsSync(join(packageRoot, tsx)) ? tsx : `src/${name}.ts`,
    });
  }
  return { name: manifest.name, modules, styles };
}
