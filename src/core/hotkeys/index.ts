export {
  MAX_HOTKEY_ID_LENGTH,
  MAX_HOTKEY_KEY_LENGTH,
  MAX_HOTKEY_OVERRIDES,
  SERVER_BLOCKED_COMBOS,
  validateHotkeyOverrides,
  type HotkeyOverridesValidation,
} from './validate-overrides';
