import type { FastifyPluginAsync } from 'fastify';
import { findLegacyToken, findUserById, isMember, resetLegacyToken, type UserRow } from '../accounts.ts';
import { forbidden, HttpError, notFound, validationError } from '../errors.ts';
import { publicUser, userBody, whoamiBody } from '../serialize.ts';
import { hotkeysProblem, MAX_TEXT_LENGTH, parseBoolean, parseCharField, parseInteger } from '../validate.ts';
import { parseId, requestUser, type RouteContext } from './common.ts';
import { pageLink, parsePage } from './organizations.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

const TEXT_FIELDS = ['first_name', 'last_name', 'username', 'phone'] as const;

/** The columns a PATCH body changes, or the field errors it has. */
function profileChanges(body: Record<string, unknown>) {
  const changes: Record<string, string | number | null> = {};
  const errors: Record<string, string[]> = {};
  for (const field of TEXT_FIELDS) {
    if (!(field in body)) continue;
    const parsed = parseCharField(body[field], MAX_TEXT_LENGTH);
    if ('errors' in parsed) errors[field] = parsed.errors;
    else changes[field] = parsed.value;
  }
  if ('allow_newsletters' in body) {
    const parsed = parseBoolean(body.allow_newsletters, { allowNull: true });
    if ('error' in parsed) errors.allow_newsletters = [parsed.error];
    else changes.allow_newsletters = parsed.value === null ? null : Number(parsed.value);
  }
  if ('custom_hotkeys' in body) {
    const problem = body.custom_hotkeys === null ? null : hotkeysProblem(body.custom_hotkeys);
    if (problem) errors.custom_hotkeys = [problem];
    else changes.custom_hotkeys = JSON.stringify(body.custom_hotkeys ?? {});
  }
  return { changes, errors };
}

/** The query parameters that turn Label Studio's users list into its paginated, searchable form. */
const LIST_FILTER_PARAMETERS = ['project', 'column', 'page', 'page_size', 'search', 'selected_value'];
const USERS_PAGE_SIZE = 30;
const USERS_MAX_PAGE_SIZE = 100;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export const userRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, baseUrl }) => {
  // Label Studio's users list (users/list_mixins.py): the organization's users by id; with any
  // list parameter it is paginated (30, at most 100) and `search` matches every word against
  // first name, last name, email or username, ignoring case.
  app.get<{ Querystring: Record<string, unknown> }>(PATHS.users, async (request) => {
    const me = requestUser(request);
    if (me.active_organization === null) return [];
    const query = request.query;
    const words =
      typeof query.search === 'string'
        ? query.search
            .replaceAll('\u0000', '')
            .split(/[\s,]+/)
            .filter(Boolean)
        : [];
    const parameters: Record<string, string | number> = { organizationId: me.active_organization };
    const conditions = words.map((word, index) => {
      parameters[`w${index}`] = likePattern(word);
      return ['first_name', 'last_name', 'email', 'username']
        .map((column) => `u.${column} LIKE @w${index} ESCAPE '\\'`)
        .join(' OR ');
    });
    // Removed members are not found here: they are listed, anonymized, only among the memberships.
    const where = [
      'm.organization_id = @organizationId',
      'm.deleted_at IS NULL',
      ...conditions.map((condition) => `(${condition})`),
    ].join(' AND ');
    const from = `FROM users u JOIN memberships m ON m.user_id = u.id WHERE ${where}`;
    const serialize = (user: UserRow) => (user.id === me.id ? userBody(db, user, baseUrl) : publicUser(user, baseUrl));
    if (!LIST_FILTER_PARAMETERS.some((name) => name in query)) {
      return db
        .prepare<[typeof parameters], UserRow>(`SELECT u.* ${from} ORDER BY u.id`)
        .all(parameters)
        .map(serialize);
    }
    const errors: Record<string, string[]> = {};
    let pageSize = USERS_PAGE_SIZE;
    if (query.page_size !== undefined) {
      const parsed = parseInteger(query.page_size, { min: 1, max: USERS_MAX_PAGE_SIZE });
      if ('error' in parsed) errors.page_size = [parsed.error];
      else pageSize = parsed.value;
    }
    if (query.page !== undefined && query.page !== 'last') {
      const parsed = parseInteger(query.page, { min: 1, max: Number.MAX_SAFE_INTEGER });
      if ('error' in parsed) errors.page = [parsed.error];
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const count =
      db.prepare<[typeof parameters], { count: number }>(`SELECT COUNT(*) AS count ${from}`).get(parameters)?.count ??
      0;
    const pageCount = Math.max(1, Math.ceil(count / pageSize));
    const page = parsePage(query.page, pageCount);
    const rows = db
      .prepare<[typeof parameters], UserRow>(`SELECT u.* ${from} ORDER BY u.id LIMIT @limit OFFSET @offset`)
      .all({ ...parameters, limit: pageSize, offset: (page - 1) * pageSize });
    return {
      count,
      next: page < pageCount ? pageLink(request, page + 1, baseUrl) : null,
      previous: page > 1 ? pageLink(request, page - 1, baseUrl) : null,
      results: rows.map(serialize),
    };
  });

  app.get(PATHS.whoami, async (request) => whoamiBody(db, requestUser(request), baseUrl));

  // Any user of the requester's organization can be read; others' private settings stay out.
  app.get<{ Params: { id: string } }>(PATHS.user, async (request) => {
    const me = requestUser(request);
    const id = parseId(request.params.id);
    const target = id === null ? undefined : findUserById(db, id);
    if (!target || me.active_organization === null || !isMember(db, target.id, me.active_organization)) {
      throw notFound();
    }
    return target.id === me.id ? userBody(db, target, baseUrl) : publicUser(target, baseUrl);
  });

  app.patch<{ Params: { id: string } }>(PATHS.user, async (request) => {
    const me = requestUser(request);
    const id = parseId(request.params.id);
    const target = id === null ? undefined : findUserById(db, id);
    // The queryset is the requester's organization: users elsewhere are "not found".
    if (!target || me.active_organization === null || !isMember(db, target.id, me.active_organization)) {
      throw notFound();
    }
    if (target.id !== me.id) throw forbidden();
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const type = Array.isArray(body) ? 'list' : typeof body === 'string' ? 'str' : 'NoneType';
      throw validationError({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${type}.`] });
    }
    const { changes, errors } = profileChanges(body as Record<string, unknown>);
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const columns = Object.keys(changes);
    if (columns.length > 0) {
      const assignments = columns.map((column) => `${column} = @${column}`).join(', ');
      db.transaction(() => {
        db.prepare(`UPDATE users SET ${assignments} WHERE id = @id`).run({ ...changes, id: me.id });
      }).immediate();
    }
    // Label Studio saves the writable fields first and only then refuses the read-only one.
    if ('email' in body) throw new HttpError(405, 'Cannot update read-only field: email');
    const updated = findUserById(db, me.id);
    if (!updated) throw notFound();
    return userBody(db, updated, baseUrl);
  });

  app.get(PATHS.legacyToken, async (request) => {
    const me = requestUser(request);
    return { token: findLegacyToken(db, me.id) ?? resetLegacyToken(db, me.id) };
  });

  app.post(PATHS.resetLegacyToken, async (request, reply) => {
    reply.code(201);
    return { token: resetLegacyToken(db, requestUser(request).id) };
  });
};
