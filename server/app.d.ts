import type { FastifyInstance } from 'fastify';

export interface ServerOptions {
  /** Directory holding `label-studio.sqlite3` and `avatars/`; created when missing. */
  dataDir: string;
  /** Fastify's logger option. @default false */
  logger?: boolean;
}

/** A Fastify instance serving the Label Studio API subset; its database closes with it. */
export function createServer(options: ServerOptions): Promise<FastifyInstance>;
