// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packPackage, removePackedPackage, repoRoot } from '../support/pack-package';

const folder = join(repoRoot, 'test/readme');
const examples = join(folder, 'examples');
const installed = join(folder, 'node_modules/react-account-settings');

interface Example {
  line: number;
  file: string;
  code: string;
}

/** Every file of the Next.js app that test/unit/consumers.test.ts builds with `next build`. */
function nextAppFiles(dir = join(repoRoot, 'test/consumers/next-app/app')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? nextAppFiles(join(dir, entry.name)) : [readFileSync(join(dir, entry.name), 'utf8')],
  );
}

/** Every ```ts / ```tsx block of the README, written out as its own module. */
function writeExamples(): Example[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const nextFiles = nextAppFiles();
  const found: Example[] = [];
  rmSync(examples, { recursive: true, force: true });
  mkdirSync(examples, { recursive: true });
  mkdirSync(join(examples, 'next'), { recursive: true });
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(tsx?)\s*$/.exec(lines[index] ?? '');
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]?.startsWith('```')) end++;
    const file = `line-${String(start + 1).padStart(4, '0')}.${fence[1] ?? 'ts'}`;
    const code = lines.slice(start, end).join('\n');
    // `export {}` makes every block a module of its own, as a file in an app would be. A block that
    // is a file of the Next.js app goes aside: `next build` checks it there (see below).
    const folder = nextFiles.includes(`${code}\n`) ? join(examples, 'next') : examples;
    writeFileSync(join(folder, file), `${code}\nexport {};\n`);
    found.push({ line: start + 1, file, code });
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
  // Examples that import Next.js must be files of the Next.js app the consumer test builds.
  const nextFiles = nextAppFiles();
  const nextExamples = found.filter(({ code }) => /from 'next\//.test(code));
  expect(
    nextExamples.filter(({ code }) => !nextFiles.includes(`${code}\n`)).map(({ line }) => `README.md:${line}`),
    'README examples that import Next.js but are no file of test/consumers/next-app',
  ).toEqual([]);
  const errors = output
    .split('\n')
    .filter((line) => line.includes('error TS'))
    .map((line) => {
      const match = /examples\/line-(\d+)\.tsx?\((\d+),\d+\): (.*)$/.exec(line);
      return match ? `README.md:${Number(match[1]) + Number(match[2]) - 1}: ${match[3]}` : line;
    });
  expect(errors).toEqual([]);
}, 180_000);

afterAll(() => removePackedPackage());
