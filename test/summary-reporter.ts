import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/** What the closing line counts: tests that passed, and everything that failed. */
export interface RunCounts {
  passed: number;
  failed: number;
}

/**
 * Counts a finished run: a failed test is one failure; so is every error a file or a suite
 * reports outside its tests (a `beforeAll`/`afterAll` hook that threw, a file that failed to
 * load), a file that failed without saying why, a test left unfinished, and an unhandled error.
 */
export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): RunCounts {
  let passed = 0;
  let failed = 0;
  for (const testModule of testModules) {
    let failedHere = 0;
    for (const test of testModule.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed' || state === 'pending') failedHere++;
    }
    const suites: Array<TestModule | TestSuite> = [testModule, ...testModule.children.allSuites()];
    for (const suite of suites) failedHere += suite.errors().length;
    if (failedHere === 0 && testModule.state() === 'failed') failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed: failed + unhandledErrors.length };
}

/** Prints the closing line CI reads: `N passed, N failed`. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const { passed, failed } = countRun(testModules, unhandledErrors);
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
