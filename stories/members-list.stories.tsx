import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, type ComponentProps } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createDefaultSeed, createMemoryAdapter, createSeedMembers, type SeedMember } from '../src/adapters/memory';
import type { AccountAdapter, Member } from '../src/adapters/types';
import { MembersList } from '../src/components/members-list';
import { MEMBER_PAGE_SIZES } from '../src/hooks/use-members';
import { storyText, type StoryText } from './support/story-text';

/** The memory adapter's seed time: the members' last activities are measured back from it. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const HOUR = 60 * 60 * 1000;

/** The members as the memory adapter lists them: by email. */
function byEmail(members: readonly SeedMember[]): SeedMember[] {
  return [...members].sort((a, b) => a.email.localeCompare(b.email));
}

/** The default seed's 42 members in the list's order, and Ada (id 2: a phone, projects, active at the seed time). */
const SEEDED = byEmail(createDefaultSeed().members);
const ADA = SEEDED.find((member) => member.id === '2')!;
/** The signed-in user's own member row. */
const SELF = SEEDED.find((member) => member.id === createDefaultSeed().user.id)!;
/** The seeded organization's name, as the removal question says it. */
const ORGANIZATION = createDefaultSeed().organization.title;
const fullName = (member: SeedMember) => `${member.firstName} ${member.lastName}`;

/** Ten thousand members (the user not among them), for paging through a large organization. */
const tenThousand: AdapterParameters = { adapter: { seed: { members: createSeedMembers(10_000) } } };

/** The members table, once it has rows. */
async function findTable(canvasElement: HTMLElement): Promise<HTMLElement> {
  return within(canvasElement).findByRole('table');
}

/** The table's body rows (the header row left out). */
function bodyRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole('row').slice(1);
}

/** The list's summary line ("Showing 1–30 of 42"), a polite status. */
function summary(canvasElement: HTMLElement): HTMLElement {
  return within(canvasElement).getByRole('status');
}

/** Waits until the page the list asked for has arrived: the table is no longer busy. */
async function settled(table: HTMLElement): Promise<void> {
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
}

const meta = {
  title: 'Organization/MembersList',
  component: MembersList,
  argTypes: { initialPageSize: { control: 'select', options: [...MEMBER_PAGE_SIZES] } },
  // A fixed clock and time zone, so that "4 hours ago" and the exact dates never change.
  args: { now: SEED_TIME, timeZone: 'UTC', style: { maxWidth: 760 } },
  parameters: {
    docs: {
      description: {
        component:
          'The organization’s members as a table of email, name and last activity, with search, 30/50/100 per page and paging; each page is read through the adapter. A member’s email opens their details in a dialog.',
      },
    },
  },
} satisfies Meta<typeof MembersList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The seeded organization: 42 members, the first 30 on page 1, the other 12 on page 2. */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, relativeTime } = storyText({ globals });
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    await expect(table).toHaveAccessibleName(t('members.caption', { page: 1, pageCount: 2 }));
    await expect(bodyRows(table)).toHaveLength(30);
    await expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 30, total: 42 }));
    await expect(canvas.getByRole('columnheader', { name: t('members.email') })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: t('members.name') })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: t('members.lastActivity') })).toBeVisible();

    // Sorted by email: Ada's row, last active at the seed time itself.
    const ada = bodyRows(table)[SEEDED.indexOf(ADA)]!;
    await expect(ada).toHaveTextContent(ADA.email);
    await expect(ada).toHaveTextContent(fullName(ADA));
    await expect(ada.querySelector('time')).toHaveAttribute('dateTime', '2026-11-01T09:30:00.000Z');
    await expect(ada.querySelector('time')).toHaveTextContent(relativeTime(ADA.lastActivity!, SEED_TIME));

    const pages = canvas.getByRole('navigation', { name: t('members.pagination') });
    await expect(within(pages).getByText(t('members.page', { page: 1, pageCount: 2 }))).toBeVisible();
    const previous = within(pages).getByRole('button', { name: t('members.previous') });
    await expect(previous).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(within(pages).getByRole('button', { name: t('members.next') }));
    await waitFor(() =>
      expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 31, to: 42, total: 42 })),
    );
    await settled(table);
    await expect(table).toHaveAccessibleName(t('members.caption', { page: 2, pageCount: 2 }));
    await expect(bodyRows(table)).toHaveLength(12);
    await expect(bodyRows(table)[0]).toHaveTextContent(SEEDED[30]!.email);
    await expect(within(pages).getByText(t('members.page', { page: 2, pageCount: 2 }))).toBeVisible();
    await expect(within(pages).getByRole('button', { name: t('members.next') })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(previous).not.toHaveAttribute('aria-disabled');
  },
};

/** A slow adapter: "Loading members…" until the first page arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { listMembers: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const loading = canvas.getByText(t('members.loading'));
    await expect(loading).toBeVisible();
    await expect(loading.parentElement).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('table')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="ras-members-summary"]')).toBeEmptyDOMElement();
  },
};

/** An organization without members: the summary says so, with no table and no paging. */
export const Empty: Story = {
  parameters: { adapter: { seed: { members: [] } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent(t('members.empty')));
    await expect(canvas.queryByText(t('members.loading'))).toBeNull();
    await expect(canvas.queryByRole('table')).toBeNull();
    await expect(canvas.queryByRole('navigation', { name: t('members.pagination') })).toBeNull();
  },
};

/** Listing fails: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { listMembers: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.network'));
    await userEvent.click(canvas.getByRole('button', { name: t('common.retry') }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

/** Searching by name or email once typing pauses; a search nothing matches says so. */
export const Search: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t, relativeTime } = storyText({ globals });
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    const search = canvas.getByRole('searchbox', { name: t('members.search') });

    // "sa" is in four members' names: Aiko Mensah, Omar Sato, Isabel Tanaka and Sakura Chowdhury.
    const query = 'sa';
    const matching = SEEDED.filter((member) =>
      [member.email, fullName(member)].some((text) => text.toLowerCase().includes(query)),
    );
    await expect(matching).toHaveLength(4);
    await userEvent.type(search, query);
    await waitFor(() =>
      expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 4, total: 4 })),
    );
    await settled(table);
    const rows = bodyRows(table);
    await expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(
      matching.map((member) => member.email),
    );
    for (const [index, row] of rows.entries()) {
      await expect(row).toHaveTextContent(fullName(matching[index]!));
      await expect(row.querySelector('time')).toHaveTextContent(
        relativeTime(matching[index]!.lastActivity!, SEED_TIME),
      );
    }
    await expect(canvas.queryByRole('navigation', { name: t('members.pagination') })).toBeNull();

    await userEvent.clear(search);
    await userEvent.type(search, 'zzzz');
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent(t('members.noMatches', { query: 'zzzz' })));
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

/** 10,000 members with varied names, read a page at a time: 100 per page, and the last page. */
export const TenThousandMembers: Story = {
  parameters: tenThousand,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    await expect(bodyRows(table)).toHaveLength(30);
    await expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 30, total: 10_000 }));
    await expect(canvas.getByText(t('members.page', { page: 1, pageCount: 334 }))).toBeVisible();
    // Every row of the page is a different person.
    const names = bodyRows(table).map((row) => within(row).getAllByRole('cell')[1]!.textContent);
    await expect(new Set(names).size).toBe(30);

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: t('members.pageSize') }), '100');
    await waitFor(() =>
      expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 100, total: 10_000 })),
    );
    await settled(table);
    await expect(bodyRows(table)).toHaveLength(100);
    await expect(canvas.getByText(t('members.page', { page: 1, pageCount: 100 }))).toBeVisible();

    await userEvent.click(canvas.getByRole('button', { name: t('members.last') }));
    await waitFor(() =>
      expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 9_901, to: 10_000, total: 10_000 })),
    );
    await settled(table);
    await expect(bodyRows(table)).toHaveLength(100);
    await expect(canvas.getByText(t('members.page', { page: 100, pageCount: 100 }))).toBeVisible();
  },
};

/** A member opened from the keyboard: Enter on their email opens the details, Escape returns to it. */
export const OpenMemberByKeyboard: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const table = await findTable(canvasElement);
    const email = within(table).getByRole('button', { name: ADA.email });
    await expect(email).toHaveAttribute('aria-haspopup', 'dialog');
    email.focus();
    await expect(email).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: t('member.title') });
    await expect(await within(dialog).findByRole('heading', { name: fullName(ADA), level: 3 })).toBeVisible();
    const phone = within(dialog).getByRole('link', { name: ADA.phone });
    await expect(phone).toHaveAttribute('href', `tel:${ADA.phone.replace(/\s/g, '')}`);
    await expect(within(dialog).getByRole('link', { name: ADA.email })).toHaveAttribute('href', `mailto:${ADA.email}`);
    await expect(dialog).toHaveTextContent(ADA.createdProjects[0]!.title);
    await expect(dialog).toHaveTextContent(ADA.contributedProjects[0]!.title);

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(email).toHaveFocus());
  },
};

/** The body of the page, where dialogs open (they portal out of the canvas). */
function page(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}

/** Opens a member's details from their email and returns the details dialog. */
async function openMember(canvasElement: HTMLElement, { t }: StoryText, email: string): Promise<HTMLElement> {
  const table = await findTable(canvasElement);
  await userEvent.click(within(table).getByRole('button', { name: email }));
  return page(canvasElement).findByRole('dialog', { name: t('member.title') });
}

/** Removing Ada Lovelace: the question names her and the organization; afterwards there are 41, it is announced, and focus moves to the next member. */
export const RemoveMember: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const table = await findTable(canvasElement);
    await expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 30, total: 42 }));
    const dialog = await openMember(canvasElement, text, ADA.email);
    await userEvent.click(await within(dialog).findByRole('button', { name: t('members.remove') }));

    const confirm = await page(canvasElement).findByRole('alertdialog', {
      name: t('members.removeTitle', {
        member: t('members.removeWho', { name: fullName(ADA), email: ADA.email }),
        organization: ORGANIZATION,
      }),
    });
    await expect(confirm).toHaveAccessibleDescription(t('members.removeDescription'));
    await userEvent.click(within(confirm).getByRole('button', { name: t('members.removeConfirm') }));

    await waitFor(() => expect(page(canvasElement).queryByRole('alertdialog')).toBeNull());
    await waitFor(() =>
      expect(summary(canvasElement)).toHaveTextContent(t('members.range', { from: 1, to: 30, total: 41 })),
    );
    await settled(table);
    await expect(within(table).queryByRole('button', { name: ADA.email })).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="ras-members-notice"]')).toHaveTextContent(
      t('members.removed', { member: fullName(ADA) }),
    );
    // The member after Ada took her row, and focus is on their email.
    const next = within(table).getByRole('button', { name: SEEDED[SEEDED.indexOf(ADA) + 1]!.email });
    await expect(bodyRows(table)[SEEDED.indexOf(ADA)]).toContainElement(next);
    await waitFor(() => expect(next).toHaveFocus());
  },
};

/** Removing fails: the question stays open with the reason and Retry, and the member stays listed. */
export const RemoveFailed: Story = {
  parameters: { adapter: { fail: { removeMember: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await openMember(canvasElement, text, ADA.email);
    await userEvent.click(await within(dialog).findByRole('button', { name: t('members.remove') }));
    const confirm = await page(canvasElement).findByRole('alertdialog');
    await userEvent.click(within(confirm).getByRole('button', { name: t('members.removeConfirm') }));
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      t('members.removeFailed', { member: fullName(ADA), reason: t('error.server') }),
    );
    await expect(within(confirm).getByRole('button', { name: t('common.retry') })).toBeVisible();
    // The page behind the question is inert (hidden from the accessibility tree) until it closes.
    await expect(canvasElement.querySelector('[data-slot="ras-members-summary"]')).toHaveTextContent(
      t('members.range', { from: 1, to: 30, total: 42 }),
    );
  },
};

/** Your own details: there is no Remove, since nobody can remove themselves. */
export const CannotRemoveSelf: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await openMember(canvasElement, text, SELF.email);
    await expect(await within(dialog).findByRole('heading', { name: fullName(SELF) })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: t('members.close') })).toBeVisible();
    await expect(within(dialog).queryByRole('button', { name: t('members.remove') })).toBeNull();
  },
};

/** A member whose organization doesn't let them remove others: the details have no Remove. */
export const NotAllowed: Story = {
  parameters: { adapter: { seed: { permissions: { removeMembers: false } } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await openMember(canvasElement, text, ADA.email);
    await expect(await within(dialog).findByRole('heading', { name: fullName(ADA) })).toBeVisible();
    await expect(within(dialog).queryByRole('button', { name: t('members.remove') })).toBeNull();
  },
};

/** A backend that still lists a removed member (Label Studio's soft delete), marked `deleted`, before the others. */
function listsRemovedMember(): AccountAdapter {
  const memory = createMemoryAdapter();
  const removed: Member = {
    id: '999',
    email: 'grace.hopper.999@example.com',
    firstName: 'Grace',
    lastName: 'Hopper',
    avatarUrl: null,
    deleted: true,
  };
  return {
    ...memory,
    listMembers: async (input, options) => {
      const page = await memory.listMembers(input, options);
      return { items: [removed, ...page.items].slice(0, input.pageSize), total: page.total + 1 };
    },
  };
}

/** The list on that backend, with one adapter for the story's lifetime. */
function WithRemovedMember(props: ComponentProps<typeof MembersList>) {
  const adapter = useMemo(() => listsRemovedMember(), []);
  return <MembersList {...props} adapter={adapter} />;
}

/** A removed member the backend still lists: "Deleted user", with no name, no email and nothing to open. */
export const DeletedMember: Story = {
  render: (args) => <WithRemovedMember {...args} />,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const table = await findTable(canvasElement);
    const deleted = bodyRows(table)[0]!;
    await expect(deleted).toHaveTextContent(t('members.deletedUser'));
    await expect(deleted).not.toHaveTextContent('Grace Hopper');
    await expect(deleted).not.toHaveTextContent('grace.hopper.999@example.com');
    await expect(deleted.querySelector('button, a')).toBeNull();
    await expect(within(bodyRows(table)[1]!).getByRole('button')).toHaveAttribute('aria-haspopup', 'dialog');
  },
};
