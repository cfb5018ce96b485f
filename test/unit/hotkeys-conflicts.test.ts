import { describe, expect, it } from 'vitest';
import { resolveBindings } from '../../src/core/hotkeys/bindings';
import { findAddedConflicts, findConflicts } from '../../src/core/hotkeys/conflicts';
import type { HotkeyBinding } from '../../src/core/hotkeys/types';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';

const defaults = resolveBindings(labelStudioDefaultHotkeys, {});

/** The default bindings with one row changed. */
function edit(rows: readonly HotkeyBinding[], label: string, change: Partial<HotkeyBinding>): HotkeyBinding[] {
  return rows.map((row) => (row.label === label ? { ...row, ...change } : row));
}

describe('findAddedConflicts', () => {
  it("reports none for Label Studio's untouched defaults, whose duplicates are deliberate", () => {
    expect(findConflicts(defaults).length).toBeGreaterThan(0);
    expect(findAddedConflicts(defaults, defaults)).toEqual([]);
  });

  it('reports a combo the user gave a second row, naming the row that joined', () => {
    const edited = edit(defaults, 'Submit Annotation', { key: 'ctrl+z' });
    const added = findAddedConflicts(edited, defaults);
    const submit = edited.find((row) => row.label === 'Submit Annotation');
    const undo = edited.find((row) => row.label === 'Undo');
    expect(added).toEqual([
      { combo: 'ctrl+z', scope: 'global', bindingIds: [submit?.id, undo?.id], addedIds: [submit?.id] },
    ]);
  });

  it('reports a row switched on into a combo another row has', () => {
    const baseline = edit(defaults, 'Submit Annotation', { key: 'ctrl+z', active: false });
    const switchedOn = edit(baseline, 'Submit Annotation', { active: true });
    expect(findAddedConflicts(baseline, baseline)).toEqual([]);
    expect(findAddedConflicts(switchedOn, baseline).map((conflict) => conflict.combo)).toEqual(['ctrl+z']);
  });

  it('reports a fifth row joining a deliberate group of four, and only the fifth as added', () => {
    const edited = edit(defaults, 'Undo', { key: 'alt+left' });
    const added = findAddedConflicts(edited, defaults).find((conflict) => conflict.combo === 'alt+left');
    expect(added?.bindingIds.length).toBeGreaterThan(2);
    expect(added?.addedIds).toEqual([edited.find((row) => row.label === 'Undo')?.id]);
  });

  it('reports nothing once the edit is undone', () => {
    const edited = edit(defaults, 'Submit Annotation', { key: 'ctrl+z' });
    const undone = edit(edited, 'Submit Annotation', { key: 'ctrl+enter' });
    expect(findAddedConflicts(undone, defaults)).toEqual([]);
  });

  it('never throws on odd input', () => {
    expect(findAddedConflicts(null as unknown as HotkeyBinding[], defaults)).toEqual([]);
    expect(findAddedConflicts(defaults, null as unknown as HotkeyBinding[]).length).toBeGreaterThan(0);
  });
});
