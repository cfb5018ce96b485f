export { HotkeyRecorder, type HotkeyRecorderProps } from './hotkey-recorder';
export {
  useHotkeyRecorder,
  type HotkeyRecordDetails,
  type RecorderButtonProps,
  type RecorderTextInputProps,
  type UseHotkeyRecorderOptions,
  type UseHotkeyRecorderResult,
} from '../../hooks/use-hotkey-recorder';
export { useHotkeys, type HotkeyHandler, type UseHotkeysOptions, type UseHotkeysResult } from '../../hooks/use-hotkeys';
