// Builds the package: ESM with one module per source file, .d.ts beside each, and the theme;
// the entries are the ones package.json "exports" lists (tooling/entries.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPackageEntries } from '../tooling/entries.mjs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (name, args) => execFileSync(bin(name), args, { stdio: 'inherit' });

/**
 * Gives relative imports in declarations their full file name (`./errors` → `./errors.js`),
 * which TypeScript requires of ESM packages under "moduleResolution": "nodenext".
 */
function addDeclarationExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      addDeclarationExtensions(path);
      continue;
    }
    if (!entry.name.endsWith('.d.ts')) continue;
    const source = readFileSync(path, 'utf8');
    const fixed = source.replace(
      /(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g,
      (match, lead, quote, specifier) => {
        if (/\.(js|css)$/.test(specifier)) return match;
        const base = join(dirname(path), specifier);
        if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${specifier}.js${quote}`;
        if (existsSync(join(base, 'index.d.ts'))) return `${lead}${quote}${specifier}/index.js${quote}`;
        throw new Error(`${path}: cannot resolve ${specifier}`);
      },
    );
    if (fixed !== source) writeFileSync(path, fixed);
  }
}

/** Writes src/styles.css with its @import rules replaced by the imported files, as one stylesheet. */
function bundleStyles(entry, output) {
  const inline = (file) =>
    readFileSync(file, 'utf8').replace(/@import\s+'([^']+)';\n?/g, (_, path) => inline(join(dirname(file), path)));
  writeFileSync(output, inline(entry));
}

run('vite', ['build', '--config', 'vite.lib.config.ts', '--logLevel', 'warn']);
run('tsc', ['-p', 'tsconfig.build.json']);
addDeclarationExtensions('dist');
// Every stylesheet in package.json "exports", from its source under src/ (tooling/entries.mjs).
for (const style of readPackageEntries().styles) bundleStyles(style.source, style.output);
console.log('Built dist/ (ESM, .d.ts, styles.css).');
