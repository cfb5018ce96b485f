// What this server adds to Fastify's request and route config types.
import type { UserRow } from './accounts.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user; null on public routes. */
    user: UserRow | null;
  }
  interface FastifyContextConfig {
    /** Route answers without authentication. */
    public?: boolean;
  }
}
