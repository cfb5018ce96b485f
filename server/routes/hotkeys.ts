// `/api/current-user/hotkeys/` answers with its own `{error, details}` body rather than the envelope.
import type { FastifyPluginAsync } from 'fastify';
import { parseHotkeys } from '../serialize.ts';
import { hotkeysProblem } from '../validate.ts';
import { bodyObject, requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

export const hotkeyRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  app.get(PATHS.hotkeys, async (request) => {
    const stored = parseHotkeys(requestUser(request).custom_hotkeys);
    // Label Studio answers an empty map when what is stored no longer passes validation.
    return { custom_hotkeys: hotkeysProblem(stored) === null ? stored : {} };
  });

  app.patch(PATHS.hotkeys, async (request, reply) => {
    const me = requestUser(request);
    const { custom_hotkeys: hotkeys } = bodyObject(request);
    const problem = hotkeysProblem(hotkeys);
    if (problem) {
      return reply.code(400).send({ error: 'Invalid hotkeys configuration', details: { custom_hotkeys: [problem] } });
    }
    db.transaction(() => {
      db.prepare('UPDATE users SET custom_hotkeys = ? WHERE id = ?').run(JSON.stringify(hotkeys), me.id);
    }).immediate();
    return { custom_hotkeys: hotkeys };
  });
};
