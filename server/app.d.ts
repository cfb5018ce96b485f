import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/** How many sign-in attempts a window allows, and how long an attempt counts. */
export interface Limit {
  attempts: number;
  windowMs: number;
}

export interface ServerOptions {
  /** Directory holding `label-studio.sqlite3`, `secret-keys.json` and `avatars/`; created (0700) when missing. */
  dataDir: string;
  /** Where the secret keys live instead of `<dataDir>/secret-keys.json` (e.g. on another volume). */
  secretsFile?: string;
  /** The logger's level: pino's names or Label Studio's (`WARNING`, …). @default 'warn' */
  logLevel?: string;
  /** Where log lines go. @default process.stdout */
  logStream?: Writable;
  /** The address clients reach the server at; absolute links in answers start with it. @default links are paths */
  publicUrl?: string;
  /** Other origins whose pages may send cookie-authenticated writes. @default [] */
  trustedOrigins?: string[];
  /** Sign-in attempts allowed per client address and per account. @default 30 and 10 per 10 minutes */
  signInLimits?: { perAddress?: Limit; perAccount?: Limit };
}

/** A Fastify instance serving the Label Studio API subset; its database closes with it. */
export function createServer(options: ServerOptions): Promise<FastifyInstance>;
