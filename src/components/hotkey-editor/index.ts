export { HotkeyEditor, type HotkeyEditorProps } from './hotkey-editor';
export {
  useHotkeyEditor,
  type HotkeyEditorSection,
  type PendingDuplicate,
  type UseHotkeyEditorOptions,
  type UseHotkeyEditorResult,
} from '../../hooks/use-hotkey-editor';
