export { HotkeyRecorder, type HotkeyRecorderProps } from './hotkey-recorder';
export {
  useHotkeyRecorder,
  type HotkeyRecordDetails,
  type RecorderButtonProps,
  type RecorderTextInputProps,
  type UseHotkeyRecorderOptions,
  type UseHotkeyRecorderResult,
} from '../../hooks/use-hotkey-recorder';
