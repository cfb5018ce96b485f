// @vitest-environment node
// The size budget: every public entry of the built package (dist/), bundled the way a host app
// bundles it, stays within its gzip budget in bench/size-budget.json. npm test builds dist/ first.
import { beforeAll, describe, expect, it } from 'vitest';
import budgetFile from '../../bench/size-budget.json';
import { EVERYTHING, listPublicEntries, measureSizes, type EntrySize } from '../../bench/size.mjs';

const budgets: Record<string, number> = budgetFile.budgets;
const names = [...listPublicEntries().map((entry) => entry.subpath), EVERYTHING];

/** Bytes as people read them: `25,271 B (24.7 KB)`. */
function describeBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KB)`;
}

describe('size budget: gzip bytes a host app bundles per entry of dist/', () => {
  const sizes = new Map<string, EntrySize>();

  beforeAll(async () => {
    for (const size of await measureSizes()) sizes.set(size.name, size);
  }, 180_000);

  /** The measured size of an entry; measureSizes reports every public entry. */
  function sizeOf(name: string): EntrySize {
    const size = sizes.get(name);
    if (!size) throw new Error(`bench/size.mjs did not measure ${name}`);
    return size;
  }

  it('has a budget for every public entry and everything, and none for entries that are gone', () => {
    const missing = names.filter((name) => budgets[name] === undefined);
    const stale = Object.keys(budgets).filter((name) => !names.includes(name));
    expect(missing, 'entries without a budget in bench/size-budget.json').toEqual([]);
    expect(stale, 'budgets in bench/size-budget.json for entries package.json no longer exports').toEqual([]);
  });

  it.each(names)('%s stays within its budget', (name) => {
    const budget = budgets[name];
    if (budget === undefined) throw new Error(`${name} has no budget in bench/size-budget.json`);
    const { gzip } = sizeOf(name);
    expect(
      gzip,
      `${name} is ${describeBytes(gzip)} gzip, over its budget of ${describeBytes(budget)} in bench/size-budget.json`,
    ).toBeLessThanOrEqual(budget);
  });
});
