// @ts-check
// `/api/current-user/hotkeys/` answers with its own `{error, details}` body rather than the envelope.
import { parseHotkeys } from '../serialize.js';
import { hotkeysProblem } from '../validate.js';
import { bodyObject, requestUser } from './common.js';

/** @type {import('fastify').FastifyPluginAsync<import('./common.js').RouteContext>} */
export async function hotkeyRoutes(app, { db }) {
  app.get('/api/current-user/hotkeys', async (request) => {
    const stored = parseHotkeys(requestUser(request).custom_hotkeys);
    // Label Studio answers an empty map when what is stored no longer passes validation.
    return { custom_hotkeys: hotkeysProblem(stored) === null ? stored : {} };
  });

  app.patch('/api/current-user/hotkeys', async (request, reply) => {
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
}
