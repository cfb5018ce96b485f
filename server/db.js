// @ts-check
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** @typedef {import('better-sqlite3').Database} Db */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS organizations (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id)
);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  username TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  avatar TEXT,
  allow_newsletters INTEGER,
  custom_hotkeys TEXT NOT NULL DEFAULT '{}',
  date_joined TEXT NOT NULL,
  last_activity TEXT NOT NULL,
  active_organization INTEGER REFERENCES organizations(id)
);
CREATE TABLE IF NOT EXISTS memberships (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  annotations_count INTEGER NOT NULL DEFAULT 0,
  contributed_projects_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, organization_id)
);
CREATE TABLE IF NOT EXISTS legacy_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  jti TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_header_payload TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  blacklisted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS jwt_settings (
  organization_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  api_tokens_enabled INTEGER NOT NULL DEFAULT 1,
  legacy_api_tokens_enabled INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS memberships_organization ON memberships(organization_id);
CREATE INDEX IF NOT EXISTS refresh_tokens_user ON refresh_tokens(user_id);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
`;

/** The file name of the database inside the data directory. */
export const DATABASE_FILE = 'label-studio.sqlite3';

/** The directory, inside the data directory, that holds avatar images. */
export function avatarDir(/** @type {string} */ dataDir) {
  return join(dataDir, 'avatars');
}

/**
 * Opens (creating when needed) the database of a data directory.
 * @param {string} dataDir
 * @returns {Db}
 */
export function openDatabase(dataDir) {
  mkdirSync(avatarDir(dataDir), { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL keeps every committed transaction across a killed process (not a power cut).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    db.exec(SCHEMA);
    db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
      'jwt_secret',
      randomBytes(32).toString('hex'),
    );
  }).immediate();
  return db;
}

/** The secret that signs this data directory's JWTs. */
export function jwtSecret(/** @type {Db} */ db) {
  const row = /** @type {{ value: string }} */ (
    db.prepare("SELECT value FROM settings WHERE key = 'jwt_secret'").get()
  );
  return row.value;
}

/** The current time as Django REST framework prints it. */
export function now() {
  return new Date().toISOString();
}
