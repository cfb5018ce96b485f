import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, createSeedMembers, type MemoryAdapter } from '../../src/adapters/memory';
import type { AccountAdapter, ListMembersInput, MembersPage } from '../../src/adapters/types';
import { InviteLink } from '../../src/components/invite-link';
import { MembersList } from '../../src/components/members-list';
import { AccountProvider } from '../../src/provider/account-provider';

/** 10 000 deterministic members, built once: each test's adapter copies them. */
const MEMBERS = createSeedMembers(10_000);
const TOTAL = MEMBERS.length;
/** The order the memory adapter lists members in: by email. */
const SORTED = [...MEMBERS].sort((a, b) => a.email.localeCompare(b.email));
/** The moment relative times are measured from: the seed's own "now" (2026-11-01 09:30 UTC). */
const NOW = Date.UTC(2026, 10, 1, 9, 30);
const DEFAULT_INVITE_PATH = '/user/signup/?token=4f6b0c1d2e3a';
/** Where focus lands is settled within a frame or two; failing fast keeps a focus bug from using up the test's minute. */
const FOCUS_WAIT = { timeout: 3_000 };

function seededAdapter(options: Parameters<typeof createMemoryAdapter>[0] = {}): MemoryAdapter {
  return createMemoryAdapter({ ...options, seed: { members: MEMBERS, ...options.seed } });
}

/** The real memory adapter with `listMembers` and `getMember` recorded on their way through. */
function observedAdapter(memory: MemoryAdapter = seededAdapter()) {
  const listMembers = vi.fn(memory.listMembers);
  const getMember = vi.fn(memory.getMember);
  const adapter: AccountAdapter = { ...memory, listMembers, getMember };
  return { adapter, memory, listMembers, getMember };
}

/**
 * Records the largest number of table rows the page ever held, after every DOM change (a
 * MutationObserver sees each React commit), so a moment with too many rows can't slip by between
 * two assertions.
 */
function watchRows(root: HTMLElement) {
  const count = () => root.querySelectorAll('tbody tr').length;
  let max = count();
  const observer = new MutationObserver(() => {
    max = Math.max(max, count());
  });
  observer.observe(root, { childList: true, subtree: true });
  observers.push(observer);
  return {
    /** The most rows seen since the last call, and starts counting again from what is shown now. */
    takeMax(): number {
      const seen = Math.max(max, count());
      max = count();
      return seen;
    },
  };
}
const observers: MutationObserver[] = [];
afterEach(() => {
  for (const observer of observers.splice(0)) observer.disconnect();
});

async function renderMembers(adapter: AccountAdapter) {
  const screen = await render(
    <AccountProvider adapter={adapter}>
      <MembersList now={NOW} timeZone="UTC" />
    </AccountProvider>,
  );
  const list = screen.getByRole('region', { name: 'Members' });
  const summary = () => list.element().querySelector('[data-slot="ras-members-summary"]')?.textContent ?? '';
  const shownEmails = () =>
    [...list.element().querySelectorAll('tbody tr [data-slot="ras-members-open"]')].map((button) => button.textContent);
  const rows = watchRows(list.element() as HTMLElement);
  return { screen, list, summary, shownEmails, rows };
}

type ListMembersMock = ReturnType<typeof vi.fn<NonNullable<AccountAdapter['listMembers']>>>;

/** Every call the adapter got, as the inputs it was given. */
function inputsOf(listMembers: ListMembersMock): ListMembersInput[] {
  return listMembers.mock.calls.map(([input]) => input);
}

/** The page the adapter answered for this input (its latest such call). */
async function answerFor(listMembers: ListMembersMock, input: ListMembersInput): Promise<MembersPage> {
  const index = listMembers.mock.calls.findLastIndex(([call]) => {
    return call.page === input.page && call.pageSize === input.pageSize && call.search === input.search;
  });
  expect(index, `no listMembers call with ${JSON.stringify(input)}`).toBeGreaterThanOrEqual(0);
  return (await listMembers.mock.results[index]!.value) as MembersPage;
}

function emailsOf(page: { email: string }[]): string[] {
  return page.map((member) => member.email);
}

describe('MembersList with 10 000 members, in Chromium', () => {
  it('reads each page through the adapter and never holds more than one page', async () => {
    const { listMembers, adapter } = observedAdapter();
    const { screen, list, summary, shownEmails, rows } = await renderMembers(adapter);
    const nav = screen.getByRole('navigation', { name: 'Pages' });

    /** Waits for a page, then checks it is exactly what the adapter answered for it. */
    async function expectPage(input: ListMembersInput, from: number, to: number, pageCount: number) {
      const fmt = (n: number) => n.toLocaleString('en-US');
      await expect.poll(summary).toBe(`Showing ${fmt(from)}–${fmt(to)} of ${fmt(TOTAL)}`);
      await expect.element(list.getByRole('table')).not.toHaveAttribute('aria-busy');
      expect(shownEmails()).toEqual(emailsOf(SORTED.slice(from - 1, to)));
      expect(shownEmails()).toEqual(emailsOf((await answerFor(listMembers, input)).items));
      await expect.element(nav).toHaveTextContent(`Page ${input.page} of ${pageCount}`);
      await expect.element(list.getByRole('table')).toHaveAccessibleName(`Members, page ${input.page} of ${pageCount}`);
    }

    // Page 1 of 334.
    await expectPage({ page: 1, pageSize: 30, search: '' }, 1, 30, 334);
    expect(summary()).toBe('Showing 1–30 of 10,000');
    expect(listMembers).toHaveBeenCalledTimes(1);
    expect(listMembers).toHaveBeenCalledWith({ page: 1, pageSize: 30, search: '' }, expect.anything());
    expect(shownEmails()).toHaveLength(30);
    expect(rows.takeMax()).toBe(30);
    await expect.element(nav.getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');

    // Next page: members 31–60, read as page 2.
    await userEvent.click(nav.getByRole('button', { name: 'Next page' }));
    await expectPage({ page: 2, pageSize: 30, search: '' }, 31, 60, 334);
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 2, pageSize: 30, search: '' });
    expect(rows.takeMax()).toBe(30);

    // Last page: 10 000 = 333 × 30 + 10, so page 334 holds the last 10.
    const lastPage = Math.ceil(TOTAL / 30);
    const lastFrom = (lastPage - 1) * 30 + 1;
    expect([lastPage, lastFrom]).toEqual([334, 9991]);
    await userEvent.click(nav.getByRole('button', { name: 'Last page' }));
    await expectPage({ page: lastPage, pageSize: 30, search: '' }, lastFrom, TOTAL, lastPage);
    expect(summary()).toBe('Showing 9,991–10,000 of 10,000');
    expect(shownEmails()).toHaveLength(10);
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 334, pageSize: 30, search: '' });
    expect(rows.takeMax()).toBeLessThanOrEqual(30);
    await expect.element(nav.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    await expect.element(nav.getByRole('button', { name: 'Last page' })).toHaveAttribute('aria-disabled', 'true');

    // 100 per page: the first member of the page shown (no. 9 991) stays in view, on page 100 (9 901–10 000).
    const firstShown = shownEmails()[0]!;
    await userEvent.selectOptions(list.getByRole('combobox', { name: 'Members per page' }), '100');
    const page100 = Math.floor((lastFrom - 1) / 100) + 1;
    await expectPage({ page: page100, pageSize: 100, search: '' }, (page100 - 1) * 100 + 1, TOTAL, 100);
    expect(shownEmails()).toHaveLength(100);
    expect(shownEmails()).toContain(firstShown);
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 100, pageSize: 100, search: '' });
    expect(rows.takeMax()).toBeLessThanOrEqual(100);

    // Back to the first page at 100 per page.
    await userEvent.click(nav.getByRole('button', { name: 'First page' }));
    await expectPage({ page: 1, pageSize: 100, search: '' }, 1, 100, 100);
    expect(rows.takeMax()).toBe(100);

    // 50 per page from page 2 (members 101–200): member 101 stays in view, on page 3 (101–150).
    await userEvent.click(nav.getByRole('button', { name: 'Next page' }));
    await expectPage({ page: 2, pageSize: 100, search: '' }, 101, 200, 100);
    await userEvent.selectOptions(list.getByRole('combobox', { name: 'Members per page' }), '50');
    await expectPage({ page: 3, pageSize: 50, search: '' }, 101, 150, 200);
    expect(shownEmails()).toHaveLength(50);
    expect(rows.takeMax()).toBeLessThanOrEqual(100);
    expect(rows.takeMax()).toBe(50);

    // Every read was one page, none larger than 100, and nothing asked for all members at once.
    for (const input of inputsOf(listMembers)) {
      expect([30, 50, 100]).toContain(input.pageSize);
      expect(input.search).toBe('');
    }
    for (const result of listMembers.mock.results) {
      expect(((await result.value) as MembersPage).items.length).toBeLessThanOrEqual(100);
    }
  });

  it('searches once typing pauses, from page 1, and shows only matching members', async () => {
    const { listMembers, adapter } = observedAdapter();
    const { screen, list, summary, shownEmails, rows } = await renderMembers(adapter);
    await expect.poll(summary).toBe('Showing 1–30 of 10,000');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await expect.poll(summary).toBe('Showing 31–60 of 10,000');

    // A family name: 89 of the 10,000 seed members carry it (every given name pairs with it in turn).
    const query = 'hopper';
    const matching = SORTED.filter((member) => member.email.includes(query));
    expect(matching.length).toBeGreaterThan(30);
    const search = list.getByRole('searchbox', { name: 'Search members' });
    // The page's clock stands still while typing, however slowly a busy machine types: nothing is
    // sent until the pause has passed, then exactly one read for the whole query.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await userEvent.type(search, query);
      expect((search.element() as HTMLInputElement).value).toBe(query);
      expect(inputsOf(listMembers).filter((input) => input.search !== '')).toEqual([]);
      vi.advanceTimersByTime(299);
      expect(inputsOf(listMembers).filter((input) => input.search !== '')).toEqual([]);
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    await expect.poll(summary).toBe(`Showing 1–30 of ${matching.length}`);
    expect(shownEmails()).toEqual(emailsOf(matching.slice(0, 30)));
    expect(shownEmails().every((email) => email!.includes(query))).toBe(true);
    await expect.element(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent('Page 1 of 3');
    expect(rows.takeMax()).toBe(30);

    // One read for the whole query, none for what was typed on the way.
    const searched = inputsOf(listMembers).filter((input) => input.search !== '');
    expect(searched).toEqual([{ page: 1, pageSize: 30, search: query }]);
    expect(shownEmails()).toEqual(emailsOf((await answerFor(listMembers, searched[0]!)).items));

    // Paging stays within the results.
    await userEvent.click(screen.getByRole('button', { name: 'Last page' }));
    await expect.poll(summary).toBe(`Showing 61–${matching.length} of ${matching.length}`);
    expect(shownEmails()).toEqual(emailsOf(matching.slice(60)));
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 3, pageSize: 30, search: query });

    // A name with spaces around it and capitals matches too (trimmed, case-insensitive).
    await userEvent.fill(search, '  Hopper ');
    await expect.poll(summary).toBe(`Showing 1–30 of ${matching.length}`);
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 1, pageSize: 30, search: 'Hopper' });

    // Nothing matches: said in words, and no rows.
    await userEvent.fill(search, 'zzz-nobody');
    await expect.poll(summary).toBe('No member matches “zzz-nobody”.');
    expect(shownEmails()).toEqual([]);
    await expect.element(list.getByRole('table')).not.toBeInTheDocument();
    await expect.element(list.getByRole('navigation')).not.toBeInTheDocument();

    // Clearing the search lists everyone again, from page 1.
    await userEvent.clear(search);
    await expect.poll(summary).toBe('Showing 1–30 of 10,000');
    expect(shownEmails()).toEqual(emailsOf(SORTED.slice(0, 30)));
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 1, pageSize: 30, search: '' });
    expect(rows.takeMax()).toBeLessThanOrEqual(30);
  });

  it('never lets an earlier, slower answer replace a later one', async () => {
    const memory = seededAdapter();
    // A backend that ignores the abort: the answer for "ada" arrives only when the test lets it.
    let releaseAda!: () => void;
    const adaGate = new Promise<void>((resolve) => (releaseAda = resolve));
    let adaAnswer: Promise<MembersPage> | undefined;
    const listMembers = vi.fn((input: ListMembersInput, options?: { signal?: AbortSignal }) => {
      if (input.search !== 'ada') return memory.listMembers(input, options);
      adaAnswer = adaGate.then(() => memory.listMembers(input));
      return adaAnswer;
    });
    const { list, summary, shownEmails } = await renderMembers({ ...memory, listMembers });
    await expect.poll(summary).toBe('Showing 1–30 of 10,000');

    const search = list.getByRole('searchbox', { name: 'Search members' });
    await userEvent.fill(search, 'ada');
    await expect.poll(() => inputsOf(listMembers).some((input) => input.search === 'ada')).toBe(true);
    await expect.element(list.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    await userEvent.fill(search, 'hopper');
    const hoppers = SORTED.filter((member) => member.email.includes('hopper'));
    await expect.poll(summary).toBe(`Showing 1–30 of ${hoppers.length}`);

    // Now the stale answer for "ada" arrives; the list keeps showing the Hoppers.
    releaseAda();
    const stale = await adaAnswer!;
    expect(stale.total).toBeGreaterThan(0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(summary()).toBe(`Showing 1–30 of ${hoppers.length}`);
    expect(shownEmails()).toEqual(emailsOf(hoppers.slice(0, 30)));
    await expect.element(search).toHaveValue('hopper');
  });

  it('opens a member from the keyboard and gives focus back when the details close', async () => {
    const { getMember, adapter } = observedAdapter();
    const { screen, list, summary } = await renderMembers(adapter);
    await expect.poll(summary).toBe('Showing 1–30 of 10,000');

    // The first member of page 1 with a phone and a created project, so every row of the details shows.
    const index = SORTED.slice(0, 30).findIndex(
      (candidate) => candidate.phone !== '' && candidate.createdProjects.length > 0,
    );
    expect(index).not.toBe(-1);
    const member = SORTED[index]!;
    expect(member.phone).not.toBe('');
    expect(member.createdProjects.length).toBeGreaterThan(0);

    // Tab from the page-size menu into the table, then down to the third member.
    list.getByRole('combobox', { name: 'Members per page' }).element().focus();
    for (let i = 0; i <= index; i++) await userEvent.keyboard('{Tab}');
    const open = list.getByRole('button', { name: member.email });
    await expect.element(open).toHaveFocus();
    await expect.element(open).toHaveAttribute('aria-haspopup', 'dialog');
    await userEvent.keyboard('{Enter}');

    const dialog = screen.getByRole('dialog', { name: 'Member details' });
    const name = `${member.firstName} ${member.lastName}`;
    await expect.element(dialog.getByRole('heading', { name, level: 3 })).toBeVisible();
    expect(getMember).toHaveBeenCalledTimes(1);
    expect(getMember.mock.calls[0]![0]).toBe(member.id);
    await expect
      .element(dialog.getByRole('img', { name: `${name}, no photo` }))
      .toHaveTextContent(`${member.firstName[0]}${member.lastName[0]}`);
    await expect
      .element(dialog.getByRole('link', { name: member.email }))
      .toHaveAttribute('href', `mailto:${member.email}`);
    await expect
      .element(dialog.getByRole('link', { name: member.phone }))
      .toHaveAttribute('href', `tel:${member.phone.replace(/[^\d+]/g, '')}`);

    const details = dialog.element();
    /** The `<dd>` that follows a `<dt>` with this text. */
    const definition = (term: string) =>
      [...details.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling as HTMLElement;
    const items = (term: string) => [...definition(term).querySelectorAll('li')].map((li) => li.textContent);
    expect(items('Projects created')).toEqual(member.createdProjects.map((project) => project.title));
    expect(items('Contributed to')).toEqual(member.contributedProjects.map((project) => project.title));
    const time = definition('Last activity').querySelector('time')!;
    expect(time.dateTime).toBe(member.lastActivity);
    expect(time.textContent).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date(member.lastActivity!),
      ),
    );

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(open).toHaveFocus();
  });

  it('shows a failed read with Retry, keeps the typed search, and loads the page on Retry', async () => {
    const working = seededAdapter();
    const offline = seededAdapter({ fail: { listMembers: 'network' } });
    let online = false;
    const listMembers = vi.fn((input: ListMembersInput, options?: { signal?: AbortSignal }) =>
      (online ? working : offline).listMembers(input, options),
    );
    const { list, summary, shownEmails } = await renderMembers({ ...working, listMembers });

    const alert = list.getByRole('alert');
    await expect
      .element(alert)
      .toHaveTextContent('The server could not be reached. Check your connection and try again.');
    await expect.element(list.getByRole('table')).not.toBeInTheDocument();
    expect(listMembers).toHaveBeenCalledTimes(1);

    // Searching while offline fails too; what was typed stays in the box.
    const search = list.getByRole('searchbox', { name: 'Search members' });
    await userEvent.fill(search, 'hopper');
    await expect.poll(() => inputsOf(listMembers).at(-1)?.search).toBe('hopper');
    await expect.element(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect.element(search).toHaveValue('hopper');

    online = true;
    await userEvent.click(alert.getByRole('button', { name: 'Retry' }));
    const hoppers = SORTED.filter((member) => member.email.includes('hopper'));
    await expect.poll(summary).toBe(`Showing 1–30 of ${hoppers.length}`);
    await expect.element(alert).not.toBeInTheDocument();
    expect(shownEmails()).toEqual(emailsOf(hoppers.slice(0, 30)));
    expect(inputsOf(listMembers).at(-1)).toEqual({ page: 1, pageSize: 30, search: 'hopper' });
    await expect.element(search).toHaveValue('hopper');
  });

  it('passes axe with a page shown and with a member open', async () => {
    const { adapter } = observedAdapter();
    const { screen, list, summary } = await renderMembers(adapter);
    await expect.poll(summary).toBe('Showing 1–30 of 10,000');
    expect((await axe.run(list.element())).violations).toEqual([]);

    await userEvent.click(list.getByRole('button', { name: SORTED[0]!.email }));
    const dialog = screen.getByRole('dialog', { name: 'Member details' });
    await expect.element(dialog.getByRole('link', { name: SORTED[0]!.email })).toBeVisible();
    expect((await axe.run(dialog.element())).violations).toEqual([]);
  });
});

describe('InviteLink, in Chromium', () => {
  function observedInvite(memory: MemoryAdapter = createMemoryAdapter()) {
    const getInviteLink = vi.fn(memory.getInviteLink);
    const resetInviteLink = vi.fn(memory.resetInviteLink);
    return { adapter: { ...memory, getInviteLink, resetInviteLink }, memory, getInviteLink, resetInviteLink };
  }

  async function renderInvite(adapter: AccountAdapter) {
    const screen = await render(
      <AccountProvider adapter={adapter}>
        <InviteLink />
      </AccountProvider>,
    );
    const opener = screen.getByRole('button', { name: 'Invite people' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Invite people' });
    const field = dialog.getByRole('textbox', { name: 'Invite link' });
    await expect.element(field).toBeVisible();
    return { screen, opener, dialog, field };
  }

  const absolute = (path: string) => new URL(path, document.baseURI).href;

  it('shows the link read-only and absolute, and copies it to the clipboard', async () => {
    const { adapter, getInviteLink, resetInviteLink } = observedInvite();
    const { dialog, field } = await renderInvite(adapter);
    await expect
      .element(dialog)
      .toHaveAccessibleDescription(
        'Anyone with this link can join your organization. Share it only with people you want to invite.',
      );
    const link = absolute(DEFAULT_INVITE_PATH);
    expect(link).toBe(`${location.origin}${DEFAULT_INVITE_PATH}`);
    await expect.element(field).toHaveValue(link);
    await expect.element(field).toHaveAttribute('readonly');
    expect(getInviteLink).toHaveBeenCalledTimes(1);

    await userEvent.click(dialog.getByRole('button', { name: 'Copy link' }));
    await expect.element(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(link);
    expect(resetInviteLink).not.toHaveBeenCalled();
    expect((await axe.run(dialog.element())).violations).toEqual([]);
  });

  it('asks before resetting; Cancel keeps the link and gives focus back to Reset link', async () => {
    const { adapter, memory, resetInviteLink } = observedInvite();
    const { screen, opener, dialog, field } = await renderInvite(adapter);
    const link = absolute(DEFAULT_INVITE_PATH);
    await expect.element(field).toHaveValue(link);

    const resetButton = dialog.getByRole('button', { name: 'Reset link' });
    await userEvent.click(resetButton);
    const confirm = screen.getByRole('alertdialog', { name: 'Reset the invite link?' });
    await expect
      .element(confirm)
      .toHaveAccessibleDescription(
        'The current link stops working at once: nobody can join with it any more. Share the new link instead.',
      );
    expect((await axe.run(document.body)).violations).toEqual([]);
    await userEvent.click(confirm.getByRole('button', { name: 'Cancel' }));
    await expect.element(confirm).not.toBeInTheDocument();
    await expect.element(field).toHaveValue(link);
    expect(resetInviteLink).not.toHaveBeenCalled();
    expect((await memory.getInviteLink()).url).toBe(DEFAULT_INVITE_PATH);

    // Focus is back where it was, and the invite dialog can still be used.
    await expect.element(resetButton, FOCUS_WAIT).toHaveFocus();
    expect(dialog.element().closest('[inert]')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(opener).toHaveFocus();
  });

  it('resets the link after confirming, shows the new one, and says the old one stopped working', async () => {
    const { adapter, memory, resetInviteLink } = observedInvite();
    const { screen, opener, dialog, field } = await renderInvite(adapter);
    const oldLink = absolute(DEFAULT_INVITE_PATH);
    await expect.element(field).toHaveValue(oldLink);

    await userEvent.click(dialog.getByRole('button', { name: 'Reset link' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Reset the invite link?' });
    await userEvent.click(confirm.getByRole('button', { name: 'Reset link' }));
    await expect.element(confirm).not.toBeInTheDocument();
    await expect
      .element(dialog.getByRole('status').filter({ hasText: 'The invite link was reset.' }))
      .toHaveTextContent('The invite link was reset. The old link no longer works.');
    expect(resetInviteLink).toHaveBeenCalledTimes(1);
    const stored = (await memory.getInviteLink()).url;
    expect(stored).toMatch(/^\/user\/signup\/\?token=[0-9a-f]{12}$/);
    expect(stored).not.toBe(DEFAULT_INVITE_PATH);
    const newLink = absolute(stored);
    expect(newLink).not.toBe(oldLink);
    await expect.element(field).toHaveValue(newLink);

    // Focus stays in the invite dialog, which is still usable: the new link is the one copied now.
    await expect.poll(() => dialog.element().contains(document.activeElement), FOCUS_WAIT).toBe(true);
    expect(dialog.element().closest('[inert]')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Copy link' }));
    await expect.element(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(newLink);
    expect((await axe.run(dialog.element())).violations).toEqual([]);

    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(opener).toHaveFocus();
    expect(resetInviteLink).toHaveBeenCalledTimes(1);
  });

  it('keeps the old link and says why when the reset fails', async () => {
    const { adapter, resetInviteLink } = observedInvite(createMemoryAdapter({ fail: { resetInviteLink: 'server' } }));
    const { screen, dialog, field } = await renderInvite(adapter);
    const oldLink = absolute(DEFAULT_INVITE_PATH);
    await expect.element(field).toHaveValue(oldLink);

    await userEvent.click(dialog.getByRole('button', { name: 'Reset link' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Reset the invite link?' });
    await userEvent.click(confirm.getByRole('button', { name: 'Reset link' }));
    await expect
      .element(confirm.getByRole('alert'))
      .toHaveTextContent("The invite link wasn't reset. The server had a problem. Try again in a moment.");
    await expect.element(confirm).toBeVisible();
    expect(resetInviteLink).toHaveBeenCalledTimes(1);
    expect((await axe.run(document.body)).violations).toEqual([]);

    await userEvent.keyboard('{Escape}');
    await expect.element(confirm).not.toBeInTheDocument();
    await expect.element(field).toHaveValue(oldLink);
    await expect.element(dialog.getByRole('status').filter({ hasText: 'reset' })).not.toBeInTheDocument();
  });
});

describe('MembersList: removing a member, in Chromium', () => {
  /** The default seed (42 members, the signed-in Heidi among them), as the list orders them. */
  async function seeded(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
    const memory = createMemoryAdapter(options);
    const everyone = (await memory.listMembers({ page: 1, pageSize: 100 })).items;
    const organization = (await memory.getMembership()).organization!.title;
    // Ada Lovelace, wherever the seed's names put her in the list, and the member listed after her.
    const adaAt = everyone.findIndex((member) => member.firstName === 'Ada' && member.lastName === 'Lovelace');
    expect(adaAt).toBeGreaterThanOrEqual(0);
    expect(adaAt).toBeLessThan(29);
    return { memory, everyone, organization, adaAt };
  }

  /** Tabs forward until `target` has focus (at most `limit` presses), as a keyboard user would. */
  async function tabTo(target: HTMLElement, limit = 12) {
    for (let i = 0; i < limit && document.activeElement !== target; i++) await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(target);
  }

  /** Opens a member's details from their email button, by keyboard. */
  async function openByKeyboard(list: Awaited<ReturnType<typeof render>>, email: string) {
    const open = list.getByRole('button', { name: email });
    (open.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = list.getByRole('dialog', { name: 'Member details' });
    await expect.element(dialog).toBeVisible();
    return { open, dialog };
  }

  it('removes a member by keyboard after a question naming them; the total drops, it is announced, and focus moves to the next row', async () => {
    const { memory, everyone, organization, adaAt } = await seeded();
    const { screen, list, summary, shownEmails } = await renderMembers(memory);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const ada = everyone[adaAt]!;
    const next = everyone[adaAt + 1]!;
    expect(`${ada.firstName} ${ada.lastName}`).toBe('Ada Lovelace');

    const { dialog } = await openByKeyboard(screen, ada.email);
    const remove = dialog.getByRole('button', { name: 'Remove from organization' });
    await expect.element(remove).toBeVisible();
    await tabTo(remove.element() as HTMLElement);
    await userEvent.keyboard('{Enter}');

    const confirm = screen.getByRole('alertdialog', {
      name: `Remove Ada Lovelace (${ada.email}) from ${organization}?`,
    });
    await expect.element(confirm).toHaveAccessibleDescription('They lose access at once.');
    // Cancel has focus first: Enter alone never removes anyone.
    await expect.element(confirm.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect((await axe.run(document.body)).violations).toEqual([]);
    await userEvent.keyboard('{Tab}');
    await expect.element(confirm.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    await expect.element(confirm).not.toBeInTheDocument();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.poll(summary).toBe('Showing 1–30 of 41');
    expect(shownEmails()).not.toContain(ada.email);
    expect(shownEmails()[adaAt]).toBe(next.email);
    await expect
      .element(list.element().querySelector<HTMLElement>('[data-slot="ras-members-notice"]')!)
      .toHaveTextContent('Removed Ada Lovelace');
    // Focus lands on the member who took Ada's place, not on the page's <body>.
    await expect.element(list.getByRole('button', { name: next.email }), FOCUS_WAIT).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);

    // The backend no longer lists her, and her details are gone.
    expect((await memory.listMembers({ page: 1, pageSize: 100 })).total).toBe(41);
    await expect(memory.getMember(ada.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cancelling keeps the member, and focus goes back to the Remove button', async () => {
    const { memory, everyone } = await seeded();
    const { screen, summary } = await renderMembers(memory);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const { dialog } = await openByKeyboard(screen, everyone[2]!.email);
    const remove = dialog.getByRole('button', { name: 'Remove from organization' });
    await userEvent.click(remove);
    const confirm = screen.getByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await expect.element(confirm).not.toBeInTheDocument();
    await expect.element(remove, FOCUS_WAIT).toHaveFocus();
    expect(summary()).toBe('Showing 1–30 of 42');
    expect((await memory.listMembers({ page: 1, pageSize: 100 })).total).toBe(42);
  });

  it('never offers to remove the signed-in user', async () => {
    const { memory, everyone } = await seeded();
    const self = await memory.getCurrentUser();
    expect(everyone.some((member) => member.id === self.id)).toBe(true);
    const { screen, summary } = await renderMembers(memory);
    await expect.poll(summary).toBe('Showing 1–30 of 42');

    const { dialog } = await openByKeyboard(screen, self.email);
    await expect.element(dialog.getByRole('heading', { name: 'Heidi Opossum' })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Remove from organization' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();

    // Someone else can be removed in the same list.
    const other = await openByKeyboard(screen, everyone.find((member) => member.id !== self.id)!.email);
    await expect.element(other.dialog.getByRole('button', { name: 'Remove from organization' })).toBeVisible();
  });

  it('offers no removal when the organization does not allow it, or the adapter cannot remove', async () => {
    const refused = await seeded({ seed: { permissions: { removeMembers: false } } });
    const first = await renderMembers(refused.memory);
    await expect.poll(first.summary).toBe('Showing 1–30 of 42');
    const { dialog } = await openByKeyboard(first.screen, refused.everyone[2]!.email);
    await expect.element(dialog.getByRole('link', { name: refused.everyone[2]!.email })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Remove from organization' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    first.screen.unmount();

    const plain = await seeded();
    const { removeMember: _removeMember, ...withoutRemove } = plain.memory;
    void _removeMember;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const second = await renderMembers(withoutRemove);
      await expect.poll(second.summary).toBe('Showing 1–30 of 42');
      const opened = await openByKeyboard(second.screen, plain.everyone[2]!.email);
      await expect.element(opened.dialog.getByRole('link', { name: plain.everyone[2]!.email })).toBeVisible();
      await expect
        .element(opened.dialog.getByRole('button', { name: 'Remove from organization' }))
        .not.toBeInTheDocument();
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps the question open with the error and Retry when removing fails, and Retry removes', async () => {
    const { memory, everyone, adaAt } = await seeded();
    const failing = createMemoryAdapter({ fail: { removeMember: 'server' } });
    let online = false;
    const adapter: AccountAdapter = {
      ...memory,
      removeMember: (id, options) => (online ? memory : failing).removeMember(id, options),
    };
    const { screen, summary, shownEmails } = await renderMembers(adapter);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const ada = everyone[adaAt]!;
    const { dialog } = await openByKeyboard(screen, ada.email);
    await userEvent.click(dialog.getByRole('button', { name: 'Remove from organization' }));
    const confirm = screen.getByRole('alertdialog');
    await userEvent.click(confirm.getByRole('button', { name: 'Remove' }));

    const alert = confirm.getByRole('alert');
    await expect
      .element(alert)
      .toHaveTextContent("Ada Lovelace wasn't removed. The server had a problem. Try again in a moment.");
    await expect.element(confirm).toBeVisible();
    expect(summary()).toBe('Showing 1–30 of 42');
    expect(shownEmails()).toContain(ada.email);
    expect((await axe.run(document.body)).violations).toEqual([]);

    online = true;
    await userEvent.click(alert.getByRole('button', { name: 'Retry' }));
    await expect.element(confirm).not.toBeInTheDocument();
    await expect.poll(summary).toBe('Showing 1–30 of 41');
    expect(shownEmails()).not.toContain(ada.email);
  });

  it('says a member had already been removed, and shows the list as it is', async () => {
    const { memory, everyone, adaAt } = await seeded();
    const { screen, list, summary, shownEmails } = await renderMembers(memory);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const ada = everyone[adaAt]!;
    const { dialog } = await openByKeyboard(screen, ada.email);
    await userEvent.click(dialog.getByRole('button', { name: 'Remove from organization' }));
    const confirm = screen.getByRole('alertdialog');
    // Someone else removed her meanwhile.
    await memory.removeMember(ada.id);
    await userEvent.click(confirm.getByRole('button', { name: 'Remove' }));

    await expect.element(confirm).not.toBeInTheDocument();
    await expect.poll(summary).toBe('Showing 1–30 of 41');
    expect(shownEmails()).not.toContain(ada.email);
    await expect
      .element(list.element().querySelector<HTMLElement>('[data-slot="ras-members-notice"]')!)
      .toHaveTextContent('Ada Lovelace had already been removed.');
    await expect.element(list.getByRole('button', { name: everyone[adaAt + 1]!.email }), FOCUS_WAIT).toHaveFocus();
  });

  it('moves focus to the search box when the last member shown is removed', async () => {
    const { memory, everyone, adaAt } = await seeded();
    const ada = everyone[adaAt]!;
    const { screen, list, summary } = await renderMembers(memory);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const search = list.getByRole('searchbox', { name: 'Search members' });
    await userEvent.fill(search, ada.email);
    await expect.poll(summary).toBe('Showing 1–1 of 1');
    const { dialog } = await openByKeyboard(screen, ada.email);
    await userEvent.click(dialog.getByRole('button', { name: 'Remove from organization' }));
    await userEvent.click(screen.getByRole('alertdialog').getByRole('button', { name: 'Remove' }));
    await expect.poll(summary).toBe(`No member matches “${ada.email}”.`);
    await expect.element(search, FOCUS_WAIT).toHaveFocus();
    await expect.element(search).toHaveValue(ada.email);
  });

  it('shows a removed member the backend still lists as "Deleted user", with no email and nothing to open', async () => {
    const { memory, everyone, adaAt } = await seeded();
    const ada = everyone[adaAt]!;
    // A backend that keeps listing removed members, marked (as Label Studio's soft delete can).
    const adapter: AccountAdapter = {
      ...memory,
      listMembers: async (input, options) => {
        const page = await memory.listMembers(input, options);
        return {
          ...page,
          items: page.items.map((member) => (member.id === ada.id ? { ...member, deleted: true } : member)),
        };
      },
    };
    const { list, summary, shownEmails } = await renderMembers(adapter);
    await expect.poll(summary).toBe('Showing 1–30 of 42');
    const row = list.getByRole('row').filter({ hasText: 'Deleted user' });
    await expect.element(row).toBeVisible();
    expect(row.element().textContent).not.toContain(ada.email);
    expect(row.element().textContent).not.toContain('Ada Lovelace');
    expect(row.element().querySelector('button, a')).toBeNull();
    expect(shownEmails()).not.toContain(ada.email);
    expect(shownEmails()).toHaveLength(29);
    expect((await axe.run(list.element())).violations).toEqual([]);
  });
});
