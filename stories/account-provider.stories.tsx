import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { AccountError } from '../src/adapters/errors';
import { useResource } from '../src/hooks/use-resource';
import { InviteLink } from '../src/components/invite-link';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { formatMessage } from '../src/i18n/format-message';
import { describeError } from '../src/i18n/describe-error';
import { useAccount } from '../src/provider/account-context';
import { storyText } from './support/story-text';

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
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('account.signedInAs', { name: 'Heidi Opossum' }))).toBeVisible();
    await expect(canvas.getByText(t('account.members', { count: 42 }))).toBeVisible();
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
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await userEvent.click(canvas.getByRole('button', { name: t('common.retry') }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** A server that asks the client to slow down. */
export const RateLimited: Story = {
  parameters: {
    adapter: { fail: { getCurrentUser: new AccountError('rate_limited', undefined, { retryAfterMs: 30_000 }) } },
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      t('error.rate_limited', { count: 30 }),
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
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    await expect(
      await within(canvasElement).findByText(t('account.signedInAs', { name: 'Heidi Opossum' })),
    ).toBeVisible();
  },
};

/** The relative luminance of a computed `rgb()` colour: 0 for black, 1 for white. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The toolbar reaches what a reviewer sees: Theme paints the whole canvas and the dialogs,
 * Direction turns the story and its dialogs around, and Locale switches the words to the
 * locale's catalogue (checked against the shipped catalogues themselves).
 */
export const Toolbar: Story = {
  render: () => (
    <>
      <AccountProbe />
      <InviteLink />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const document = canvasElement.ownerDocument;
    const dark = globals.theme === 'dark';
    const german = String(globals.locale).startsWith('de');
    const catalogue = german ? de : en;

    // Theme: the page itself, not only the wrapper, is painted in the theme.
    const page = getComputedStyle(document.documentElement);
    await expect(page.colorScheme).toBe(dark ? 'dark' : 'light');
    if (dark) await expect(luminance(page.backgroundColor)).toBeLessThan(0.05);
    else await expect(luminance(page.backgroundColor)).toBeGreaterThan(0.9);

    // Locale: the text is the locale's catalogue, not English with German dates.
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(formatMessage(catalogue['account.signedInAs'], { name: 'Heidi Opossum' })),
    ).toBeVisible();
    const open = canvas.getByRole('button', { name: catalogue['invite.open'] as string });
    await expect(document.documentElement).toHaveAttribute('lang', globals.locale);

    // Dialogs keep the theme and the direction.
    await userEvent.click(open);
    const dialog = await within(document.body).findByRole('dialog', { name: catalogue['invite.title'] as string });
    const look = getComputedStyle(dialog);
    if (dark) await expect(luminance(look.backgroundColor)).toBeLessThan(0.05);
    else await expect(luminance(look.backgroundColor)).toBeGreaterThan(0.9);
    await expect(look.direction).toBe(globals.direction === 'rtl' ? 'rtl' : 'ltr');
    await expect(luminance(look.color) > 0.5).toBe(dark);
    await userEvent.keyboard('{Escape}');
  },
};
