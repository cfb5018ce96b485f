import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ACCOUNT_SECTIONS, AccountSettings, type AccountSectionId } from '../src/components/account-settings';
import { InviteLink } from '../src/components/invite-link';
import { MembersList } from '../src/components/members-list';
import { overrideId } from '../src/core/hotkeys';
import { useHotkeys } from '../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../src/label-studio';
import { AccountProvider } from '../src/provider/account-provider';
import '../src/styles.css';
import { createDemoAdapter, demoBackend, MEMORY_STORAGE_KEY } from './backend';
import { SignInGate, SignOutButton } from './sign-in';
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

/** The host app's own menu between its two pages. */
function DemoNav({ current }: { current: 'account' | 'organization' }) {
  return (
    <nav aria-label="Demo pages" className="demo-nav">
      <a href="#personal-info" aria-current={current === 'account' ? 'page' : undefined}>
        Account settings
      </a>
      <a href="#organization" aria-current={current === 'organization' ? 'page' : undefined}>
        Organization
      </a>
    </nav>
  );
}

/**
 * The page's content: the library's whole settings page, or the Organization page with its members
 * and invite link; which one, and the section, are kept in the URL's hash as a host router would.
 */
function DemoSections() {
  const [page, setPage] = useState(pageFromHash);
  useEffect(() => {
    const onHashChange = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (page === 'organization') {
    return (
      <>
        <DemoNav current="organization" />
        <section className="demo-card" aria-labelledby="demo-organization">
          <div className="demo-card-header">
            <h2 id="demo-organization">Organization</h2>
            <InviteLink />
          </div>
          <MembersList />
        </section>
      </>
    );
  }
  return (
    <>
      <DemoNav current="account" />
      <div className="demo-card">
        <ShortcutTester />
        <AccountSettings
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
  return (
    <AccountProvider adapter={adapter}>
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
          {onServer ? (
            <SignOutButton />
          ) : (
            <button type="button" className="demo-button" onClick={resetDemoData}>
              Reset demo data
            </button>
          )}
        </div>
      </header>
      <main className="demo-main">
        {onServer ? (
          <SignInGate>
            <DemoSections />
          </SignInGate>
        ) : (
          <DemoSections />
        )}
      </main>
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
