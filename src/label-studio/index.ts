export { labelStudioPreset } from './preset';
export { labelStudioRules, type LabelStudioRules } from './rules';
export {
  labelStudioAccountSections,
  labelStudioDefaultHotkeys,
  labelStudioHotkeySections,
  labelStudioMemberRoles,
  type LabelStudioMemberRole,
} from './defaults';
export { toLabelStudioExport, type LabelStudioHotkeyExport, type LabelStudioHotkeyExportEntry } from './export-format';
export { createLabelStudioAdapter, type LabelStudioAdapterOptions, type LabelStudioAuth } from './adapter';
export type { AccountRules } from '../core/rules';
