export { EmailPreferences, type EmailPreferencesProps } from './email-preferences';
export {
  useEmailPreferences,
  type EmailPreferenceItem,
  type EmailPreferenceToggle,
  type UseEmailPreferencesOptions,
  type UseEmailPreferencesResult,
} from '../../hooks/use-email-preferences';
