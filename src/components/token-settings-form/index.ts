export { TokenSettingsForm, type TokenSettingsFormProps } from './token-settings-form';
export {
  TOKEN_LIFETIME_DAYS,
  useTokenSettingsForm,
  type TokenSettingsField,
  type TokenSettingsValues,
  type UseTokenSettingsFormFields,
  type UseTokenSettingsFormOptions,
  type UseTokenSettingsFormResult,
} from '../../hooks/use-token-settings-form';
