// @ts-check
// Account operations shared by the HTTP routes and the CLI. Every write runs in one transaction.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { legacyTokenContext, now, secretsOf } from './db.js';
import { hashSecret, openSealed, sealSecret } from './secrets.js';

const scryptAsync =
  /** @type {(password: string, salt: string, keyLength: number, options: import('node:crypto').ScryptOptions) => Promise<Buffer>} */ (
    promisify(scrypt)
  );

/** @typedef {import('./db.js').Db} Db */

/**
 * @typedef {object} UserRow
 * @property {number} id
 * @property {string} email
 * @property {string} password_hash
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} username
 * @property {string} phone
 * @property {string | null} avatar
 * @property {number | null} allow_newsletters
 * @property {string} custom_hotkeys
 * @property {string} date_joined
 * @property {string} last_activity
 * @property {number | null} active_organization
 */

/**
 * @typedef {object} OrganizationRow
 * @property {number} id
 * @property {string} title
 * @property {string} token
 * @property {string} created_at
 * @property {number | null} created_by
 */

/** The organization Label Studio creates for the first user. */
export const DEFAULT_ORGANIZATION_TITLE = 'Label Studio';
/** Stored instead of a hash for accounts nobody can log in to (seeded members). */
export const UNUSABLE_PASSWORD = '!';
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 };

/** @param {string} password */
export function hashPassword(password) {
  const salt = randomBytes(16).toString('hex');
  const { N, r, p, keyLength } = SCRYPT;
  const hash = scryptSync(password, salt, keyLength, { N, r, p }).toString('hex');
  return `scrypt$${N}$${r}$${p}$${salt}$${hash}`;
}

/**
 * A stored hash of no password, with the same parameters as real ones: checking a password
 * against it costs what checking against a real account costs, so timing tells nothing.
 */
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${randomBytes(16).toString('hex')}$${randomBytes(SCRYPT.keyLength).toString('hex')}`;

/** @param {string} stored */
function parseHash(stored) {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  // Unusable passwords ("!") and anything unknown are checked against the dummy, for equal work.
  if (scheme !== 'scrypt' || !salt || !hash) return { usable: false, ...parseHash(DUMMY_HASH) };
  return {
    usable: true,
    salt,
    expected: Buffer.from(hash, 'hex'),
    options: { N: Number(N), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
  };
}

/** Checks a password, blocking (for the CLI). @param {string} password @param {string} stored */
export function verifyPassword(password, stored) {
  const { usable, salt, expected, options } = parseHash(stored);
  const actual = scryptSync(password, salt, expected.length, options);
  return timingSafeEqual(expected, actual) && usable;
}

/**
 * Checks a password on Node's thread pool, so the server keeps answering while it hashes.
 * `stored` undefined (no such account) does the same work and answers false.
 * @param {string} password @param {string | undefined} stored @returns {Promise<boolean>}
 */
export async function verifyPasswordAsync(password, stored) {
  const { usable, salt, expected, options } = parseHash(stored ?? DUMMY_HASH);
  const actual = await scryptAsync(password, salt, expected.length, options);
  return timingSafeEqual(expected, actual) && usable && stored !== undefined;
}

export function newLegacyTokenKey() {
  return randomBytes(20).toString('hex');
}

export function newOrganizationToken() {
  return randomBytes(16).toString('hex');
}

/** @param {Db} db @param {string} email @returns {UserRow | undefined} */
export function findUserByEmail(db, email) {
  return /** @type {UserRow | undefined} */ (db.prepare('SELECT * FROM users WHERE email = ?').get(email));
}

/** @param {Db} db @param {number} id @returns {UserRow | undefined} */
export function findUserById(db, id) {
  return /** @type {UserRow | undefined} */ (db.prepare('SELECT * FROM users WHERE id = ?').get(id));
}

/** @param {Db} db @param {number | null} id @returns {OrganizationRow | undefined} */
export function findOrganization(db, id) {
  if (id === null) return undefined;
  return /** @type {OrganizationRow | undefined} */ (db.prepare('SELECT * FROM organizations WHERE id = ?').get(id));
}

/**
 * The user's legacy token in plain text, decrypted for its owner; undefined when there is none
 * (or it can't be decrypted with this data directory's key).
 * @param {Db} db @param {number} userId @returns {string | undefined}
 */
export function findLegacyToken(db, userId) {
  const row = /** @type {{ key_sealed: string } | undefined} */ (
    db.prepare('SELECT key_sealed FROM legacy_tokens WHERE user_id = ?').get(userId)
  );
  return (row && openSealed(secretsOf(db), row.key_sealed, legacyTokenContext(userId))) ?? undefined;
}

/** The id of the user a legacy token belongs to, looked up by its hash. @param {Db} db @param {string} key */
export function findLegacyTokenUserId(db, key) {
  const row = /** @type {{ user_id: number } | undefined} */ (
    db.prepare('SELECT user_id FROM legacy_tokens WHERE key_hash = ?').get(hashSecret(secretsOf(db), key))
  );
  return row?.user_id;
}

/** Stores a user's legacy token (hashed and sealed). Call inside a transaction. @param {Db} db @param {number} userId @param {string} key */
function insertLegacyToken(db, userId, key) {
  const secrets = secretsOf(db);
  db.prepare('INSERT INTO legacy_tokens (user_id, key_hash, key_sealed, created_at) VALUES (?, ?, ?, ?)').run(
    userId,
    hashSecret(secrets, key),
    sealSecret(secrets, key, legacyTokenContext(userId)),
    now(),
  );
}

/** @param {Db} db @param {number} userId @param {number} organizationId */
export function isMember(db, userId, organizationId) {
  return Boolean(
    db.prepare('SELECT 1 FROM memberships WHERE user_id = ? AND organization_id = ?').get(userId, organizationId),
  );
}

/**
 * The first organization, created (with its JWT settings) when there is none yet.
 * Call inside a transaction.
 * @param {Db} db
 * @param {number} ownerId
 * @returns {number}
 */
function firstOrganizationId(db, ownerId) {
  const existing = /** @type {{ id: number } | undefined} */ (
    db.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get()
  );
  if (existing) return existing.id;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO organizations (title, token, created_at, created_by) VALUES (?, ?, ?, ?)')
    .run(DEFAULT_ORGANIZATION_TITLE, newOrganizationToken(), now(), ownerId);
  db.prepare('INSERT INTO jwt_settings (organization_id) VALUES (?)').run(lastInsertRowid);
  return Number(lastInsertRowid);
}

/**
 * @typedef {object} NewUser
 * @property {string} email
 * @property {string | null} password  null: nobody can log in as this user
 * @property {string} [token]  the legacy API token to use instead of a random one
 * @property {string} [firstName]
 * @property {string} [lastName]
 * @property {number} [organizationId]  an existing organization; default: the first one
 * @property {string} [organizationTitle]  create a new organization with this title instead
 */

/**
 * Creates a user with a legacy token and a membership, like Label Studio's signup.
 * @param {Db} db
 * @param {NewUser} user
 * @returns {UserRow}
 */
export function createUser(db, user) {
  const passwordHash = user.password === null ? UNUSABLE_PASSWORD : hashPassword(user.password);
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
        db.prepare('INSERT INTO jwt_settings (organization_id) VALUES (?)').run(organizationId);
      }
      organizationId ??= firstOrganizationId(db, userId);
      db.prepare('INSERT INTO memberships (user_id, organization_id, created_at) VALUES (?, ?, ?)').run(
        userId,
        organizationId,
        stamp,
      );
      db.prepare('UPDATE users SET active_organization = ? WHERE id = ?').run(organizationId, userId);
      insertLegacyToken(db, userId, user.token ?? newLegacyTokenKey());
      return /** @type {UserRow} */ (findUserById(db, userId));
    })
    .immediate();
}

/**
 * Sets a new password and ends the user's sessions, as Django does on a password change.
 * @param {Db} db @param {number} userId @param {string} password
 */
export function setPassword(db, userId, password) {
  const passwordHash = hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }).immediate();
}

/** Replaces the legacy token with a new random one. @param {Db} db @param {number} userId */
export function resetLegacyToken(db, userId) {
  const key = newLegacyTokenKey();
  db.transaction(() => {
    db.prepare('DELETE FROM legacy_tokens WHERE user_id = ?').run(userId);
    insertLegacyToken(db, userId, key);
  }).immediate();
  return key;
}

/**
 * The JWT settings of an organization (defaults when it has no row yet).
 * @param {Db} db @param {number | null} organizationId
 */
export function jwtSettings(db, organizationId) {
  const row = /** @type {{ api_tokens_enabled: number, legacy_api_tokens_enabled: number } | undefined} */ (
    db
      .prepare('SELECT api_tokens_enabled, legacy_api_tokens_enabled FROM jwt_settings WHERE organization_id = ?')
      .get(organizationId)
  );
  return {
    api_tokens_enabled: row ? row.api_tokens_enabled === 1 : true,
    legacy_api_tokens_enabled: row ? row.legacy_api_tokens_enabled === 1 : true,
  };
}
