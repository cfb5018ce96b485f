import { validateHotkeyOverrides } from '../../core/hotkeys/validate-overrides';
import { IMAGE_HEADER_MAX_BYTES } from '../../core/image/read-image-header';
import { validateAvatarFile, type AvatarLimits } from '../../core/image/validate-avatar-file';
import type { AccountRules } from '../../core/rules';
import * as defaultPreset from '../../label-studio/default-preset';
import { AccountError, throwIfAborted, type AccountErrorCode } from '../errors';
import type {
  AccountAdapter,
  AdapterMethodName,
  CreatedPersonalToken,
  EmailPreference,
  HotkeyOverrides,
  Invitation,
  LegacyToken,
  MemberProfile,
  Membership,
  MembersPage,
  PersonalToken,
  RequestOptions,
  TokenSettings,
  TokenUsageExamples,
  UploadOptions,
  User,
} from '../types';
import { createDefaultSeed, toMember, type MemorySeed, type SeedMember } from './seed';

/** How the memory adapter fails a method on purpose: an error code, or a ready error. */
export type MemoryFault = AccountErrorCode | AccountError;

/** The part of the Web Storage API (`window.localStorage`) the memory adapter keeps its data in. */
export interface MemoryAdapterStorage {
  /** Reads the value stored under a key, or `null` when there is none. */
  getItem(key: string): string | null;
  /** Stores a value under a key; may throw when the storage is full. */
  setItem(key: string, value: string): void;
  /** Deletes the value stored under a key. */
  removeItem(key: string): void;
}

/** Options of `createMemoryAdapter`. */
export interface MemoryAdapterOptions {
  /** Data to start from; each part left out comes from the default seed. */
  seed?: Partial<MemorySeed>;
  /** Where to keep the data across reloads (`window.localStorage` in a demo); secrets are never written. */
  storage?: MemoryAdapterStorage;
  /** The key under which `storage` holds the data. @default 'react-account-settings' */
  storageKey?: string;
  /** How long calls take in milliseconds, to show loading states: one figure, or one per method (others take 0). @default 0 */
  latencyMs?: number | Partial<Record<AdapterMethodName, number>>;
  /** Makes methods fail: one code for every method, or a fault per method name. */
  fail?: AccountErrorCode | Partial<Record<AdapterMethodName, MemoryFault>>;
  /** The server rules the adapter enforces (avatar limits, field length, hotkey rules, active tokens). @default the default preset's rules (from react-account-settings/label-studio) */
  rules?: AccountRules;
  /** The avatar limits the adapter enforces, where they differ from `rules.avatar`. */
  avatarLimits?: Partial<AvatarLimits>;
  /** The `apiBaseUrl` the adapter reports, for copyable examples. */
  apiBaseUrl?: string;
  /** The `tokenUsage` examples the adapter reports. */
  tokenUsage?: TokenUsageExamples;
}

/** The memory adapter: every method of the contract, kept in memory. */
export type MemoryAdapter = AccountAdapter & Required<Omit<AccountAdapter, 'apiBaseUrl' | 'tokenUsage'>>;

const STORAGE_VERSION = 1;

const FAULT_STATUS: Partial<Record<AccountErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  validation: 400,
  rate_limited: 429,
  server: 500,
};

/** A personal token as stored: its public facts only; the secret is never kept. */
interface StoredToken extends PersonalToken {
  revoked: boolean;
}

interface MemoryState extends MemorySeed {
  personalTokens: StoredToken[];
}

interface PersistedState {
  version: number;
  state: MemoryState;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AccountError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  // Blob.arrayBuffer is missing in some DOM emulations; Response reads any Blob.
  const buffer =
    typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : await new Response(file).arrayBuffer();
  return new Uint8Array(buffer);
}

function toDataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return `data:${type};base64,${btoa(binary)}`;
}

function fieldTooLong(value: string, max: number): string {
  return `This is ${value.length} characters long. The longest allowed is ${max}.`;
}

function isActive(token: StoredToken, now: number): boolean {
  return !token.revoked && (token.expiresAt === null || Date.parse(token.expiresAt) > now);
}

function publicToken({ id, prefix, createdAt, expiresAt }: StoredToken): PersonalToken {
  return { id, prefix, createdAt, expiresAt };
}

function loadState(options: MemoryAdapterOptions, key: string): MemoryState | null {
  const raw = options.storage?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as PersistedState;
    if (parsed?.version === STORAGE_VERSION && parsed.state?.user?.id) return parsed.state;
  } catch {
    // A corrupt or foreign entry is ignored; the seed takes its place.
  }
  return null;
}

/**
 * Creates the embedded adapter: realistic seed data, optional persistence, latency and fault
 * injection, and the same rules the real server enforces (`rules`).
 *
 * @example
 * const adapter = createMemoryAdapter({ storage: window.localStorage, latencyMs: 300 });
 * <AccountProvider adapter={adapter}>…</AccountProvider>
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const storageKey = options.storageKey ?? 'react-account-settings';
  const latencyOf = (method: AdapterMethodName): number =>
    typeof options.latencyMs === 'number' ? options.latencyMs : (options.latencyMs?.[method] ?? 0);
  const rules = options.rules ?? defaultPreset.rules;
  const avatarLimits: AvatarLimits = { ...rules.avatar, ...options.avatarLimits };
  const seed: MemoryState = { ...createDefaultSeed(rules), ...clone(options.seed ?? {}), personalTokens: [] };
  let state: MemoryState = loadState(options, storageKey) ?? seed;
  // The legacy token is a secret: it lives only as long as this adapter and is never stored.
  let legacyToken = randomHex(20);

  /** Applies a change to a copy of the state and keeps it only if it could be stored. */
  function commit(change: (draft: MemoryState) => void): void {
    const draft = clone(state);
    change(draft);
    if (options.storage) {
      try {
        const persisted: PersistedState = { version: STORAGE_VERSION, state: draft };
        options.storage.setItem(storageKey, JSON.stringify(persisted));
      } catch (error) {
        throw new AccountError('server', "The browser's storage is full, so the change was not saved.", {
          cause: error,
        });
      }
    }
    state = draft;
  }

  /** Throws the fault injected for this method, if any. */
  function throwInjectedFault(method: AdapterMethodName): void {
    const fault = typeof options.fail === 'string' ? options.fail : options.fail?.[method];
    if (fault === undefined) return;
    if (fault instanceof AccountError) throw fault;
    throw new AccountError(fault, undefined, {
      ...(FAULT_STATUS[fault] === undefined ? {} : { status: FAULT_STATUS[fault] }),
      ...(fault === 'rate_limited' ? { retryAfterMs: 1000 } : {}),
    });
  }

  /** Waits the configured latency, honours the signal, and throws any injected fault. */
  async function begin(method: AdapterMethodName, signal: AbortSignal | undefined): Promise<void> {
    await wait(latencyOf(method), signal);
    // A signal that fired while this call was queued still wins, as it would over the network.
    throwIfAborted(signal);
    throwInjectedFault(method);
  }

  function requireTokens(kind: 'personal' | 'legacy'): void {
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

  const adapter: MemoryAdapter = {
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(options.tokenUsage === undefined ? {} : { tokenUsage: options.tokenUsage }),

    async getCurrentUser({ signal }: RequestOptions = {}): Promise<User> {
      await begin('getCurrentUser', signal);
      return clone(state.user);
    },

    async updateProfile(patch, { signal }: RequestOptions = {}): Promise<User> {
      await begin('updateProfile', signal);
      const fieldErrors: Record<string, string[]> = {};
      const changes: Partial<Pick<User, 'firstName' | 'lastName' | 'phone'>> = {};
      for (const field of ['firstName', 'lastName', 'phone'] as const) {
        const value: unknown = patch[field];
        if (value === undefined) continue;
        if (typeof value !== 'string') {
          fieldErrors[field] = ['This must be text.'];
          continue;
        }
        const trimmed = value.trim();
        if (trimmed.length > rules.profileFieldMaxLength)
          fieldErrors[field] = [fieldTooLong(trimmed, rules.profileFieldMaxLength)];
        else changes[field] = trimmed;
      }
      if (Object.keys(fieldErrors).length > 0) {
        throw new AccountError('validation', 'Some profile fields are not valid.', { status: 400, fieldErrors });
      }
      throwIfAborted(signal);
      commit((draft) => {
        Object.assign(draft.user, changes);
        const member = draft.members.find((m) => m.id === draft.user.id);
        if (member) Object.assign(member, changes);
      });
      return clone(state.user);
    },

    async uploadAvatar(file, { signal, onProgress }: UploadOptions = {}): Promise<User> {
      throwIfAborted(signal);
      // The transfer happens first, as over a network, and can be cancelled part way.
      const latencyMs = latencyOf('uploadAvatar');
      const steps = latencyMs > 0 ? 10 : 1;
      for (let step = 1; step <= steps; step++) {
        await wait(latencyMs / steps, signal);
        throwIfAborted(signal);
        onProgress?.(step / steps);
      }
      throwInjectedFault('uploadAvatar');
      if (file.size > avatarLimits.maxBytes) {
        // Refused on size alone, before the body is read, as a server would.
        const result = validateAvatarFile({ size: file.size, bytes: new Uint8Array() }, avatarLimits);
        throw new AccountError('too_large', result.ok ? undefined : result.message, {
          status: 413,
          fieldErrors: { avatar: [result.ok ? '' : result.message] },
        });
      }
      const bytes = await readBytes(file);
      const result = validateAvatarFile(
        { size: bytes.length, bytes: bytes.subarray(0, IMAGE_HEADER_MAX_BYTES) },
        avatarLimits,
      );
      if (!result.ok) {
        throw new AccountError('validation', result.message, {
          status: 400,
          fieldErrors: { avatar: [result.message] },
        });
      }
      throwIfAborted(signal);
      const avatarUrl = toDataUrl(bytes, `image/${result.type}`);
      commit((draft) => {
        draft.user.avatarUrl = avatarUrl;
        const member = draft.members.find((m) => m.id === draft.user.id);
        if (member) member.avatarUrl = avatarUrl;
      });
      return clone(state.user);
    },

    async removeAvatar({ signal }: RequestOptions = {}): Promise<User> {
      await begin('removeAvatar', signal);
      commit((draft) => {
        draft.user.avatarUrl = null;
        const member = draft.members.find((m) => m.id === draft.user.id);
        if (member) member.avatarUrl = null;
      });
      return clone(state.user);
    },

    async getEmailPreferences({ signal }: RequestOptions = {}): Promise<EmailPreference[]> {
      await begin('getEmailPreferences', signal);
      return clone(state.emailPreferences);
    },

    async updateEmailPreferences(patch, { signal }: RequestOptions = {}): Promise<EmailPreference[]> {
      await begin('updateEmailPreferences', signal);
      const fieldErrors: Record<string, string[]> = {};
      for (const [id, enabled] of Object.entries(patch)) {
        if (!state.emailPreferences.some((preference) => preference.id === id)) {
          fieldErrors[id] = [`There is no email preference "${id}".`];
        } else if (typeof enabled !== 'boolean') {
          fieldErrors[id] = ['This must be true or false.'];
        }
      }
      if (Object.keys(fieldErrors).length > 0) {
        throw new AccountError('validation', 'Some email preferences are not valid.', { status: 400, fieldErrors });
      }
      throwIfAborted(signal);
      commit((draft) => {
        for (const preference of draft.emailPreferences) {
          const enabled = patch[preference.id];
          if (enabled !== undefined) preference.enabled = enabled;
        }
      });
      return clone(state.emailPreferences);
    },

    async getMembership({ signal }: RequestOptions = {}): Promise<Membership> {
      await begin('getMembership', signal);
      const membership: Membership = {
        userId: state.user.id,
        annotationsCount: state.annotationsCount,
        contributedProjectsCount: state.contributedProjectsCount,
        organization: clone(state.organization),
        role: state.role,
      };
      if (state.user.dateJoined !== undefined) membership.dateJoined = state.user.dateJoined;
      return membership;
    },

    async getTokenSettings({ signal }: RequestOptions = {}): Promise<TokenSettings> {
      await begin('getTokenSettings', signal);
      return clone(state.tokenSettings);
    },

    async listPersonalTokens({ signal }: RequestOptions = {}): Promise<PersonalToken[]> {
      await begin('listPersonalTokens', signal);
      requireTokens('personal');
      const now = Date.now();
      return state.personalTokens.filter((token) => isActive(token, now)).map(publicToken);
    },

    async createPersonalToken(input, { signal }: RequestOptions = {}): Promise<CreatedPersonalToken> {
      await begin('createPersonalToken', signal);
      requireTokens('personal');
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
      commit((draft) => {
        draft.personalTokens.push({ ...info, revoked: false });
      });
      return { token, info };
    },

    async revokePersonalToken(id, { signal }: RequestOptions = {}): Promise<void> {
      await begin('revokePersonalToken', signal);
      requireTokens('personal');
      const now = Date.now();
      if (!state.personalTokens.some((token) => token.id === id && isActive(token, now))) {
        throw new AccountError('not_found', 'Token is invalid or already revoked.', { status: 404 });
      }
      throwIfAborted(signal);
      commit((draft) => {
        for (const token of draft.personalTokens) if (token.id === id) token.revoked = true;
      });
    },

    async getLegacyToken({ signal }: RequestOptions = {}): Promise<LegacyToken> {
      await begin('getLegacyToken', signal);
      requireTokens('legacy');
      return { token: legacyToken };
    },

    async renewLegacyToken({ signal }: RequestOptions = {}): Promise<LegacyToken> {
      await begin('renewLegacyToken', signal);
      requireTokens('legacy');
      throwIfAborted(signal);
      legacyToken = randomHex(20);
      return { token: legacyToken };
    },

    async getHotkeys({ signal }: RequestOptions = {}): Promise<HotkeyOverrides> {
      await begin('getHotkeys', signal);
      return clone(state.hotkeys);
    },

    async saveHotkeys(overrides, { signal }: RequestOptions = {}): Promise<HotkeyOverrides> {
      await begin('saveHotkeys', signal);
      const result = validateHotkeyOverrides(overrides, rules.hotkeys);
      if (!result.ok) {
        throw new AccountError('validation', 'Invalid hotkeys configuration.', {
          status: 400,
          fieldErrors: result.fieldErrors,
        });
      }
      throwIfAborted(signal);
      commit((draft) => {
        draft.hotkeys = result.overrides;
      });
      return clone(state.hotkeys);
    },

    async listMembers(input, { signal }: RequestOptions = {}): Promise<MembersPage> {
      await begin('listMembers', signal);
      const { page, pageSize } = input;
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
        throw new AccountError(
          'validation',
          `Page ${page} with ${pageSize} per page can't be listed. Use page 1 or later and 1 to 100 per page.`,
          {
            status: 400,
          },
        );
      }
      const search = (input.search ?? '').trim().toLowerCase();
      const matches = search
        ? state.members.filter((member) =>
            [member.email, member.firstName, member.lastName, `${member.firstName} ${member.lastName}`].some((text) =>
              text.toLowerCase().includes(search),
            ),
          )
        : state.members;
      const sorted = [...matches].sort((a, b) => a.email.localeCompare(b.email));
      const start = (page - 1) * pageSize;
      return {
        items: sorted.slice(start, start + pageSize).map((member) => clone(toMember(member))),
        total: sorted.length,
      };
    },

    async getMember(id, { signal }: RequestOptions = {}): Promise<MemberProfile> {
      await begin('getMember', signal);
      const member: SeedMember | undefined = state.members.find((m) => m.id === id);
      if (!member) throw new AccountError('not_found', `There is no member with id ${id}.`, { status: 404 });
      return clone(member);
    },

    async getInviteLink({ signal }: RequestOptions = {}): Promise<Invitation> {
      await begin('getInviteLink', signal);
      return { url: state.inviteUrl };
    },

    async resetInviteLink({ signal }: RequestOptions = {}): Promise<Invitation> {
      await begin('resetInviteLink', signal);
      throwIfAborted(signal);
      commit((draft) => {
        draft.inviteUrl = `/user/signup/?token=${randomHex(6)}`;
      });
      return { url: state.inviteUrl };
    },
  };

  return adapter;
}

/**
 * Returns a copy of an adapter without some methods, as a backend that cannot serve them
 * would be; components then hide the controls that need them.
 *
 * @example
 * <AccountProvider adapter={withoutMethods(createMemoryAdapter(), ['removeAvatar'])}>
 */
export function withoutMethods(adapter: AccountAdapter, methods: readonly AdapterMethodName[]): AccountAdapter {
  const copy: AccountAdapter = { ...adapter };
  for (const method of methods) {
    if (method !== 'getCurrentUser') delete copy[method];
  }
  return copy;
}
