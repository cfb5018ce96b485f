// @ts-check
// Account operations shared by the HTTP routes and the CLI. Every write runs in one transaction.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { now } from './db.js';

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

/** @param {string} password @param {string} stored */
export function verifyPassword(password, stored) {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, salt, expected.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(expected, actual);
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

/** @param {Db} db @param {number} userId @returns {string | undefined} */
export function findLegacyToken(db, userId) {
  const row = /** @type {{ key: string } | undefined} */ (
    db.prepare('SELECT key FROM legacy_tokens WHERE user_id = ?').get(userId)
  );
  return row?.key;
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
          user.password === null ? UNUSABLE_PASSWORD : hashPassword(user.password),
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
      db.prepare('INSERT INTO legacy_tokens (user_id, key, created_at) VALUES (?, ?, ?)').run(
        userId,
        user.token ?? newLegacyTokenKey(),
        stamp,
      );
      return /** @type {UserRow} */ (findUserById(db, userId));
    })
    .immediate();
}

/**
 * Sets a new password and ends the user's sessions, as Django does on a password change.
 * @param {Db} db @param {number} userId @param {string} password
 */
export function setPassword(db, userId, password) {
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword(password), userId);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }).immediate();
}

/** Replaces the legacy token with a new random one. @param {Db} db @param {number} userId */
export function resetLegacyToken(db, userId) {
  const key = newLegacyTokenKey();
  db.transaction(() => {
    db.prepare('DELETE FROM legacy_tokens WHERE user_id = ?').run(userId);
    db.prepare('INSERT INTO legacy_tokens (user_id, key, created_at) VALUES (?, ?, ?)').run(userId, key, now());
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
