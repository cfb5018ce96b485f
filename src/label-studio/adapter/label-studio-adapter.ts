import { AccountError, throwIfAborted, toAccountError } from '../../adapters/errors';
import { sniffImageType, type SniffedType } from '../../core/image/read-image-header';
import type {
  AccountAdapter,
  EmailPreference,
  HotkeyOverrides,
  HotkeyRequestOptions,
  HotkeySettings,
  ListProjectsOptions,
  Member,
  MemberProfile,
  MembersPage,
  Membership,
  OrganizationPermissions,
  PersonalToken,
  RequestOptions,
  SignUpPolicy,
  SignUpRefusal,
  TokenSettings,
  UploadOptions,
  User,
} from '../../adapters/types';
import { isJsonObject } from '../../core/hotkeys/validate-settings';
import { fromLabelStudioHotkeys, toLabelStudioHotkeys } from './hotkey-keys';
import { errorFromResponse, jwtClaimExcerpt, jwtClaims, jwtExpiry, type LabelStudioAuth } from './http';
import { labelStudioRules } from '../rules';

/** Options of `createLabelStudioAdapter`. */
export interface LabelStudioAdapterOptions {
  /** The Label Studio origin, e.g. `https://label.example.com` (the API is under `/api/`). */
  baseUrl: string;
  /** How to authenticate: the legacy token, a personal access token, or the browser's session. @default { type: 'session' } */
  auth?: LabelStudioAuth;
  /** The fetch to use (a test's, or one with extra headers). @default globalThis.fetch */
  fetch?: typeof fetch;
}

interface LsUser {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone?: string | null;
  avatar?: string | null;
  date_joined?: string;
  last_activity?: string;
  allow_newsletters?: boolean | null;
  active_organization?: number | null;
  active_organization_meta?: { title?: string; email?: string };
  /** whoami's permission names, such as `organizations.change`. */
  permissions?: string[];
}

interface LsMembership {
  annotations_count?: number;
  contributed_projects_count?: number;
  created_projects?: Array<{ id: number; title: string }> | null;
  contributed_to_projects?: Array<{ id: number; title: string }> | null;
  role?: string | null;
}

interface LsJwtSettings {
  api_tokens_enabled?: boolean;
  legacy_api_tokens_enabled?: boolean;
  /** Enterprise only; Community's tokens live the default 73000 days. */
  api_token_ttl_days?: number;
}

/** Label Studio's "never expires": 200 × 365 days. */
const ETERNITY_DAYS = 73000;

interface LsPage<T> {
  count: number;
  results: T[];
}

interface LsToken {
  token: string;
  created_at?: string | null;
  expires_at?: string | null;
}

/** The label Label Studio shows beside its newsletter checkbox. */
const NEWSLETTER_LABEL = 'Subscribe to HumanSignal news and tips from Heidi';

/**
 * Label Studio answers `avatar` and `invite_url` as paths unless its `LABEL_STUDIO_HOST` is set:
 * resolve them against the server, so a host page on another origin gets working addresses. An
 * absolute address stays as it is.
 */
function resolveUrl(url: string, baseUrl: string): string;
function resolveUrl(url: string | null | undefined, baseUrl: string): string | null;
function resolveUrl(url: string | null | undefined, baseUrl: string): string | null {
  if (!url) return null;
  try {
    return new URL(url, `${baseUrl}/`).href;
  } catch {
    return url;
  }
}

function toUser(json: LsUser, baseUrl: string): User {
  const user: User = {
    id: String(json.id),
    email: json.email,
    firstName: json.first_name ?? '',
    lastName: json.last_name ?? '',
    phone: json.phone ?? '',
    avatarUrl: resolveUrl(json.avatar, baseUrl),
  };
  if (json.date_joined) user.dateJoined = json.date_joined;
  if (json.last_activity) user.lastActivity = json.last_activity;
  return user;
}

/**
 * Whether Label Studio lists this member as removed: its BaseUserSerializer anonymizes a
 * soft-deleted member to email "Deleted" (no "@", so no real address matches), first name
 * "Deleted" and last name "User".
 */
function isDeletedMember(json: LsUser): boolean {
  return json.email === 'Deleted' && json.last_name === 'User';
}

function toMember(json: LsUser, baseUrl: string): Member {
  const { id, email, firstName, lastName, avatarUrl, lastActivity } = toUser(json, baseUrl);
  // A removed member's photo goes with their name: the listing keeps nothing that identifies them.
  if (isDeletedMember(json)) return { id, email, firstName, lastName, avatarUrl: null, deleted: true };
  return lastActivity === undefined
    ? { id, email, firstName, lastName, avatarUrl }
    : { id, email, firstName, lastName, avatarUrl, lastActivity };
}

/**
 * What whoami's permissions allow in the organization. Label Studio gates removing members
 * (`DELETE …/memberships/<pk>/`) and the token settings (`POST /api/jwt/settings`) on
 * `organizations.change`, which every Community member holds.
 */
function toPermissions(permissions: string[] | undefined): OrganizationPermissions | undefined {
  if (!Array.isArray(permissions)) return undefined;
  const canChange = permissions.includes('organizations.change');
  return { removeMembers: canChange, changeTokenSettings: canChange };
}

/** The sign-up policy's refusals this adapter knows; anything else reads as an invalid link. */
function toRefusal(reason: unknown): SignUpRefusal {
  return reason === 'invite-required' ? 'invite-required' : 'invite-invalid';
}

const isoFromSeconds = (seconds: unknown): string | null =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;

/**
 * The listed form of a refresh token (`header.payload`, no signature) is not secret. Label Studio
 * answers only `token`, so the dates and the id come from its payload (`iat`, `exp`, `jti`); the
 * payload's end is the same for every token of a user, so the prefix is the text that encodes its `jti`.
 */
function toPersonalToken(json: LsToken): PersonalToken {
  const listed = json.token.split('.').slice(0, 2).join('.');
  const claims = jwtClaims(json.token);
  const excerpt = jwtClaimExcerpt(json.token, 'jti', 8);
  return {
    id: listed,
    prefix: excerpt ? `…${excerpt}…` : `…${listed.slice(-10)}`,
    createdAt: json.created_at ?? isoFromSeconds(claims.iat),
    expiresAt: json.expires_at ?? isoFromSeconds(claims.exp),
  };
}

/** The file names and content types Label Studio accepts, by sniffed type (it checks both). */
const AVATAR_PARTS: Partial<Record<SniffedType, { name: string; type: string }>> = {
  png: { name: 'avatar.png', type: 'image/png' },
  jpeg: { name: 'avatar.jpg', type: 'image/jpeg' },
  gif: { name: 'avatar.gif', type: 'image/gif' },
  webp: { name: 'avatar.webp', type: 'image/webp' },
};

/** The avatar as the multipart part Label Studio checks: a name and content type that match its bytes. */
async function avatarPart(file: Blob): Promise<{ blob: Blob; name: string }> {
  const fallbackName = file instanceof File && file.name ? file.name : 'avatar';
  let sniffed: SniffedType | null = null;
  try {
    sniffed = sniffImageType(new Uint8Array(await file.slice(0, 512).arrayBuffer()));
  } catch {
    // Unreadable here: send it as it is and let the server say why.
  }
  const part = sniffed ? AVATAR_PARTS[sniffed] : undefined;
  if (!part) return { blob: file, name: fallbackName };
  return { blob: file.type === part.type ? file : new Blob([file], { type: part.type }), name: part.name };
}

function toTokenSettings(settings: LsJwtSettings): TokenSettings {
  return {
    personalTokensEnabled: settings.api_tokens_enabled !== false,
    legacyTokenEnabled: settings.legacy_api_tokens_enabled === true,
    maxActivePersonalTokens: labelStudioRules.maxActivePersonalTokens,
    // The organization sets the lifetime; a user can't choose one per token.
    canChooseExpiry: false,
    personalTokenLifetimeDays:
      settings.api_token_ttl_days === undefined || settings.api_token_ttl_days >= ETERNITY_DAYS
        ? null
        : settings.api_token_ttl_days,
    // Enterprise answers (and takes) the organization's lifetime; Community has no such field.
    canChangeLifetime: settings.api_token_ttl_days !== undefined,
  };
}

/** Whether a member matches a search the way Label Studio's user search does (name or email, any case). */
function matches(user: LsUser, search: string): boolean {
  const needle = search.toLowerCase();
  return [user.email, user.first_name, user.last_name].some((field) => (field ?? '').toLowerCase().includes(needle));
}

const projects = (list: Array<{ id: number; title: string }> | null | undefined) =>
  (list ?? []).map((project) => ({ id: String(project.id), title: project.title }));

/**
 * An adapter for Label Studio's HTTP API: every method mapped to its endpoint, its JSON mapped to
 * the library's types, and its error bodies mapped to `AccountError` codes and field errors.
 *
 * @example
 * const adapter = createLabelStudioAdapter({ baseUrl: 'https://label.example.com', auth: { type: 'token', token } });
 */
export function createLabelStudioAdapter(options: LabelStudioAdapterOptions): AccountAdapter {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Renewing the legacy token this adapter signs in with must not lock it out: it switches to the new one.
  let auth: LabelStudioAuth = options.auth ?? { type: 'session' };
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let access: { token: string; expires: number } | null = null;
  let whoami: LsUser | null = null;

  /** From now on the browser's session authenticates (after sign-in, sign-up or sign-out), and nothing cached is kept. */
  function signedIn(): void {
    auth = { type: 'session' };
    access = null;
    whoami = null;
  }

  async function accessToken(signal: AbortSignal | undefined, force = false): Promise<string> {
    if (auth.type !== 'personal') return '';
    // Refresh a minute early, so a request never leaves with a token about to expire.
    if (!force && access && access.expires - 60 > Date.now() / 1000) return access.token;
    const response = await send(
      '/api/token/refresh/',
      { method: 'POST', json: { refresh: auth.refreshToken }, signal },
      false,
    );
    const { access: token } = (await response.json()) as { access: string };
    access = { token, expires: jwtExpiry(token) };
    return token;
  }

  async function send(
    path: string,
    init: {
      method?: string;
      json?: unknown;
      body?: BodyInit;
      signal?: AbortSignal | undefined;
      /** Send and keep cookies whatever the auth (sign-in, sign-up and sign-out set the session's). */
      withCookies?: boolean;
    },
    authenticate = true,
    retried = false,
  ): Promise<Response> {
    throwIfAborted(init.signal);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    if (authenticate && auth.type === 'token') headers.Authorization = `Token ${auth.token}`;
    if (authenticate && auth.type === 'personal') headers.Authorization = `Bearer ${await accessToken(init.signal)}`;
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
        signal: init.signal,
        credentials: auth.type === 'session' || init.withCookies ? 'include' : 'same-origin',
      });
    } catch (error) {
      throw init.signal?.aborted ? new AccountError('aborted', undefined, { cause: error }) : toAccountError(error);
    }
    // An access token can expire between the check and the server: get a new one once.
    if (response.status === 401 && authenticate && auth.type === 'personal' && !retried) {
      await accessToken(init.signal, true);
      return send(path, init, authenticate, true);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async function json<T>(path: string, init: Parameters<typeof send>[1] = {}): Promise<T> {
    const response = await send(path, init);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The hotkeys endpoint, for the account map or, with `?project=`, one project's override. */
  function hotkeysPath(projectId: string | undefined): string {
    return projectId === undefined
      ? '/api/current-user/hotkeys/'
      : `/api/current-user/hotkeys/?${new URLSearchParams({ project: projectId })}`;
  }

  /**
   * Runs a project-scoped hotkeys request: Label Studio's 400 for an id that is not a project id
   * (`validation_errors.project`) becomes a validation error that names the project; its 404 (another
   * organization's project, or none) stays `not_found`.
   */
  async function inProject<T>(projectId: string | undefined, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const messages = error instanceof AccountError ? error.fieldErrors?.project : undefined;
      if (projectId === undefined || !messages || !(error instanceof AccountError)) throw error;
      const { project: _project, ...others } = error.fieldErrors ?? {};
      throw new AccountError('validation', `"${projectId}" is not a project id: ${messages.join(' ')}`, {
        status: error.status ?? 400,
        fieldErrors: { ...others, projectId: messages },
        cause: error,
      });
    }
  }

  async function me(signal?: AbortSignal, fresh = false): Promise<LsUser> {
    if (!whoami || fresh) whoami = await json<LsUser>('/api/current-user/whoami', { signal });
    return whoami;
  }

  async function organizationId(signal?: AbortSignal): Promise<number> {
    const user = await me(signal);
    if (user.active_organization === null || user.active_organization === undefined) {
      throw new AccountError('not_found', 'You are not in an organization.', { status: 404 });
    }
    return user.active_organization;
  }

  async function upload(path: string, file: Blob, { signal, onProgress }: UploadOptions): Promise<void> {
    const part = await avatarPart(file);
    const form = new FormData();
    form.append('avatar', part.blob, part.name);
    // fetch can't report upload progress; XMLHttpRequest can, where there is one.
    if (typeof XMLHttpRequest === 'undefined' || auth.type === 'personal') {
      return send(path, { method: 'POST', body: form, signal }).then(() => onProgress?.(1));
    }
    return new Promise((resolve, reject) => {
      throwIfAborted(signal);
      const request = new XMLHttpRequest();
      request.open('POST', `${baseUrl}${path}`);
      request.withCredentials = auth.type === 'session';
      request.setRequestHeader('Accept', 'application/json');
      if (auth.type === 'token') request.setRequestHeader('Authorization', `Token ${auth.token}`);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      };
      request.onload = () => {
        if (request.status >= 200 && request.status < 300) {
          onProgress?.(1);
          resolve();
        } else {
          const response = new Response(request.responseText || null, {
            status: request.status,
            headers: { 'Content-Type': 'application/json' },
          });
          void errorFromResponse(response).then(reject);
        }
      };
      request.onerror = () => reject(new AccountError('network'));
      request.onabort = () => reject(new AccountError('aborted'));
      signal?.addEventListener('abort', () => request.abort(), { once: true });
      request.send(form);
    });
  }

  /**
   * One page of `GET /api/users/?search=` (paginated when `search` is given, at most 100 a page), or
   * `null` when this Label Studio has no searching users list. DRF answers a page past the end with
   * 404, like a missing endpoint: page 1 tells them apart.
   */
  async function searchUsers(
    search: string,
    page: number,
    pageSize: number,
    signal: AbortSignal | undefined,
  ): Promise<MembersPage | null> {
    const ask = (askPage: number, askSize: number) =>
      json<LsPage<LsUser> | LsUser[]>(
        `/api/users/?${new URLSearchParams({ search, page: String(askPage), page_size: String(askSize) })}`,
        { signal },
      );
    // Its pages hold at most 100: a larger page would number differently, so filter here instead.
    if (pageSize > 100) return null;
    let answer: LsPage<LsUser> | LsUser[];
    try {
      answer = await ask(page, pageSize);
    } catch (error) {
      if (!(error instanceof AccountError) || (error.code !== 'not_found' && error.status !== 405)) throw error;
      if (page <= 1 || error.code !== 'not_found') return null;
      try {
        const first = await ask(1, 1);
        return Array.isArray(first) ? null : { items: [], total: first.count };
      } catch (again) {
        if (again instanceof AccountError && again.code === 'not_found') return null;
        throw again;
      }
    }
    // A version whose users list doesn't paginate or search: filter here instead.
    if (Array.isArray(answer)) return null;
    return { total: answer.count, items: answer.results.map((user) => toMember(user, baseUrl)) };
  }

  return {
    apiBaseUrl: `${baseUrl}/api`,
    tokenUsage: {
      personal: `curl -X POST ${baseUrl}/api/token/refresh/ -H 'Content-Type: application/json' -d '{"refresh": "{token}"}'\ncurl ${baseUrl}/api/projects/ -H 'Authorization: Bearer <access token>'`,
      legacy: `curl ${baseUrl}/api/projects/ -H 'Authorization: Token {token}'`,
    },

    async getCurrentUser({ signal }: RequestOptions = {}) {
      return toUser(await me(signal, true), baseUrl);
    },

    async updateProfile(patch, { signal }: RequestOptions = {}) {
      const { id } = await me(signal);
      const body: Record<string, string> = {};
      if (patch.firstName !== undefined) body.first_name = patch.firstName;
      if (patch.lastName !== undefined) body.last_name = patch.lastName;
      if (patch.phone !== undefined) body.phone = patch.phone;
      whoami = { ...whoami!, ...(await json<LsUser>(`/api/users/${id}/`, { method: 'PATCH', json: body, signal })) };
      return toUser(whoami, baseUrl);
    },

    async uploadAvatar(file, uploadOptions: UploadOptions = {}) {
      const { id } = await me(uploadOptions.signal);
      await upload(`/api/users/${id}/avatar/`, file, uploadOptions);
      return toUser(await me(uploadOptions.signal, true), baseUrl);
    },

    async removeAvatar({ signal }: RequestOptions = {}) {
      const { id } = await me(signal);
      await send(`/api/users/${id}/avatar/`, { method: 'DELETE', signal });
      return toUser(await me(signal, true), baseUrl);
    },

    async getEmailPreferences({ signal }: RequestOptions = {}): Promise<EmailPreference[]> {
      const user = await me(signal, true);
      return [{ id: 'newsletter', label: NEWSLETTER_LABEL, enabled: Boolean(user.allow_newsletters) }];
    },

    async updateEmailPreferences(patch, { signal }: RequestOptions = {}) {
      const unknown = Object.keys(patch).filter((id) => id !== 'newsletter');
      if (unknown.length > 0) {
        throw new AccountError('validation', `There is no email preference "${unknown[0]}".`, {
          fieldErrors: Object.fromEntries(unknown.map((id) => [id, [`There is no email preference "${id}".`]])),
        });
      }
      const { id } = await me(signal);
      if (patch.newsletter !== undefined) {
        whoami = await json<LsUser>(`/api/users/${id}/`, {
          method: 'PATCH',
          json: { allow_newsletters: patch.newsletter },
          signal,
        });
      }
      return [{ id: 'newsletter', label: NEWSLETTER_LABEL, enabled: Boolean(whoami?.allow_newsletters) }];
    },

    async getMembership({ signal }: RequestOptions = {}): Promise<Membership> {
      const user = await me(signal, true);
      const org = await organizationId(signal);
      const facts = await json<LsMembership>(`/api/organizations/${org}/memberships/${user.id}/`, { signal });
      const membership: Membership = {
        userId: String(user.id),
        organization: { id: String(org), title: user.active_organization_meta?.title ?? '' },
        // Community has no roles; its membership card shows everyone's as "Owner".
        role: typeof facts.role === 'string' && facts.role ? facts.role : 'owner',
      };
      if (user.active_organization_meta?.email)
        membership.organization!.ownerEmail = user.active_organization_meta.email;
      const permissions = toPermissions(user.permissions);
      if (permissions) membership.permissions = permissions;
      if (user.date_joined) membership.dateJoined = user.date_joined;
      if (typeof facts.annotations_count === 'number') membership.annotationsCount = facts.annotations_count;
      if (typeof facts.contributed_projects_count === 'number') {
        membership.contributedProjectsCount = facts.contributed_projects_count;
      }
      return membership;
    },

    async getTokenSettings({ signal }: RequestOptions = {}) {
      return toTokenSettings(await json<LsJwtSettings>('/api/jwt/settings', { signal }));
    },

    async updateTokenSettings(patch, { signal }: RequestOptions = {}) {
      const body: LsJwtSettings = {};
      if (patch.personalTokensEnabled !== undefined) body.api_tokens_enabled = patch.personalTokensEnabled;
      if (patch.legacyTokenEnabled !== undefined) body.legacy_api_tokens_enabled = patch.legacyTokenEnabled;
      const lifetime = patch.personalTokenLifetimeDays;
      if (lifetime !== undefined) {
        // Community has no lifetime setting and would ignore the field: refuse before saving anything.
        const current = await json<LsJwtSettings>('/api/jwt/settings', { signal });
        if (current.api_token_ttl_days === undefined) {
          const message = "This server's personal tokens have a fixed lifetime.";
          throw new AccountError('validation', message, { fieldErrors: { personalTokenLifetimeDays: [message] } });
        }
        // Never expiring is Label Studio's 73000 days.
        body.api_token_ttl_days = lifetime === null ? ETERNITY_DAYS : lifetime;
      }
      const saved = await json<LsJwtSettings>('/api/jwt/settings', { method: 'POST', json: body, signal });
      return toTokenSettings(saved);
    },

    async listPersonalTokens({ signal }: RequestOptions = {}) {
      return (await json<LsToken[]>('/api/token/', { signal })).map(toPersonalToken);
    },

    async createPersonalToken(_input, { signal }: RequestOptions = {}) {
      const created = await json<LsToken>('/api/token/', { method: 'POST', signal });
      return { token: created.token, info: toPersonalToken(created) };
    },

    async revokePersonalToken(id, { signal }: RequestOptions = {}) {
      await send('/api/token/blacklist/', { method: 'POST', json: { refresh: id }, signal });
    },

    async getLegacyToken({ signal }: RequestOptions = {}) {
      return json<{ token: string }>('/api/current-user/token', { signal });
    },

    async renewLegacyToken({ signal }: RequestOptions = {}) {
      const renewed = await json<{ token: string }>('/api/current-user/reset-token/', { method: 'POST', signal });
      if (auth.type === 'token') auth = { type: 'token', token: renewed.token };
      return renewed;
    },

    async getHotkeys({ signal, projectId }: HotkeyRequestOptions = {}) {
      return fromLabelStudioHotkeys(
        (
          await inProject(projectId, () =>
            json<{ custom_hotkeys?: HotkeyOverrides | null }>(hotkeysPath(projectId), { signal }),
          )
        ).custom_hotkeys,
      );
    },

    async saveHotkeys(overrides, { signal, projectId }: HotkeyRequestOptions = {}) {
      const saved = await inProject(projectId, () =>
        json<{ custom_hotkeys?: HotkeyOverrides }>(hotkeysPath(projectId), {
          method: 'PATCH',
          json: { custom_hotkeys: toLabelStudioHotkeys(overrides) },
          signal,
        }),
      );
      return fromLabelStudioHotkeys(saved.custom_hotkeys);
    },

    async getHotkeySettings({ signal }: RequestOptions = {}) {
      const answer = await json<{ hotkey_settings?: HotkeySettings | null }>(hotkeysPath(undefined), { signal });
      return isJsonObject(answer.hotkey_settings) ? (answer.hotkey_settings as HotkeySettings) : {};
    },

    async saveHotkeySettings(settings, { signal }: RequestOptions = {}) {
      // Only `hotkey_settings` in the body: a PATCH leaves `custom_hotkeys` as stored.
      const saved = await json<{ hotkey_settings?: HotkeySettings | null }>(hotkeysPath(undefined), {
        method: 'PATCH',
        json: { hotkey_settings: settings },
        signal,
      });
      return isJsonObject(saved.hotkey_settings) ? (saved.hotkey_settings as HotkeySettings) : settings;
    },

    async listProjects({ signal, search, page = 1, pageSize }: ListProjectsOptions = {}) {
      const query = new URLSearchParams({ page: String(page) });
      if (pageSize !== undefined) query.set('page_size', String(pageSize));
      const term = search?.trim() ?? '';
      if (term) query.set('search', term);
      try {
        const result = await json<LsPage<{ id: number; title?: string | null }>>(`/api/projects/?${query}`, { signal });
        return {
          total: result.count,
          items: result.results.map((project) => ({ id: String(project.id), title: project.title ?? '' })),
        };
      } catch (error) {
        // A page past the end is DRF's 404 "Invalid page."; the contract answers with no items.
        if (!(error instanceof AccountError) || error.code !== 'not_found' || page <= 1) throw error;
        query.set('page', '1');
        const { count } = await json<{ count: number }>(`/api/projects/?${query}`, { signal });
        return { items: [], total: count };
      }
    },

    async listMembers({ page, pageSize, search }, { signal }: RequestOptions = {}) {
      const org = await organizationId(signal);
      const term = search?.trim() ?? '';
      // Community's memberships list ignores `search`: search through the users list, which searches.
      if (term) {
        const found = await searchUsers(term, page, pageSize, signal);
        if (found) return found;
        // No searching users list (an older version): read everyone and filter here.
        const everyone = await json<LsPage<{ user: LsUser }>>(`/api/organizations/${org}/memberships?page_size=-1`, {
          signal,
        });
        const hits = everyone.results.map(({ user }) => user).filter((user) => matches(user, term));
        const start = (page - 1) * pageSize;
        return {
          total: hits.length,
          items: hits.slice(start, start + pageSize).map((user) => toMember(user, baseUrl)),
        };
      }
      const query = new URLSearchParams({ page: String(page), page_size: String(pageSize) });
      try {
        const result = await json<{ count: number; results: Array<{ user: LsUser }> }>(
          `/api/organizations/${org}/memberships?${query}`,
          { signal },
        );
        return {
          total: result.count,
          items: result.results.map(({ user }) => toMember(user, baseUrl)),
        };
      } catch (error) {
        // Label Studio answers a page past the end with 404; the contract answers with no items.
        if (!(error instanceof AccountError) || error.code !== 'not_found' || page <= 1) throw error;
        query.set('page', '1');
        query.set('page_size', '1');
        const { count } = await json<{ count: number }>(`/api/organizations/${org}/memberships?${query}`, { signal });
        return { items: [], total: count };
      }
    },

    async getMember(id, { signal }: RequestOptions = {}): Promise<MemberProfile> {
      const org = await organizationId(signal);
      const facts = await json<LsMembership & { user?: number }>(
        `/api/organizations/${org}/memberships/${encodeURIComponent(id)}/?contributed_to_projects=1`,
        { signal },
      );
      const user = toUser(await json<LsUser>(`/api/users/${encodeURIComponent(id)}/`, { signal }), baseUrl);
      return {
        ...user,
        createdProjects: projects(facts.created_projects),
        contributedProjects: projects(facts.contributed_to_projects),
      };
    },

    async removeMember(id, { signal }: RequestOptions = {}) {
      const org = await organizationId(signal);
      try {
        await send(`/api/organizations/${org}/memberships/${encodeURIComponent(id)}/`, { method: 'DELETE', signal });
      } catch (error) {
        // Label Studio answers removing yourself with 405 "User cannot soft delete self".
        if (error instanceof AccountError && error.status === 405) {
          throw new AccountError('forbidden', "You can't remove yourself from the organization.", {
            status: 405,
            cause: error,
          });
        }
        throw error;
      }
    },

    async signIn({ email, password }, { signal }: RequestOptions = {}) {
      await send('/api/session/login', { method: 'POST', json: { email, password }, signal, withCookies: true }, false);
      signedIn();
      return toUser(await me(signal, true), baseUrl);
    },

    async signUp({ email, password, inviteToken }, { signal }: RequestOptions = {}) {
      let created: LsUser;
      try {
        const response = await send(
          '/api/session/signup',
          {
            method: 'POST',
            json: { email, password, ...(inviteToken ? { token: inviteToken } : {}) },
            signal,
            withCookies: true,
          },
          false,
        );
        created = (await response.json()) as LsUser;
      } catch (error) {
        // The invitation's field is `token` there and `inviteToken` here.
        const { token, ...others } = (error instanceof AccountError && error.fieldErrors) || {};
        if (!(error instanceof AccountError) || !token) throw error;
        throw new AccountError(error.code, token.join(' '), {
          ...(error.status === undefined ? {} : { status: error.status }),
          fieldErrors: { ...others, inviteToken: token },
          cause: error,
        });
      }
      signedIn();
      whoami = created;
      return toUser(created, baseUrl);
    },

    async getSignUpPolicy({ inviteToken }, { signal }: RequestOptions = {}): Promise<SignUpPolicy> {
      const query = inviteToken ? `?${new URLSearchParams({ token: inviteToken })}` : '';
      const response = await send(`/api/session/signup-policy${query}`, { signal }, false);
      const answer = (await response.json()) as { allowed?: boolean; reason?: string; organization?: string };
      const policy: SignUpPolicy = { allowed: answer.allowed === true };
      if (!policy.allowed) policy.reason = toRefusal(answer.reason);
      if (typeof answer.organization === 'string' && answer.organization) {
        policy.organizationName = answer.organization;
      }
      return policy;
    },

    async signOut({ signal }: RequestOptions = {}) {
      await send('/api/session/logout', { method: 'POST', signal, withCookies: true }, false);
      // Whatever it signed in with is given up: the next call goes out with no credential but the (ended) session.
      signedIn();
    },

    async getInviteLink({ signal }: RequestOptions = {}) {
      const { invite_url } = await json<{ invite_url: string }>('/api/invite', { signal });
      return { url: resolveUrl(invite_url, baseUrl) };
    },

    async resetInviteLink({ signal }: RequestOptions = {}) {
      const { invite_url } = await json<{ invite_url: string }>('/api/invite/reset-token', { method: 'POST', signal });
      return { url: resolveUrl(invite_url, baseUrl) };
    },
  };
}
