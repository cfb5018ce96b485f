/**
 * The preset the generic components, hooks, memory adapter and conformance suite fall back to
 * when they are not given definitions or rules: Label Studio's. Deciding it here keeps the
 * generic code free of any one backend's facts. Generic code imports this module as a namespace
 * (`import * as defaultPreset`), so a bundle keeps only the parts it reads: a form that needs the
 * field limit does not carry the 77 hotkey actions.
 */
export { labelStudioRules as rules } from './rules';
export {
  labelStudioAccountSections as accountSections,
  labelStudioDefaultHotkeys as hotkeyDefinitions,
  labelStudioHotkeySections as hotkeySections,
  labelStudioMemberRoles as memberRoles,
  labelStudioSampleOrganizationTitle as sampleOrganizationTitle,
} from './defaults';
export { toLabelStudioExport as toHotkeyExport } from './export-format';
