// Example data: extra users for tests, example members for the People list, and the demo's first
// user. Names and the demo user come from the memory adapter's seed, so both demos show the same people.
import { randomBytes } from 'node:crypto';
import { createDefaultSeed, createSeedMembers } from '../src/adapters/memory/seed.ts';
import { createUser, findLegacyToken, findUserByEmail, UNUSABLE_PASSWORD, type NewUser } from './accounts.ts';
import { closeDatabase, openDatabase, type Db } from './db.ts';

export type { NewUser } from './accounts.ts';

/** A user `addUser` created. */
export interface AddedUser {
  id: number;
  email: string;
  /** The legacy API token. */
  token: string;
  organizationId: number;
}

/** Adds a user straight to a data directory, for tests and scripts that need more than one account. */
export function addUser(dataDir: string, user: NewUser): AddedUser {
  const db = openDatabase(dataDir);
  try {
    const row = createUser(db, user);
    const token = findLegacyToken(db, row.id);
    if (token === undefined || row.active_organization === null) {
      throw new Error(`User ${row.email} was stored without a token or organization`);
    }
    return { id: row.id, email: row.email, token, organizationId: row.active_organization };
  } finally {
    closeDatabase(db);
  }
}

/**
 * Adds members `member-001@example.com` … to an organization, with names and counts that follow
 * from their number; members already there are left alone. Returns how many were added.
 */
export function seedMembers(db: Db, organizationId: number, count: number): number {
  // Member N has the name of the memory adapter's seed member N.
  const names = createSeedMembers(count + 1);
  const setCounts = db.prepare<[number, number, number]>(
    'UPDATE memberships SET annotations_count = ?, contributed_projects_count = ? WHERE user_id = ?',
  );
  let added = 0;
  db.transaction(() => {
    names.forEach(({ firstName, lastName }, index) => {
      if (index === 0) return;
      const email = `member-${String(index).padStart(3, '0')}@example.com`;
      if (findUserByEmail(db, email)) return;
      const user = createUser(db, { email, password: null, firstName, lastName, organizationId });
      setCounts.run((index * 37) % 500, index % 7, user.id);
      added += 1;
    });
  }).immediate();
  return added;
}

const { user: seedUser } = createDefaultSeed();
/** The demo's first user (the memory adapter's), created by `npm start` when the data directory has no user yet. */
export const DEMO_USER = { email: seedUser.email, firstName: seedUser.firstName, lastName: seedUser.lastName };
/** How many example members the demo's organization starts with. */
export const DEMO_MEMBER_COUNT = 42;

/**
 * Creates the demo's first user (with a random password) and example members when there is no
 * user yet. Returns the new password, or null when there were users already.
 */
export function ensureDemoUser(db: Db): string | null {
  const row = db.prepare<[], { users: number }>('SELECT COUNT(*) AS users FROM users').get();
  if (row && row.users > 0) return null;
  const password = randomBytes(9).toString('base64url');
  const user = createUser(db, { ...DEMO_USER, password });
  if (user.active_organization !== null) seedMembers(db, user.active_organization, DEMO_MEMBER_COUNT);
  return password;
}

/** The email of the first user who can sign in (seeded members can't), or null. */
export function firstSignInEmail(db: Db): string | null {
  const row = db
    .prepare<[string], { email: string }>('SELECT email FROM users WHERE password_hash != ? ORDER BY id LIMIT 1')
    .get(UNUSABLE_PASSWORD);
  return row?.email ?? null;
}
