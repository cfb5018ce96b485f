// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/pack-package';

it('counts a failed test, a throwing beforeAll, a file that fails to load and an unhandled error as failures', () => {
  const run = spawnSync(
    join(repoRoot, 'node_modules/.bin/vitest'),
    ['run', '--config', join(repoRoot, 'test/fixtures/reporter/vitest.config.ts')],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } },
  );
  const closing = run.stdout.trim().split('\n').at(-1);
  // passed: "passes" and the unhandled file's test. failed: "fails", the beforeAll error,
  // the file that failed to load, and the unhandled rejection.
  expect(closing).toBe('2 passed, 4 failed');
  expect(run.status).not.toBe(0);
}, 120_000);
