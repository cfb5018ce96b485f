import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountAdapter, HotkeyOverrides } from '../adapters/types';
import { definitionsWithOverrides, resolveBindings, sameCombo, toOverrides } from '../core/hotkeys/bindings';
import { normalizeCombo } from '../core/hotkeys/combo';
import { findAddedConflicts } from '../core/hotkeys/conflicts';
import { createHotkeySearchIndex } from '../core/hotkeys/search';
import * as defaultPreset from '../label-studio/default-preset';
import type { HotkeyBinding, HotkeyDefinition, HotkeyPlatform, HotkeySection } from '../core/hotkeys/types';
import { useOptionalAccount } from '../provider/account-context';
import { useHotkeysCoordination } from './hotkeys/hotkeys-context';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, type WriteStatus } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';

/** The maps one scope reads: the account map, and the map edited (the account map again, or a project's override). */
interface ScopeMaps {
  account: HotkeyOverrides;
  saved: HotkeyOverrides;
  /** The project the maps were read for, or `null` for the account. */
  scope: string | null;
}

/** A row's edit: the combo and on/off state the user chose, not yet saved. */
interface RowEdit {
  key: string;
  active: boolean;
}

/** A combo the user chose that another active action already uses, waiting for "Allow duplicate". */
export interface PendingDuplicate {
  /** The row that would get the combo. */
  id: string;
  /** The combo. */
  key: string;
  /** The rows that already use it. */
  conflictsWith: string[];
}

/** Options of `useHotkeyEditor`. */
export interface UseHotkeyEditorOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The app's actions and their defaults. @default the default preset's 77 actions (from react-account-settings/label-studio) */
  definitions?: readonly HotkeyDefinition[];
  /** The sections, in display order. @default the default preset's 9 sections (from react-account-settings/label-studio) */
  sections?: readonly HotkeySection[];
  /** Writes the bindings as the export file's content (`exportJson` prints it). @default the default preset's `toHotkeyExport` */
  toExport?: (bindings: readonly HotkeyBinding[]) => unknown;
  /** The project whose override to edit (from `listProjects`), against the account map as its defaults; absent or `null` for the account map. */
  projectId?: string | null;
  /** Called whenever there start or stop being unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Called with the stored overrides after a save. */
  onSaved?: (overrides: HotkeyOverrides) => void;
}

/** One section as the editor shows it: its rows (after the search in `visibleSections`, all of them in `allSections`). */
export interface HotkeyEditorSection extends HotkeySection {
  /** The section's bindings (in `visibleSections`, those that match the search). */
  bindings: HotkeyBinding[];
}

/**
 * Why Save can't be used now: nothing changed (`unchanged`), a combo waits for "Allow duplicate"
 * (`pending-duplicate`), a duplicate the user made is not allowed or undone yet (`duplicates`), or
 * the adapter has no `saveHotkeys` (`read-only`).
 */
export type HotkeySaveBlocker = 'unchanged' | 'pending-duplicate' | 'duplicates' | 'read-only';

/** What `useHotkeyEditor` returns. */
export type UseHotkeyEditorResult = ReadState<HotkeyOverrides> & UseHotkeyEditorFields;

/** The editor's own part of `useHotkeyEditor`'s result, beside the read of the saved overrides (`data`). */
export interface UseHotkeyEditorFields {
  /** Every binding as edited (unsaved changes applied). */
  bindings: HotkeyBinding[];
  /** The sections with the rows that match the search. */
  visibleSections: HotkeyEditorSection[];
  /** Every section with every row, whatever the search (for lists that hide rows instead of dropping them); stable while the rows don't change. */
  allSections: HotkeyEditorSection[];
  /** Whether the row with this id matches the search (every row does when the search is blank). */
  isMatch: (id: string) => boolean;
  /** How many rows match the search. */
  visibleCount: number;
  /** The search text. */
  query: string;
  /** Sets the search text. */
  setQuery: (query: string) => void;
  /**
   * For each row in a duplicate the user made and has not allowed yet, the ids to name in its note:
   * on a row that took the combo, every other row with it; on a row that had it, the rows that took it.
   * Duplicates that were already saved (or ship in the defaults) are not listed.
   */
  conflicts: ReadonlyMap<string, readonly string[]>;
  /** The rows whose duplicate waits for `allowDuplicate(id)` (or for being undone), in list order. */
  unallowedDuplicates: readonly string[];
  /** A chosen combo waiting for "Allow duplicate", or `null`. */
  pending: PendingDuplicate | null;
  /** Whether there are unsaved changes. */
  isDirty: boolean;
  /** Whether the adapter can save. */
  canSave: boolean;
  /** Why Save can't be used now, or `null` when it can (a save under way is `save.isPending`). */
  saveBlocker: HotkeySaveBlocker | null;
  /** Gives a row a combo; a combo another action uses waits for `allowDuplicate`. */
  setKey: (id: string, key: string) => void;
  /** Turns a row on or off. */
  setActive: (id: string, active: boolean) => void;
  /** Puts a row back to its default. */
  resetRow: (id: string) => void;
  /** Accepts a duplicate: the pending one (or, given its id, that row's), or a row's duplicate made by an import, Reset or its switch. */
  allowDuplicate: (id?: string) => void;
  /** Drops the pending duplicate. */
  cancelDuplicate: () => void;
  /** Puts rows' combos and states in place (an import); unsaved until `save`. */
  applyBindings: (imported: readonly HotkeyBinding[]) => number;
  /** Forgets every unsaved change. */
  discard: () => void;
  /** The save: `save.run()` saves the overrides (rows that differ from their defaults) through `saveHotkeys` and resolves to whether it worked. */
  save: WriteStatus & { run: () => Promise<boolean> };
  /** Saves an empty map (every shortcut back to its default) through the same write, so `save` reports it. */
  resetToDefaults: () => Promise<boolean>;
  /** The edited map in the export format (`toExport`), as pretty JSON. */
  exportJson: () => string;
  /** Looks a row up by id. */
  bindingById: (id: string) => HotkeyBinding | undefined;
  /** A section's title by id. */
  sectionTitle: (id: string) => string;
  /** The platform combos are shown for. */
  platform: HotkeyPlatform;
  /** The project whose override is edited, or `null` for the account map. */
  projectId: string | null;
}

/**
 * The headless shortcut editor: loads the user's overrides, keeps unsaved edits per row,
 * notes the duplicates the user makes until they are allowed or undone (a recorded one waits
 * for "Allow duplicate"), searches through an index built once per definitions change,
 * and saves only the rows that differ from their defaults. Unchanged rows keep their
 * object identity between edits, so a memoized row re-renders only when it changes.
 *
 * @example
 * const editor = useHotkeyEditor({ onDirtyChange: setUnsaved });
 * editor.setKey('annotation:annotation:submit', 'ctrl+shift+enter');
 * if (editor.saveBlocker === null) await editor.save.run();
 */
export function useHotkeyEditor(options: UseHotkeyEditorOptions = {}): UseHotkeyEditorResult {
  const adapter = useAdapter(options.adapter);
  const platform = useOptionalAccount()?.platform ?? 'other';
  const channel = useHotkeysCoordination().overrides;
  const definitions = options.definitions ?? defaultPreset.hotkeyDefinitions;
  const sections = options.sections ?? defaultPreset.hotkeySections;
  const toExport = options.toExport ?? defaultPreset.toHotkeyExport;

  const projectId = options.projectId ?? null;

  // In a project's scope the account map is read too: it is what the project's rows are compared against.
  const loaded = useResource(
    async (signal) => {
      if (!adapter.getHotkeys) return { account: {}, saved: {}, scope: projectId } as ScopeMaps;
      if (projectId === null) {
        const saved = await adapter.getHotkeys({ signal });
        return { account: saved, saved, scope: projectId };
      }
      const [account, saved] = await Promise.all([
        adapter.getHotkeys({ signal }),
        adapter.getHotkeys({ projectId, signal }),
      ]);
      return { account, saved, scope: projectId };
    },
    [adapter, projectId],
  );
  // A map read for another scope is never shown while this one loads.
  const maps = loaded.latest?.scope === projectId ? loaded.latest : undefined;
  const savedOverrides = maps?.saved;
  const baseDefinitions = useMemo(
    () => (projectId === null || !maps ? definitions : definitionsWithOverrides(definitions, maps.account)),
    [definitions, projectId, maps],
  );
  const savedBindings = useMemo(
    () => resolveBindings(baseDefinitions, savedOverrides ?? {}),
    [baseDefinitions, savedOverrides],
  );

  const [edits, setEdits] = useState<ReadonlyMap<string, RowEdit>>(() => new Map());
  const [pending, setPending] = useState<PendingDuplicate | null>(null);
  const [query, setQuery] = useState('');
  // Duplicates the user allowed: row id → the combo allowed for it.
  const [allowed, setAllowed] = useState<ReadonlyMap<string, string>>(() => new Map());
  // Another scope starts without the edits made in this one (the component asks before switching).
  const [editedScope, setEditedScope] = useState(projectId);
  if (editedScope !== projectId) {
    setEditedScope(projectId);
    setEdits(new Map());
    setAllowed(new Map());
    setPending(null);
  }

  // Rows without an edit are the saved objects themselves, so memoized rows can skip rendering.
  const bindings = useMemo(
    () =>
      savedBindings.map((binding) => {
        const edit = edits.get(binding.id);
        return edit ? { ...binding, key: edit.key, active: edit.active } : binding;
      }),
    [savedBindings, edits],
  );
  const byId = useMemo(() => new Map(bindings.map((binding) => [binding.id, binding])), [bindings]);

  const { conflicts, unallowedDuplicates } = useMemo(() => {
    const map = new Map<string, string[]>();
    const waiting: string[] = [];
    for (const conflict of findAddedConflicts(bindings, savedBindings)) {
      const unallowed = conflict.addedIds.filter((id) => {
        const allowedKey = allowed.get(id);
        return allowedKey === undefined || allowedKey !== byId.get(id)?.key;
      });
      if (unallowed.length === 0) continue;
      waiting.push(...unallowed);
      // A row is in one group at most (one combo in one scope), so each row is set once.
      for (const id of conflict.bindingIds) {
        const named = (unallowed.includes(id) ? conflict.bindingIds : unallowed).filter((other) => other !== id);
        if (named.length > 0) map.set(id, named);
      }
    }
    const order = new Map(bindings.map((binding, index) => [binding.id, index]));
    waiting.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { conflicts: map as ReadonlyMap<string, readonly string[]>, unallowedDuplicates: waiting };
  }, [bindings, savedBindings, allowed, byId]);

  const isDirty = bindings.some((binding, index) => binding !== savedBindings[index]);

  const latest = useRef({ bindings, savedBindings, pending, byId });
  useEffect(() => {
    latest.current = { bindings, savedBindings, pending, byId };
  });

  const onDirtyChange = useRef(options.onDirtyChange);
  const onSaved = useRef(options.onSaved);
  useEffect(() => {
    onDirtyChange.current = options.onDirtyChange;
    onSaved.current = options.onSaved;
  });
  useEffect(() => {
    onDirtyChange.current?.(isDirty);
  }, [isDirty]);

  const canSave = typeof adapter.saveHotkeys === 'function';
  useEffect(() => {
    if (!canSave) warnMissingMethod('HotkeyEditor', 'saveHotkeys');
  }, [canSave]);

  /** Records a row's new state, or drops the edit when it matches what is saved. */
  const putEdit = useCallback((id: string, next: RowEdit) => {
    const saved = latest.current.savedBindings.find((binding) => binding.id === id);
    setEdits((current) => {
      const copy = new Map(current);
      if (saved && sameCombo(saved.key, next.key) && saved.active === next.active) copy.delete(id);
      else copy.set(id, next);
      return copy;
    });
  }, []);

  const setKey = useCallback(
    (id: string, key: string) => {
      const row = latest.current.byId.get(id);
      if (!row) return;
      const saved = latest.current.savedBindings.find((binding) => binding.id === id);
      // Going back to the saved combo brings back only what was already there: nothing to ask.
      const backToSaved = saved !== undefined && saved.active === row.active && sameCombo(saved.key, key);
      const conflictsWith =
        key === '' || backToSaved
          ? []
          : latest.current.bindings
              .filter(
                (other) => other.id !== id && other.active && other.scope === row.scope && sameCombo(other.key, key),
              )
              .map((other) => other.id);
      if (conflictsWith.length > 0 && row.active) {
        setPending({ id, key, conflictsWith });
        return;
      }
      setPending(null);
      putEdit(id, { key, active: row.active });
    },
    [putEdit],
  );

  const setActive = useCallback(
    (id: string, active: boolean) => {
      const row = latest.current.bindings.find((binding) => binding.id === id);
      if (row) putEdit(id, { key: row.key, active });
    },
    [putEdit],
  );

  const resetRow = useCallback(
    (id: string) => {
      const row = latest.current.bindings.find((binding) => binding.id === id);
      if (row) putEdit(id, { key: row.defaultKey, active: row.defaultActive });
      setPending((current) => (current?.id === id ? null : current));
    },
    [putEdit],
  );

  const allowDuplicate = useCallback(
    (id?: string) => {
      const current = latest.current.pending;
      if (current && (id === undefined || id === current.id)) {
        const row = latest.current.byId.get(current.id);
        if (row) {
          putEdit(current.id, { key: current.key, active: row.active });
          setAllowed((before) => new Map(before).set(current.id, normalizeCombo(current.key) ?? current.key));
        }
        setPending(null);
        return;
      }
      const row = id === undefined ? undefined : latest.current.byId.get(id);
      if (row) setAllowed((before) => new Map(before).set(row.id, row.key));
    },
    [putEdit],
  );

  const cancelDuplicate = useCallback(() => setPending(null), []);

  const applyBindings = useCallback(
    (imported: readonly HotkeyBinding[]) => {
      let changed = 0;
      for (const binding of imported) {
        const row = latest.current.bindings.find((existing) => existing.id === binding.id);
        if (!row) continue;
        if (!sameCombo(row.key, binding.key) || row.active !== binding.active) changed++;
        putEdit(binding.id, { key: binding.key, active: binding.active });
      }
      setPending(null);
      return changed;
    },
    [putEdit],
  );

  const setSaved = loaded.setData;
  const mutation = useMutation((overrides: HotkeyOverrides, signal) => {
    if (!adapter.saveHotkeys) return Promise.resolve(overrides);
    return adapter.saveHotkeys(overrides, projectId === null ? { signal } : { projectId, signal });
  });
  const runSave = mutation.run;

  const store = useCallback(
    async (overrides: HotkeyOverrides) => {
      const result = await runSave(overrides);
      if (!result?.ok) return false;
      const saved = result.value;
      setSaved((current) => ({
        account: projectId === null ? saved : (current?.account ?? {}),
        saved,
        scope: projectId,
      }));
      setEdits(new Map());
      setAllowed(new Map());
      setPending(null);
      channel.publish(adapter, saved, projectId);
      onSaved.current?.(result.value);
      return true;
    },
    [adapter, channel, runSave, setSaved, projectId],
  );

  // Label, description and section words are indexed once per definitions change; each keystroke only asks the index.
  const searchIndex = useMemo(
    () => createHotkeySearchIndex(definitions, { sections, platform }),
    [definitions, sections, platform],
  );
  const allSections = useMemo(() => {
    const known = new Set(sections.map((section) => section.id));
    const extra = [...new Set(bindings.map((binding) => binding.section))]
      .filter((id) => !known.has(id))
      .map((id) => ({ id, title: id }));
    return [...sections, ...extra]
      .map((section) => ({ ...section, bindings: bindings.filter((binding) => binding.section === section.id) }))
      .filter((section) => section.bindings.length > 0);
  }, [sections, bindings]);
  const matchingIds = useMemo(() => {
    if (query.trim() === '') return null;
    const matches = searchIndex.matcher(query);
    return new Set(bindings.filter(matches).map((binding) => binding.id));
  }, [searchIndex, bindings, query]);
  const visibleSections = useMemo(
    () =>
      matchingIds === null
        ? allSections
        : allSections
            .map((section) => ({
              ...section,
              bindings: section.bindings.filter((binding) => matchingIds.has(binding.id)),
            }))
            .filter((section) => section.bindings.length > 0),
    [allSections, matchingIds],
  );

  const saveBlocker: HotkeySaveBlocker | null = !canSave
    ? 'read-only'
    : pending
      ? 'pending-duplicate'
      : !isDirty
        ? 'unchanged'
        : unallowedDuplicates.length > 0
          ? 'duplicates'
          : null;

  return {
    ...readOf(savedOverrides ? 'success' : loaded.status, savedOverrides, loaded.error, loaded.retry),
    bindings,
    visibleSections,
    allSections,
    isMatch: (id) => matchingIds === null || matchingIds.has(id),
    visibleCount: matchingIds === null ? bindings.length : matchingIds.size,
    query,
    setQuery,
    conflicts,
    unallowedDuplicates,
    pending,
    isDirty,
    canSave,
    saveBlocker,
    setKey,
    setActive,
    resetRow,
    allowDuplicate,
    cancelDuplicate,
    applyBindings,
    discard: () => {
      setEdits(new Map());
      setAllowed(new Map());
      setPending(null);
    },
    save: {
      run: () => store(toOverrides(bindings, savedOverrides)),
      status: mutation.status,
      error: mutation.error,
      isPending: mutation.isPending,
      reset: mutation.reset,
    },
    resetToDefaults: () => store({}),
    exportJson: () => `${JSON.stringify(toExport(bindings), null, 2)}\n`,
    bindingById: (id) => byId.get(id),
    sectionTitle: (id) => sections.find((section) => section.id === id)?.title ?? id,
    platform,
    projectId,
  };
}
