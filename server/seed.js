// @ts-check
// Example data: extra users for tests, example members for the People list, and the demo's first user.
import { randomBytes } from 'node:crypto';
import { createUser, findLegacyToken, findUserByEmail, UNUSABLE_PASSWORD } from './accounts.js';
import { closeDatabase, openDatabase } from './db.js';

/** @typedef {import('./db.js').Db} Db */

/**
 * Adds a user straight to a data directory, for tests and scripts that need more than one account.
 * @param {string} dataDir
 * @param {import('./accounts.js').NewUser} user
 */
export function addUser(dataDir, user) {
  const db = openDatabase(dataDir);
  try {
    const row = createUser(db, user);
    return {
      id: row.id,
      email: row.email,
      token: /** @type {string} */ (findLegacyToken(db, row.id)),
      organizationId: /** @type {number} */ (row.active_organization),
    };
  } finally {
    closeDatabase(db);
  }
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Niklaus'];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Hamilton',
  'Wirth',
];

/**
 * Adds members `member-001@example.com` … to an organization, with names and counts that follow
 * from their number; members already there are left alone. Returns how many were added.
 * @param {Db} db
 * @param {number} organizationId
 * @param {number} count
 */
export function seedMembers(db, organizationId, count) {
  let added = 0;
  db.transaction(() => {
    for (let index = 1; index <= count; index += 1) {
      const email = `member-${String(index).padStart(3, '0')}@example.com`;
      if (findUserByEmail(db, email)) continue;
      const user = createUser(db, {
        email,
        password: null,
        firstName: /** @type {string} */ (FIRST_NAMES[index % FIRST_NAMES.length]),
        lastName: /** @type {string} */ (LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]),
        organizationId,
      });
      db.prepare('UPDATE memberships SET annotations_count = ?, contributed_projects_count = ? WHERE user_id = ?').run(
        (index * 37) % 500,
        index % 7,
        user.id,
      );
      added += 1;
    }
  }).immediate();
  return added;
}

/** The demo's first user, created by `npm start` when the data directory has no user yet. */
export const DEMO_USER = { email: 'heidi@example.com', firstName: 'Heidi', lastName: 'Opossum' };
/** How many example members the demo's organization starts with. */
export const DEMO_MEMBER_COUNT = 42;

/**
 * Creates the demo's first user (with a random password) and example members when there is no
 * user yet. Returns the new password, or null when there were users already.
 * @param {Db} db
 * @returns {string | null}
 */
export function ensureDemoUser(db) {
  const { users } = /** @type {{ users: number }} */ (db.prepare('SELECT COUNT(*) AS users FROM users').get());
  if (users > 0) return null;
  const password = randomBytes(9).toString('base64url');
  const user = createUser(db, { ...DEMO_USER, password });
  seedMembers(db, /** @type {number} */ (user.active_organization), DEMO_MEMBER_COUNT);
  return password;
}

/**
 * The email of the first user who can sign in (seeded members can't), or null.
 * @param {Db} db
 * @returns {string | null}
 */
export function firstSignInEmail(db) {
  const row = /** @type {{ email: string } | undefined} */ (
    db.prepare('SELECT email FROM users WHERE password_hash != ? ORDER BY id LIMIT 1').get(UNUSABLE_PASSWORD)
  );
  return row?.email ?? null;
}
