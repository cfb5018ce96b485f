import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let packed: string | undefined;

/**
 * Packs the built package with `npm pack` (which applies "files", so this is exactly what would
 * be published) and returns the tarball's path; one pack per test process.
 */
export function packPackage(): string {
  if (packed && existsSync(packed)) return packed;
  if (!existsSync(join(repoRoot, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const packDir = mkdtempSync(join(tmpdir(), 'ras-pack-'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string }];
  packed = join(packDir, filename);
  return packed;
}

/**
 * Removes the packed tarball and its temporary folder; a test file that packs calls this in its
 * `afterAll`, and the next file that needs the package packs it again.
 */
export function removePackedPackage(): void {
  if (packed) rmSync(dirname(packed), { recursive: true, force: true });
  packed = undefined;
}
