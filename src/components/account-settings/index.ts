export { AccountSettings, type AccountSettingsGuard, type AccountSettingsProps } from './account-settings';
export {
  ACCOUNT_SECTIONS,
  useAccountSettings,
  type AccountSectionId,
  type CustomSettingsSection,
  type SectionChangeDetails,
  type SectionLinkProps,
  type SettingsSectionContext,
  type SettingsSectionId,
  type UseAccountSettingsOptions,
  type UseAccountSettingsResult,
} from '../../hooks/use-account-settings';
