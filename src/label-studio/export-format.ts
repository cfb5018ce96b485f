import { toHotkeyExportEntries } from '../core/hotkeys/import-export';
import type { HotkeyBinding, HotkeyExportEntry } from '../core/hotkeys/types';

/** One entry of Label Studio's hotkeys export. */
export type LabelStudioHotkeyExportEntry = HotkeyExportEntry;

/** Label Studio's hotkeys export file (`hotkeys-export.json`). */
export interface LabelStudioHotkeyExport {
  /** The shortcuts, one entry per action. */
  hotkeys: LabelStudioHotkeyExportEntry[];
  /** Label Studio's hotkey settings; always empty here. */
  settings: Record<string, unknown>;
  /** When the file was written (ISO 8601). */
  exportedAt: string;
  /** The file format's version. */
  version: '1.0';
}

/** Writes bindings as Label Studio's hotkeys export file (`version` 1.0, empty `settings`). Never throws. */
export function toLabelStudioExport(
  bindings: readonly HotkeyBinding[],
  now: Date = new Date(),
): LabelStudioHotkeyExport {
  const date = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  return { hotkeys: toHotkeyExportEntries(bindings), settings: {}, exportedAt: date.toISOString(), version: '1.0' };
}
