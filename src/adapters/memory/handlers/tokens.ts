import { AccountError, throwIfAborted } from '../../errors';
import type { CreatedPersonalToken, LegacyToken, PersonalToken, RequestOptions, TokenSettings } from '../../types';
import { clone, type MemoryState, type MemoryStore, type StoredToken } from '../store';
import { begin, randomHex, type GroupHandlers } from './shared';

function isActive(token: StoredToken, now: number): boolean {
  return !token.revoked && (token.expiresAt === null || Date.parse(token.expiresAt) > now);
}

function publicToken({ id, prefix, createdAt, expiresAt }: StoredToken): PersonalToken {
  return { id, prefix, createdAt, expiresAt };
}

function requireTokens(state: MemoryState, kind: 'personal' | 'legacy'): void {
  const enabled =
    kind === 'personal' ? state.tokenSettings.personalTokensEnabled : state.tokenSettings.legacyTokenEnabled;
  if (!enabled) {
    throw new AccountError(
      'forbidden',
      kind === 'personal'
        ? 'Personal access tokens are disabled for this organization.'
        : 'Legacy tokens are disabled for this organization.',
      { status: 403 },
    );
  }
}

/** The settings as the adapter reports them: it sets each token's expiry as asked, and without one a token never expires. */
function reported(settings: TokenSettings): TokenSettings {
  return {
    ...clone(settings),
    canChooseExpiry: true,
    personalTokenLifetimeDays: settings.personalTokenLifetimeDays ?? null,
  };
}

/**
 * The token methods: personal tokens whose secrets are shown once and never stored, up to the
 * organization's limit, and a legacy token that lives only as long as the adapter.
 */
export function tokenHandlers(store: MemoryStore): GroupHandlers<'tokens'> {
  // The legacy token is a secret: it lives only as long as this adapter and is never stored.
  let legacyToken = randomHex(20);

  return {
    async getTokenSettings({ signal }: RequestOptions = {}): Promise<TokenSettings> {
      await begin(signal);
      return reported(store.read().tokenSettings);
    },

    async updateTokenSettings(patch, { signal }: RequestOptions = {}): Promise<TokenSettings> {
      await begin(signal);
      const state = store.read();
      if (state.permissions?.changeTokenSettings === false) {
        throw new AccountError('forbidden', "You don't have permission to change the token settings.", { status: 403 });
      }
      const tokenSettings: TokenSettings = { ...state.tokenSettings };
      if (patch.personalTokensEnabled !== undefined) tokenSettings.personalTokensEnabled = patch.personalTokensEnabled;
      if (patch.legacyTokenEnabled !== undefined) tokenSettings.legacyTokenEnabled = patch.legacyTokenEnabled;
      const days = patch.personalTokenLifetimeDays;
      if (days !== undefined) {
        if (!tokenSettings.canChangeLifetime) {
          throw new AccountError('validation', "This organization's token lifetime can't be changed.", {
            status: 400,
            fieldErrors: { personalTokenLifetimeDays: ["The token lifetime can't be changed here."] },
          });
        }
        if (days !== null && (!Number.isInteger(days) || days < 1 || days > 73000)) {
          throw new AccountError('validation', `A token lifetime must be 1 to 73000 days, not ${days}.`, {
            status: 400,
            fieldErrors: { personalTokenLifetimeDays: [`Use 1 to 73000 days, not ${days}.`] },
          });
        }
        tokenSettings.personalTokenLifetimeDays = days;
      }
      store.commit({ ...state, tokenSettings });
      return reported(tokenSettings);
    },

    async listPersonalTokens({ signal }: RequestOptions = {}): Promise<PersonalToken[]> {
      await begin(signal);
      const state = store.read();
      requireTokens(state, 'personal');
      const now = Date.now();
      return state.personalTokens.filter((token) => isActive(token, now)).map(publicToken);
    },

    async createPersonalToken(input, { signal }: RequestOptions = {}): Promise<CreatedPersonalToken> {
      await begin(signal);
      const state = store.read();
      requireTokens(state, 'personal');
      const days = input.expiresInDays;
      if (days !== undefined && days !== null && (!Number.isInteger(days) || days < 1 || days > 73000)) {
        throw new AccountError('validation', `Expiry must be a whole number of days from 1 to 73000, not ${days}.`, {
          status: 400,
          fieldErrors: { expiresInDays: [`Use a whole number of days from 1 to 73000, not ${days}.`] },
        });
      }
      const now = Date.now();
      const max = state.tokenSettings.maxActivePersonalTokens;
      const active = state.personalTokens.filter((token) => isActive(token, now)).length;
      if (max !== null && active >= max) {
        throw new AccountError(
          'conflict',
          max === 1
            ? 'You already have a valid token. Please revoke it before creating a new one.'
            : `You already have ${active} valid tokens, the most allowed. Revoke one before creating a new one.`,
          { status: 409 },
        );
      }
      throwIfAborted(signal);
      const token = `ras_${randomHex(24)}`;
      const info: PersonalToken = {
        id: randomHex(8),
        prefix: `${token.slice(0, 12)}…`,
        createdAt: new Date(now).toISOString(),
        expiresAt: days ? new Date(now + days * 24 * 60 * 60 * 1000).toISOString() : null,
      };
      store.commit({ ...state, personalTokens: [...state.personalTokens, { ...info, revoked: false }] });
      return { token, info };
    },

    async revokePersonalToken(id, { signal }: RequestOptions = {}): Promise<void> {
      await begin(signal);
      const state = store.read();
      requireTokens(state, 'personal');
      const now = Date.now();
      if (!state.personalTokens.some((token) => token.id === id && isActive(token, now))) {
        throw new AccountError('not_found', 'Token is invalid or already revoked.', { status: 404 });
      }
      throwIfAborted(signal);
      store.commit({
        ...state,
        personalTokens: state.personalTokens.map((token) => (token.id === id ? { ...token, revoked: true } : token)),
      });
    },

    async getLegacyToken({ signal }: RequestOptions = {}): Promise<LegacyToken> {
      await begin(signal);
      requireTokens(store.read(), 'legacy');
      return { token: legacyToken };
    },

    async renewLegacyToken({ signal }: RequestOptions = {}): Promise<LegacyToken> {
      await begin(signal);
      requireTokens(store.read(), 'legacy');
      throwIfAborted(signal);
      legacyToken = randomHex(20);
      return { token: legacyToken };
    },
  };
}
