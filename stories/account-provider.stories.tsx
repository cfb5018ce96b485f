import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { useResource } from '../src/hooks/use-resource';
import { describeError } from '../src/i18n/describe-error';
import { useAccount } from '../src/provider/account-context';

/** Shows what the provider supplies: the adapter's user, the locale, the platform and messages. */
function AccountProbe() {
  const { adapter, locale, platform, t } = useAccount();
  const user = useResource((signal) => adapter.getCurrentUser({ signal }), [adapter]);
  const members = useResource(
    (signal) => adapter.listMembers?.({ page: 1, pageSize: 1 }, { signal }) ?? Promise.resolve(null),
    [adapter],
  );

  if (user.status === 'loading') {
    return (
      <section aria-label="Account" aria-busy="true" data-slot="account-probe" data-state="loading">
        <p>{t('common.loading')}</p>
      </section>
    );
  }
  if (user.status === 'error') {
    return (
      <section aria-label="Account" data-slot="account-probe" data-state="error">
        <div role="alert">{describeError(user.error!, t)}</div>
        <button type="button" onClick={user.retry}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
  const name = `${user.data!.firstName} ${user.data!.lastName}`.trim() || user.data!.email;
  return (
    <section aria-label="Account" data-slot="account-probe" data-state="ready">
      <p>{t('account.signedInAs', { name })}</p>
      <dl>
        <dt>Locale</dt>
        <dd>{locale}</dd>
        <dt>Platform</dt>
        <dd>{platform}</dd>
        {members.data ? (
          <>
            <dt>Organization</dt>
            <dd>{t('account.members', { count: members.data.total })}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

const meta = {
  title: 'Foundation/AccountProvider',
  component: AccountProbe,
  parameters: {
    docs: {
      description: {
        component:
          'Every story is wrapped in `<AccountProvider>` with a fresh memory adapter. The toolbar switches theme, locale and makes the adapter fail.',
      },
    },
  },
} satisfies Meta<typeof AccountProbe>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The provider with the default memory adapter: the seeded user is signed in. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Signed in as Heidi Opossum')).toBeVisible();
    await expect(canvas.getByText('42 members')).toBeVisible();
  },
};

/** A slow adapter: the section is busy until the user arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: 60 * 60 * 1000 } },
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('region', { name: 'Account' });
    await expect(region).toHaveAttribute('aria-busy', 'true');
  },
};

/** The adapter cannot reach the server: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { getCurrentUser: 'network' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server could not be reached');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** A server that asks the client to slow down. */
export const RateLimited: Story = {
  parameters: {
    adapter: { fail: { getCurrentUser: new AccountError('rate_limited', undefined, { retryAfterMs: 30_000 }) } },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'Too many requests. Try again in 30 seconds.',
    );
  },
};

/** German from the locale alone: the catalogue loads on demand, and numbers follow the locale. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Angemeldet als Heidi Opossum')).toBeVisible();
    await expect(canvas.getByText('de-DE')).toBeVisible();
    await expect(canvas.getByText('42 Mitglieder')).toBeVisible();
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Signed in as Heidi Opossum')).toBeVisible();
  },
};
