import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  findOrganization,
  isMember,
  newOrganizationToken,
  removeMember,
  type OrganizationRow,
  type UserRow,
} from '../accounts.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';
import { anonymizedUser, publicUser } from '../serialize.ts';
import { parseId, requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

interface MemberColumns {
  membership_id: number;
  organization_id: number;
  membership_deleted_at: string | null;
}

interface MembershipRow {
  user_id: number;
  organization_id: number;
  contributed_projects_count: number;
  annotations_count: number;
  created_at: string;
}

const DEFAULT_PAGE_SIZE = 20;
const invalidPage = () => new HttpError(404, 'Invalid page.');

const MAX_PAGE_SIZE = 10_000;

/** Python's `int(text)` for a query parameter (spaces, a sign, `_` between digits), or null where it raises. */
export function pythonInt(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(raw)) return null;
  const value = Number(raw.trim().replaceAll('_', ''));
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * `page_size` as Django REST framework's PageNumberPagination reads it: a positive whole number,
 * capped at MAX_PAGE_SIZE; anything else is the default (no error). Label Studio adds -1 for everything.
 */
function parsePageSize(raw: unknown): number {
  const size = pythonInt(raw);
  if (size === -1) return Infinity;
  if (size === null || size < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(size, MAX_PAGE_SIZE);
}

/** `page` as Django's Paginator reads it (`last` is the last page); else 404 "Invalid page.". */
export function parsePage(raw: unknown, pageCount: number): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'last') return pageCount;
  const page = pythonInt(raw);
  if (page === null || page < 1 || page > pageCount) throw invalidPage();
  return page;
}

/**
 * Django REST framework's page links: the request URL with `page` replaced (dropped for page 1),
 * under the configured public URL or as a path.
 */
export function pageLink(request: FastifyRequest, page: number, baseUrl: string): string {
  const url = new URL(request.url, 'http://placeholder.invalid');
  if (page === 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return `${baseUrl}${url.pathname}${url.search}`;
}

export const organizationRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, baseUrl }) => {
  app.get<{
    Params: { id: string };
    Querystring: { page?: unknown; page_size?: unknown };
  }>(PATHS.memberships, async (request) => {
    const me = requestUser(request);
    const organizationId = parseId(request.params.id);
    if (organizationId === null || !isMember(db, me.id, organizationId)) throw notFound();
    const query = request.query;
    // Community's list has no search or filter: `search` is ignored (users are searched at /api/users/).
    const parameters = { organizationId };
    const from = 'FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = @organizationId';
    const count =
      db.prepare<[typeof parameters], { count: number }>(`SELECT COUNT(*) AS count ${from}`).get(parameters)?.count ??
      0;
    const pageSize = parsePageSize(query.page_size);
    const pageCount = pageSize === Infinity ? 1 : Math.max(1, Math.ceil(count / pageSize));
    const page = parsePage(query.page, pageCount);
    const rows = db
      .prepare<[typeof parameters & { limit: number; offset: number }], UserRow & MemberColumns>(
        `SELECT u.*, m.id AS membership_id, m.organization_id, m.deleted_at AS membership_deleted_at ${from}
         ORDER BY u.username, u.id LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...parameters,
        limit: pageSize === Infinity ? -1 : pageSize,
        offset: pageSize === Infinity ? 0 : (page - 1) * pageSize,
      });
    return {
      count,
      next: page < pageCount ? pageLink(request, page + 1, baseUrl) : null,
      previous: page > 1 ? pageLink(request, page - 1, baseUrl) : null,
      // Removed members stay in the list, anonymized, as Label Studio's BaseUserSerializer shows them.
      results: rows.map((row) => ({
        id: row.membership_id,
        organization: row.organization_id,
        user: {
          ...(row.membership_deleted_at === null ? publicUser(row, baseUrl) : anonymizedUser(row, baseUrl)),
          created_projects: null,
          contributed_to_projects: null,
        },
        created_projects: null,
        contributed_to_projects: null,
      })),
    };
  });

  app.get<{ Params: { id: string; userPk: string } }>(PATHS.membership, async (request) => {
    const me = requestUser(request);
    const params = request.params;
    const organizationId = parseId(params.id);
    const userId = parseId(params.userPk);
    if (organizationId === null || userId === null) throw notFound();
    if (organizationId !== me.active_organization) throw forbidden();
    const membership = db
      .prepare<[number, number], MembershipRow>(
        'SELECT * FROM memberships WHERE organization_id = ? AND user_id = ? AND deleted_at IS NULL',
      )
      .get(organizationId, userId);
    if (!membership) throw notFound();
    return {
      user: membership.user_id,
      organization: membership.organization_id,
      contributed_projects_count: membership.contributed_projects_count,
      annotations_count: membership.annotations_count,
      created_at: membership.created_at,
      created_projects: null,
      contributed_to_projects: null,
    };
  });

  // organizations/api.py, OrganizationMemberDetailAPI.delete, in its order: another organization
  // than the active one is 403; an unknown user, a non-member or one removed already is 404;
  // yourself is 405 with a bare `detail` (a Response, not a raised error, so no envelope); then the
  // soft delete, 204. It needs `organizations.change`, which every Community member has.
  app.delete<{ Params: { id: string; userPk: string } }>(PATHS.membership, async (request, reply) => {
    const me = requestUser(request);
    const organizationId = parseId(request.params.id);
    const userId = parseId(request.params.userPk);
    if (organizationId === null || userId === null || !findOrganization(db, organizationId)) throw notFound();
    if (organizationId !== me.active_organization) {
      throw new HttpError(403, 'You can delete members only for your current active organization');
    }
    const membership = db
      .prepare<[number, number], { deleted_at: string | null }>(
        'SELECT deleted_at FROM memberships WHERE organization_id = ? AND user_id = ?',
      )
      .get(organizationId, userId);
    if (!membership) throw notFound();
    if (membership.deleted_at !== null) throw new HttpError(404, 'Member not found');
    if (userId === me.id) return reply.code(405).send({ detail: 'User cannot soft delete self' });
    if (removeMember(db, organizationId, userId) === 'not_found') throw new HttpError(404, 'Member not found');
    return reply.code(204).send();
  });

  const activeOrganization = (request: FastifyRequest): OrganizationRow => {
    const organization = findOrganization(db, requestUser(request).active_organization);
    if (!organization) throw forbidden();
    return organization;
  };
  const invite = (token: string) => ({ invite_url: `/user/signup/?token=${token}`, token });

  app.get(PATHS.invite, async (request) => invite(activeOrganization(request).token));

  app.post(PATHS.resetInvite, async (request, reply) => {
    const organization = activeOrganization(request);
    const token = newOrganizationToken();
    db.transaction(() =>
      db.prepare('UPDATE organizations SET token = ? WHERE id = ?').run(token, organization.id),
    ).immediate();
    return reply.code(201).send(invite(token));
  });
};
