import { normalizeCombo } from './combo';
import type { HotkeyBinding, HotkeyConflict } from './types';

/**
 * Finds groups of two or more active bindings in one scope that share a normalized combo, in order of
 * first appearance; bindings with an empty key are skipped. Never throws.
 */
export function findConflicts(bindings: readonly HotkeyBinding[]): HotkeyConflict[] {
  if (!Array.isArray(bindings)) return [];
  const groups = new Map<string, HotkeyConflict>();
  for (const binding of bindings) {
    if (typeof binding !== 'object' || binding === null || binding.active !== true) continue;
    if (typeof binding.key !== 'string' || binding.key.trim() === '') continue;
    const combo = normalizeCombo(binding.key) ?? binding.key.trim().toLowerCase();
    const scope = typeof binding.scope === 'string' ? binding.scope : 'global';
    const groupKey = JSON.stringify([scope, combo]);
    const group = groups.get(groupKey);
    if (group) group.bindingIds.push(binding.id);
    else groups.set(groupKey, { combo, scope, bindingIds: [binding.id] });
  }
  return [...groups.values()].filter((group) => group.bindingIds.length > 1);
}

/** A conflict the user brought about: a group of `findConflicts` that the baseline did not have in this form. */
export interface HotkeyAddedConflict extends HotkeyConflict {
  /** The members that joined the group since the baseline (their combo, scope or on/off state changed), in list order. */
  addedIds: string[];
}

/** The group key a binding falls in, or null when it is in none (off, or no combo). */
function groupKeyOf(binding: HotkeyBinding | undefined): string | null {
  if (typeof binding !== 'object' || binding === null || binding.active !== true) return null;
  if (typeof binding.key !== 'string' || binding.key.trim() === '') return null;
  const combo = normalizeCombo(binding.key) ?? binding.key.trim().toLowerCase();
  const scope = typeof binding.scope === 'string' ? binding.scope : 'global';
  return JSON.stringify([scope, combo]);
}

/**
 * The conflicts among `bindings` that the user made, compared with `baseline` (the same actions as
 * saved): a group counts only when at least one member was not in it in the baseline. Duplicates
 * that were already there (a preset's defaults may share `alt+left` on purpose) are left out.
 * Never throws.
 */
export function findAddedConflicts(
  bindings: readonly HotkeyBinding[],
  baseline: readonly HotkeyBinding[],
): HotkeyAddedConflict[] {
  const before = new Map<string, string | null>();
  if (Array.isArray(baseline)) {
    for (const binding of baseline) {
      if (typeof binding === 'object' && binding !== null) before.set(binding.id, groupKeyOf(binding));
    }
  }
  const added: HotkeyAddedConflict[] = [];
  for (const conflict of findConflicts(bindings)) {
    const groupKey = JSON.stringify([conflict.scope, conflict.combo]);
    const addedIds = conflict.bindingIds.filter((id) => before.get(id) !== groupKey);
    if (addedIds.length > 0) added.push({ ...conflict, addedIds });
  }
  return added;
}
