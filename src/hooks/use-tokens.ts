import { useEffect } from 'react';
import { AccountError, type AccountErrorCode } from '../adapters/errors';
import type {
  AccountAdapter,
  CreatedPersonalToken,
  CreatePersonalTokenInput,
  LegacyToken,
  PersonalToken,
  TokenSettings,
} from '../adapters/types';
import { useAdapter, warnMissingMethod } from './use-adapter';
import { useMutation, writeOf, type WriteState } from './use-mutation';
import { useTokenSettingsUpdates } from './token-settings-updates';
import { useResource, type ResourceState } from './use-resource';

/** Why a new personal token can't be created right now. */
export type CreateBlockedReason = 'disabled' | 'limit' | 'unsupported' | null;

/** Options of `useTokens`. */
export interface UseTokensOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
}

/** What `useTokens` returns: both token sections' state and actions. The new token's secret is never kept here. */
export interface UseTokensResult {
  /** The organization's token settings (derived from the adapter's methods when it can't report them). */
  settings: ResourceState<TokenSettings>;
  /** Whether the personal token section applies (the adapter lists tokens and the organization allows them). */
  personalEnabled: boolean;
  /** Whether the legacy token section applies. */
  legacyEnabled: boolean;
  /** The active personal tokens, without secrets. */
  personal: ResourceState<PersonalToken[]>;
  /** Why Create is unavailable, or `null`. */
  createBlockedReason: CreateBlockedReason;
  /** How many personal tokens may be active, or `null` for no limit. */
  maxActive: number | null;
  /** Whether `create.run` may pass `expiresInDays` (the adapter sets it); otherwise the organization's policy decides. */
  canChooseExpiry: boolean;
  /** Days a new token works under the organization's policy, `null` for never, `undefined` when not known. */
  personalTokenLifetimeDays: number | null | undefined;
  /** Creates a personal token; `run`'s result holds the secret, which the caller must show once and drop. */
  create: WriteState<CreatePersonalTokenInput, CreatedPersonalToken>;
  /** Revokes a personal token; `run` resolves to whether it is gone. */
  revoke: WriteState<string, void>;
  /** The legacy token (a secret: show it only on request). */
  legacy: ResourceState<LegacyToken>;
  /** Replaces the legacy token. */
  renew: WriteState<void, LegacyToken>;
}

function missing(method: string): Promise<never> {
  return Promise.reject(new AccountError('not_found', `The adapter has no ${method}().`));
}

const NOT_LOADED: AccountErrorCode = 'aborted';

/**
 * The headless token panel: reads the organization's token settings, lists personal tokens,
 * creates one (handing the secret to the caller only), revokes, and reads and renews the
 * legacy token.
 *
 * @example
 * const tokens = useTokens();
 * const result = await tokens.create.run({ expiresInDays: 30 });
 * if (result?.ok) showOnce(result.value.token);
 */
export function useTokens(options: UseTokensOptions = {}): UseTokensResult {
  const adapter = useAdapter(options.adapter);
  const canList = typeof adapter.listPersonalTokens === 'function';
  const canReadLegacy = typeof adapter.getLegacyToken === 'function';

  const settings = useResource(
    (signal) =>
      adapter.getTokenSettings
        ? adapter.getTokenSettings({ signal })
        : Promise.resolve({
            personalTokensEnabled: canList,
            legacyTokenEnabled: canReadLegacy,
            maxActivePersonalTokens: null,
          }),
    [adapter],
  );
  // An administrator's save (TokenSettingsForm) on the same adapter applies here at once.
  useTokenSettingsUpdates(adapter, settings.setData);
  const personalEnabled = canList && settings.latest?.personalTokensEnabled === true;
  const legacyEnabled = canReadLegacy && settings.latest?.legacyTokenEnabled === true;

  const personal = useResource(
    (signal) =>
      personalEnabled && adapter.listPersonalTokens
        ? adapter.listPersonalTokens({ signal })
        : Promise.reject(new AccountError(NOT_LOADED)),
    [adapter, personalEnabled],
  );
  const legacy = useResource(
    (signal) =>
      legacyEnabled && adapter.getLegacyToken
        ? adapter.getLegacyToken({ signal })
        : Promise.reject(new AccountError(NOT_LOADED)),
    [adapter, legacyEnabled],
  );

  useEffect(() => {
    if (!adapter.createPersonalToken) warnMissingMethod('TokenPanel', 'createPersonalToken');
    if (!adapter.revokePersonalToken) warnMissingMethod('TokenPanel', 'revokePersonalToken');
    if (!adapter.renewLegacyToken) warnMissingMethod('TokenPanel', 'renewLegacyToken');
  }, [adapter]);

  const setTokens = personal.setData;
  const create = useMutation((input: CreatePersonalTokenInput, signal) =>
    adapter.createPersonalToken ? adapter.createPersonalToken(input, { signal }) : missing('createPersonalToken'),
  );
  const revoke = useMutation((id: string, signal) =>
    adapter.revokePersonalToken ? adapter.revokePersonalToken(id, { signal }) : missing('revokePersonalToken'),
  );
  const renew = useMutation((_: void, signal) =>
    adapter.renewLegacyToken ? adapter.renewLegacyToken({ signal }) : missing('renewLegacyToken'),
  );

  const maxActive = settings.latest?.maxActivePersonalTokens ?? null;
  const activeCount = personal.latest?.length ?? 0;
  const createBlockedReason: CreateBlockedReason = !personalEnabled
    ? 'disabled'
    : !adapter.createPersonalToken
      ? 'unsupported'
      : maxActive !== null && activeCount >= maxActive
        ? 'limit'
        : null;

  const setLegacy = legacy.setData;
  return {
    settings,
    personalEnabled,
    legacyEnabled,
    personal,
    createBlockedReason,
    maxActive,
    canChooseExpiry: settings.latest?.canChooseExpiry === true,
    personalTokenLifetimeDays: settings.latest?.personalTokenLifetimeDays,
    create: {
      ...writeOf(create),
      run: async (input) => {
        const result = await create.run(input);
        // Only the public facts go into the list; the secret stays with the caller.
        if (result?.ok) setTokens((tokens) => [...(tokens ?? []), result.value.info]);
        // Someone else made a token meanwhile: show the list as it really is.
        if (result && !result.ok && result.error.code === 'conflict') personal.retry();
        return result;
      },
    },
    revoke: {
      ...writeOf(revoke),
      run: async (id) => {
        const result = await revoke.run(id);
        if (result?.ok || (result && !result.ok && result.error.code === 'not_found')) {
          setTokens((tokens) => (tokens ?? []).filter((token) => token.id !== id));
        }
        return result;
      },
    },
    legacy,
    renew: {
      ...writeOf(renew),
      run: async () => {
        const result = await renew.run(undefined);
        if (result?.ok) setLegacy(result.value);
        return result;
      },
    },
  };
}
