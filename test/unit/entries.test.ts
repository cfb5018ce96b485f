// @vitest-environment node
// One list of entries: package.json "exports". The build and the size budget derive from it
// (tooling/entries.mjs); here, every export has its source, and every entry module in src/ is exported.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, readPackageEntries } from '../../tooling/entries.mjs';
import { libraryEntries } from '../../vite.lib.config';

const { modules, styles } = readPackageEntries();

/** What the rule says is an entry module in src/: every index file, and every locale. */
function entryModulesInSrc(): string[] {
  return readdirSync(join(PACKAGE_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((file) => `src/${file.split('\\').join('/')}`)
    .filter((file) => /(^|\/)index\.tsx?$/.test(file) || /^src\/locales\/[^/]+\.ts$/.test(file))
    .sort();
}

describe('package entries, from package.json "exports"', () => {
  it('finds the source of every export', () => {
    const missing = [...modules, ...styles]
      .filter((entry) => !existsSync(join(PACKAGE_ROOT, entry.source)))
      .map((entry) => `${entry.subpath} (${entry.source})`);
    expect(missing, 'exports whose source file is not in src/').toEqual([]);
    expect(modules.map((entry) => entry.subpath)).toContain('./adapters/memory');
    expect(styles.map((entry) => entry.source)).toEqual(['src/styles.css']);
  });

  it('exports every entry module in src/ (each index file and each locale)', () => {
    const exported = new Set(modules.map((entry) => entry.source));
    const unexported = entryModulesInSrc().filter((file) => !exported.has(file));
    expect(unexported, 'entry modules in src/ that package.json "exports" does not list').toEqual([]);
  });

  it('builds exactly the exported modules', () => {
    expect(libraryEntries).toEqual(Object.fromEntries(modules.map((entry) => [entry.name, entry.source])));
    expect(libraryEntries['components/profile-form/index']).toBe('src/components/profile-form/index.ts');
  });
});

describe('readPackageEntries on another package.json', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function packageWith(exportsMap: Record<string, unknown>): string {
    dir = mkdtempSync(join(tmpdir(), 'ras-entries-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pkg', exports: exportsMap }));
    return dir;
  }

  it('picks up a new entry from "exports" alone', () => {
    const root = packageWith({
      './label-studio': { types: './dist/label-studio/index.d.ts', default: './dist/label-studio/index.js' },
      './theme.css': './dist/theme.css',
      './package.json': './package.json',
    });
    expect(readPackageEntries(root)).toEqual({
      name: 'pkg',
      modules: [
        {
          subpath: './label-studio',
          specifier: 'pkg/label-studio',
          name: 'label-studio/index',
          output: 'dist/label-studio/index.js',
          types: 'dist/label-studio/index.d.ts',
          source: 'src/label-studio/index.ts',
        },
      ],
      styles: [{ subpath: './theme.css', output: 'dist/theme.css', source: 'src/theme.css' }],
    });
  });

  it('names the export whose target breaks the rule', () => {
    expect(() => readPackageEntries(packageWith({ './x': { default: './lib/x.js' } }))).toThrow(
      'package.json "exports" "./x": its "default" must be ./dist/<name>.js, not "./lib/x.js".',
    );
    expect(() =>
      readPackageEntries(packageWith({ './x': { types: './dist/y.d.ts', default: './dist/x.js' } })),
    ).toThrow('package.json "exports" "./x": its "types" must be ./dist/x.d.ts, not "./dist/y.d.ts".');
    expect(() => readPackageEntries(packageWith({ './readme': './README.md' }))).toThrow(
      'package.json "exports" "./readme": ./README.md is neither ./dist/<name>.css nor ./package.json.',
    );
  });
});
