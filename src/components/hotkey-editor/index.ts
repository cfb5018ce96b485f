export { HotkeyEditor, type HotkeyEditorProps } from './hotkey-editor';
export {
  useHotkeyEditor,
  type HotkeyEditorSection,
  type HotkeySaveBlocker,
  type PendingDuplicate,
  type UseHotkeyEditorOptions,
  type UseHotkeyEditorResult,
} from '../../hooks/use-hotkey-editor';
export {
  useHotkeyProjects,
  type UseHotkeyProjectsOptions,
  type UseHotkeyProjectsResult,
} from '../../hooks/use-hotkey-projects';
