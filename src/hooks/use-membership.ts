import { useCallback, useEffect, useMemo } from 'react';
import type { AccountAdapter, IsoDateTime, Membership } from '../adapters/types';
import { formatDate, formatDateTime, formatNumber, formatRelativeTime, parseIsoDate } from '../core/format/format-date';
import { en, type MessageKey } from '../i18n/en';
import { useOptionalAccount } from '../provider/account-context';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { readOf, useResource, type ReadState } from './use-resource';
import { useTranslate } from './use-translate';

/** Options of `useMembership`. */
export interface UseMembershipOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The moment relative times are measured from, in milliseconds since 1970; defaults to when the membership was read. */
  now?: number;
  /** The IANA time zone exact dates are shown in, such as `UTC`; defaults to the browser's. */
  timeZone?: string;
}

/** Which fact a membership row shows, in the order rows are listed. */
export type MembershipRowKey =
  | 'userId'
  | 'dateJoined'
  | 'annotationsCount'
  | 'contributedProjectsCount'
  | 'organization'
  | 'role'
  | 'organizationId'
  | 'ownerEmail'
  | 'organizationCreatedAt';

/** A date as a membership row shows it: in words, and exactly. */
export interface MembershipRowDate {
  /** The ISO 8601 value, for `<time dateTime>`. */
  iso: IsoDateTime;
  /** How long ago it was, in words ("4 months ago"). */
  relative: string;
  /** The date alone, in the locale's medium style ("Jul 4, 2026"). */
  date: string;
  /** The date with its time, in the locale's style ("Jul 4, 2026, 3:30 PM"). */
  dateTime: string;
}

/** One known fact of the membership, labelled and formatted for the provider's locale. */
export interface MembershipRow {
  /** Which fact this is. */
  key: MembershipRowKey;
  /** The fact's name from the catalogue ("Registration date"). */
  label: string;
  /** The value as text: numbers through `Intl`, the role's label, a date in words. */
  value: string;
  /** For dates, every way of showing them; absent for other rows. */
  date?: MembershipRowDate;
}

/** What `useMembership` returns: the membership, where its read stands, and its rows. */
export type UseMembershipResult = ReadState<Membership | null> & UseMembershipFields;

/** The card's own part of `useMembership`'s result, beside the read (`data`, the membership; `null` when the adapter has none). */
export interface UseMembershipFields {
  /** The membership as the adapter reported it, or `null` until it is loaded. */
  membership: Membership | null;
  /** The rows to show, each fact only when it is known; empty until loaded. */
  rows: MembershipRow[];
  /** Whether the adapter can read a membership at all; without `getMembership` there is nothing to show. */
  isSupported: boolean;
  /** The label to show for a role code: the catalogue's `membership.role.<code>`, else the code. */
  roleLabel: (role: string) => string;
}

/** A membership with the moment it was read. */
interface MembershipRead {
  membership: Membership;
  readAt: number;
}

function isKnownText(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** An identifier as text; backends that send numeric ids get them shown too. */
function idText(value: string | number | undefined | null): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return isKnownText(value) ? value : undefined;
}

function isKnownNumber(value: number | undefined | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The headless membership facts: reads them through the adapter and lists the known ones as
 * labelled rows, with numbers and dates formatted for the provider's locale.
 *
 * @example
 * const { status, rows } = useMembership();
 * rows.map((row) => <p key={row.key}>{row.label}: {row.value}</p>);
 */
export function useMembership(options: UseMembershipOptions = {}): UseMembershipResult {
  const { now, timeZone } = options;
  const adapter = useAdapter(options.adapter);
  const t = useTranslate();
  const account = useOptionalAccount();
  const locale = account?.locale ?? 'en-US';
  const messages = account?.messages ?? en;

  const isSupported = typeof adapter.getMembership === 'function';
  useEffect(() => {
    if (!isSupported) warnMissingMethod('MembershipCard', 'getMembership');
  }, [isSupported]);

  const resource = useResource<MembershipRead | null>(
    async (signal) => {
      if (!adapter.getMembership) return null;
      const membership = await adapter.getMembership({ signal });
      // Relative times count from the moment of the read, so re-renders never change them.
      return { membership, readAt: Date.now() };
    },
    [adapter],
  );
  const membership = resource.latest?.membership ?? null;
  const readAt = resource.latest?.readAt;

  const roleLabel = useCallback(
    (role: string) => {
      const key = `membership.role.${role}`;
      return Object.hasOwn(messages, key) ? t(key as MessageKey) : role;
    },
    [messages, t],
  );

  const rows = useMemo<MembershipRow[]>(() => {
    if (!membership) return [];
    const reference = now ?? readAt ?? 0;
    const list: MembershipRow[] = [];
    const text = (key: MembershipRowKey, label: MessageKey, value: string | undefined | null) => {
      if (isKnownText(value)) list.push({ key, label: t(label), value });
    };
    const number = (key: MembershipRowKey, label: MessageKey, value: number | undefined | null) => {
      if (isKnownNumber(value)) list.push({ key, label: t(label), value: formatNumber(value, locale) });
    };
    const date = (key: MembershipRowKey, label: MessageKey, iso: IsoDateTime | undefined | null) => {
      if (!isKnownText(iso)) return;
      // A value no date can be read from is shown as the backend sent it, without a <time>.
      if (!parseIsoDate(iso)) return text(key, label, iso);
      const relative = formatRelativeTime(iso, locale, reference);
      list.push({
        key,
        label: t(label),
        value: relative,
        date: {
          iso,
          relative,
          date: formatDate(iso, locale, timeZone),
          dateTime: formatDateTime(iso, locale, timeZone),
        },
      });
    };

    const organization = membership.organization;
    text('userId', 'membership.userId', idText(membership.userId));
    date('dateJoined', 'membership.dateJoined', membership.dateJoined);
    number('annotationsCount', 'membership.annotationsCount', membership.annotationsCount);
    number('contributedProjectsCount', 'membership.contributedProjectsCount', membership.contributedProjectsCount);
    text('organization', 'membership.organization', organization?.title);
    text('role', 'membership.role', isKnownText(membership.role) ? roleLabel(membership.role) : undefined);
    text('organizationId', 'membership.organizationId', idText(organization?.id));
    text('ownerEmail', 'membership.ownerEmail', organization?.ownerEmail);
    date('organizationCreatedAt', 'membership.organizationCreatedAt', organization?.createdAt);
    return list;
  }, [membership, readAt, now, timeZone, locale, t, roleLabel]);

  return {
    ...readOf(resource.status, membership, resource.error, resource.retry),
    membership,
    rows,
    isSupported,
    roleLabel,
  };
}
