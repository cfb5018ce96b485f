import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ACCOUNT_ERROR_CODES } from '../src/adapters/errors';
import { createMemoryAdapter } from '../src/adapters/memory';
import { AvatarUploader } from '../src/components/avatar-uploader';
import { EmailPreferences } from '../src/components/email-preferences';
import { HotkeyEditor } from '../src/components/hotkey-editor';
import { useHotkeys } from '../src/components/hotkey-recorder';
import { labelStudioDefaultHotkeys, overrideId } from '../src/core/hotkeys';
import { ProfileForm } from '../src/components/profile-form';
import { MembershipCard } from '../src/components/membership-card';
import { TokenPanel } from '../src/components/token-panel';
import { AccountProvider } from '../src/provider/account-provider';
import '../src/styles.css';
import './demo.css';

const STORAGE_KEY = 'react-account-settings-demo';

// `?fail=network` (or another error code but `aborted`) makes every adapter call fail, to show the error states.
const failParam = new URLSearchParams(window.location.search).get('fail');

// One adapter for the page's lifetime; localStorage keeps its data across reloads.
const adapter = createMemoryAdapter({
  storage: window.localStorage,
  storageKey: STORAGE_KEY,
  latencyMs: 250,
  apiBaseUrl: `${window.location.origin}/api`,
  // What a Label Studio backend's examples look like; the memory adapter itself serves no HTTP.
  tokenUsage: {
    personal: `curl -X POST ${window.location.origin}/api/token/refresh/ -H 'Content-Type: application/json' -d '{"refresh": "{token}"}'\ncurl ${window.location.origin}/api/projects/ -H 'Authorization: Bearer <access token>'`,
    legacy: `curl ${window.location.origin}/api/projects/ -H 'Authorization: Token {token}'`,
  },
  fail: ACCOUNT_ERROR_CODES.find((code) => code === failParam && code !== 'aborted'),
});

function resetDemoData() {
  window.localStorage.removeItem(STORAGE_KEY);
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

/** The page's content: each library component is added here, in its own section, as it is built. */
function DemoSections() {
  return (
    <>
      <section className="demo-card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <AvatarUploader />
        <ProfileForm warnOnLeave />
      </section>
      <section className="demo-card" aria-labelledby="email-heading">
        <h2 id="email-heading">Email preferences</h2>
        <EmailPreferences />
      </section>
      <section className="demo-card" aria-labelledby="membership-heading">
        <h2 id="membership-heading">Membership</h2>
        <MembershipCard />
      </section>
      <section className="demo-card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <TokenPanel />
      </section>
      <section className="demo-card" aria-labelledby="hotkeys-heading">
        <h2 id="hotkeys-heading">Hotkeys</h2>
        <ShortcutTester />
        <HotkeyEditor />
      </section>
    </>
  );
}

function DemoApp() {
  return (
    <AccountProvider adapter={adapter}>
      <header className="demo-header">
        <div>
          <h1>react-account-settings demo</h1>
          <p>Data is kept in this browser's localStorage.</p>
        </div>
        <div className="demo-toolbar">
          <ThemeSwitch />
          <button type="button" className="demo-button" onClick={resetDemoData}>
            Reset demo data
          </button>
        </div>
      </header>
      <main className="demo-main">
        <DemoSections />
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
