import { useEffect, useMemo } from 'react';
import type { AccountAdapter, MemberProfile } from '../adapters/types';
import { useOptionalAccount } from '../provider/account-context';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { memberActivity, memberName, type MemberActivity } from './use-members';
import { readOf, useResource, type ReadState } from './use-resource';

/** Options of `useMember`. */
export interface UseMemberOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The moment relative times are measured from, in milliseconds since 1970; defaults to when the member was read. */
  now?: number;
  /** The IANA time zone exact dates are shown in, such as `UTC`; defaults to the browser's. */
  timeZone?: string;
}

/** What `useMember` returns: one member's details, and where their read stands. */
export type UseMemberResult = ReadState<MemberProfile | null> & UseMemberFields;

/** The member's own part of `useMember`'s result, beside the read (`data`, the member asked for). */
export interface UseMemberFields {
  /** The member's details, or `null` until they are read. */
  member: MemberProfile | null;
  /** The full name, or an empty string when the member has none. */
  name: string;
  /** The member's last activity, formatted; `null` when unknown. */
  activity: MemberActivity | null;
  /** Whether the adapter can read a member's details at all. */
  isSupported: boolean;
}

interface MemberRead {
  member: MemberProfile;
  readAt: number;
}

/**
 * The headless member details: reads one member through the adapter whenever `id` changes
 * (aborting the previous read) and formats their last activity for the provider's locale.
 *
 * @example
 * const { member, activity } = useMember('42');
 */
export function useMember(id: string, options: UseMemberOptions = {}): UseMemberResult {
  const { now, timeZone } = options;
  const adapter = useAdapter(options.adapter);
  const locale = useOptionalAccount()?.locale ?? 'en-US';
  const isSupported = typeof adapter.getMember === 'function';
  useEffect(() => {
    if (!isSupported) warnMissingMethod('MemberDetails', 'getMember');
  }, [isSupported]);

  const resource = useResource<MemberRead | null>(
    async (signal) => {
      if (!adapter.getMember) return null;
      return { member: await adapter.getMember(id, { signal }), readAt: Date.now() };
    },
    [adapter, id],
  );
  // The last member read stays while another loads; only show it while it is the one asked for.
  const member = resource.latest?.member.id === id ? resource.latest.member : null;
  const readAt = resource.latest?.readAt;
  const activity = useMemo(
    () => (member ? memberActivity(member.lastActivity, locale, now ?? readAt ?? 0, timeZone) : null),
    [member, locale, now, readAt, timeZone],
  );

  return {
    ...readOf(resource.status, member, resource.error, resource.retry),
    member,
    name: member ? memberName(member) : '',
    activity,
    isSupported,
  };
}
