// @ts-check
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { avatarDir } from '../db.js';
import { HttpError, notFound } from '../errors.js';
import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, validateAvatar } from '../validate.js';
import { requestUser } from './common.js';

const EXTENSIONS = { png: 'png', jpeg: 'jpg', gif: 'gif' };
const CONTENT_TYPE_BY_EXTENSION = {
  png: AVATAR_CONTENT_TYPES.png,
  jpg: AVATAR_CONTENT_TYPES.jpeg,
  gif: AVATAR_CONTENT_TYPES.gif,
};
const AVATAR_FILE_NAME = /^[0-9a-f-]{36}\.(png|jpg|gif)$/;

/** @param {string} dir @param {string | null} file */
async function removeAvatarFile(dir, file) {
  if (file) await rm(join(dir, file), { force: true });
}

/**
 * Avatar upload and delete act on the requester, whatever user id the path names (as in Label Studio).
 * @type {import('fastify').FastifyPluginAsync<import('./common.js').RouteContext>}
 */
export async function avatarRoutes(app, { db, dataDir }) {
  const dir = avatarDir(dataDir);

  /**
   * Points the user at a new file (or none) and answers the file it replaced, for removal
   * once the change is committed: a crash in between leaves a stray file, never a broken link.
   * @param {number} userId @param {string | null} file @returns {string | null}
   */
  const setAvatar = (userId, file) =>
    db
      .transaction(() => {
        const row = /** @type {{ avatar: string | null }} */ (
          db.prepare('SELECT avatar FROM users WHERE id = ?').get(userId)
        );
        db.prepare('UPDATE users SET avatar = ? WHERE id = ?').run(file, userId);
        return row.avatar;
      })
      .immediate();

  app.post('/api/users/:id/avatar', async (request) => {
    const me = requestUser(request);
    const upload = request.isMultipart()
      ? // One byte over the limit is enough to know the file is too large, without holding all of it.
        await request.file({ throwFileSizeLimit: false, limits: { fileSize: AVATAR_MAX_BYTES + 1, files: 1 } })
      : undefined;
    if (!upload) throw new HttpError(400, 'No file was submitted.');
    const bytes = await upload.toBuffer();
    const size = upload.file.truncated ? AVATAR_MAX_BYTES + 1 : bytes.length;
    const result = validateAvatar(bytes, size);
    if (!result.ok) throw new HttpError(400, result.message);

    const file = `${randomUUID()}.${EXTENSIONS[result.type]}`;
    const partial = join(dir, `${file}.partial`);
    await writeFile(partial, bytes, { flush: true });
    await rename(partial, join(dir, file));
    let previous;
    try {
      previous = setAvatar(me.id, file);
    } catch (error) {
      await removeAvatarFile(dir, file);
      throw error;
    }
    await removeAvatarFile(dir, previous);
    return { detail: 'avatar saved' };
  });

  app.delete('/api/users/:id/avatar', async (request, reply) => {
    const previous = setAvatar(requestUser(request).id, null);
    await removeAvatarFile(dir, previous);
    return reply.code(204).send();
  });

  app.get('/data/avatars/:file', { config: { public: true } }, async (request, reply) => {
    const { file } = /** @type {{ file: string }} */ (request.params);
    const match = AVATAR_FILE_NAME.exec(file);
    if (!match) throw notFound();
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes) throw notFound();
    const extension = /** @type {keyof typeof CONTENT_TYPE_BY_EXTENSION} */ (match[1]);
    return reply
      .type(CONTENT_TYPE_BY_EXTENSION[extension])
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(bytes);
  });
}
