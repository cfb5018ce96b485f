import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AccountProvider } from '../../src/provider/account-provider';
import { useAccount } from '../../src/provider/account-context';
import { useAdapter } from '../../src/hooks/use-adapter';
import { de } from '../../src/locales/de';

function Probe() {
  const { locale, platform, t } = useAccount();
  return (
    <p>
      {locale} {platform} {t('account.members', { count: 1284 })} {t('common.retry')}
    </p>
  );
}

describe('AccountProvider', () => {
  it('gives components the locale, platform and formatted messages', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="en-GB" platform="mac">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-GB mac 1,284 members Retry')).toBeInTheDocument();
  });

  it('replaces default messages with the host app’s overrides', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} messages={{ 'common.retry': 'Erneut versuchen' }}>
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText(/Erneut versuchen/)).toBeInTheDocument();
  });

  it('defaults to en-US', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-US other 1,284 members Retry')).toBeInTheDocument();
  });

  it('detects the platform from the browser when none is given', () => {
    const original = Object.getOwnPropertyDescriptor(window.navigator, 'platform');
    Object.defineProperty(window.navigator, 'platform', { value: 'MacIntel', configurable: true });
    try {
      render(
        <AccountProvider adapter={createMemoryAdapter()}>
          <Probe />
        </AccountProvider>,
      );
      expect(screen.getByText(/ mac /)).toBeInTheDocument();
    } finally {
      if (original) Object.defineProperty(window.navigator, 'platform', original);
      else delete (window.navigator as { platform?: string }).platform;
    }
  });

  it('tells a developer who forgot the provider what is missing', () => {
    // React logs the thrown error; keep the test output clean.
    const { error } = console;
    console.error = () => {};
    try {
      expect(() => render(<Probe />)).toThrow('useAccount must be used within <AccountProvider>');
    } finally {
      console.error = error;
    }
  });

  it('lets a hook take its adapter from a prop instead of the provider', () => {
    const adapter = createMemoryAdapter();
    function UsesAdapter() {
      return <p>{useAdapter(adapter) === adapter ? 'own adapter' : 'other'}</p>;
    }
    render(<UsesAdapter />);
    expect(screen.getByText('own adapter')).toBeInTheDocument();
  });
});

/** ICU puts narrow or no-break spaces in some numbers; compare them as plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

describe('AccountProvider locales', () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The warnings the provider logged that mention `text`. */
  const warningsAbout = (text: string) =>
    warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes(text));

  it('picks the German catalogue from the locale alone', async () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="de-DE" platform="mac">
        <Probe />
      </AccountProvider>,
    );
    expect(await screen.findByText('de-DE mac 1.284 Mitglieder Erneut versuchen')).toBeInTheDocument();
    expect(warn.mock.calls).toEqual([]);
  });

  it('reads German for every German region and any case', async () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="de-at" platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(plain((await screen.findByText(/Mitglieder Erneut versuchen/)).textContent)).toBe(
      'de-AT other 1 284 Mitglieder Erneut versuchen',
    );
  });

  it('lets messages override the locale’s catalogue key by key', async () => {
    render(
      <AccountProvider
        adapter={createMemoryAdapter()}
        locale="de"
        messages={{ 'common.retry': 'Nochmal' }}
        platform="other"
      >
        <Probe />
      </AccountProvider>,
    );
    expect(await screen.findByText('de other 1.284 Mitglieder Nochmal')).toBeInTheDocument();
  });

  it('renders German on the first render when the catalogue is passed as messages', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="de-DE" messages={de} platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('de-DE other 1.284 Mitglieder Erneut versuchen')).toBeInTheDocument();
  });

  it('shows English with en-US formats for a locale nothing ships for, and warns once', () => {
    const { rerender } = render(
      <AccountProvider adapter={createMemoryAdapter()} locale="fr-FR" platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-US other 1,284 members Retry')).toBeInTheDocument();
    rerender(
      <AccountProvider adapter={createMemoryAdapter()} locale="fr-FR" platform="mac">
        <Probe />
      </AccountProvider>,
    );
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="fr-FR" platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-US mac 1,284 members Retry')).toBeInTheDocument();
    expect(warningsAbout('fr-FR')).toEqual([
      expect.stringContaining('no messages ship for "fr-FR" and none were given; showing English'),
    ]);
  });

  it('formats in the asked locale when the host gives its messages', () => {
    render(
      <AccountProvider
        adapter={createMemoryAdapter()}
        locale="fr-CA"
        messages={{
          'account.members': { one: '{count} membre', other: '{count} membres' },
          'common.retry': 'Réessayer',
        }}
        platform="other"
      >
        <Probe />
      </AccountProvider>,
    );
    expect(plain(screen.getByText(/membres/).textContent)).toBe('fr-CA other 1 284 membres Réessayer');
    expect(warningsAbout('fr-CA')).toEqual([]);
  });

  it('reads en_US as en-US instead of crashing, and says so', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="en_US" platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-US other 1,284 members Retry')).toBeInTheDocument();
    expect(warningsAbout('en_US')).toEqual([expect.stringContaining('reading it as "en-US"')]);
  });

  it('falls back to English and en-US for a tag that is no locale, with a warning', () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="!!" platform="other">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('en-US other 1,284 members Retry')).toBeInTheDocument();
    expect(warningsAbout('"!!"')).toEqual([expect.stringContaining('is not a BCP 47 language tag; using en-US')]);
  });
});
