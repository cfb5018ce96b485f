import { useEffect, useMemo, useState } from 'react';
import { AccountError } from '../adapters/errors';
import type { AccountAdapter, IsoDateTime, Member, MembersPage, OrganizationPermissions } from '../adapters/types';
import { formatDateTime, formatNumber, formatRelativeTime, parseIsoDate } from '../core/format/format-date';
import { useOptionalAccount } from '../provider/account-context';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, writeOf, type WriteState } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';
import * as defaultPreset from '../label-studio/default-preset';

/** The page sizes the members list offers: the default preset's `rules.memberPageSizes`. */
export const MEMBER_PAGE_SIZES = defaultPreset.rules.memberPageSizes;

/** One of the offered page sizes. */
export type MemberPageSize = (typeof MEMBER_PAGE_SIZES)[number];

/** Options of `useMembers`. */
export interface UseMembersOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** How many members a page starts with. @default the first of `MEMBER_PAGE_SIZES` (30) */
  initialPageSize?: MemberPageSize;
  /** How long typing must pause before the search is sent, in milliseconds. @default 300 */
  searchDelayMs?: number;
  /** The moment relative times are measured from, in milliseconds since 1970; defaults to when the page was read. */
  now?: number;
  /** The IANA time zone exact dates are shown in, such as `UTC`; defaults to the browser's. */
  timeZone?: string;
}

/** A time as the list shows it: in words, and exactly. */
export interface MemberActivity {
  /** The ISO 8601 value, for `<time dateTime>`. */
  iso: IsoDateTime;
  /** How long ago it was, in words ("3 days ago"). */
  relative: string;
  /** The date with its time, in the locale's style. */
  exact: string;
}

/** A member as a list row shows it. */
export interface MemberRow extends Member {
  /** The full name, or an empty string when the member has none. */
  name: string;
  /** The member's last activity, formatted; `null` when unknown. */
  activity: MemberActivity | null;
}

/** What `useMembers` returns: one page of members and the controls to move through them. */
export type UseMembersResult = ReadState<MemberRow[]> & UseMembersFields;

/** The list's own part of `useMembers`'s result, beside the read of the current page (`data`, its rows). */
export interface UseMembersFields {
  /** The members of the current page (the last page read stays while the next one loads). */
  members: MemberRow[];
  /** How many members match the search, across all pages; `null` until the first page is read. */
  total: number | null;
  /** The current page, from 1. */
  page: number;
  /** Which members the page shows, as numbers formatted for the locale; `null` while there are none. */
  range: { from: string; to: string; total: string } | null;
  /** How many pages the matching members fill (at least 1). */
  pageCount: number;
  /** How many members a page holds. */
  pageSize: MemberPageSize;
  /** The search box's text, as typed. */
  search: string;
  /** The search the shown page answers (the typed text once typing paused, trimmed). */
  appliedSearch: string;
  /** Sets the search text; the list goes back to page 1 once typing pauses. */
  setSearch: (text: string) => void;
  /** Goes to a page (kept between 1 and the page count). */
  setPage: (page: number) => void;
  /** Changes the page size, keeping the first member of the current page in view. */
  setPageSize: (size: MemberPageSize) => void;
  /** Whether the adapter can list members at all. */
  isSupported: boolean;
  /** Whether the signed-in user may remove members: the adapter can, and the organization allows it (known once read). */
  canRemoveMembers: boolean;
  /** Whether this member can be removed: removing is allowed, it is not the signed-in user, and they are not removed already. */
  canRemove: (member: Pick<Member, 'id' | 'deleted'>) => boolean;
  /** The signed-in user's id, once read (only read when the adapter can remove members); `null` before. */
  currentUserId: string | null;
  /** The organization's name, for the removal question; `null` when unknown. */
  organizationName: string | null;
  /** Removes a member by id; on success, or `not_found` (removed already), the page is read again. */
  remove: WriteState<string, void>;
}

/** Who is signed in and what they may administer, as far as removing members needs it. */
interface AdministratorRead {
  userId: string;
  permissions?: OrganizationPermissions;
  organizationName?: string;
}

/** A removed member as the list shows them: anonymized, as backends show a deleted user (no name, no email, no photo). */
function anonymized(member: Member): Member {
  return { ...member, email: '', firstName: '', lastName: '', avatarUrl: null };
}

/** How a member's name reads: first and last name, or nothing. */
export function memberName(member: Pick<Member, 'firstName' | 'lastName'>): string {
  return [member.firstName, member.lastName]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/** A member's last activity in words and exactly, or `null` when there is no readable time. */
export function memberActivity(
  iso: IsoDateTime | undefined,
  locale: string,
  reference: number,
  timeZone?: string,
): MemberActivity | null {
  if (!iso || !parseIsoDate(iso)) return null;
  return { iso, relative: formatRelativeTime(iso, locale, reference), exact: formatDateTime(iso, locale, timeZone) };
}

interface PageRead {
  result: MembersPage;
  readAt: number;
  /** The first position on the page read (0-based), for the range shown while the next page loads. */
  offset: number;
}

/**
 * The headless members list: reads one page at a time through the adapter (search, page and page
 * size are sent to it, so only one page is ever held), aborts a read that a newer one replaces,
 * and formats each member's last activity for the provider's locale.
 *
 * @example
 * const members = useMembers();
 * members.members.map((member) => <p key={member.id}>{member.email}</p>);
 */
export function useMembers(options: UseMembersOptions = {}): UseMembersResult {
  const { initialPageSize = MEMBER_PAGE_SIZES[0], searchDelayMs = 300, now, timeZone } = options;
  const adapter = useAdapter(options.adapter);
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const isSupported = typeof adapter.listMembers === 'function';
  const canCallRemove = typeof adapter.removeMember === 'function';
  useEffect(() => {
    if (!isSupported) warnMissingMethod('MembersList', 'listMembers');
    else if (!canCallRemove) warnMissingMethod('MembersList', 'removeMember');
  }, [isSupported, canCallRemove]);

  const [search, setSearchText] = useState('');
  const [appliedSearch, setAppliedSearch] = useState('');
  const [requestedPage, setRequestedPage] = useState(1);
  const [pageSize, setPageSizeState] = useState<MemberPageSize>(initialPageSize);

  // The search is sent once typing pauses, and starts again from the first page.
  useEffect(() => {
    const next = search.trim();
    if (next === appliedSearch) return;
    const timer = setTimeout(() => {
      setAppliedSearch(next);
      setRequestedPage(1);
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, appliedSearch, searchDelayMs]);

  const resource = useResource<PageRead | null>(
    async (signal) => {
      if (!adapter.listMembers) return null;
      const result = await adapter.listMembers({ page: requestedPage, pageSize, search: appliedSearch }, { signal });
      return { result, readAt: Date.now(), offset: (requestedPage - 1) * pageSize };
    },
    [adapter, requestedPage, pageSize, appliedSearch],
  );

  const total = resource.latest?.result.total ?? null;
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / pageSize));
  // Members can leave while someone pages: a page past the end moves to the last one.
  if (resource.status === 'success' && total !== null && requestedPage > pageCount) {
    setRequestedPage(pageCount);
  }

  const readAt = resource.latest?.readAt;
  const offset = resource.latest?.offset ?? 0;
  const items = resource.latest?.result.items;
  const members = useMemo<MemberRow[]>(
    () =>
      (items ?? []).map((listed) => {
        const member = listed.deleted === true ? anonymized(listed) : listed;
        return {
          ...member,
          name: memberName(member),
          activity: memberActivity(member.lastActivity, locale, now ?? readAt ?? 0, timeZone),
        };
      }),
    [items, locale, now, readAt, timeZone],
  );

  // Removing needs to know who is signed in (never themselves) and whether the organization lets them.
  const administrator = useResource<AdministratorRead | null>(
    async (signal) => {
      if (!adapter.removeMember) return null;
      if (adapter.getMembership) {
        const membership = await adapter.getMembership({ signal });
        return {
          userId: String(membership.userId),
          permissions: membership.permissions,
          organizationName: membership.organization?.title,
        };
      }
      return { userId: (await adapter.getCurrentUser({ signal })).id };
    },
    [adapter],
  );
  const currentUserId = administrator.latest?.userId ?? null;
  const canRemoveMembers =
    canCallRemove && currentUserId !== null && administrator.latest?.permissions?.removeMembers !== false;
  const retryPage = resource.retry;
  const removal = useMutation((id: string, signal) =>
    adapter.removeMember
      ? adapter.removeMember(id, { signal })
      : Promise.reject(new AccountError('not_found', 'The adapter has no removeMember().')),
  );

  return {
    ...readOf(resource.status, members, resource.error, resource.retry),
    members,
    total,
    range:
      total && members.length > 0
        ? {
            from: formatNumber(offset + 1, locale),
            to: formatNumber(offset + members.length, locale),
            total: formatNumber(total, locale),
          }
        : null,
    page: requestedPage,
    pageCount,
    pageSize,
    search,
    appliedSearch,
    setSearch: setSearchText,
    setPage: (page) => setRequestedPage(Math.min(Math.max(1, Math.trunc(page) || 1), pageCount)),
    setPageSize: (size) => {
      if (!MEMBER_PAGE_SIZES.includes(size)) return;
      const firstShown = (requestedPage - 1) * pageSize;
      setPageSizeState(size);
      setRequestedPage(Math.floor(firstShown / size) + 1);
    },
    isSupported,
    canRemoveMembers,
    canRemove: (member) => canRemoveMembers && member.deleted !== true && String(member.id) !== currentUserId,
    currentUserId,
    organizationName: administrator.latest?.organizationName?.trim() || null,
    remove: {
      ...writeOf(removal),
      run: async (id) => {
        const result = await removal.run(id);
        // Gone either way: read the page again, so the list and its total show the organization as it is.
        if (result && (result.ok || result.error.code === 'not_found')) retryPage();
        return result;
      },
    },
  };
}
