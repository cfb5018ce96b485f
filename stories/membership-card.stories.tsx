import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { createMemoryAdapter } from '../src/adapters/memory';
import type { AccountAdapter } from '../src/adapters/types';
import { MembershipCard } from '../src/components/membership-card';
import { AccountProvider } from '../src/provider/account-provider';
import { storyText } from './support/story-text';

/** The memory adapter's seed time: the user registered 120 days before it, the organization 121. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const HOUR = 60 * 60 * 1000;

/** The `<dd>` next to the `<dt>` labelled `term`. */
function valueOf(canvasElement: HTMLElement, term: string): HTMLElement {
  const dt = within(canvasElement).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

/** The card with an adapter that knows nothing but the user's id. */
function MinimalMembership({ locale }: { locale: string }) {
  const adapter = useMemo<AccountAdapter>(() => {
    const base = createMemoryAdapter();
    return { getCurrentUser: base.getCurrentUser, getMembership: async () => ({ userId: '7' }) };
  }, []);
  return (
    <AccountProvider adapter={adapter} locale={locale}>
      <MembershipCard now={SEED_TIME} timeZone="UTC" />
    </AccountProvider>
  );
}

const meta = {
  title: 'Profile/MembershipCard',
  component: MembershipCard,
  // A fixed clock and time zone, so that "4 months ago" and the dates never change.
  args: { now: SEED_TIME, timeZone: 'UTC' },
  parameters: {
    docs: {
      description: {
        component:
          'The user’s membership facts as a description list. Each row shows only when the adapter knows it; numbers and dates follow the provider’s locale, and dates read in words with the exact date beside them.',
      },
    },
  },
} satisfies Meta<typeof MembershipCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Label Studio’s seed user: every fact known. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, number, relativeTime, date } = storyText({ globals });
    const canvas = within(canvasElement);
    const card = canvas.getByRole('region', { name: t('membership.title') });
    await expect(await within(card).findByText(t('membership.userId'))).toBeVisible();
    await expect(valueOf(card, t('membership.annotationsCount'))).toHaveTextContent(number(1284));
    await expect(valueOf(card, t('membership.contributedProjectsCount'))).toHaveTextContent('3');
    await expect(valueOf(card, t('membership.organization'))).toHaveTextContent('Label Studio');
    await expect(valueOf(card, t('membership.role'))).toHaveTextContent(t('membership.role.owner'));
    await expect(valueOf(card, t('membership.ownerEmail'))).toHaveTextContent('heidi@example.com');
    const joined = valueOf(card, t('membership.dateJoined'));
    const joinedAt = '2026-07-04T09:30:00.000Z';
    await expect(joined).toHaveTextContent(`${relativeTime(joinedAt, SEED_TIME)} (${date(joinedAt, 'UTC')})`);
    await expect(joined.querySelector('time')).toHaveAttribute('dateTime', joinedAt);
    const created = '2026-07-03T09:30:00.000Z';
    await expect(valueOf(card, t('membership.organizationCreatedAt'))).toHaveTextContent(
      `${relativeTime(created, SEED_TIME)} (${date(created, 'UTC')})`,
    );
  },
};

/** A slow adapter: a busy skeleton until the membership arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getMembership: HOUR } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const card = within(canvasElement).getByRole('region', { name: t('membership.title') });
    await expect(card).toHaveAttribute('aria-busy', 'true');
    await expect(within(card).getByText(t('membership.loading'))).toBeVisible();
    await expect(within(card).queryByText(t('membership.userId'))).toBeNull();
  },
};

/** Loading fails: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { getMembership: 'network' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await userEvent.click(canvas.getByRole('button', { name: t('common.retry') }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.queryByText(t('membership.userId'))).toBeNull();
  },
};

/** The German locale: German labels, grouped digits, dates and times in words as Germans write them. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    // The German catalogue loads on demand; the labels and the formats switch together.
    const card = await within(canvasElement).findByRole('region', { name: 'Mitgliedschaft' });
    await expect(await within(card).findByText('Benutzer-ID')).toBeVisible();
    await expect(valueOf(card, 'Eingereichte Annotationen')).toHaveTextContent('1.284');
    const joined = valueOf(card, 'Registrierungsdatum');
    await expect(joined).toHaveTextContent('vor 4 Monaten (04.07.2026)');
    await expect(joined.querySelector('time')).toHaveAttribute('title', '04.07.2026, 09:30');
    await expect(valueOf(card, 'Organisation erstellt')).toHaveTextContent('vor 4 Monaten (03.07.2026)');
  },
};

/** A backend that knows only the user’s id: every other row is left out. */
export const Minimal: Story = {
  // Its own provider, in the toolbar's locale.
  render: (_args, { globals }) => <MinimalMembership locale={String(globals.locale ?? 'en-US')} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const card = within(canvasElement).getByRole('region', { name: t('membership.title') });
    await expect(await within(card).findByText(t('membership.userId'))).toBeVisible();
    await expect(valueOf(card, t('membership.userId'))).toHaveTextContent('7');
    await expect(card.querySelectorAll('dt')).toHaveLength(1);
    await expect(within(card).queryByText(t('membership.role'))).toBeNull();
    await expect(within(card).queryByText(t('membership.dateJoined'))).toBeNull();
  },
};

/** The session has ended: the alert says to sign in again. */
export const Unauthorized: Story = {
  parameters: { adapter: { fail: { getMembership: 'unauthorized' } } },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('error.unauthorized'));
    await expect(alert).toBeVisible();
    await expect(canvas.queryByText(t('membership.userId'))).toBeNull();
  },
};
