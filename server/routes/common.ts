import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../accounts.ts';
import type { Db } from '../db.ts';
import type { SignInLimits } from '../throttle.ts';

/** What every route plugin is registered with. */
export interface RouteContext {
  db: Db;
  /** The JWT signing key. */
  secret: string;
  dataDir: string;
  /**
   * Prefix of the addresses the server answers: the configured public URL, or "" for paths
   * (never built from the Host header, which any client can set).
   */
  baseUrl: string;
  signInLimits: SignInLimits;
  /** How sign-up works on this server. */
  signUp: SignUpSettings;
}

/** How sign-up works on a server. */
export interface SignUpSettings {
  /** Whether sign-up needs a valid invitation token (Label Studio's DISABLE_SIGNUP_WITHOUT_LINK). */
  requireInvite: boolean;
  /** The HTML `GET /user/signup/` answers instead of the plain form, given the request's URL; absent for the form. */
  page?: (url: string) => string | Promise<string>;
}

/** The authenticated user of a route that requires one. */
export function requestUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new Error('Route is missing authentication');
  return request.user;
}

/** The JSON body as an object ({} when absent or not an object). */
export function bodyObject(request: FastifyRequest): Record<string, unknown> {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A path id: a whole number, or null. */
export function parseId(raw: unknown): number | null {
  const text = String(raw);
  return /^\d+$/.test(text) ? Number(text) : null;
}
