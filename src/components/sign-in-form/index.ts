export { SignInForm, type SignInFormProps } from './sign-in-form';
export { createSignInSchema, useSignIn, type UseSignInOptions, type UseSignInResult } from '../../hooks/use-sign-in';
export type {
  CredentialsField,
  CredentialsFormFields,
  CredentialsInputProps,
  CredentialsValues,
  PasswordToggleProps,
} from '../../hooks/use-credentials-form';
