export { AccountSettings, type AccountSettingsProps } from './account-settings';
export {
  ACCOUNT_SECTIONS,
  useAccountSettings,
  type AccountSectionId,
  type UseAccountSettingsOptions,
  type UseAccountSettingsResult,
} from '../../hooks/use-account-settings';
