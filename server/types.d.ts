import type { UserRow } from './accounts.js';

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
