import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AccountError, type AccountErrorCode } from '../../src/adapters/errors';
import { createMemoryAdapter, withoutMethods, type MemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter, Membership } from '../../src/adapters/types';
import { MembershipCard, type MembershipCardProps } from '../../src/components/membership-card';
import { en } from '../../src/i18n/en';
import { formatMessage } from '../../src/i18n/format-message';
import { AccountProvider } from '../../src/provider/account-provider';

/** The memory adapter's seed time: the user registered 120 days and the organization 121 days before. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const DAY = 24 * 60 * 60 * 1000;
const PROPS: MembershipCardProps = { now: SEED_TIME, timeZone: 'UTC' };

/** ICU puts a narrow no-break space before AM/PM in some versions and a plain one in others. */
function spaces(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

function renderCard(
  adapter: AccountAdapter = createMemoryAdapter(),
  props: MembershipCardProps = PROPS,
  locale?: string,
) {
  const view = render(
    <AccountProvider adapter={adapter} locale={locale}>
      <MembershipCard {...props} />
    </AccountProvider>,
  );
  return { adapter, ...view };
}

/** An adapter whose getMembership answers with exactly this membership. */
function membershipAdapter(membership: Membership): AccountAdapter {
  const base = createMemoryAdapter();
  return { getCurrentUser: base.getCurrentUser, getMembership: async () => membership };
}

/** The `<dd>` after the `<dt>` with this text. */
function valueOf(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`No <dd> after “${term}”`);
  return dd;
}

function terms(): string[] {
  return Array.from(document.querySelectorAll('dt'), (dt) => dt.textContent ?? '');
}

describe('MembershipCard', () => {
  it('lists every known fact in a section named Membership, in the SPEC’s order (en-US)', async () => {
    renderCard();
    const section = screen.getByRole('region', { name: 'Membership' });
    await within(section).findByText('User ID');
    expect(section.tagName).toBe('SECTION');
    expect(section).toHaveAttribute('data-state', 'ready');
    expect(section).not.toHaveAttribute('aria-busy');
    expect(terms()).toEqual([
      'User ID',
      'Registration date',
      'Annotations submitted',
      'Projects contributed to',
      'Organization',
      'Role',
      'Organization ID',
      'Owner',
      'Organization created',
    ]);
    expect(valueOf('User ID')).toHaveTextContent('1');
    expect(valueOf('Annotations submitted')).toHaveTextContent(/^1,284$/);
    expect(valueOf('Projects contributed to')).toHaveTextContent(/^3$/);
    expect(valueOf('Organization')).toHaveTextContent('Label Studio');
    expect(valueOf('Role')).toHaveTextContent(/^Owner$/);
    expect(valueOf('Organization ID')).toHaveTextContent(/^1$/);
    expect(valueOf('Owner')).toHaveTextContent(/^heidi@example\.com$/);
  });

  it('shows dates in words with the exact date beside them and in a <time> (en-US)', async () => {
    renderCard();
    const joined = await screen.findByText('4 months ago', { selector: '[data-key="dateJoined"] time' });
    expect(joined).toHaveAttribute('dateTime', '2026-07-04T09:30:00.000Z');
    expect(spaces(joined.getAttribute('title'))).toBe('Jul 4, 2026, 9:30 AM');
    expect(valueOf('Registration date')).toHaveTextContent(/^4 months ago \(Jul 4, 2026\)$/);

    const created = valueOf('Organization created');
    expect(created).toHaveTextContent(/^4 months ago \(Jul 3, 2026\)$/);
    const time = created.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', '2026-07-03T09:30:00.000Z');
    expect(spaces(time.getAttribute('title'))).toBe('Jul 3, 2026, 9:30 AM');
  });

  it('speaks German and formats numbers and dates for de-DE, from the locale alone', async () => {
    renderCard(createMemoryAdapter(), PROPS, 'de-DE');
    // The German catalogue loads on demand; labels and formats switch together.
    await screen.findByText('Benutzer-ID');
    expect(valueOf('Eingereichte Annotationen')).toHaveTextContent(/^1\.284$/);
    expect(valueOf('Registrierungsdatum')).toHaveTextContent(/^vor 4 Monaten \(04\.07\.2026\)$/);
    expect(valueOf('Registrierungsdatum').querySelector('time')).toHaveAttribute('title', '04.07.2026, 09:30');
    expect(valueOf('Organisation erstellt')).toHaveTextContent(/^vor 4 Monaten \(03\.07\.2026\)$/);
  });

  it('says recent dates in days, in English and German', async () => {
    const dateJoined = new Date(SEED_TIME - 3 * DAY).toISOString();
    const user = { ...(await createMemoryAdapter().getCurrentUser()), dateJoined };
    const adapter = createMemoryAdapter({ seed: { user, annotationsCount: 1234567 } });

    const english = renderCard(adapter);
    await screen.findByText('User ID');
    expect(valueOf('Registration date')).toHaveTextContent(/^3 days ago \(Oct 29, 2026\)$/);
    expect(valueOf('Annotations submitted')).toHaveTextContent(/^1,234,567$/);
    english.unmount();

    renderCard(adapter, PROPS, 'de-DE');
    await screen.findByText('Benutzer-ID');
    expect(valueOf('Registrierungsdatum')).toHaveTextContent(/^vor 3 Tagen \(29\.10\.2026\)$/);
    expect(valueOf('Eingereichte Annotationen')).toHaveTextContent(/^1\.234\.567$/);
  });

  it('hides every row it does not know: only the User ID for a bare membership', async () => {
    renderCard(membershipAdapter({ userId: '7' }));
    await screen.findByText('User ID');
    expect(terms()).toEqual(['User ID']);
    expect(valueOf('User ID')).toHaveTextContent(/^7$/);
    expect(screen.queryByText('Role')).toBeNull();
    expect(screen.queryByText('Registration date')).toBeNull();
    expect(screen.queryByText('Organization')).toBeNull();
    expect(document.querySelector('time')).toBeNull();
  });

  it('hides the organization’s unknown facts, and shows counts of zero', async () => {
    renderCard(
      membershipAdapter({
        userId: '7',
        annotationsCount: 0,
        organization: { id: '42', title: 'Acme' },
        role: 'annotator',
      }),
    );
    await screen.findByText('User ID');
    expect(terms()).toEqual(['User ID', 'Annotations submitted', 'Organization', 'Role', 'Organization ID']);
    expect(valueOf('Annotations submitted')).toHaveTextContent(/^0$/);
    expect(valueOf('Role')).toHaveTextContent(/^Annotator$/);
    expect(screen.queryByText('Owner')).toBeNull();
    expect(screen.queryByText('Organization created')).toBeNull();
  });

  it.each([
    ['owner', 'Owner'],
    ['administrator', 'Administrator'],
    ['manager', 'Manager'],
    ['reviewer', 'Reviewer'],
    ['annotator', 'Annotator'],
    ['deactivated', 'Deactivated'],
    ['not_activated', 'Not activated'],
    ['view_only', 'View only'],
  ] as const)('labels the role %s as “%s”', async (role, label) => {
    renderCard(membershipAdapter({ userId: '7', role }));
    await screen.findByText('Role');
    expect(valueOf('Role')).toHaveTextContent(new RegExp(`^${label}$`));
  });

  it('shows a role code the catalogue does not know as it is, and takes host messages', async () => {
    const adapter = membershipAdapter({ userId: '7', role: 'superhero' as Membership['role'] });
    const first = renderCard(adapter);
    await screen.findByText('Role');
    expect(valueOf('Role')).toHaveTextContent(/^superhero$/);
    first.unmount();

    render(
      <AccountProvider
        adapter={membershipAdapter({ userId: '7', role: 'reviewer' })}
        messages={{ 'membership.role': 'Rolle', 'membership.role.reviewer': 'Prüfer' }}
      >
        <MembershipCard />
      </AccountProvider>,
    );
    await screen.findByText('Rolle');
    expect(valueOf('Rolle')).toHaveTextContent(/^Prüfer$/);
  });

  it('shows a date it cannot read as the backend sent it, without a <time>', async () => {
    renderCard(membershipAdapter({ userId: '7', dateJoined: 'sometime in 2019' }));
    await screen.findByText('Registration date');
    expect(valueOf('Registration date')).toHaveTextContent(/^sometime in 2019$/);
    expect(document.querySelector('time')).toBeNull();
  });

  it('shows numeric ids from a loosely typed backend', async () => {
    renderCard(membershipAdapter({ userId: 7, organization: { id: 42, title: 'Acme' } } as unknown as Membership));
    await screen.findByText('User ID');
    expect(valueOf('User ID')).toHaveTextContent(/^7$/);
    expect(valueOf('Organization ID')).toHaveTextContent(/^42$/);
  });

  it('shows a busy skeleton while loading', async () => {
    renderCard(createMemoryAdapter({ latencyMs: { getMembership: 30 } }));
    const section = screen.getByRole('region', { name: 'Membership' });
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(section).toHaveAttribute('data-state', 'loading');
    expect(within(section).getByText('Loading membership…')).toBeInTheDocument();
    expect(section.querySelector('[data-slot="ras-skeleton"]')).toHaveAttribute('aria-hidden', 'true');
    await within(section).findByText('User ID');
    expect(section).not.toHaveAttribute('aria-busy');
    expect(section.querySelector('[data-slot="ras-skeleton"]')).toBeNull();
  });

  const ERROR_MESSAGES: Record<Exclude<AccountErrorCode, 'aborted' | 'too_large' | 'validation'>, string> = {
    network: en['error.network'],
    unauthorized: en['error.unauthorized'],
    forbidden: en['error.forbidden'],
    not_found: en['error.not_found'],
    conflict: en['error.conflict'],
    // The memory adapter says to wait 1000 ms.
    rate_limited: formatMessage(en['error.rate_limited'], { count: 1, seconds: 1 }),
    server: en['error.server'],
  };

  it.each(Object.entries(ERROR_MESSAGES))('shows a visible alert with Retry for %s', async (code, message) => {
    renderCard(createMemoryAdapter({ fail: { getMembership: code as AccountErrorCode } }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    // Every placeholder filled: a clear sentence, not a template.
    expect(alert.textContent).not.toMatch(/[{}]/);
    expect(alert).toBeVisible();
    expect(alert).toHaveAttribute('data-code', code);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    const section = screen.getByRole('region', { name: 'Membership' });
    expect(section).toHaveAttribute('data-state', 'error');
    expect(section).not.toHaveAttribute('aria-busy');
    expect(screen.queryByText('User ID')).toBeNull();
  });

  it('reads again on Retry, and shows the membership once the read succeeds', async () => {
    let failures = 1;
    const base = createMemoryAdapter();
    const getMembership = vi.fn((options?: { signal?: AbortSignal }) =>
      failures-- > 0 ? Promise.reject(new AccountError('server')) : base.getMembership(options),
    );
    const adapter: MemoryAdapter = { ...base, getMembership };
    renderCard(adapter);
    expect(await screen.findByRole('alert')).toHaveTextContent(en['error.server']);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('User ID')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(getMembership).toHaveBeenCalledTimes(2);
    expect(valueOf('Annotations submitted')).toHaveTextContent('1,284');
  });

  it('shows nothing for an aborted read: no alert, no error text, still busy', async () => {
    const adapter: AccountAdapter = {
      getCurrentUser: createMemoryAdapter().getCurrentUser,
      getMembership: () => Promise.reject(new AccountError('aborted')),
    };
    renderCard(adapter);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(en['error.aborted'])).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    const section = screen.getByRole('region', { name: 'Membership' });
    expect(section).toHaveAttribute('data-state', 'loading');
    expect(section).toHaveAttribute('aria-busy', 'true');
  });

  it('aborts the read on unmount', async () => {
    const adapter = createMemoryAdapter({ latencyMs: { getMembership: 200 } });
    const getMembership = vi.spyOn(adapter, 'getMembership');
    const { unmount } = renderCard(adapter);
    unmount();
    expect(getMembership.mock.calls[0]![0]!.signal!.aborted).toBe(true);
  });

  it('renders nothing without getMembership, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = renderCard(withoutMethods(createMemoryAdapter(), ['getMembership']));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    // Nothing but the provider's own (empty) container for dialogs.
    expect([...container.children].map((child) => child.getAttribute('data-slot'))).toEqual(['ras-portal']);
    expect(container.firstElementChild).toBeEmptyDOMElement();
    const warnings = warn.mock.calls.filter(([message]) => String(message).includes('getMembership'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toContain('MembershipCard');
    warn.mockRestore();
  });

  it('measures relative times from the time of the read when `now` is not given', async () => {
    const dateJoined = new Date(Date.now() - 3 * DAY).toISOString();
    renderCard(membershipAdapter({ userId: '7', dateJoined }), {});
    await screen.findByText('Registration date');
    expect(valueOf('Registration date').querySelector('time')).toHaveTextContent(/^3 days ago$/);
  });

  it('passes className, style and other props to the root section', async () => {
    renderCard(undefined, {
      ...PROPS,
      className: 'host-card',
      style: { maxWidth: 480 },
      'data-testid': 'root',
    } as MembershipCardProps);
    const root = await screen.findByTestId('root');
    expect(root.tagName).toBe('SECTION');
    expect(root).toHaveClass('ras-membership-card', 'host-card');
    expect(root).toHaveStyle({ maxWidth: '480px' });
    expect(root).toHaveAttribute('data-slot', 'ras-membership-card');
  });

  it('renders on the server without window or document', () => {
    vi.stubGlobal('window', undefined);
    vi.stubGlobal('document', undefined);
    let html: string;
    try {
      html = renderToString(
        <AccountProvider adapter={createMemoryAdapter()}>
          <MembershipCard />
        </AccountProvider>,
      );
    } finally {
      vi.unstubAllGlobals();
    }
    expect(html).toContain('aria-label="Membership"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading membership…');
  });

  it('works with an adapter prop outside a provider, in English', async () => {
    render(<MembershipCard adapter={createMemoryAdapter()} {...PROPS} />);
    await waitFor(() => expect(valueOf('Annotations submitted')).toHaveTextContent('1,284'));
    expect(screen.getByRole('region', { name: 'Membership' })).toBeInTheDocument();
  });
});
