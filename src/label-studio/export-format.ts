import { toHotkeyExportEntries } from '../core/hotkeys/import-export';
import { isJsonObject } from '../core/hotkeys/validate-settings';
import type { HotkeyBinding, HotkeyExportEntry } from '../core/hotkeys/types';
import { toLabelStudioKey } from './adapter/hotkey-keys';

/** One entry of Label Studio's hotkeys export. */
export type LabelStudioHotkeyExportEntry = HotkeyExportEntry;

/** Label Studio's hotkeys export file (`hotkeys-export.json`). */
export interface LabelStudioHotkeyExport {
  /** The shortcuts, one entry per action. */
  hotkeys: LabelStudioHotkeyExportEntry[];
  /** Label Studio's hotkey settings (`hotkey_settings`), such as `{ "autoTranslatePlatforms": true }`; `{}` when none. */
  settings: Record<string, unknown>;
  /** When the file was written (ISO 8601). */
  exportedAt: string;
  /** The file format's version. */
  version: '1.0';
}

/** Writes bindings and the hotkey settings as Label Studio's hotkeys export file (`version` 1.0, ⌘ written `command` as Label Studio's editor names it). Never throws. */
export function toLabelStudioExport(
  bindings: readonly HotkeyBinding[],
  now: Date = new Date(),
  settings: Readonly<Record<string, unknown>> = {},
): LabelStudioHotkeyExport {
  const date = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  const hotkeys = toHotkeyExportEntries(bindings).map((entry) => ({ ...entry, key: toLabelStudioKey(entry.key) }));
  const copied = isJsonObject(settings) ? (JSON.parse(JSON.stringify(settings)) as Record<string, unknown>) : {};
  return { hotkeys, settings: copied, exportedAt: date.toISOString(), version: '1.0' };
}
