// Account operations shared by the HTTP routes and the CLI. Every write runs in one transaction.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { legacyTokenContext, now, secretsOf, seedProjects, type Db } from './db.ts';
import { hashSecret, openSealed, sealSecret } from './secrets.ts';

/** scrypt on Node's thread pool; `scrypt` is read at each call (the sign-in test counts the work). */
function scryptAsync(password: string, salt: string, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A row of `users`. */
export interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  username: string;
  phone: string;
  avatar: string | null;
  allow_newsletters: number | null;
  custom_hotkeys: string;
  hotkey_settings: string;
  date_joined: string;
  last_activity: string;
  active_organization: number | null;
}

/** A row of `organizations`. */
export interface OrganizationRow {
  id: number;
  title: string;
  token: string;
  created_at: string;
  created_by: number | null;
}

/** The organization Label Studio creates for the first user. */
export const DEFAULT_ORGANIZATION_TITLE = 'Label Studio';
/** Stored instead of a hash for accounts nobody can log in to (seeded members). */
export const UNUSABLE_PASSWORD = '!';
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  const { N, r, p, keyLength } = SCRYPT;
  const hash = scryptSync(password, salt, keyLength, { N, r, p }).toString('hex');
  return `scrypt$${N}$${r}$${p}$${salt}$${hash}`;
}

/** Hashes a password on Node's thread pool, so the server keeps answering meanwhile (sign-up). */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  const { N, r, p, keyLength } = SCRYPT;
  const hash = (await scryptAsync(password, salt, keyLength, { N, r, p })).toString('hex');
  return `scrypt$${N}$${r}$${p}$${salt}$${hash}`;
}

/**
 * A stored hash of no password, with the same parameters as real ones: checking a password
 * against it costs what checking against a real account costs, so timing tells nothing.
 */
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${randomBytes(16).toString('hex')}$${randomBytes(SCRYPT.keyLength).toString('hex')}`;

interface ParsedHash {
  usable: boolean;
  salt: string;
  expected: Buffer;
  options: ScryptOptions;
}

function parseHash(stored: string): ParsedHash {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  // Unusable passwords ("!") and anything unknown are checked against the dummy, for equal work.
  if (scheme !== 'scrypt' || !salt || !hash) return { ...parseHash(DUMMY_HASH), usable: false };
  return {
    usable: true,
    salt,
    expected: Buffer.from(hash, 'hex'),
    options: { N: Number(N), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
  };
}

/** Checks a password, blocking (for the CLI). */
export function verifyPassword(password: string, stored: string): boolean {
  const { usable, salt, expected, options } = parseHash(stored);
  const actual = scryptSync(password, salt, expected.length, options);
  return timingSafeEqual(expected, actual) && usable;
}

/**
 * Checks a password on Node's thread pool, so the server keeps answering while it hashes.
 * `stored` undefined (no such account) does the same work and answers false.
 */
export async function verifyPasswordAsync(password: string, stored: string | undefined): Promise<boolean> {
  const { usable, salt, expected, options } = parseHash(stored ?? DUMMY_HASH);
  const actual = await scryptAsync(password, salt, expected.length, options);
  return timingSafeEqual(expected, actual) && usable && stored !== undefined;
}

export function newLegacyTokenKey(): string {
  return randomBytes(20).toString('hex');
}

export function newOrganizationToken(): string {
  return randomBytes(16).toString('hex');
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?').get(email);
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
}

export function findOrganization(db: Db, id: number | null): OrganizationRow | undefined {
  if (id === null) return undefined;
  return db.prepare<[number], OrganizationRow>('SELECT * FROM organizations WHERE id = ?').get(id);
}

/**
 * The user's legacy token in plain text, decrypted for its owner; undefined when there is none
 * (or it can't be decrypted with this data directory's key).
 */
export function findLegacyToken(db: Db, userId: number): string | undefined {
  const row = db
    .prepare<[number], { key_sealed: string }>('SELECT key_sealed FROM legacy_tokens WHERE user_id = ?')
    .get(userId);
  return (row && openSealed(secretsOf(db), row.key_sealed, legacyTokenContext(userId))) ?? undefined;
}

/** The id of the user a legacy token belongs to, looked up by its hash. */
export function findLegacyTokenUserId(db: Db, key: string): number | undefined {
  const row = db
    .prepare<[string], { user_id: number }>('SELECT user_id FROM legacy_tokens WHERE key_hash = ?')
    .get(hashSecret(secretsOf(db), key));
  return row?.user_id;
}

/** Stores a user's legacy token (hashed and sealed). Call inside a transaction. */
function insertLegacyToken(db: Db, userId: number, key: string): void {
  const secrets = secretsOf(db);
  db.prepare('INSERT INTO legacy_tokens (user_id, key_hash, key_sealed, created_at) VALUES (?, ?, ?, ?)').run(
    userId,
    hashSecret(secrets, key),
    sealSecret(secrets, key, legacyTokenContext(userId)),
    now(),
  );
}

/** Whether the user is a member of the organization (not one removed from it). */
export function isMember(db: Db, userId: number, organizationId: number): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM memberships WHERE user_id = ? AND organization_id = ? AND deleted_at IS NULL')
      .get(userId, organizationId),
  );
}

/**
 * Whether the user may act in their active organization: they are still its member. Label
 * Studio's `Organization.has_permission` refuses a member it soft-deleted the same way.
 */
export function isActiveMember(db: Db, user: UserRow): boolean {
  return user.active_organization !== null && isMember(db, user.id, user.active_organization);
}

/** The organization an invitation token (`/user/signup/?token=`) belongs to, if any. */
export function findOrganizationByToken(db: Db, token: string): OrganizationRow | undefined {
  return db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE token = ?').get(token);
}

/** What `removeMember` found. */
export type RemovalOutcome = 'removed' | 'not_found';

/**
 * Label Studio's soft delete of a member (OrganizationMember.soft_delete): the membership stays,
 * marked with when it ended, so their work keeps its author; the user can no longer act in the
 * organization. `not_found` when there is no such member, or they were removed already.
 */
export function removeMember(db: Db, organizationId: number, userId: number): RemovalOutcome {
  return db
    .transaction((): RemovalOutcome => {
      const { changes } = db
        .prepare(
          'UPDATE memberships SET deleted_at = ? WHERE organization_id = ? AND user_id = ? AND deleted_at IS NULL',
        )
        .run(now(), organizationId, userId);
      return changes === 1 ? 'removed' : 'not_found';
    })
    .immediate();
}

/**
 * A new organization's token settings, as Label Studio 1.21+ makes them: personal access
 * tokens on, legacy tokens off. Call inside a transaction.
 */
export function insertJwtSettings(db: Db, organizationId: number): void {
  db.prepare(
    'INSERT OR IGNORE INTO jwt_settings (organization_id, api_tokens_enabled, legacy_api_tokens_enabled) VALUES (?, 1, 0)',
  ).run(organizationId);
}

/** Turns an organization's legacy tokens on or off (what `start --enable-legacy-api-token` does). */
export function setLegacyTokensEnabled(db: Db, organizationId: number, enabled: boolean): void {
  db.transaction(() => {
    insertJwtSettings(db, organizationId);
    db.prepare('UPDATE jwt_settings SET legacy_api_tokens_enabled = ? WHERE organization_id = ?').run(
      Number(enabled),
      organizationId,
    );
  }).immediate();
}

/**
 * The first organization, created (with its JWT settings) when there is none yet.
 * Call inside a transaction.
 */
function firstOrganizationId(db: Db, ownerId: number): number {
  const existing = db.prepare<[], { id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').get();
  if (existing) return existing.id;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO organizations (title, token, created_at, created_by) VALUES (?, ?, ?, ?)')
    .run(DEFAULT_ORGANIZATION_TITLE, newOrganizationToken(), now(), ownerId);
  insertJwtSettings(db, Number(lastInsertRowid));
  seedProjects(db, Number(lastInsertRowid));
  return Number(lastInsertRowid);
}

/** A user to create. */
export interface NewUser {
  email: string;
  /** null: nobody can log in as this user. */
  password: string | null;
  /** The password already hashed (by `hashPasswordAsync`), used instead of hashing `password` here. */
  passwordHash?: string;
  /** The legacy API token to use instead of a random one. */
  token?: string;
  firstName?: string;
  lastName?: string;
  /** Join this existing organization; default: the first one. */
  organizationId?: number;
  /** Create a new organization with this title (the user is its owner) instead. */
  organizationTitle?: string;
}

/** Creates a user with a legacy token and a membership, like Label Studio's signup. */
export function createUser(db: Db, user: NewUser): UserRow {
  const passwordHash = user.passwordHash ?? (user.password === null ? UNUSABLE_PASSWORD : hashPassword(user.password));
  return db
    .transaction(() => {
      const stamp = now();
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO users (email, password_hash, first_name, last_name, username, date_joined, last_activity)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          user.email,
          passwordHash,
          user.firstName ?? '',
          user.lastName ?? '',
          user.email.split('@')[0] ?? '',
          stamp,
          stamp,
        );
      const userId = Number(lastInsertRowid);
      let organizationId = user.organizationId;
      if (user.organizationTitle !== undefined) {
        const created = db
          .prepare('INSERT INTO organizations (title, token, created_at, created_by) VALUES (?, ?, ?, ?)')
          .run(user.organizationTitle, newOrganizationToken(), stamp, userId);
        organizationId = Number(created.lastInsertRowid);
        insertJwtSettings(db, organizationId);
        seedProjects(db, organizationId);
      }
      organizationId ??= firstOrganizationId(db, userId);
      db.prepare('INSERT INTO memberships (user_id, organization_id, created_at) VALUES (?, ?, ?)').run(
        userId,
        organizationId,
        stamp,
      );
      db.prepare('UPDATE users SET active_organization = ? WHERE id = ?').run(organizationId, userId);
      insertLegacyToken(db, userId, user.token ?? newLegacyTokenKey());
      const created = findUserById(db, userId);
      if (!created) throw new Error(`User ${userId} was not stored`);
      return created;
    })
    .immediate();
}

/** Sets a new password and ends the user's sessions, as Django does on a password change. */
export function setPassword(db: Db, userId: number, password: string): void {
  const passwordHash = hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }).immediate();
}

/** Replaces the legacy token with a new random one. */
export function resetLegacyToken(db: Db, userId: number): string {
  const key = newLegacyTokenKey();
  db.transaction(() => {
    db.prepare('DELETE FROM legacy_tokens WHERE user_id = ?').run(userId);
    insertLegacyToken(db, userId, key);
  }).immediate();
  return key;
}

/** How many days a personal access token lives unless the organization says otherwise: Label Studio's "eternity", 200 years. */
export const DEFAULT_API_TOKEN_TTL_DAYS = 73_000;

/** An organization's token settings, as `/api/jwt/settings` answers them. */
export interface JwtSettings {
  api_tokens_enabled: boolean;
  legacy_api_tokens_enabled: boolean;
  /** The lifetime of new personal access tokens (Label Studio Enterprise's setting; Community's is fixed). */
  api_token_ttl_days: number;
}

/** The JWT settings of an organization (a new organization's when it has no row yet: legacy tokens off). */
export function jwtSettings(db: Db, organizationId: number | null): JwtSettings {
  const row = db
    .prepare<
      [number | null],
      { api_tokens_enabled: number; legacy_api_tokens_enabled: number; api_token_ttl_days: number }
    >(
      'SELECT api_tokens_enabled, legacy_api_tokens_enabled, api_token_ttl_days FROM jwt_settings WHERE organization_id = ?',
    )
    .get(organizationId);
  return {
    api_tokens_enabled: row ? row.api_tokens_enabled === 1 : true,
    legacy_api_tokens_enabled: row ? row.legacy_api_tokens_enabled === 1 : false,
    api_token_ttl_days: row?.api_token_ttl_days ?? DEFAULT_API_TOKEN_TTL_DAYS,
  };
}
