// Provider
export { AccountProvider, type AccountProviderProps } from './provider/account-provider';
export { useAccount, type AccountContextValue } from './provider/account-context';
export type { Platform } from './provider/platform';
export type { AccountTheme } from './provider/appearance-context';
export { useCurrentUser, type UseCurrentUserOptions } from './hooks/use-current-user';
export type { ReadState, ResourceState, ResourceStatus } from './hooks/use-resource';

// Components and their hooks
export * from './components/profile-form';
export * from './components/avatar-uploader';
export * from './components/email-preferences';
export * from './components/hotkey-recorder';
export * from './components/hotkey-editor';
export { useHotkeys, type HotkeyHandler, type UseHotkeysOptions, type UseHotkeysResult } from './hooks/hotkeys';
export * from './components/token-panel';
export * from './components/token-settings-form';
export * from './components/membership-card';
export * from './components/account-settings';
export * from './components/members-list';
export * from './components/invite-link';
export * from './components/hotkey-help';
export * from './components/hotkey-import-export';
export * from './components/sign-in-form';
export * from './components/sign-up-form';
export type { MergedProps } from './hooks/merge-props';

// Adapter contract
export {
  AccountError,
  ACCOUNT_ERROR_CODES,
  isAccountError,
  type AccountErrorCode,
  type AccountErrorOptions,
} from './adapters/errors';
export { ADAPTER_METHOD_GROUPS, ADAPTER_METHOD_NAMES } from './adapters/types';
export type * from './adapters/types';

// The Label Studio preset: its rules, default hotkeys and sections (also react-account-settings/label-studio)
export { labelStudioPreset } from './label-studio/preset';
export { labelStudioRules, type LabelStudioRules } from './label-studio/rules';
export type { AccountRules, PasswordRules } from './core/rules';

// Messages
export { en, type Message, type MessageKey, type Messages, type MessageValues, type PluralMessage } from './i18n/en';
