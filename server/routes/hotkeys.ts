// `/api/current-user/hotkeys/` answers with its own `{error, details}` body rather than the envelope.
// With `?project=<id>` it reads and writes the user's override for that project, kept apart from
// the account map, as Label Studio's UserHotkeysAPI does (users/tests/test_hotkeys_api.py).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { UserRow } from '../accounts.ts';
import type { Db } from '../db.ts';
import { notFound, validationError } from '../errors.ts';
import { parseHotkeys } from '../serialize.ts';
import { hotkeysProblem } from '../validate.ts';
import { bodyObject, requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

type HotkeysRequest = FastifyRequest<{ Querystring: Record<string, unknown> }>;

/**
 * The project a request names, or null for the account map. A `project` that is present must be
 * a canonical positive integer (not `''`, `+5`, `05` or ` 5`), else 400; a project outside the
 * user's organization (or none) is 404. Checked before anything is read or written.
 */
function requestedProject(db: Db, me: UserRow, request: HotkeysRequest): number | null {
  if (!('project' in request.query)) return null;
  const given = request.query.project;
  // Django's QueryDict.get answers the last of repeated parameters.
  const raw = Array.isArray(given) ? given.at(-1) : given;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw)) {
    throw validationError({ project: 'Project must be an integer.' });
  }
  const project = db
    .prepare<[number, number | null], { id: number }>('SELECT id FROM projects WHERE id = ? AND organization_id = ?')
    .get(Number(raw), me.active_organization);
  if (!project) throw notFound();
  return project.id;
}

export const hotkeyRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  const projectOverride = (userId: number, projectId: number): unknown => {
    const row = db
      .prepare<[number, number], { custom_hotkeys: string }>(
        'SELECT custom_hotkeys FROM project_hotkeys WHERE user_id = ? AND project_id = ?',
      )
      .get(userId, projectId);
    return row ? parseHotkeys(row.custom_hotkeys) : {};
  };

  app.get<{ Querystring: Record<string, unknown> }>(PATHS.hotkeys, async (request) => {
    const me = requestUser(request);
    const projectId = requestedProject(db, me, request);
    const stored = projectId === null ? parseHotkeys(me.custom_hotkeys) : projectOverride(me.id, projectId);
    // Label Studio answers an empty map when what is stored no longer passes validation.
    return { custom_hotkeys: hotkeysProblem(stored) === null ? stored : {} };
  });

  app.patch<{ Querystring: Record<string, unknown> }>(PATHS.hotkeys, async (request, reply) => {
    const me = requestUser(request);
    const projectId = requestedProject(db, me, request);
    const { custom_hotkeys: hotkeys } = bodyObject(request);
    const problem = hotkeysProblem(hotkeys);
    if (problem) {
      return reply.code(400).send({ error: 'Invalid hotkeys configuration', details: { custom_hotkeys: [problem] } });
    }
    const json = JSON.stringify(hotkeys);
    db.transaction(() => {
      if (projectId === null) {
        db.prepare('UPDATE users SET custom_hotkeys = ? WHERE id = ?').run(json, me.id);
      } else if (Object.keys(hotkeys as object).length === 0) {
        // An empty override is no override: the account map applies again.
        db.prepare('DELETE FROM project_hotkeys WHERE user_id = ? AND project_id = ?').run(me.id, projectId);
      } else {
        db.prepare(
          `INSERT INTO project_hotkeys (user_id, project_id, custom_hotkeys) VALUES (?, ?, ?)
           ON CONFLICT (user_id, project_id) DO UPDATE SET custom_hotkeys = excluded.custom_hotkeys`,
        ).run(me.id, projectId, json);
      }
    }).immediate();
    return { custom_hotkeys: hotkeys };
  });
};
