import type { FastifyPluginAsync } from 'fastify';
import { findLegacyToken, findUserById, isMember, resetLegacyToken } from '../accounts.ts';
import { forbidden, HttpError, notFound, validationError } from '../errors.ts';
import { publicUser, userBody, whoamiBody } from '../serialize.ts';
import { hotkeysProblem, MAX_TEXT_LENGTH, parseBoolean, parseCharField } from '../validate.ts';
import { parseId, requestUser, type RouteContext } from './common.ts';

const TEXT_FIELDS = ['first_name', 'last_name', 'username', 'phone'] as const;

/** The columns a PATCH body changes, or the field errors it has. */
function profileChanges(body: Record<string, unknown>) {
  const changes: Record<string, string | number | null> = {};
  const errors: Record<string, string[]> = {};
  for (const field of TEXT_FIELDS) {
    if (!(field in body)) continue;
    const parsed = parseCharField(body[field], MAX_TEXT_LENGTH);
    if ('error' in parsed) errors[field] = [parsed.error];
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

export const userRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, baseUrl }) => {
  app.get('/api/current-user/whoami', async (request) => whoamiBody(db, requestUser(request), baseUrl));

  // Any user of the requester's organization can be read; others' private settings stay out.
  app.get<{ Params: { id: string } }>('/api/users/:id', async (request) => {
    const me = requestUser(request);
    const id = parseId(request.params.id);
    const target = id === null ? undefined : findUserById(db, id);
    if (!target || me.active_organization === null || !isMember(db, target.id, me.active_organization)) {
      throw notFound();
    }
    return target.id === me.id ? userBody(db, target, baseUrl) : publicUser(target, baseUrl);
  });

  app.patch<{ Params: { id: string } }>('/api/users/:id', async (request) => {
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

  app.get('/api/current-user/token', async (request) => {
    const me = requestUser(request);
    return { token: findLegacyToken(db, me.id) ?? resetLegacyToken(db, me.id) };
  });

  app.post('/api/current-user/reset-token', async (request, reply) => {
    reply.code(201);
    return { token: resetLegacyToken(db, requestUser(request).id) };
  });
};
