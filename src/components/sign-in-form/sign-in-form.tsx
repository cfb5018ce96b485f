import { forwardRef, useId, type ComponentProps, type ReactNode } from 'react';
import { useSignIn, type UseSignInOptions } from '../../hooks/use-sign-in';
import { useTranslate } from '../../hooks/use-translate';
import { useThemeAttributes } from '../../hooks/use-appearance';
import { classNames } from '../shared/class-names';
import { CredentialsActions, CredentialsFields } from '../shared/credentials-fields';

/** Props of `SignInForm`: the hook's options, the host's sign-up link, and the root element's own props. */
export interface SignInFormProps extends UseSignInOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** Where "Create an account" leads (the host's sign-up page); leave out, with `signUpLink`, for no link. */
  signUpHref?: string;
  /** The host's own element in place of the "Create an account" link (a router's `<Link>`, say); wins over `signUpHref`. */
  signUpLink?: ReactNode;
}

/**
 * The sign-in form: email and password in a real `<form>` that password managers fill and Enter
 * submits, with field errors under the fields, one alert for everything else, the wait after too
 * many attempts, and nothing typed lost on a failure.
 *
 * @example
 * <SignInForm onSignedIn={() => navigate('/account')} signUpHref="/user/signup/" />
 */
export const SignInForm = forwardRef<HTMLDivElement, SignInFormProps>(function SignInForm(
  { adapter, onSignedIn, signUpHref, signUpLink, className, ...rest },
  ref,
) {
  const themeAttributes = useThemeAttributes();
  const t = useTranslate();
  const signIn = useSignIn({ adapter, onSignedIn });
  const alertId = useId();
  const state = !signIn.canSignIn
    ? 'unavailable'
    : signIn.submit.isPending
      ? 'submitting'
      : signIn.user
        ? 'signed-in'
        : signIn.error
          ? 'error'
          : 'ready';
  const link =
    signUpLink ??
    (signUpHref ? (
      <a href={signUpHref} data-slot="ras-credentials-link">
        {t('signIn.signUpLink')}
      </a>
    ) : null);

  return (
    <div
      ref={ref}
      data-slot="ras-sign-in-form"
      data-state={state}
      className={classNames('ras-sign-in-form', className)}
      {...themeAttributes}
      {...rest}
    >
      {signIn.canSignIn ? (
        <form
          aria-label={t('signIn.title')}
          // The form's own messages replace the browser's bubbles; the attributes still guide password managers.
          noValidate
          data-slot="ras-credentials-form"
          onSubmit={(event) => void signIn.submit.run(event)}
        >
          <CredentialsFields fields={signIn} t={t} inputProps={signIn.getInputProps} />
          <CredentialsActions
            fields={signIn}
            t={t}
            alertId={alertId}
            submitLabel={t('signIn.submit')}
            submittingLabel={t('signIn.submitting')}
            doneLabel={t('signIn.signedIn')}
          />
        </form>
      ) : (
        <p data-slot="ras-credentials-unavailable">{t('signIn.unavailable')}</p>
      )}
      {link ? <p data-slot="ras-credentials-links">{link}</p> : null}
    </div>
  );
});
SignInForm.displayName = 'SignInForm';
