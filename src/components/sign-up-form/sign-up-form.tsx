import { forwardRef, useId, type ComponentProps, type ReactNode } from 'react';
import { useSignUp, type UseSignUpOptions } from '../../hooks/use-sign-up';
import { useTranslate } from '../../hooks/use-translate';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { classNames } from '../shared/class-names';
import { CredentialsActions, CredentialsFields } from '../shared/credentials-fields';
import { ErrorAlert } from '../shared/error-alert';

/** Props of `SignUpForm`: the hook's options (the invitation token among them), the host's sign-in link, and the root element's own props. */
export interface SignUpFormProps extends UseSignUpOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** Where "Already have an account? Sign in" leads (the host's sign-in page); leave out, with `signInLink`, for no link. */
  signInHref?: string;
  /** The host's own element in place of the sign-in link (a router's `<Link>`, say); wins over `signInHref`. */
  signInLink?: ReactNode;
}

/**
 * The sign-up form: first asks whether sign-up is open with the invitation the host passes in
 * (and says why not when it isn't), then takes an email and a new password in a real `<form>`,
 * naming the password rule, with field errors under the fields and nothing typed lost on a failure.
 *
 * @example
 * <SignUpForm inviteToken={searchParams.get('token') ?? undefined} onSignedUp={() => navigate('/')} signInHref="/user/login/" />
 */
export const SignUpForm = forwardRef<HTMLDivElement, SignUpFormProps>(function SignUpForm(
  { adapter, inviteToken, onSignedUp, passwordRules, signInHref, signInLink, className, ...rest },
  ref,
) {
  const themeAttributes = useThemeAttributes();
  const t = useTranslate();
  const signUp = useSignUp({ adapter, inviteToken, onSignedUp, passwordRules });
  const alertId = useId();
  const { policy } = signUp;
  const refusal = policy.status === 'success' && !policy.data.allowed ? policy.data.reason : undefined;
  const state = !signUp.canSignUp
    ? 'unavailable'
    : policy.status === 'loading'
      ? 'loading'
      : policy.status === 'error'
        ? 'error'
        : !policy.data.allowed
          ? 'refused'
          : signUp.submit.isPending
            ? 'submitting'
            : signUp.user
              ? 'signed-up'
              : signUp.error
                ? 'error'
                : 'ready';
  const link =
    signInLink ??
    (signInHref ? (
      <a href={signInHref} data-slot="ras-credentials-link">
        {t('signUp.signInLink')}
      </a>
    ) : null);

  let body: ReactNode;
  if (!signUp.canSignUp) {
    body = <p data-slot="ras-credentials-unavailable">{t('signUp.unavailable')}</p>;
  } else if (policy.status === 'loading') {
    body = (
      <>
        <p data-slot="ras-credentials-loading">{t('signUp.checking')}</p>
        <div data-slot="ras-skeleton" aria-hidden="true" />
        <div data-slot="ras-skeleton" aria-hidden="true" />
      </>
    );
  } else if (policy.status === 'error') {
    body = <ErrorAlert error={policy.error} t={t} onRetry={policy.retry} />;
  } else if (!policy.data.allowed) {
    body = (
      <p role="status" data-slot="ras-sign-up-form-refusal" data-reason={refusal}>
        {t(refusal === 'invite-invalid' ? 'signUp.inviteInvalid' : 'signUp.inviteRequired')}
      </p>
    );
  } else {
    const organization = policy.data.organizationName;
    body = (
      <form
        aria-label={t('signUp.title')}
        // The form's own messages replace the browser's bubbles; the attributes still guide password managers.
        noValidate
        data-slot="ras-credentials-form"
        onSubmit={(event) => void signUp.submit.run(event)}
      >
        {organization ? <p data-slot="ras-sign-up-form-joining">{t('signUp.joining', { organization })}</p> : null}
        <CredentialsFields
          fields={signUp}
          t={t}
          inputProps={signUp.getInputProps}
          passwordHint={{ id: signUp.passwordHintId, text: signUp.passwordHint }}
        />
        <CredentialsActions
          fields={signUp}
          t={t}
          alertId={alertId}
          submitLabel={t('signUp.submit')}
          submittingLabel={t('signUp.submitting')}
          doneLabel={t('signUp.signedUp')}
        />
      </form>
    );
  }

  return (
    <div
      ref={ref}
      data-slot="ras-sign-up-form"
      data-state={state}
      aria-busy={state === 'loading' ? true : undefined}
      className={classNames('ras-sign-up-form', className)}
      {...themeAttributes}
      {...rest}
    >
      {body}
      {link ? <p data-slot="ras-credentials-links">{link}</p> : null}
    </div>
  );
});
SignUpForm.displayName = 'SignUpForm';
