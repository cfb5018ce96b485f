// @ts-check
// Adds users straight to a data directory, for tests and scripts that need more than one account.
import { createUser, findLegacyToken } from './accounts.js';
import { openDatabase } from './db.js';

/**
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
    db.close();
  }
}
