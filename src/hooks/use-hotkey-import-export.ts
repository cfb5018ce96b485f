import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { AccountAdapter, HotkeyOverrides, HotkeySettings } from '../adapters/types';
import { resolveBindings, toOverrides } from '../core/hotkeys/bindings';
import type { HotkeyBinding, HotkeyDefinition, HotkeyPlatform } from '../core/hotkeys/types';
import * as defaultPreset from '../label-studio/default-preset';
import { useOptionalAccount } from '../provider/account-context';
import { useHotkeysCoordination } from './hotkeys/hotkeys-context';
import { useAdapter } from './use-adapter';
import { useMutation, type WriteStatus } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';

const EMPTY_SETTINGS: HotkeySettings = {};

/** Options of `useHotkeyImportExport`. */
export interface UseHotkeyImportExportOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The app's actions and their defaults. @default the default preset's 77 actions */
  definitions?: readonly HotkeyDefinition[];
  /** Writes the bindings and the stored hotkey settings as the export file's content. @default the default preset's `toHotkeyExport` (the settings as the file's `settings`) */
  toExport?: (bindings: readonly HotkeyBinding[], settings: HotkeySettings) => unknown;
  /** The bindings to export and to compare an import with, for a host that keeps them itself (use with `onImport`); given, nothing is read from the adapter, so the overrides handed to `onImport` hold these bindings' only. */
  bindings?: readonly HotkeyBinding[];
  /** Receives an applied import instead of the adapter: the whole override map it makes (unknown stored overrides kept), the imported bindings, and the file's hotkey settings when they differ from the stored ones. */
  onImport?: (overrides: HotkeyOverrides, imported: HotkeyBinding[], settings?: HotkeySettings) => void;
  /** Saves an import's hotkey settings through the adapter's `saveHotkeySettings` even when `onImport` takes the bindings (as `HotkeyEditor` does). @default false */
  saveSettingsThroughAdapter?: boolean;
}

/** What `useHotkeyImportExport` returns: the read of the stored overrides plus the widget's own fields. */
export type UseHotkeyImportExportResult = ReadState<HotkeyOverrides> & UseHotkeyImportExportFields;

/** The import/export part of `useHotkeyImportExport`'s result. */
export interface UseHotkeyImportExportFields {
  /** Every binding as it would be exported (the stored overrides over the defaults, or the `bindings` given). */
  bindings: HotkeyBinding[];
  /** Whether there is anything to export (at least one binding). */
  canExport: boolean;
  /** The bindings in the export format, as pretty JSON. */
  exportJson: () => string;
  /** Whether an import can be applied: `onImport` is given or the adapter has `saveHotkeys`. */
  canApply: boolean;
  /** Applies imported bindings over the current ones through `onImport` or `saveHotkeys`, then `settings` (when given) through `saveHotkeySettings`; resolves to whether it worked. */
  apply: (imported: readonly HotkeyBinding[], settings?: HotkeySettings) => Promise<boolean>;
  /** The save through the adapter (idle when `onImport` is given). */
  save: WriteStatus;
  /** The platform combos are shown for. */
  platform: HotkeyPlatform;
  /** The stored hotkey settings (`{}` until read, or when the adapter has no `getHotkeySettings`). */
  settings: HotkeySettings;
}

/**
 * The headless hotkeys import/export: reads the stored overrides, writes them in the export format,
 * and applies an import merged over the stored map (overrides of actions it doesn't know are kept),
 * through the adapter's `saveHotkeys` or a host's `onImport`.
 *
 * @example
 * const io = useHotkeyImportExport();
 * if (io.status === 'success') download(io.exportJson());
 */
export function useHotkeyImportExport(options: UseHotkeyImportExportOptions = {}): UseHotkeyImportExportResult {
  const adapter = useAdapter(options.adapter);
  const platform = useOptionalAccount()?.platform ?? 'other';
  const channel = useHotkeysCoordination().overrides;
  const definitions = options.definitions ?? defaultPreset.hotkeyDefinitions;
  const toExport =
    options.toExport ??
    ((list: readonly HotkeyBinding[], settings: HotkeySettings) =>
      defaultPreset.toHotkeyExport(list, new Date(), settings));
  const given = options.bindings;
  const controlled = given !== undefined;

  const loaded = useResource(
    (signal) =>
      !controlled && adapter.getHotkeys ? adapter.getHotkeys({ signal }) : Promise.resolve({} as HotkeyOverrides),
    [adapter, controlled],
  );
  const stored = loaded.latest;
  // The hotkey settings live beside the map; an adapter without them exports `{}`.
  const settingsRead = useResource(
    (signal) =>
      adapter.getHotkeySettings ? adapter.getHotkeySettings({ signal }) : Promise.resolve({} as HotkeySettings),
    [adapter],
  );
  const settings = settingsRead.latest ?? EMPTY_SETTINGS;
  const setSettings = settingsRead.setData;
  const bindings = useMemo(
    () => (given ? [...given] : resolveBindings(definitions, stored ?? {})),
    [given, definitions, stored],
  );

  const onImport = useRef(options.onImport);
  const settingsThroughAdapter = useRef(options.saveSettingsThroughAdapter === true);
  useEffect(() => {
    onImport.current = options.onImport;
    settingsThroughAdapter.current = options.saveSettingsThroughAdapter === true;
  });
  const hasOnImport = typeof options.onImport === 'function';
  const canApply = hasOnImport || typeof adapter.saveHotkeys === 'function';

  const mutation = useMutation((overrides: HotkeyOverrides, signal) =>
    adapter.saveHotkeys ? adapter.saveHotkeys(overrides, { signal }) : Promise.resolve(overrides),
  );
  const { run } = mutation;
  const settingsMutation = useMutation((next: HotkeySettings, signal) =>
    adapter.saveHotkeySettings ? adapter.saveHotkeySettings(next, { signal }) : Promise.resolve(next),
  );
  const runSettings = settingsMutation.run;
  const setStored = loaded.setData;

  const latest = useRef({ bindings, stored });
  useEffect(() => {
    latest.current = { bindings, stored };
  });

  const apply = useCallback(
    async (imported: readonly HotkeyBinding[], nextSettings?: HotkeySettings) => {
      const byId = new Map(imported.map((binding) => [binding.id, binding]));
      const merged = latest.current.bindings.map((binding) => {
        const next = byId.get(binding.id);
        return next ? { ...binding, key: next.key, active: next.active } : binding;
      });
      const overrides = toOverrides(merged, latest.current.stored);
      if (onImport.current) {
        onImport.current(overrides, [...imported], ...(nextSettings ? [nextSettings] : []));
        if (!nextSettings || !settingsThroughAdapter.current || !adapter.saveHotkeySettings) return true;
        const saved = await runSettings(nextSettings);
        if (!saved?.ok) return false;
        setSettings(saved.value);
        return true;
      }
      const result = await run(overrides);
      if (!result?.ok) return false;
      setStored(result.value);
      channel.publish(adapter, result.value);
      if (nextSettings && adapter.saveHotkeySettings) {
        const saved = await runSettings(nextSettings);
        if (!saved?.ok) return false;
        setSettings(saved.value);
      }
      return true;
    },
    [adapter, channel, run, runSettings, setStored, setSettings],
  );

  // Bindings the host keeps are there at once: nothing is read, so there is no loading state.
  const read = controlled
    ? readOf<HotkeyOverrides>('success', stored ?? {}, null, loaded.retry)
    : readOf(loaded.status, loaded.data, loaded.error, loaded.retry);
  return {
    ...read,
    bindings,
    canExport: bindings.length > 0,
    exportJson: () => `${JSON.stringify(toExport(bindings, settings), null, 2)}\n`,
    canApply,
    apply,
    save: {
      status:
        settingsMutation.status === 'idle' || mutation.status !== 'success' ? mutation.status : settingsMutation.status,
      error: mutation.error ?? settingsMutation.error,
      isPending: mutation.isPending || settingsMutation.isPending,
      reset: () => {
        mutation.reset();
        settingsMutation.reset();
      },
    },
    platform,
    settings,
  };
}
