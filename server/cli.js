#!/usr/bin/env node
// @ts-check
/* eslint-disable no-console */
// The reference server's command line, after Label Studio's `label-studio` command.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createUser, findLegacyToken, findUserByEmail, setPassword, verifyPassword } from './accounts.js';
import { createServer } from './app.js';
import { DATABASE_FILE, openDatabase } from './db.js';
import { seedMembers } from './seed.js';
import { userBody } from './serialize.js';

const USAGE = `Usage: node server/cli.js <command> [options]

Commands:
  start           Serve the API. Creates --username with --password on first start.
  user            Print a user's info, including the legacy API token.
  reset-password  Set a user's password (prompts for what is not given).
  seed-members    Add --count example members to the first organization.

Options:
  --data-dir DIR     Where data is kept (default ./.data)
  --port N           Port for start (default 8080; 0 picks a free one)
  --host HOST        Host for start (default 127.0.0.1)
  --username EMAIL   The user's email (env LABEL_STUDIO_USERNAME for start)
  --password TEXT    The user's password (env LABEL_STUDIO_PASSWORD for start)
  --user-token TEXT  Legacy API token for a new user, 5+ characters (env LABEL_STUDIO_USER_TOKEN)
  --count N          How many members seed-members adds`;

const MIN_TOKEN_LENGTH = 5;

/** An error that ends the command with a message and an exit code. */
class CliError extends Error {
  constructor(/** @type {string} */ message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string', default: './.data' },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        username: { type: 'string' },
        password: { type: 'string' },
        'user-token': { type: 'string' },
        count: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(`${/** @type {Error} */ (error).message}\n\n${USAGE}`, 2);
  }
}

/** @typedef {ReturnType<typeof parseCommandLine>['values']} Flags */

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
  /** @type {string[]} */
  const queued = [];
  /** @type {Array<(line: string) => void>} */
  const waiting = [];
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
    /** @param {string} question @param {{ hidden?: boolean }} [options] @returns {Promise<string>} */
    async ask(question, { hidden = false } = {}) {
      process.stdout.write(question);
      muted = hidden;
      const line =
        queued.shift() ??
        (ended
          ? ''
          : await new Promise(
              /** @param {(line: string) => void} resolveLine */ (resolveLine) => waiting.push(resolveLine),
            ));
      muted = false;
      if (hidden || !process.stdin.isTTY) process.stdout.write('\n');
      return line;
    },
    close: () => lines.close(),
  };
}

/** Opens the data directory's database, or returns null when it has none yet. @param {string} dataDir */
function openExistingDatabase(dataDir) {
  return existsSync(join(dataDir, DATABASE_FILE)) ? openDatabase(dataDir) : null;
}

/** @param {Flags} flags */
async function start(flags) {
  const dataDir = resolve(/** @type {string} */ (flags['data-dir']));
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`"${flags.port}" is not a port number. Use --port with a number from 0 to 65535.`, 2);
  }
  const username = flags.username ?? process.env.LABEL_STUDIO_USERNAME;
  const password = flags.password ?? process.env.LABEL_STUDIO_PASSWORD;
  const token = flags['user-token'] ?? process.env.LABEL_STUDIO_USER_TOKEN;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new CliError(
      `The user token must be at least ${MIN_TOKEN_LENGTH} characters long; the one given has ${token.length}.`,
      2,
    );
  }
  if (username) {
    const db = openDatabase(dataDir);
    try {
      if (findUserByEmail(db, username)) {
        console.log(`User ${username} already exists`);
      } else if (!password) {
        throw new CliError(`To create user ${username}, give a password with --password or LABEL_STUDIO_PASSWORD.`, 2);
      } else if (token !== undefined && db.prepare('SELECT 1 FROM legacy_tokens WHERE key = ?').get(token)) {
        throw new CliError('That user token already belongs to another user. Choose another --user-token.');
      } else {
        createUser(db, { email: username, password, ...(token === undefined ? {} : { token }) });
        console.log(`User ${username} created`);
      }
    } finally {
      db.close();
    }
  }

  const app = await createServer({ dataDir });
  const stop = () => {
    app.close().finally(() => process.exit(0));
  };
  // `once`: a second signal gets Node's default and ends the process even if closing hangs.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port, host: flags.host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = flags.host?.includes(':') ? `[${flags.host}]` : flags.host;
  console.log(`Label Studio API listening on http://${host}:${actualPort}/api/`);
}

/** @param {Flags} flags */
function userInfo(flags) {
  const username = flags.username;
  if (!username) throw new CliError(`The user command needs --username.\n\n${USAGE}`, 2);
  const db = openExistingDatabase(resolve(/** @type {string} */ (flags['data-dir'])));
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
    db?.close();
  }
}

/** @param {Flags} flags */
async function resetPassword(flags) {
  const prompter = createPrompter();
  try {
    const username = flags.username || (await prompter.ask('Username: '));
    const db = openExistingDatabase(resolve(/** @type {string} */ (flags['data-dir'])));
    try {
      const user = db && findUserByEmail(db, username);
      if (!db || !user) throw new CliError(`User with username ${username} not found`);
      const password = flags.password || (await prompter.ask('New password: ', { hidden: true }));
      if (!password) throw new CliError('Can not set empty password');
      if (verifyPassword(password, user.password_hash)) throw new CliError('Entered password is the same as current');
      setPassword(db, user.id, password);
      console.log('Password successfully changed');
    } finally {
      db?.close();
    }
  } finally {
    prompter.close();
  }
}

/** @param {Flags} flags */
function seedMembersCommand(flags) {
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1)
    throw new CliError('seed-members needs --count with a whole number above 0.', 2);
  const db = openDatabase(resolve(/** @type {string} */ (flags['data-dir'])));
  try {
    const organization = /** @type {{ id: number } | undefined} */ (
      db.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get()
    );
    if (!organization)
      throw new CliError('There is no organization yet. Run start with --username and --password first.');
    const added = seedMembers(db, organization.id, count);
    console.log(`Added ${added} members to organization ${organization.id} (${count - added} were already there).`);
  } finally {
    db.close();
  }
}

async function main() {
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

main().catch((error) => {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
