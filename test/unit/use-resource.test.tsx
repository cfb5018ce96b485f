import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter } from '../../src/adapters/types';
import { useResource } from '../../src/hooks/use-resource';

function UserName({ adapter }: { adapter: AccountAdapter }) {
  const user = useResource((signal) => adapter.getCurrentUser({ signal }), [adapter]);
  if (user.status === 'loading') return <p aria-busy="true">loading</p>;
  if (user.status === 'error') {
    return (
      <div>
        <p role="alert">{user.error.code}</p>
        <button type="button" onClick={user.retry}>
          Retry
        </button>
      </div>
    );
  }
  return <p>{user.data.firstName}</p>;
}

describe('useResource', () => {
  it('shows loading, then the value', async () => {
    render(<UserName adapter={createMemoryAdapter({ latencyMs: 5 })} />);
    expect(screen.getByText('loading')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('Heidi')).toBeInTheDocument();
  });

  it('shows the error code, and reads again on retry', async () => {
    let failures = 1;
    const base = createMemoryAdapter();
    const adapter: AccountAdapter = {
      ...base,
      getCurrentUser: (options) =>
        failures-- > 0 ? Promise.reject(new AccountError('network')) : base.getCurrentUser(options),
    };
    render(<UserName adapter={adapter} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('network');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Heidi')).toBeInTheDocument();
  });

  it('aborts the read on unmount and reports nothing', async () => {
    const signals: AbortSignal[] = [];
    const adapter = createMemoryAdapter({ latencyMs: 10_000 });
    const spy: AccountAdapter = {
      ...adapter,
      getCurrentUser: (options) => {
        signals.push(options!.signal!);
        return adapter.getCurrentUser(options);
      },
    };
    const { unmount } = render(<UserName adapter={spy} />);
    unmount();
    expect(signals[0]!.aborted).toBe(true);
  });

  it('reads again when its inputs change and ignores the older answer', async () => {
    const slow = createMemoryAdapter({
      latencyMs: 50,
      seed: { user: { ...createMemoryAdapterUser(), firstName: 'Slow' } },
    });
    const fast = createMemoryAdapter({ seed: { user: { ...createMemoryAdapterUser(), firstName: 'Fast' } } });
    const { rerender } = render(<UserName adapter={slow} />);
    rerender(<UserName adapter={fast} />);
    expect(await screen.findByText('Fast')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await waitFor(() => expect(screen.queryByText('Slow')).not.toBeInTheDocument());
    expect(screen.getByText('Fast')).toBeInTheDocument();
  });
});

function createMemoryAdapterUser() {
  return { id: '7', email: 'someone@example.com', firstName: '', lastName: '', phone: '', avatarUrl: null };
}
