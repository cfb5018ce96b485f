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
