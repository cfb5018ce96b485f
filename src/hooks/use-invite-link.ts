import { useCallback, useEffect } from 'react';
import type { AccountAdapter, Invitation } from '../adapters/types';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, writeOf, type WriteState } from './use-mutation';
import { readOf, useResource, type ReadState } from './use-resource';

/** Options of `useInviteLink`. */
export interface UseInviteLinkOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** Whether to read the link now; the `InviteLink` dialog reads it only when it opens. @default true */
  enabled?: boolean;
  /** The address a relative link is resolved against. @default the document's base URL in a browser */
  baseUrl?: string;
}

/** What `useInviteLink` returns: the organization's invite link and a way to replace it. */
export type UseInviteLinkResult = ReadState<string> & UseInviteLinkFields;

/** The link's own part of `useInviteLink`'s result, beside its read (`data`, the absolute address; `loading` also while not enabled). */
export interface UseInviteLinkFields {
  /** The link as an absolute address, or `null` until it is read. */
  url: string | null;
  /** Replaces the link with a new one (the old one stops working): `resetLink.run()` resolves to how it went. */
  resetLink: WriteState<void, Invitation>;
  /** Whether the adapter can read an invite link at all. */
  isSupported: boolean;
  /** Whether the adapter can replace the link. */
  canReset: boolean;
}

/** The link as an absolute address: relative ones (a server may send `/user/signup/?token=…`) resolve against `base`. */
export function absoluteInviteUrl(url: string, base: string | undefined): string {
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * The headless invite link: reads it through the adapter once enabled, and replaces it on
 * `resetLink.run()` (one reset at a time; the new link replaces the old one as soon as it arrives).
 *
 * @example
 * const invite = useInviteLink();
 * <input readOnly value={invite.url ?? ''} />
 */
export function useInviteLink(options: UseInviteLinkOptions = {}): UseInviteLinkResult {
  const { enabled = true } = options;
  const adapter = useAdapter(options.adapter);
  const base = options.baseUrl ?? (typeof document === 'undefined' ? undefined : document.baseURI);
  const isSupported = typeof adapter.getInviteLink === 'function';
  const canReset = typeof adapter.resetInviteLink === 'function';
  useEffect(() => {
    if (!isSupported) warnMissingMethod('InviteLink', 'getInviteLink');
  }, [isSupported]);

  const resource = useResource<Invitation | null>(
    async (signal) => (enabled && adapter.getInviteLink ? adapter.getInviteLink({ signal }) : null),
    [adapter, enabled],
  );
  const resetMutation = useMutation((_: void, signal: AbortSignal) => {
    if (!adapter.resetInviteLink) throw new Error('The adapter has no resetInviteLink().');
    return adapter.resetInviteLink({ signal });
  });
  const { setData } = resource;
  const { run } = resetMutation;
  const reset = useCallback(async () => {
    const result = await run();
    if (result?.ok) setData(result.value);
    return result;
  }, [run, setData]);

  const link = resource.latest;
  const url = link ? absoluteInviteUrl(link.url, base) : null;
  return {
    ...readOf(enabled ? resource.status : 'loading', url ?? undefined, resource.error, resource.retry),
    url,
    resetLink: { ...writeOf(resetMutation), run: reset },
    isSupported,
    canReset,
  };
}
