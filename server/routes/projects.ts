// `GET /api/projects/`: the organization's projects as a Django REST framework page, enough for a
// project picker (Label Studio's ProjectListAPI answers many more fields per project).
import type { FastifyPluginAsync } from 'fastify';
import { requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';
import { pageLink, parsePage, pythonInt } from './organizations.ts';

interface ProjectRow {
  id: number;
  organization_id: number;
  title: string;
  created_at: string;
}

/** Label Studio's project list page size and its largest. */
const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 10_000;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export const projectRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, baseUrl }) => {
  // Newest first, as Label Studio lists projects; `search` finds text in the title, ignoring case.
  app.get<{ Querystring: Record<string, unknown> }>(PATHS.projects, async (request) => {
    const me = requestUser(request);
    const query = request.query;
    const search = typeof query.search === 'string' ? query.search.replaceAll('\u0000', '').trim() : '';
    const parameters = { organizationId: me.active_organization ?? -1, search: likePattern(search) };
    const from = `FROM projects WHERE organization_id = @organizationId${search ? " AND title LIKE @search ESCAPE '\\'" : ''}`;
    const count =
      db.prepare<[typeof parameters], { count: number }>(`SELECT COUNT(*) AS count ${from}`).get(parameters)?.count ??
      0;
    // DRF's PageNumberPagination: an unreadable page_size is the default one.
    const asked = pythonInt(query.page_size);
    const pageSize = asked === null || asked < 1 ? DEFAULT_PAGE_SIZE : Math.min(asked, MAX_PAGE_SIZE);
    const pageCount = Math.max(1, Math.ceil(count / pageSize));
    const page = parsePage(query.page, pageCount);
    const rows = db
      .prepare<[typeof parameters & { limit: number; offset: number }], ProjectRow>(
        `SELECT * ${from} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...parameters, limit: pageSize, offset: (page - 1) * pageSize });
    return {
      count,
      next: page < pageCount ? pageLink(request, page + 1, baseUrl) : null,
      previous: page > 1 ? pageLink(request, page - 1, baseUrl) : null,
      results: rows.map((row) => ({
        id: row.id,
        title: row.title,
        organization: row.organization_id,
        created_at: row.created_at,
      })),
    };
  });
};
