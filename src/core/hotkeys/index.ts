export {
  MAX_HOTKEY_ID_LENGTH,
  MAX_HOTKEY_KEY_LENGTH,
  MAX_HOTKEY_OVERRIDES,
  SERVER_BLOCKED_COMBOS,
  validateHotkeyOverrides,
  type HotkeyOverridesValidation,
} from './validate-overrides';
export type {
  BrowserActionCode,
  ComboProblemCode,
  HotkeyBinding,
  HotkeyConflict,
  HotkeyDefinition,
  HotkeyImportResult,
  HotkeyMessage,
  HotkeyMessageCode,
  HotkeyMessageValues,
  HotkeyPlatform,
  HotkeySection,
  ImportProblem,
  ImportProblemCode,
  LabelStudioHotkeyExport,
  LabelStudioHotkeyExportEntry,
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
export { checkReserved, type ReservedCheck } from './reserved';
export { findConflicts } from './conflicts';
export { overrideId, resolveBindings, sameCombo, toOverrides } from './bindings';
export {
  MAX_HOTKEY_IMPORT_BYTES,
  MAX_HOTKEY_IMPORT_ENTRIES,
  parseHotkeyImport,
  summarizeImport,
  toLabelStudioExport,
  type HotkeyImportSummary,
  type ParseHotkeyImportOptions,
} from './import-export';
export { labelStudioDefaultHotkeys, labelStudioHotkeySections } from './label-studio-defaults';
