import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, type ComponentProps } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createMemoryAdapter, createSeedMembers } from '../src/adapters/memory';
import type { AccountAdapter, Member } from '../src/adapters/types';
import { MembersList } from '../src/components/members-list';

/** The memory adapter's seed time: the members' last activities are measured back from it. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const HOUR = 60 * 60 * 1000;

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
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    await expect(table).toHaveAccessibleName('Members, page 1 of 2');
    await expect(bodyRows(table)).toHaveLength(30);
    await expect(summary(canvasElement)).toHaveTextContent('Showing 1–30 of 42');
    await expect(canvas.getByRole('columnheader', { name: 'Email' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Name' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Last activity' })).toBeVisible();

    // Sorted by email: Ada Lovelace is third, last active at the seed time itself.
    const ada = bodyRows(table)[2]!;
    await expect(ada).toHaveTextContent('ada.lovelace.2@example.com');
    await expect(ada).toHaveTextContent('Ada Lovelace');
    await expect(ada.querySelector('time')).toHaveAttribute('dateTime', '2026-11-01T09:30:00.000Z');
    await expect(ada.querySelector('time')).toHaveTextContent('now');

    const pages = canvas.getByRole('navigation', { name: 'Pages' });
    await expect(within(pages).getByText('Page 1 of 2')).toBeVisible();
    await expect(within(pages).getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('Showing 31–42 of 42'));
    await settled(table);
    await expect(table).toHaveAccessibleName('Members, page 2 of 2');
    await expect(bodyRows(table)).toHaveLength(12);
    await expect(bodyRows(table)[0]).toHaveTextContent('ken.hopper.21@example.com');
    await expect(within(pages).getByText('Page 2 of 2')).toBeVisible();
    await expect(within(pages).getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    await expect(within(pages).getByRole('button', { name: 'Previous page' })).not.toHaveAttribute('aria-disabled');
  },
};

/** A slow adapter: "Loading members…" until the first page arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { listMembers: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const loading = canvas.getByText('Loading members…');
    await expect(loading).toBeVisible();
    await expect(loading.parentElement).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('table')).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="ras-members-summary"]')).toBeEmptyDOMElement();
  },
};

/** An organization without members: the summary says so, with no table and no paging. */
export const Empty: Story = {
  parameters: { adapter: { seed: { members: [] } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('There are no members yet.'));
    await expect(canvas.queryByText('Loading members…')).toBeNull();
    await expect(canvas.queryByRole('table')).toBeNull();
    await expect(canvas.queryByRole('navigation', { name: 'Pages' })).toBeNull();
  },
};

/** Listing fails: an alert with Retry, which reads again. */
export const Error: Story = {
  parameters: { adapter: { fail: { listMembers: 'network' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

/** Searching by name or email once typing pauses; a search nothing matches says so. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    const search = canvas.getByRole('searchbox', { name: 'Search members' });

    await userEvent.type(search, 'grace');
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('Showing 1–4 of 4'));
    await settled(table);
    const rows = bodyRows(table);
    await expect(rows).toHaveLength(4);
    for (const row of rows) await expect(row).toHaveTextContent(/Grace/);
    await expect(rows[2]).toHaveTextContent('grace.lovelace.3@example.com');
    await expect(rows[2]!.querySelector('time')).toHaveTextContent('4 hours ago');
    await expect(canvas.queryByRole('navigation', { name: 'Pages' })).toBeNull();

    await userEvent.clear(search);
    await userEvent.type(search, 'zzzz');
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('No member matches “zzzz”.'));
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

/** 10,000 members, read a page at a time: 100 per page, and the last page. */
export const TenThousandMembers: Story = {
  parameters: tenThousand,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await findTable(canvasElement);
    await expect(bodyRows(table)).toHaveLength(30);
    await expect(summary(canvasElement)).toHaveTextContent('Showing 1–30 of 10,000');
    await expect(canvas.getByText('Page 1 of 334')).toBeVisible();

    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Members per page' }), '100');
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('Showing 1–100 of 10,000'));
    await settled(table);
    await expect(bodyRows(table)).toHaveLength(100);
    await expect(canvas.getByText('Page 1 of 100')).toBeVisible();

    await userEvent.click(canvas.getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('Showing 9,901–10,000 of 10,000'));
    await settled(table);
    await expect(bodyRows(table)).toHaveLength(100);
    await expect(canvas.getByText('Page 100 of 100')).toBeVisible();
  },
};

/** A member opened from the keyboard: Enter on their email opens the details, Escape returns to it. */
export const OpenMemberByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    const email = within(table).getByRole('button', { name: 'ada.lovelace.2@example.com' });
    await expect(email).toHaveAttribute('aria-haspopup', 'dialog');
    email.focus();
    await expect(email).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: 'Member details' });
    await expect(await within(dialog).findByRole('heading', { name: 'Ada Lovelace', level: 3 })).toBeVisible();
    const phone = within(dialog).getByRole('link', { name: '+1 555 0100' });
    await expect(phone).toHaveAttribute('href', 'tel:+15550100');
    await expect(within(dialog).getByRole('link', { name: 'ada.lovelace.2@example.com' })).toHaveAttribute(
      'href',
      'mailto:ada.lovelace.2@example.com',
    );
    await expect(dialog).toHaveTextContent('Street signs');
    await expect(dialog).toHaveTextContent('Invoices');

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
async function openMember(canvasElement: HTMLElement, email: string): Promise<HTMLElement> {
  const table = await findTable(canvasElement);
  await userEvent.click(within(table).getByRole('button', { name: email }));
  return page(canvasElement).findByRole('dialog', { name: 'Member details' });
}

/** Removing Ada Lovelace: the question names her and the organization; afterwards there are 41, it is announced, and focus moves to the next member. */
export const RemoveMember: Story = {
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    await expect(summary(canvasElement)).toHaveTextContent('Showing 1–30 of 42');
    const dialog = await openMember(canvasElement, 'ada.lovelace.2@example.com');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Remove from organization' }));

    const confirm = await page(canvasElement).findByRole('alertdialog', {
      name: 'Remove Ada Lovelace (ada.lovelace.2@example.com) from Label Studio?',
    });
    await expect(confirm).toHaveAccessibleDescription('They lose access at once.');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(page(canvasElement).queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(summary(canvasElement)).toHaveTextContent('Showing 1–30 of 41'));
    await settled(table);
    await expect(within(table).queryByRole('button', { name: 'ada.lovelace.2@example.com' })).toBeNull();
    await expect(canvasElement.querySelector('[data-slot="ras-members-notice"]')).toHaveTextContent(
      'Removed Ada Lovelace',
    );
    const next = bodyRows(table)[2]!.querySelector('button')!;
    await waitFor(() => expect(next).toHaveFocus());
  },
};

/** Removing fails: the question stays open with the reason and Retry, and the member stays listed. */
export const RemoveFailed: Story = {
  parameters: { adapter: { fail: { removeMember: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const dialog = await openMember(canvasElement, 'ada.lovelace.2@example.com');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Remove from organization' }));
    const confirm = await page(canvasElement).findByRole('alertdialog');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      "Ada Lovelace wasn't removed. The server had a problem. Try again in a moment.",
    );
    await expect(within(confirm).getByRole('button', { name: 'Retry' })).toBeVisible();
    // The page behind the question is inert (hidden from the accessibility tree) until it closes.
    await expect(canvasElement.querySelector('[data-slot="ras-members-summary"]')).toHaveTextContent(
      'Showing 1–30 of 42',
    );
  },
};

/** Your own details: there is no Remove, since nobody can remove themselves. */
export const CannotRemoveSelf: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openMember(canvasElement, 'heidi@example.com');
    await expect(await within(dialog).findByRole('heading', { name: 'Heidi Opossum' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toBeVisible();
    await expect(within(dialog).queryByRole('button', { name: 'Remove from organization' })).toBeNull();
  },
};

/** A member whose organization doesn't let them remove others: the details have no Remove. */
export const NotAllowed: Story = {
  parameters: { adapter: { seed: { permissions: { removeMembers: false } } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const dialog = await openMember(canvasElement, 'ada.lovelace.2@example.com');
    await expect(await within(dialog).findByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(within(dialog).queryByRole('button', { name: 'Remove from organization' })).toBeNull();
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
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    const deleted = bodyRows(table)[0]!;
    await expect(deleted).toHaveTextContent('Deleted user');
    await expect(deleted).not.toHaveTextContent('Grace Hopper');
    await expect(deleted).not.toHaveTextContent('grace.hopper.999@example.com');
    await expect(deleted.querySelector('button, a')).toBeNull();
    await expect(within(bodyRows(table)[1]!).getByRole('button')).toHaveAttribute('aria-haspopup', 'dialog');
  },
};
