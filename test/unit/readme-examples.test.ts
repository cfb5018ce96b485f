// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { packPackage, repoRoot } from '../support/pack-package';

const folder = join(repoRoot, 'test/readme');
const examples = join(folder, 'examples');
const installed = join(folder, 'node_modules/react-account-settings');

interface Example {
  line: number;
  file: string;
}

/** Every ```ts / ```tsx block of the README, written out as its own module. */
function writeExamples(): Example[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const found: Example[] = [];
  rmSync(examples, { recursive: true, force: true });
  mkdirSync(examples, { recursive: true });
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(tsx?)\s*$/.exec(lines[index] ?? '');
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]?.startsWith('```')) end++;
    const file = `line-${String(start + 1).padStart(4, '0')}.${fence[1] ?? 'ts'}`;
    // `export {}` makes every block a module of its own, as a file in an app would be.
    writeFileSync(join(examples, file), `${lines.slice(start, end).join('\n')}\nexport {};\n`);
    found.push({ line: start + 1, file });
    index = end;
  }
  return found;
}

beforeAll(() => {
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', packPackage(), '-C', installed, '--strip-components=1']);
}, 120_000);

it('type-checks every TypeScript example in the README as written, against the packed package', () => {
  const found = writeExamples();
  expect(found.length).toBeGreaterThan(10);
  let output = '';
  try {
    execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-p', folder], { encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  // Name each error by the README line it comes from, so the message says what to fix.
  const errors = output
    .split('\n')
    .filter((line) => line.includes('error TS'))
    .map((line) => {
      const match = /examples\/line-(\d+)\.tsx?\((\d+),\d+\): (.*)$/.exec(line);
      return match ? `README.md:${Number(match[1]) + Number(match[2]) - 1}: ${match[3]}` : line;
    });
  expect(errors).toEqual([]);
}, 180_000);
