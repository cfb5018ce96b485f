import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ACCOUNT_SECTIONS, AccountSettings, type AccountSectionId } from '../src/components/account-settings';
import { useHotkeys } from '../src/components/hotkey-recorder';
import { labelStudioDefaultHotkeys, overrideId } from '../src/core/hotkeys';
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
  useHotkeys(handlers);
  return (
    <p role="status" className="demo-note">
      {last ? `Last shortcut used: ${last}` : 'Press a shortcut outside a text field to try it.'}
    </p>
  );
}

function sectionFromHash(): AccountSectionId | undefined {
  const id = window.location.hash.slice(1);
  return (ACCOUNT_SECTIONS as readonly string[]).includes(id) ? (id as AccountSectionId) : undefined;
}

/** The page's content: the library's whole settings page, its section kept in the URL's hash as a host router would. */
function DemoSections() {
  const [section, setSection] = useState(sectionFromHash);
  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <div className="demo-card">
      <ShortcutTester />
      <AccountSettings
        section={section ?? 'personal-info'}
        onSectionChange={(id) => {
          window.location.hash = id;
        }}
      />
    </div>
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
