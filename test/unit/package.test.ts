// @vitest-environment node
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { parseSync } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage, removePackedPackage, repoRoot as root } from '../support/pack-package';

const consumer = join(root, 'test/package');
const installed = join(consumer, 'node_modules/react-account-settings');
const tsc = join(root, 'node_modules/.bin/tsc');
/** Node options that make React and Vitest unresolvable, as for a host's backend without them. */
const withoutTestTools = ['--import', join(consumer, 'without-test-tools.mjs')];
const attw = join(root, 'node_modules/.bin/attw');

/** The entries a host's server code imports: neither they nor anything they import may need React. */
const REACT_FREE_ENTRIES = [
  './adapters',
  './adapters/memory',
  './adapters/label-studio',
  './label-studio',
  './hotkeys',
  './image',
  './testing/images',
];

/** Packages whose code only runs inside React: a module that reaches one of them is client code. */
const REACT_PACKAGES = /^(react|react-dom)($|\/)|^@radix-ui\/|^react-hook-form$|^@hookform\//;

interface Manifest {
  exports: Record<string, string | Record<string, string>>;
  devDependencies: Record<string, string>;
}

function typecheck(project: string, cwd = consumer): string {
  try {
    execFileSync(tsc, ['-p', project], { cwd, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/** The installed package's JavaScript file for an "exports" subpath. */
function entryFile(manifest: Manifest, subpath: string): string {
  const target = manifest.exports[subpath];
  const file = typeof target === 'string' ? target : target?.default;
  if (!file) throw new Error(`package.json "exports" has no JavaScript file for ${subpath}`);
  return join(installed, file);
}

/** A built module as its parser sees it: whether its first statement is `'use client'`, and what it imports. */
interface BuiltModule {
  isClient: boolean;
  /** Other files of the package, as absolute paths. */
  files: string[];
  /** Bare specifiers: the package's dependencies and peers. */
  packages: string[];
}

function readModule(file: string): BuiltModule {
  const { program, errors } = parseSync(file, readFileSync(file, 'utf8'));
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const first = program.body[0];
  const specifiers = program.body.flatMap((statement) =>
    (statement.type === 'ImportDeclaration' ||
      statement.type === 'ExportAllDeclaration' ||
      statement.type === 'ExportNamedDeclaration') &&
    statement.source
      ? [statement.source.value]
      : [],
  );
  return {
    isClient: first?.type === 'ExpressionStatement' && first.directive === 'use client',
    files: specifiers.filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s)),
    packages: specifiers.filter((s) => !s.startsWith('.')),
  };
}

function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

let unpacked: string | undefined;

/** Packs the package and unpacks it into test/package/node_modules (once per run); returns the tarball. */
function unpackOnce(): string {
  const tarball = packPackage();
  if (unpacked === tarball) return tarball;
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  unpacked = tarball;
  return tarball;
}

describe('the built package, as a host app installs it', () => {
  let tarball: string;

  beforeAll(() => {
    tarball = unpackOnce();
  }, 60_000);

  it('ships a file for every path in "exports"', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    const targets = Object.values(manifest.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    const missing = targets.filter((target) => !existsSync(join(installed, target)));
    expect(missing).toEqual([]);
  });

  it('type-checks a consumer that imports every entry (bundler resolution)', () => {
    expect(typecheck('tsconfig.bundler.json')).toBe('');
  }, 180_000);

  it('type-checks the same consumer under Node ESM resolution', () => {
    expect(typecheck('tsconfig.nodenext.json')).toBe('');
  }, 180_000);

  it('runs the React-free entries in plain Node, with neither React nor Vitest to import', () => {
    const output = execFileSync(process.execPath, [...withoutTestTools, join(consumer, 'node-consumer.mjs')], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      firstName: 'Grace',
      header: { ok: true, type: 'png', width: 1201, height: 10 },
      built: { bytes: 4096, header: { ok: true, type: 'png', width: 64, height: 48 } },
      verdict: {
        ok: false,
        code: 'too_many_pixels',
        message: 'This image is 1201 × 10 px. The largest allowed is 1200 × 1200 px.',
      },
      error: { code: 'network', retryable: true },
    });
  });

  it('hides Vitest from that consumer, so an entry that needs it fails there', () => {
    let failure = '';
    try {
      execFileSync(
        process.execPath,
        [...withoutTestTools, '--input-type=module', '-e', "import 'react-account-settings/testing';"],
        {
          cwd: consumer,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      failure = String((error as { stderr?: string }).stderr);
    }
    expect(failure).toContain("Cannot find package 'vitest': this consumer has no vitest installed");
  });

  it('ships no tests, stories or sources', () => {
    const files = execFileSync('find', [installed, '-type', 'f'], { encoding: 'utf8' }).split('\n');
    expect(files.filter((file) => /\.(test|stories)\.|\/src\/|\.tsx?$/.test(file) && !file.endsWith('.d.ts'))).toEqual(
      [],
    );
  });

  it('passes publint --strict, suggestions included', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  }, 60_000);

  it('passes Are the Types Wrong (ESM-only profile) for every entry but the stylesheet', () => {
    const result = spawnSync(
      attw,
      [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'json'],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(result.stdout) as { analysis: { entrypoints: Record<string, unknown> } };
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    const checked = Object.keys(report.analysis.entrypoints);
    expect(checked).toEqual(Object.keys(manifest.exports).filter((subpath) => subpath !== './styles.css'));
    expect(result.status, result.stdout).toBe(0);
  }, 120_000);
});

describe("'use client' in the built modules", () => {
  const modules = new Map<string, BuiltModule>();
  let manifest: Manifest;

  beforeAll(() => {
    unpackOnce();
    manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    for (const file of listFiles(join(installed, 'dist'), '.js')) modules.set(file, readModule(file));
  });

  /** Whether a module imports React or a React library, itself or through the modules it imports. */
  function reachesReact(file: string, seen = new Set<string>()): boolean {
    if (seen.has(file)) return false;
    seen.add(file);
    const module = modules.get(file);
    if (!module) throw new Error(`${file} imports a file the package does not ship`);
    return module.packages.some((name) => REACT_PACKAGES.test(name)) || module.files.some((f) => reachesReact(f, seen));
  }

  /** Every file an entry loads, itself included. */
  function graphOf(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of modules.get(file)?.files ?? []) graphOf(imported, seen);
    return seen;
  }

  const name = (file: string) => relative(installed, file);

  it('starts exactly the modules that reach React through their imports with the directive', () => {
    const expected = [...modules.keys()]
      .filter((file) => reachesReact(file))
      .map(name)
      .sort();
    const marked = [...modules.entries()]
      .filter(([, module]) => module.isClient)
      .map(([file]) => name(file))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(marked).toEqual(expected);
  });

  it('makes the main entry, the provider and every component entry a client boundary', () => {
    const rendering = Object.keys(manifest.exports).filter(
      (subpath) =>
        subpath === '.' || subpath === './provider' || entryFile(manifest, subpath).includes('/dist/components/'),
    );
    expect(rendering.length).toBeGreaterThan(10);
    const unmarked = rendering.filter((subpath) => !modules.get(entryFile(manifest, subpath))?.isClient);
    expect(unmarked).toEqual([]);
  });

  it('leaves the React-free entries, and every module they load, without the directive and without React', () => {
    const offenders = REACT_FREE_ENTRIES.flatMap((subpath) =>
      [...graphOf(entryFile(manifest, subpath))]
        .filter((file) => {
          const module = modules.get(file);
          return module?.isClient || module?.packages.some((pkg) => REACT_PACKAGES.test(pkg));
        })
        .map((file) => `${subpath}: ${name(file)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the sourcemaps of the modules that got the directive pointing at the right source', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [file, module] of modules) {
      const code = readFileSync(file, 'utf8');
      // Modules that only re-export have no code to map, and no sourcemap.
      if (!module.isClient || !code.includes('//# sourceMappingURL=')) continue;
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourcesContent: string[] };
      const trace = new TraceMap(map as never);
      for (const [index, line] of code.split('\n').entries()) {
        // Each declared name in the output must map to that same name in the source.
        const declaration = /\b(?:function|const|let|var)\s+([A-Za-z_$][\w$]*)/.exec(line);
        if (!declaration?.[1]) continue;
        const column = declaration.index + declaration[0].length - declaration[1].length;
        const original = originalPositionFor(trace, { line: index + 1, column });
        if (original.source === null) continue;
        const sourceLine = map.sourcesContent[map.sources.indexOf(original.source)]?.split('\n')[original.line - 1];
        checked++;
        if (!sourceLine?.slice(original.column).startsWith(declaration[1])) {
          mismatches.push(`${name(file)}:${index + 1} ${declaration[1]} → ${original.line}:${original.column}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});

describe('installed from the registry with npm install --engine-strict, by a Node server app', () => {
  const app = mkdtempSync(join(tmpdir(), 'ras-install-'));
  let install: SpawnSyncReturns<string>;

  beforeAll(() => {
    const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    cpSync(join(consumer, 'node-server'), app, { recursive: true });
    install = spawnSync(
      'npm',
      [
        'install',
        '--engine-strict',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        packPackage(),
        `@types/node@${devDependencies['@types/node']}`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
  }, 300_000);

  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('installs on this Node with its engines checked, without React types', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(app, 'node_modules/react-account-settings/dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@types/react'))).toBe(false);
  });

  it('type-checks the React-free entries with Node types alone: no DOM lib, no @types/react', () => {
    expect(typecheck('tsconfig.json', app)).toBe('');
  }, 180_000);

  it('require()s /adapters, /hotkeys, /image and every other entry from CommonJS', () => {
    const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    const run = spawnSync(process.execPath, ['require.cjs'], { cwd: app, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      loaded: Object.keys(exports).filter((subpath) => !/\.(css|json)$/.test(subpath) && subpath !== './testing'),
      combo: { ok: true, combo: 'ctrl+shift+z' },
      normalized: 'ctrl+shift+z',
      header: { ok: true, type: 'png', width: 1201, height: 10 },
      error: { code: 'network', isAccountError: true, retryable: true },
      sameClass: true,
    });
  });
});

afterAll(() => removePackedPackage());
