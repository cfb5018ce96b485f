// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packPackage, repoRoot as root } from '../support/pack-package';

const consumer = join(root, 'test/package');
const installed = join(consumer, 'node_modules/react-account-settings');
const tsc = join(root, 'node_modules/.bin/tsc');
/** Node options that make React and Vitest unresolvable, as for a host's backend without them. */
const withoutTestTools = ['--import', join(consumer, 'without-test-tools.mjs')];

function typecheck(project: string): string {
  try {
    execFileSync(tsc, ['-p', join(consumer, project)], { cwd: consumer, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe('the built package, as a host app installs it', () => {
  beforeAll(() => {
    const tarball = packPackage();
    rmSync(installed, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  }, 60_000);

  it('ships a file for every path in "exports"', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
    };
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
});
