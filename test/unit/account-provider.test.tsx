import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AccountProvider } from '../../src/provider/account-provider';
import { useAccount } from '../../src/provider/account-context';
import { useAdapter } from '../../src/hooks/use-adapter';

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
      <AccountProvider adapter={createMemoryAdapter()} locale="de-DE" platform="mac">
        <Probe />
      </AccountProvider>,
    );
    expect(screen.getByText('de-DE mac 1.284 members Retry')).toBeInTheDocument();
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
