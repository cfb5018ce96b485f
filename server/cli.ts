/* eslint-disable no-console */
// The reference server's command line, after Label Studio's `label-studio` command.
// Run it with `npm run server -- <command>` (Node with the tsx loader: `node --import tsx server/cli.ts`).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  createUser,
  findLegacyToken,
  findLegacyTokenUserId,
  findUserByEmail,
  setLegacyTokensEnabled,
  setPassword,
  verifyPassword,
} from './accounts.ts';
import { createServer } from './app.ts';
import { corsFromEnv } from './cors.ts';
import { closeDatabase, DATABASE_FILE, openDatabase, type Db } from './db.ts';
import { errorCode } from './errors.ts';
import { logLevel } from './logging.ts';
import { defaultDataDir } from './paths.ts';
import { seedMembers } from './seed.ts';
import { userBody } from './serialize.ts';

const USAGE = `Usage: npm run server -- <command> [options]

Commands:
  start           Serve the API. Creates --username with --password on first start.
  user            Print a user's info, including the legacy API token.
  reset-password  Set a user's password (prompts for what is not given).
  seed-members    Add --count example members to the first organization.

Options:
  --data-dir DIR     Where data is kept (default ${defaultDataDir()};
                     env LABEL_STUDIO_BASE_DATA_DIR)
  --secrets-file F   The secret keys file (default DIR/secret-keys.json; env LABEL_STUDIO_SECRETS_FILE)
  --port N           Port for start (default 8080; 0 picks a free one)
  --host HOST        Host for start (default 127.0.0.1)
  --username EMAIL   The user's email (env LABEL_STUDIO_USERNAME for start)
  --password TEXT    The user's password (env LABEL_STUDIO_PASSWORD for start; prompted for when missing)
  --user-token TEXT  Legacy API token for a new user, 5+ characters (env LABEL_STUDIO_USER_TOKEN)
  --enable-legacy-api-token
                     Let the user's organization (default: the first) sign in with legacy tokens,
                     which are off in a new organization (env LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true)
  --disable-signup-without-link
                     Sign-up needs a valid invitation link (/user/signup/?token=…)
                     (env LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true)
  --count N          How many members seed-members adds
  --log-level LEVEL  debug, info, warn (default), error or silent (env LOG_LEVEL)
  --public-url URL   The address clients reach the server at, for absolute links in answers
                     (env LABEL_STUDIO_HOST; default: links are paths)
  --trusted-origin O Another origin whose pages may send cookie-authenticated writes (repeatable)
Every LABEL_STUDIO_X variable may also be given as HEARTEX_X (LABEL_STUDIO_X wins).
Cross-origin reads: every origin, unless CORS_ALLOWED_ORIGINS (comma-separated origins),
CORS_ALLOWED_ORIGIN_REGEXES (comma-separated patterns) or CORS_ALLOW_ALL_ORIGINS=false says otherwise.`;

const MIN_TOKEN_LENGTH = 5;

/** An error that ends the command with a message and an exit code. */
class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string', default: defaultDataDir() },
        'secrets-file': { type: 'string' },
        'log-level': { type: 'string' },
        'public-url': { type: 'string' },
        'trusted-origin': { type: 'string', multiple: true },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        username: { type: 'string' },
        password: { type: 'string' },
        'user-token': { type: 'string' },
        'enable-legacy-api-token': { type: 'boolean' },
        'disable-signup-without-link': { type: 'boolean' },
        count: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
}

type Flags = ReturnType<typeof parseCommandLine>['values'];

/**
 * Asks questions on stdin, line by line; works with a terminal and with piped input.
 * On a terminal, answers to hidden questions are not echoed.
 */
function createPrompter() {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
  const queued: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let ended = false;
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  lines.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next('');
  });
  return {
    async ask(question: string, { hidden = false }: { hidden?: boolean } = {}): Promise<string> {
      process.stdout.write(question);
      muted = hidden;
      const line =
        queued.shift() ?? (ended ? '' : await new Promise<string>((resolveLine) => waiting.push(resolveLine)));
      muted = false;
      if (hidden || !process.stdin.isTTY) process.stdout.write('\n');
      return line;
    },
    close: () => lines.close(),
  };
}

/** A setting from the environment: `LABEL_STUDIO_<name>`, then `HEARTEX_<name>`, as Label Studio reads them. */
function env(name: string): string | undefined {
  return process.env[`LABEL_STUDIO_${name}`] ?? process.env[`HEARTEX_${name}`];
}

/** Django's boolean environment values. */
function envFlag(name: string): boolean {
  const value = env(name);
  return value !== undefined && ['true', '1', 'yes', 'y', 'on'].includes(value.trim().toLowerCase());
}

function secretsOption(flags: Flags): { secretsFile?: string } {
  const file = flags['secrets-file'] ?? env('SECRETS_FILE');
  return file ? { secretsFile: resolve(file) } : {};
}

/** Opens the data directory's database, or returns null when it has none yet. */
function openExistingDatabase(dataDir: string, flags: Flags, { readonly = false } = {}): Db | null {
  return existsSync(join(dataDir, DATABASE_FILE)) ? openDatabase(dataDir, { readonly, ...secretsOption(flags) }) : null;
}

const NOT_WRITABLE = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_CANTOPEN',
]);

/** Runs `action` on the data directory, turning "can't write there" into one clear line. */
function withDataDir<T>(dataDir: string, access: 'read' | 'write', action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw notWritable(error, dataDir, access) ?? error;
  }
}

/** The one-line CliError for a data directory this user can't write (or read), or null for other errors. */
function notWritable(error: unknown, dataDir: string, access: 'read' | 'write' = 'write'): CliError | null {
  const code = errorCode(error);
  if (!code || !NOT_WRITABLE.has(code)) return null;
  return new CliError(
    access === 'write'
      ? `Can't write to the data directory ${dataDir} (${code}). Give this user write access to it, or choose another with --data-dir.`
      : `Can't read the data directory ${dataDir} (${code}). Give this user read access to it, or choose another with --data-dir.`,
  );
}

/**
 * Creates start's user on first start, asking for the password when none is given (as
 * Label Studio does); an existing user is left alone.
 */
async function ensureStartUser(db: Db, username: string, given: string | undefined, token: string | undefined) {
  if (findUserByEmail(db, username)) {
    console.log(`User ${username} already exists`);
    return;
  }
  if (token !== undefined && findLegacyTokenUserId(db, token) !== undefined) {
    throw new CliError('That user token already belongs to another user. Choose another --user-token.');
  }
  let password = given;
  if (!password) {
    const prompter = createPrompter();
    try {
      password = await prompter.ask(`Password for ${username}: `, { hidden: true });
    } finally {
      prompter.close();
    }
  }
  if (!password) {
    throw new CliError(`To create user ${username}, give a password with --password or LABEL_STUDIO_PASSWORD.`, 2);
  }
  createUser(db, { email: username, password, ...(token === undefined ? {} : { token }) });
  console.log(`User ${username} created`);
}

async function start(flags: Flags): Promise<void> {
  const dataDir = resolve(flags['data-dir']);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`"${flags.port}" is not a port number. Use --port with a number from 0 to 65535.`, 2);
  }
  const username = flags.username ?? env('USERNAME');
  const password = flags.password ?? env('PASSWORD');
  const token = flags['user-token'] ?? env('USER_TOKEN');
  const enableLegacyTokens = flags['enable-legacy-api-token'] === true || envFlag('ENABLE_LEGACY_API_TOKEN');
  // Label Studio reads only the setting (core/settings/base.py); the flag is this server's.
  const disableSignupWithoutLink =
    flags['disable-signup-without-link'] === true || envFlag('DISABLE_SIGNUP_WITHOUT_LINK');
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new CliError(
      `The user token must be at least ${MIN_TOKEN_LENGTH} characters long; the one given has ${token.length}.`,
      2,
    );
  }
  const levelName = flags['log-level'] ?? env('LOG_LEVEL') ?? process.env.LOG_LEVEL ?? 'warn';
  if (!logLevel(levelName)) {
    throw new CliError(`"${levelName}" is not a log level. Use debug, info, warn, error or silent.`, 2);
  }
  const publicUrl = flags['public-url'] ?? env('HOST');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new CliError(`"${publicUrl}" is not a URL. Use --public-url with http://… or https://….`, 2);
  }
  if (token !== undefined && !enableLegacyTokens) {
    console.log(
      'Legacy tokens are off in a new organization, so the user token signs nothing in: add --enable-legacy-api-token (or LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true) to use it.',
    );
  }
  if (username || enableLegacyTokens) {
    const db = withDataDir(dataDir, 'write', () => openDatabase(dataDir, secretsOption(flags)));
    try {
      if (username) await ensureStartUser(db, username, password, token);
      if (enableLegacyTokens) {
        const user = username ? findUserByEmail(db, username) : undefined;
        const organization =
          user?.active_organization ??
          db.prepare<[], { id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').get()?.id;
        if (organization !== undefined) setLegacyTokensEnabled(db, organization, true);
      }
    } finally {
      closeDatabase(db);
    }
  }

  const app = await createServer({
    dataDir,
    logLevel: levelName,
    ...secretsOption(flags),
    ...(publicUrl === undefined ? {} : { publicUrl }),
    ...(flags['trusted-origin'] ? { trustedOrigins: flags['trusted-origin'] } : {}),
    cors: corsFromEnv(),
    disableSignupWithoutLink,
  }).catch((error: unknown) => {
    throw notWritable(error, dataDir) ?? error;
  });
  const stop = () => {
    app.close().finally(() => process.exit(0));
  };
  // `once`: a second signal gets Node's default and ends the process even if closing hangs.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    await app.close();
    const code = errorCode(error);
    if (code === 'EADDRINUSE') {
      throw new CliError(
        `Port ${port} on ${flags.host} is already in use. Stop what uses it, or choose another with --port.`,
      );
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CliError(`Can't listen on ${flags.host} port ${port} (${code}). Choose another --host or --port.`);
    }
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = flags.host?.includes(':') ? `[${flags.host}]` : flags.host;
  console.log(`Label Studio API listening on http://${host}:${actualPort}/api/`);
  if (disableSignupWithoutLink) console.log('Sign-up needs an invitation link.');
}

function userInfo(flags: Flags): void {
  const username = flags.username;
  if (!username) throw new CliError(`The user command needs --username.\n\n${USAGE}`, 2);
  const dataDir = resolve(flags['data-dir']);
  // Read-only: printing a user changes nothing and works without write access.
  const db = withDataDir(dataDir, 'read', () => openExistingDatabase(dataDir, flags, { readonly: true }));
  try {
    const user = db && findUserByEmail(db, username);
    if (!db || !user) {
      console.log(JSON.stringify({ status: 'error', message: `user ${username} doesn't exist` }));
      process.exitCode = 1;
      return;
    }
    console.log('=> User info:');
    console.log(
      JSON.stringify({ ...userBody(db, user, ''), token: findLegacyToken(db, user.id), status: 'ok' }, null, 2),
    );
  } finally {
    if (db) closeDatabase(db);
  }
}

async function resetPassword(flags: Flags): Promise<void> {
  const prompter = createPrompter();
  try {
    const username = flags.username || (await prompter.ask('Username: '));
    const dataDir = resolve(flags['data-dir']);
    const db = withDataDir(dataDir, 'write', () => openExistingDatabase(dataDir, flags));
    try {
      const user = db && findUserByEmail(db, username);
      if (!db || !user) throw new CliError(`User with username ${username} not found`);
      const password = flags.password || (await prompter.ask('New password: ', { hidden: true }));
      if (!password) throw new CliError('Can not set empty password');
      if (verifyPassword(password, user.password_hash)) throw new CliError('Entered password is the same as current');
      setPassword(db, user.id, password);
      console.log('Password successfully changed');
    } finally {
      if (db) closeDatabase(db);
    }
  } finally {
    prompter.close();
  }
}

function seedMembersCommand(flags: Flags): void {
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1)
    throw new CliError('seed-members needs --count with a whole number above 0.', 2);
  const dataDir = resolve(flags['data-dir']);
  const db = withDataDir(dataDir, 'write', () => openDatabase(dataDir, secretsOption(flags)));
  try {
    const organization = db.prepare<[], { id: number }>('SELECT id FROM organizations ORDER BY id LIMIT 1').get();
    if (!organization)
      throw new CliError('There is no organization yet. Run start with --username and --password first.');
    const added = seedMembers(db, organization.id, count);
    console.log(`Added ${added} members to organization ${organization.id} (${count - added} were already there).`);
  } finally {
    closeDatabase(db);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine();
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'start':
      return start(values);
    case 'user':
      return userInfo(values);
    case 'reset-password':
    case 'reset_password':
      return resetPassword(values);
    case 'seed-members':
      return seedMembersCommand(values);
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
