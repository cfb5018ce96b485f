export { validateHotkeyOverrides, type HotkeyOverridesValidation, type HotkeyRules } from './validate-overrides';
export type {
  BrowserActionCode,
  ComboProblemCode,
  HotkeyBinding,
  HotkeyConflict,
  HotkeyDefinition,
  HotkeyExportEntry,
  HotkeyImportResult,
  HotkeyMessage,
  HotkeyMessageCode,
  HotkeyMessageValues,
  HotkeyPlatform,
  HotkeySection,
  ImportProblem,
  ImportProblemCode,
  ReservedCode,
} from './types';
export { formatHotkeyMessage } from './messages';
export {
  HOTKEY_KEY_NAMES,
  HOTKEY_MODIFIERS,
  comboFromKeyboardEvent,
  formatCombo,
  formatComboParts,
  normalizeCombo,
  parseCombo,
  type HotkeyKeyboardEvent,
  type HotkeyModifier,
  type ParseComboResult,
} from './combo';
export { BROWSER_COMBOS, checkReserved, type ReservedCheck, type ReservedCombos } from './reserved';
export { findAddedConflicts, findConflicts, type HotkeyAddedConflict } from './conflicts';
export {
  createHotkeySearchIndex,
  type HotkeySearchIndex,
  type HotkeySearchIndexOptions,
  type HotkeySearchable,
} from './search';
export { definitionsWithOverrides, overrideId, resolveBindings, sameCombo, toOverrides } from './bindings';
export {
  MAX_HOTKEY_IMPORT_BYTES,
  parseHotkeyImport,
  summarizeImport,
  toHotkeyExportEntries,
  type HotkeyImportSummary,
  type ParseHotkeyImportOptions,
} from './import-export';
export type { AccountRules } from '../rules';
