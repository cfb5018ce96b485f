export { SignUpForm, type SignUpFormProps } from './sign-up-form';
export { createSignUpSchema, useSignUp, type UseSignUpOptions, type UseSignUpResult } from '../../hooks/use-sign-up';
export type {
  CredentialsField,
  CredentialsFormFields,
  CredentialsInputProps,
  CredentialsValues,
  PasswordToggleProps,
} from '../../hooks/use-credentials-form';
