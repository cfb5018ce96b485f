export { HotkeyHelp, type HotkeyHelpProps } from './hotkey-help';
export {
  useHotkeyHelp,
  type HotkeyHelpRow,
  type HotkeyHelpSection,
  type UseHotkeyHelpFields,
  type UseHotkeyHelpOptions,
  type UseHotkeyHelpResult,
} from '../../hooks/use-hotkey-help';
