import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ACCOUNT_SECTIONS,
  AccountSettings,
  type AccountSectionId,
  type AccountSettingsGuard,
} from '../src/components/account-settings';
import { InviteLink } from '../src/components/invite-link';
import { MembersList } from '../src/components/members-list';
import { TokenSettingsForm } from '../src/components/token-settings-form';
import { overrideId } from '../src/core/hotkeys';
import { useHotkeys } from '../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../src/label-studio';
import { AccountProvider } from '../src/provider/account-provider';
import '../src/styles.css';
import { DEFAULT_SEED_PASSWORD } from '../src/adapters/memory';
import { createDemoAdapter, demoBackend, MEMORY_STORAGE_KEY } from './backend';
import {
  isSignUpPage,
  SessionStatus,
  SignInAgainDialog,
  SignInPage,
  SignOutButton,
  SignUpPage,
  useSession,
} from './session';
import './demo.css';

// One adapter for the page's lifetime: the reference server keeps the data, or localStorage does.
const adapter = createDemoAdapter();

function resetDemoData() {
  window.localStorage.removeItem(MEMORY_STORAGE_KEY);
  window.location.reload();
}

function ThemeSwitch() {
  const [dark, setDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return (
    <label className="demo-switch">
      <input type="checkbox" checked={dark} onChange={(event) => setDark(event.target.checked)} />
      Dark theme
    </label>
  );
}

/** Runs the host app's side of the shortcuts: every action just reports that it ran. */
function ShortcutTester() {
  const [last, setLast] = useState('');
  const handlers = Object.fromEntries(
    labelStudioDefaultHotkeys.map((definition) => [overrideId(definition), () => setLast(definition.label)]),
  );
  useHotkeys(handlers, { definitions: labelStudioDefaultHotkeys });
  return (
    <p role="status" className="demo-note">
      {last ? `Last shortcut used: ${last}` : 'Press a shortcut outside a text field to try it.'}
    </p>
  );
}

/** What the URL's hash asks for: the organization page, or one of the settings page's sections. */
function pageFromHash(): AccountSectionId | 'organization' | undefined {
  const id = window.location.hash.slice(1);
  if (id === 'organization') return id;
  return (ACCOUNT_SECTIONS as readonly string[]).includes(id) ? (id as AccountSectionId) : undefined;
}

/** The host app's own menu between its two pages; `leaveTo` asks the settings page before leaving it. */
function DemoNav({ current, leaveTo }: { current: 'account' | 'organization'; leaveTo: (hash: string) => void }) {
  const link = (hash: string, label: string, page: 'account' | 'organization') => (
    <a
      href={hash}
      aria-current={current === page ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        leaveTo(hash);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label="Demo pages" className="demo-nav">
      {link('#personal-info', 'Account settings', 'account')}
      {link('#organization', 'Organization', 'organization')}
    </nav>
  );
}

/**
 * The page's content: the library's whole settings page, or the Organization page with its members
 * and invite link; which one, and the section, are kept in the URL's hash as a host router would.
 */
function DemoSections() {
  const [page, setPage] = useState(pageFromHash);
  const guard = useRef<AccountSettingsGuard>(null);
  // Set while the page itself changes the hash after the user agreed to leave.
  const agreed = useRef(false);

  /** Goes to `hash` once the settings page agrees (at once when nothing is unsaved). */
  function leaveTo(hash: string) {
    if (window.location.hash === hash) return;
    void (guard.current?.requestLeave() ?? Promise.resolve(true)).then((leave) => {
      if (!leave) return;
      agreed.current = true;
      window.location.hash = hash;
    });
  }

  useEffect(() => {
    // Back, Forward or a typed URL: the hash has already changed, so with unsaved changes put it
    // back, ask, and go on only if the user agrees.
    const onHashChange = (event: HashChangeEvent) => {
      const target = new URL(event.newURL).hash;
      if (!agreed.current && guard.current?.isDirty()) {
        window.history.pushState(null, '', new URL(event.oldURL).hash);
        leaveTo(target);
        return;
      }
      agreed.current = false;
      setPage(pageFromHash());
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (page === 'organization') {
    return (
      <>
        <DemoNav current="organization" leaveTo={leaveTo} />
        <section className="demo-card" aria-labelledby="demo-organization">
          <div className="demo-card-header">
            <h2 id="demo-organization">Organization</h2>
            <InviteLink />
          </div>
          <MembersList />
        </section>
        <section className="demo-card" aria-labelledby="demo-token-settings">
          <h2 id="demo-token-settings">API token settings</h2>
          <TokenSettingsForm />
        </section>
      </>
    );
  }
  return (
    <>
      <DemoNav current="account" leaveTo={leaveTo} />
      <div className="demo-card">
        <ShortcutTester />
        <AccountSettings
          guardRef={guard}
          section={page ?? 'personal-info'}
          onSectionChange={(id) => {
            window.location.hash = id;
          }}
        />
      </div>
    </>
  );
}

function DemoApp() {
  const onServer = demoBackend === 'label-studio';
  const [session, checkSession] = useSession(adapter);
  const [signUp, setSignUp] = useState(isSignUpPage);
  const [sessionEnded, setSessionEnded] = useState(false);

  /** After signing up through the invite link: the settings page, at its own address. */
  function enterApp() {
    window.history.pushState(null, '', '/#personal-info');
    setSignUp(false);
    // SignUpForm put the new user into the shared read; the page follows.
  }

  let content;
  if (signUp) content = <SignUpPage onSignedUp={enterApp} />;
  else if (session === 'checking') content = <SessionStatus />;
  else if (session === 'signed-out') {
    content = (
      <SignInPage
        hint={
          onServer
            ? 'Use the email and password that `npm start` printed in the terminal.'
            : `The memory adapter's user is heidi@example.com, password ${DEFAULT_SEED_PASSWORD}.`
        }
      />
    );
  } else {
    // Signed in, or the server can't say (it is down, or `?fail=` makes every call fail): the page
    // itself, whose sections each show their error with Retry.
    content = <DemoSections />;
  }

  return (
    <AccountProvider adapter={adapter} onUnauthorized={() => setSessionEnded(true)}>
      <header className="demo-header">
        <div>
          <h1>react-account-settings demo</h1>
          <p>
            {onServer
              ? 'Data is kept by the reference Label Studio server, through the Label Studio adapter.'
              : "Data is kept in this browser's localStorage, through the memory adapter."}
          </p>
        </div>
        <div className="demo-toolbar">
          <ThemeSwitch />
          {session === 'signed-in' && !signUp ? <SignOutButton adapter={adapter} onSignedOut={checkSession} /> : null}
          {onServer ? null : (
            <button type="button" className="demo-button" onClick={resetDemoData}>
              Reset demo data
            </button>
          )}
        </div>
      </header>
      <main className="demo-main">{content}</main>
      <SignInAgainDialog
        open={sessionEnded}
        onSignedIn={() => {
          setSessionEnded(false);
        }}
      />
    </AccountProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('demo/index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <DemoApp />
  </StrictMode>,
);
