// The host app's sign-in, for the demo on the reference server: the library leaves signing in to
// the host, and the Label Studio adapter then uses the browser's session cookie.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';

type SessionState = 'checking' | 'signed-in' | 'signed-out' | 'unreachable';

async function sessionState(): Promise<SessionState> {
  try {
    const response = await fetch('/api/current-user/whoami', { credentials: 'same-origin' });
    if (response.ok) return 'signed-in';
    return response.status === 401 ? 'signed-out' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

/** Shows the sign-in form until the browser has a session, then `children`. */
export function SignInGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>('checking');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void sessionState().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  if (state === 'signed-in') return children;
  if (state === 'checking') return <p role="status">Checking your session…</p>;
  if (state === 'unreachable') {
    return (
      <div role="alert" className="demo-card">
        <p>The server could not be reached. Is `npm start` still running?</p>
        <button type="button" className="demo-button" onClick={() => setAttempt((n) => n + 1)}>
          Retry
        </button>
      </div>
    );
  }
  return <SignInForm onSignedIn={() => setState('signed-in')} />;
}

/** A clock that ticks once a second while `until` (a Date.now() time) is ahead, then stops. */
function useClockUntil(until: number): [number, (now: number) => void] {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(timer);
  }, [until, now]);
  return [now, setNow];
}

function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // After a 429: when the server takes sign-ins again.
  const [retryAt, setRetryAt] = useState(0);
  const [now, setNow] = useClockUntil(retryAt);
  const waitSeconds = Math.max(0, Math.ceil((retryAt - now) / 1000));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    setBusy(true);
    setError('');
    try {
      const response = await fetch('/api/session/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) {
        onSignedIn();
        return;
      }
      if (response.status === 429) {
        const seconds = Number(response.headers.get('Retry-After'));
        const at = Date.now();
        setNow(at);
        setRetryAt(at + (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000);
        setError('');
        setBusy(false);
        return;
      }
      setError(
        response.status === 401
          ? 'That email and password do not match an account. The password was printed when `npm start` created the user.'
          : `Signing in failed (HTTP ${response.status}). Try again.`,
      );
    } catch {
      setError('The server could not be reached. Is `npm start` still running?');
    }
    setBusy(false);
  }

  return (
    <form className="demo-card demo-sign-in" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>Sign in</h2>
      <p>Use the email and password that `npm start` printed in the terminal.</p>
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p role="alert">
        {waitSeconds > 0
          ? `Too many sign-in attempts. Try again in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`
          : error}
      </p>
      <button type="submit" className="demo-button" aria-disabled={busy || waitSeconds > 0 || undefined}>
        {busy ? 'Signing in…' : waitSeconds > 0 ? `Wait ${waitSeconds} s` : 'Sign in'}
      </button>
    </form>
  );
}

/** Ends the session and shows the sign-in form again. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="demo-button"
      onClick={() => {
        void fetch('/api/session/logout', { method: 'POST', credentials: 'same-origin' }).finally(() =>
          window.location.reload(),
        );
      }}
    >
      Sign out
    </button>
  );
}
