export { HotkeyImportExport, type HotkeyImportExportProps } from './hotkey-import-export';
export {
  useHotkeyImportExport,
  type UseHotkeyImportExportFields,
  type UseHotkeyImportExportOptions,
  type UseHotkeyImportExportResult,
} from '../../hooks/use-hotkey-import-export';
