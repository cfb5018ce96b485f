// The host app's session, as a real app would keep it: whether someone is signed in (asked through
// the adapter), the library's sign-in and sign-up forms, Sign out, and "Sign in again" in a dialog
// over the page, so that an ended session loses nothing typed.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountAdapter } from '../src/adapters/types';
import { SignInForm } from '../src/components/sign-in-form';
import { SignUpForm } from '../src/components/sign-up-form';
import { useCurrentUser } from '../src/hooks/use-current-user';

/** Where the demo stands with the session. */
export type SessionState = 'checking' | 'signed-in' | 'signed-out' | 'unreachable';

/** The path Label Studio's invite links open (`/user/signup/?token=…`). */
export const SIGN_UP_PATH = '/user/signup/';

/** Whether the page's URL is the sign-up page (with or without the trailing slash). */
export function isSignUpPage(): boolean {
  return window.location.pathname.replace(/\/?$/, '/') === SIGN_UP_PATH;
}

/**
 * Whether someone is signed in, from the same shared read of the user the settings page uses (so
 * the page asks the server once); `check()` asks again, after signing in or out.
 */
export function useSession(adapter: AccountAdapter): [SessionState, () => void] {
  const user = useCurrentUser({ adapter });
  const answered: SessionState | null =
    user.status === 'success'
      ? 'signed-in'
      : user.status === 'loading'
        ? null
        : user.error.code === 'unauthorized' || user.error.code === 'forbidden'
          ? 'signed-out'
          : 'unreachable';
  // Reading again keeps the last answer on screen (and all typed on the page) until the new one.
  const [last, setLast] = useState<SessionState>('checking');
  if (answered !== null && answered !== last) setLast(answered);
  return [answered ?? last, user.retry];
}

/** What the page shows while it asks the server whether someone is signed in. */
export function SessionStatus() {
  return <p role="status">Checking your session…</p>;
}

/** The sign-in page: the library's form, with a hint where the demo's password comes from. Signing in puts the user into the shared read, so the page opens by itself. */
export function SignInPage({ hint }: { hint: ReactNode }) {
  return (
    <section className="demo-card demo-sign-in" aria-labelledby="demo-sign-in-title">
      <h2 id="demo-sign-in-title">Sign in</h2>
      <p>{hint}</p>
      <SignInForm signUpHref={SIGN_UP_PATH} />
    </section>
  );
}

/** The page an invite link opens: the library's sign-up form with the link's token. */
export function SignUpPage({ onSignedUp }: { onSignedUp: () => void }) {
  const inviteToken = new URLSearchParams(window.location.search).get('token') ?? undefined;
  return (
    <section className="demo-card demo-sign-in" aria-labelledby="demo-sign-up-title">
      <h2 id="demo-sign-up-title">Create an account</h2>
      <SignUpForm inviteToken={inviteToken} onSignedUp={onSignedUp} signInHref="/" />
    </section>
  );
}

/** "Sign in again" over the page: a modal dialog with the sign-in form; the page below keeps its state. */
export function SignInAgainDialog({ open, onSignedIn }: { open: boolean; onSignedIn: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="demo-card demo-dialog" aria-labelledby="demo-sign-in-again-title">
      <h2 id="demo-sign-in-again-title">Your session has ended</h2>
      <p>Sign in again to go on; what you typed is still on the page.</p>
      {open ? <SignInForm onSignedIn={onSignedIn} /> : null}
    </dialog>
  );
}

/** Ends the session through the adapter. */
export function SignOutButton({ adapter, onSignedOut }: { adapter: AccountAdapter; onSignedOut: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="demo-button"
      aria-disabled={busy || undefined}
      onClick={() => {
        if (busy || !adapter.signOut) return;
        setBusy(true);
        void adapter
          .signOut()
          .then(onSignedOut, () => onSignedOut())
          .finally(() => setBusy(false));
      }}
    >
      Sign out
    </button>
  );
}
