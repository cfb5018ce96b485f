import {
  labelStudioAccountSections,
  labelStudioDefaultHotkeys,
  labelStudioHotkeySections,
  labelStudioMemberRoles,
  labelStudioSampleOrganizationTitle,
} from './defaults';
import { toLabelStudioExport } from './export-format';
import { labelStudioRules } from './rules';

/**
 * Everything generic code needs to behave like Label Studio, one import away: the rules, the
 * hotkey actions and sections, the export format, the settings page's sections and the roles.
 *
 * @example
 * <HotkeyEditor definitions={labelStudioPreset.hotkeyDefinitions} sections={labelStudioPreset.hotkeySections} />
 */
export const labelStudioPreset = Object.freeze({
  /** The server's rules. */
  rules: labelStudioRules,
  /** The 77 default hotkey actions. */
  hotkeyDefinitions: labelStudioDefaultHotkeys,
  /** The 9 hotkey sections, in display order. */
  hotkeySections: labelStudioHotkeySections,
  /** Writes bindings as the hotkeys export file. */
  toHotkeyExport: toLabelStudioExport,
  /** The settings page's sections, in menu order. */
  accountSections: labelStudioAccountSections,
  /** The member roles. */
  memberRoles: labelStudioMemberRoles,
  /** The sample data's organization name. */
  sampleOrganizationTitle: labelStudioSampleOrganizationTitle,
});
