// The data directory: the SQLite database, the avatars folder and the secret keys file.
// The directory is private to its owner (0700) and every file in it too (0600).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SEED_PROJECT_TITLES } from '../src/adapters/memory/seed.ts';
import { errorCode } from './errors.ts';
import { hashSecret, loadSecrets, sealSecret, type Secrets } from './secrets.ts';

/** An open database of a data directory. */
export type Db = Database.Database;

/** The schema version this code reads and writes (SQLite's `user_version`). */
const SCHEMA_VERSION = 6;

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
  hotkey_settings TEXT NOT NULL DEFAULT '{}',
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
  -- When the member was removed (Label Studio's soft delete); NULL for a member.
  deleted_at TEXT,
  UNIQUE (user_id, organization_id)
);
-- key_hash: keyed hash of the token, for lookups; key_sealed: the token encrypted, to show its owner.
CREATE TABLE IF NOT EXISTS legacy_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  key_sealed TEXT NOT NULL,
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
  legacy_api_tokens_enabled INTEGER NOT NULL DEFAULT 0,
  api_token_ttl_days INTEGER NOT NULL DEFAULT 73000
);
-- id_hash: keyed hash of the session id the cookie carries.
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS projects (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL
);
-- A user's hotkeys for one project, kept apart from the account map (users.custom_hotkeys).
CREATE TABLE IF NOT EXISTS project_hotkeys (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  custom_hotkeys TEXT NOT NULL,
  PRIMARY KEY (user_id, project_id)
);
CREATE INDEX IF NOT EXISTS projects_organization ON projects(organization_id);
CREATE INDEX IF NOT EXISTS memberships_organization ON memberships(organization_id);
CREATE INDEX IF NOT EXISTS refresh_tokens_user ON refresh_tokens(user_id);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
`;

/** How old a half-written avatar file must be before opening the data directory removes it. */
const PARTIAL_FILE_MAX_AGE_MS = 60_000;

/** The file name of the database inside the data directory. */
export const DATABASE_FILE = 'label-studio.sqlite3';
/** The file name of the secret keys inside the data directory, unless placed elsewhere. */
export const SECRETS_FILE = 'secret-keys.json';

/** The directory, inside the data directory, that holds avatar images. */
export function avatarDir(dataDir: string): string {
  return join(dataDir, 'avatars');
}

/** Where a data directory's secret keys live. */
export function secretsPath(dataDir: string, secretsFile?: string): string {
  return secretsFile ?? join(dataDir, SECRETS_FILE);
}

const secretsByDatabase = new WeakMap<Db, Secrets>();

/** The secret keys that belong to an open database. */
export function secretsOf(db: Db): Secrets {
  const secrets = secretsByDatabase.get(db);
  if (!secrets) throw new Error('This database was not opened with openDatabase');
  return secrets;
}

/**
 * Takes group and other permissions away from a path (never adds any: a directory made
 * read-only on purpose stays read-only). `mode` is the most the owner keeps, e.g. 0o700.
 */
function restrict(path: string, mode: number): void {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if ((current & ~mode) !== 0) chmodSync(path, current & mode);
}

/** How `openDatabase` opens a data directory. */
export interface OpenOptions {
  /** Open for reading only: nothing is created, changed or migrated. */
  readonly?: boolean;
  /** Where the secret keys live. @default `<dataDir>/secret-keys.json` */
  secretsFile?: string;
}

/** Opens (creating when needed) the database of a data directory. */
export function openDatabase(dataDir: string, { readonly = false, secretsFile }: OpenOptions = {}): Db {
  const file = join(dataDir, DATABASE_FILE);
  if (readonly) return openReadOnly(dataDir, file, secretsFile);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrict(dataDir, 0o700);
  mkdirSync(avatarDir(dataDir), { recursive: true, mode: 0o700 });
  restrict(avatarDir(dataDir), 0o700);
  removePartialFiles(avatarDir(dataDir));
  // Created private before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) restrict(`${file}${suffix}`, 0o600);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps every committed transaction across a killed process (not a power cut).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows (old token hashes, ended sessions) are overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    const secrets = loadSecrets(secretsPath(dataDir, secretsFile), { legacySigningKey: legacySigningKey(db) });
    secretsByDatabase.set(db, secrets);
    migrate(db, secrets);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openReadOnly(dataDir: string, file: string, secretsFile: string | undefined): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const version: unknown = db.pragma('user_version', { simple: true });
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        `The database in ${dataDir} has schema version ${version}, not ${SCHEMA_VERSION}: run start once to upgrade it.`,
      );
    }
    const keysFile = secretsPath(dataDir, secretsFile);
    if (!existsSync(keysFile)) {
      throw new Error(`The secret keys file ${keysFile} is missing, so the tokens can't be read.`);
    }
    secretsByDatabase.set(db, loadSecrets(keysFile, { readonly: true }));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Closes a database. The last connection leaves the file in rollback-journal mode, so that it
 * can later be opened read-only from a directory the reader cannot write to (WAL would need
 * to create its -shm file there); the next open switches back to WAL.
 */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  if (!db.readonly) {
    try {
      db.pragma('busy_timeout = 0');
      // Changes nothing (and answers "wal") while another connection is open.
      db.pragma('journal_mode = DELETE');
    } catch {
      // Another connection holds the database; it switches when it closes.
    }
  }
  db.close();
}

/**
 * Avatar files a crash left half written. Only old ones: a younger one may be an upload that
 * another process (a running server) is writing right now.
 */
function removePartialFiles(dir: string): void {
  const cutoff = Date.now() - PARTIAL_FILE_MAX_AGE_MS;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.partial')) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      // Gone already: its upload finished or failed meanwhile.
    }
  }
}

/** The JWT signing key that versions before 2 kept in the database, if any. */
function legacySigningKey(db: Db): string | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!table) return undefined;
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'jwt_secret'").get();
  return row?.value;
}

/**
 * Creates the schema, or upgrades version 1 (plain-text legacy tokens, session ids and the
 * signing key in the database), version 2 (no token lifetime per organization) and version 3
 * (no projects), version 4 (no hotkey settings) and version 5 (no removed members) to version 6.
 */
function migrate(db: Db, secrets: Secrets): void {
  const upgraded = db
    .transaction(() => {
      const version: unknown = db.pragma('user_version', { simple: true });
      if (version === SCHEMA_VERSION) return false;
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(legacy_tokens)').all();
      const isVersion1 = columns.some((column) => column.name === 'key');
      if (isVersion1) {
        const tokens = db
          .prepare<[], { user_id: number; key: string; created_at: string }>(
            'SELECT user_id, key, created_at FROM legacy_tokens',
          )
          .all();
        const sessions = db
          .prepare<[], { id: string; user_id: number; created_at: string }>(
            'SELECT id, user_id, created_at FROM sessions',
          )
          .all();
        db.exec('DROP TABLE legacy_tokens; DROP TABLE sessions;');
        db.exec(SCHEMA);
        const insertToken = db.prepare(
          'INSERT INTO legacy_tokens (user_id, key_hash, key_sealed, created_at) VALUES (?, ?, ?, ?)',
        );
        for (const token of tokens) {
          const sealed = sealSecret(secrets, token.key, legacyTokenContext(token.user_id));
          insertToken.run(token.user_id, hashSecret(secrets, token.key), sealed, token.created_at);
        }
        const insertSession = db.prepare('INSERT INTO sessions (id_hash, user_id, created_at) VALUES (?, ?, ?)');
        for (const session of sessions)
          insertSession.run(hashSecret(secrets, session.id), session.user_id, session.created_at);
      } else {
        db.exec(SCHEMA);
      }
      // Version 3: each organization's personal token lifetime.
      const jwtColumns = db.prepare<[], { name: string }>('PRAGMA table_info(jwt_settings)').all();
      if (!jwtColumns.some((column) => column.name === 'api_token_ttl_days')) {
        db.exec('ALTER TABLE jwt_settings ADD COLUMN api_token_ttl_days INTEGER NOT NULL DEFAULT 73000');
      }
      // Version 4: projects (the organizations there were get the example ones) and per-project hotkeys.
      const organizations = db
        .prepare<[], { id: number }>(
          'SELECT id FROM organizations WHERE id NOT IN (SELECT organization_id FROM projects)',
        )
        .all();
      for (const organization of organizations) seedProjects(db, organization.id);
      // Version 5: the user's hotkey settings beside the account map.
      const userColumns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
      if (!userColumns.some((column) => column.name === 'hotkey_settings')) {
        db.exec("ALTER TABLE users ADD COLUMN hotkey_settings TEXT NOT NULL DEFAULT '{}'");
      }
      // Version 6: removed members stay, marked with when they were removed.
      const membershipColumns = db.prepare<[], { name: string }>('PRAGMA table_info(memberships)').all();
      if (!membershipColumns.some((column) => column.name === 'deleted_at')) {
        db.exec('ALTER TABLE memberships ADD COLUMN deleted_at TEXT');
      }
      // The signing key now lives in the secret keys file only.
      db.prepare("DELETE FROM settings WHERE key = 'jwt_secret'").run();
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return isVersion1;
    })
    .immediate();
  // Moves the change into the main file, so no copy of the old rows stays in the WAL file.
  if (upgraded) db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Gives an organization the example projects (the memory adapter's titles). The reference server
 * has no way to create projects, so every organization starts with these.
 */
export function seedProjects(db: Db, organizationId: number): void {
  const insert = db.prepare('INSERT INTO projects (organization_id, title, created_at) VALUES (?, ?, ?)');
  for (const title of SEED_PROJECT_TITLES) insert.run(organizationId, title, now());
}

/** What a sealed legacy token is bound to: its owner. */
export function legacyTokenContext(userId: number): string {
  return `legacy-token:${userId}`;
}

/** The current time as Django REST framework prints it. */
export function now(): string {
  return new Date().toISOString();
}
