// `/api/current-user/hotkeys/` answers with its own `{error, details}` body rather than the envelope.
// With `?project=<id>` it reads and writes the user's override for that project, kept apart from
// the account map, as Label Studio's UserHotkeysAPI does (users/tests/test_hotkeys_api.py).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { UserRow } from '../accounts.ts';
import type { Db } from '../db.ts';
import { notFound, validationError } from '../errors.ts';
import { parseHotkeys } from '../serialize.ts';
import { hotkeySettingsProblem, hotkeysProblem } from '../validate.ts';
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

  /** The account map as GET answers it: empty when what is stored no longer validates. */
  const accountMap = (me: UserRow): unknown => {
    const stored = parseHotkeys(me.custom_hotkeys);
    return hotkeysProblem(stored) === null ? stored : {};
  };

  /** The user's stored hotkey settings, `{}` when they are unreadable. */
  const storedSettings = (me: UserRow): unknown => {
    const stored = parseHotkeys(me.hotkey_settings);
    return hotkeySettingsProblem(stored) === null ? stored : {};
  };

  app.get<{ Querystring: Record<string, unknown> }>(PATHS.hotkeys, async (request) => {
    const me = requestUser(request);
    const projectId = requestedProject(db, me, request);
    const stored = projectId === null ? parseHotkeys(me.custom_hotkeys) : projectOverride(me.id, projectId);
    // Label Studio answers an empty map when what is stored no longer passes validation.
    const custom_hotkeys = hotkeysProblem(stored) === null ? stored : {};
    return projectId === null ? { custom_hotkeys, hotkey_settings: storedSettings(me) } : { custom_hotkeys };
  });

  app.patch<{ Querystring: Record<string, unknown> }>(PATHS.hotkeys, async (request, reply) => {
    const me = requestUser(request);
    const projectId = requestedProject(db, me, request);
    const body = bodyObject(request);
    const { custom_hotkeys: hotkeys, hotkey_settings: settings } = body;
    const withSettings = 'hotkey_settings' in body;
    if (withSettings) {
      // The settings are the account's: a project's override has none of its own.
      const settingsProblem =
        projectId === null ? hotkeySettingsProblem(settings) : 'Hotkey settings belong to the account, not a project.';
      if (settingsProblem) {
        return reply
          .code(400)
          .send({ error: 'Invalid hotkeys configuration', details: { hotkey_settings: [settingsProblem] } });
      }
    }
    // A PATCH of the settings alone leaves the map as stored.
    const withHotkeys = !withSettings || 'custom_hotkeys' in body;
    const problem = withHotkeys ? hotkeysProblem(hotkeys) : null;
    if (problem) {
      return reply.code(400).send({ error: 'Invalid hotkeys configuration', details: { custom_hotkeys: [problem] } });
    }
    if (!withHotkeys) {
      db.prepare('UPDATE users SET hotkey_settings = ? WHERE id = ?').run(JSON.stringify(settings), me.id);
      return { custom_hotkeys: accountMap(me), hotkey_settings: settings };
    }
    const json = JSON.stringify(hotkeys);
    db.transaction(() => {
      if (withSettings) {
        db.prepare('UPDATE users SET hotkey_settings = ? WHERE id = ?').run(JSON.stringify(settings), me.id);
      }
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
    if (projectId !== null) return { custom_hotkeys: hotkeys };
    return { custom_hotkeys: hotkeys, hotkey_settings: withSettings ? settings : storedSettings(me) };
  });
};
