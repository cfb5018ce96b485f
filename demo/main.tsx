import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { ACCOUNT_ERROR_CODES } from '../src/adapters/errors';
import { createMemoryAdapter, MAX_PROFILE_FIELD_LENGTH } from '../src/adapters/memory';
import type { HotkeyOverrides, Membership, ProfilePatch, User } from '../src/adapters/types';
import { useMutation } from '../src/hooks/use-mutation';
import { useResource } from '../src/hooks/use-resource';
import { useAccount } from '../src/provider/account-context';
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

interface AccountOverview {
  user: User;
  membership: Membership | undefined;
  hotkeys: HotkeyOverrides | undefined;
}

function AccountSummary({ overview: { user, membership, hotkeys } }: { overview: AccountOverview }) {
  return (
    <dl className="demo-facts">
      <dt>Name</dt>
      <dd>{`${user.firstName} ${user.lastName}`.trim() || '—'}</dd>
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Organization</dt>
      <dd>{membership?.organization?.title ?? '—'}</dd>
      <dt>Saved hotkey overrides</dt>
      <dd>{hotkeys ? Object.keys(hotkeys).length : '—'}</dd>
    </dl>
  );
}

function DisplayNameForm({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const { adapter } = useAccount();
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  // The parent renders this form only when the adapter has updateProfile.
  const save = useMutation((patch: ProfilePatch, signal) => adapter.updateProfile!(patch, { signal }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save.run({ firstName, lastName });
    if (!result?.ok) return;
    setFirstName(result.value.firstName);
    setLastName(result.value.lastName);
    onSaved(result.value);
  }

  // "Saved" must describe what the fields show, so it goes as soon as they change.
  function edit(setValue: (value: string) => void, value: string) {
    setValue(value);
    if (!save.isPending) save.reset();
  }

  return (
    <form className="demo-form" aria-labelledby="display-name-heading" onSubmit={handleSubmit}>
      <h3 id="display-name-heading">Display name</h3>
      <div className="demo-fields">
        <label>
          First name
          <input
            className="demo-input"
            autoComplete="given-name"
            maxLength={MAX_PROFILE_FIELD_LENGTH}
            value={firstName}
            onChange={(event) => edit(setFirstName, event.target.value)}
          />
        </label>
        <label>
          Last name
          <input
            className="demo-input"
            autoComplete="family-name"
            maxLength={MAX_PROFILE_FIELD_LENGTH}
            value={lastName}
            onChange={(event) => edit(setLastName, event.target.value)}
          />
        </label>
      </div>
      <div className="demo-actions">
        <button type="submit" className="demo-button demo-button--primary">
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        {/* Always present, so screen readers announce the text when it appears. */}
        <p role="status" className="demo-success">
          {save.status === 'success' ? 'Saved' : ''}
        </p>
      </div>
      {save.error && (
        <p role="alert" className="demo-error">
          {save.error.message}
        </p>
      )}
    </form>
  );
}

function AccountSection() {
  const { adapter, t } = useAccount();
  const { status, data, error, retry, setData } = useResource(
    async (signal): Promise<AccountOverview> => {
      const [user, membership, hotkeys] = await Promise.all([
        adapter.getCurrentUser({ signal }),
        adapter.getMembership?.({ signal }),
        adapter.getHotkeys?.({ signal }),
      ]);
      return { user, membership, hotkeys };
    },
    [adapter],
  );

  let content;
  if (status === 'error' && error) {
    content = (
      <div role="alert" className="demo-error">
        <p>{error.message}</p>
        <button type="button" className="demo-button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (data === undefined) {
    content = <p>{t('common.loading')}</p>;
  } else {
    content = (
      <>
        <AccountSummary overview={data} />
        {adapter.updateProfile && <DisplayNameForm user={data.user} onSaved={(user) => setData({ ...data, user })} />}
      </>
    );
  }

  return (
    <section className="demo-card" aria-labelledby="account-heading" aria-busy={status === 'loading'}>
      <h2 id="account-heading">Account</h2>
      {content}
    </section>
  );
}

/** The page's content: each library component (ProfileForm, …) is added here, in its own section, as it is built. */
function DemoSections() {
  return <AccountSection />;
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
