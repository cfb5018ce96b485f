// react-account-settings/use-hotkeys: the app-wide shortcut runtime alone, without any preset's
// data, the editor or the recorder, and without their messages. (The definition and binding
// types come from react-account-settings/hotkeys, which needs no React.)
export { useHotkeys, type HotkeyHandler, type UseHotkeysOptions, type UseHotkeysResult } from '../use-hotkeys';
