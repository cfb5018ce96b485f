// @ts-check
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { avatarDir } from '../db.js';
import { HttpError, notFound } from '../errors.js';
import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, readImageHeader, validateAvatar } from '../validate.js';
import { requestUser } from './common.js';

const EXTENSIONS = { png: 'png', jpeg: 'jpg', gif: 'gif' };
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

  /**
   * The first file of a multipart body, at most AVATAR_MAX_BYTES + 1 bytes of it (one byte over
   * the limit is enough to know the file is too large, without holding all of it). A body that is
   * not valid multipart (no boundary, cut short) is a 400, as Django REST framework answers it.
   * @param {import('fastify').FastifyRequest} request
   */
  const readUpload = async (request) => {
    try {
      const upload = request.isMultipart()
        ? await request.file({ throwFileSizeLimit: false, limits: { fileSize: AVATAR_MAX_BYTES + 1, files: 1 } })
        : undefined;
      if (!upload) return undefined;
      const bytes = await upload.toBuffer();
      return { bytes, size: upload.file.truncated ? AVATAR_MAX_BYTES + 1 : bytes.length };
    } catch (error) {
      const status = /** @type {{ statusCode?: number }} */ (error).statusCode;
      if (error instanceof HttpError || (status !== undefined && status >= 400 && status < 500)) throw error;
      throw new HttpError(400, `Multipart form parse error - ${/** @type {Error} */ (error).message}`);
    }
  };

  /** Writes the file under a temporary name, then renames it; a failure leaves neither behind. @param {Buffer} bytes @param {string} file */
  const writeAvatarFile = async (bytes, file) => {
    const partial = join(dir, `${file}.partial`);
    try {
      await writeFile(partial, bytes, { flush: true, mode: 0o600 });
      await rename(partial, join(dir, file));
    } catch (error) {
      await Promise.all([rm(partial, { force: true }), rm(join(dir, file), { force: true })]);
      throw error;
    }
  };

  app.post('/api/users/:id/avatar', async (request) => {
    const me = requestUser(request);
    const upload = await readUpload(request);
    if (!upload) throw new HttpError(400, 'No file was submitted.');
    const result = validateAvatar(upload.bytes, upload.size);
    if (!result.ok) throw new HttpError(400, result.message);

    const file = `${randomUUID()}.${EXTENSIONS[result.type]}`;
    await writeAvatarFile(upload.bytes, file);
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
    if (!AVATAR_FILE_NAME.test(file)) throw notFound();
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes) throw notFound();
    // The type the bytes show, not the one the name claims; a file that is no image is not served.
    const header = readImageHeader(bytes);
    if (!header) throw notFound();
    return reply
      .type(AVATAR_CONTENT_TYPES[header.type])
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(bytes);
  });
}
