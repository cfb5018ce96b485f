export { ProfileForm, type ProfileFormProps } from './profile-form';
export {
  createProfileSchema,
  PROFILE_FIELD_MAX_LENGTH,
  useProfileForm,
  type ProfileField,
  type ProfileInputProps,
  type ProfileSchema,
  type ProfileValues,
  type UseProfileFormOptions,
  type UseProfileFormResult,
} from '../../hooks/use-profile-form';
