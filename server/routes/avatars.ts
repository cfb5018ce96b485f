import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { avatarDir } from '../db.ts';
import { errorStatus, HttpError, notFound } from '../errors.ts';
import { AVATAR_FILE_TYPES, AVATAR_LIMITS, AVATAR_MAX_BYTES, avatarFileType, validateAvatar } from '../validate.ts';
import { requestUser, type RouteContext } from './common.ts';
import { LABEL_STUDIO_PATHS as PATHS } from './label-studio-paths.ts';

/** Stored avatars are named `<uuid>.<extension>`, with an extension of a type avatars may have. */
const AVATAR_FILE_NAME = new RegExp(
  `^[0-9a-f-]{36}\\.(${AVATAR_LIMITS.types.map((type) => AVATAR_FILE_TYPES[type].extension).join('|')})$`,
);

async function removeAvatarFile(dir: string, file: string | null): Promise<void> {
  if (file) await rm(join(dir, file), { force: true });
}

/** Avatar upload and delete act on the requester, whatever user id the path names (as in Label Studio). */
export const avatarRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, dataDir }) => {
  const dir = avatarDir(dataDir);

  /**
   * Points the user at a new file (or none) and answers the file it replaced, for removal
   * once the change is committed: a crash in between leaves a stray file, never a broken link.
   */
  const setAvatar = (userId: number, file: string | null): string | null =>
    db
      .transaction(() => {
        const row = db
          .prepare<[number], { avatar: string | null }>('SELECT avatar FROM users WHERE id = ?')
          .get(userId);
        db.prepare('UPDATE users SET avatar = ? WHERE id = ?').run(file, userId);
        return row?.avatar ?? null;
      })
      .immediate();

  /**
   * The first file of a multipart body, at most AVATAR_MAX_BYTES + 1 bytes of it (one byte over
   * the limit is enough to know the file is too large, without holding all of it). A body that is
   * not valid multipart (no boundary, cut short) is a 400, as Django REST framework answers it.
   */
  const readUpload = async (
    request: FastifyRequest,
  ): Promise<{ bytes: Buffer; size: number; filename: string; contentType: string } | undefined> => {
    try {
      const upload = request.isMultipart()
        ? await request.file({ throwFileSizeLimit: false, limits: { fileSize: AVATAR_MAX_BYTES + 1, files: 1 } })
        : undefined;
      if (!upload) return undefined;
      const bytes = await upload.toBuffer();
      return {
        bytes,
        size: upload.file.truncated ? AVATAR_MAX_BYTES + 1 : bytes.length,
        filename: upload.filename,
        contentType: upload.mimetype,
      };
    } catch (error) {
      const status = errorStatus(error);
      if (error instanceof HttpError || (status !== undefined && status >= 400 && status < 500)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new HttpError(400, `Multipart form parse error - ${message}`);
    }
  };

  /** Writes the file under a temporary name, then renames it; a failure leaves neither behind. */
  const writeAvatarFile = async (bytes: Buffer, file: string): Promise<void> => {
    const partial = join(dir, `${file}.partial`);
    try {
      await writeFile(partial, bytes, { flush: true, mode: 0o600 });
      await rename(partial, join(dir, file));
    } catch (error) {
      await Promise.all([rm(partial, { force: true }), rm(join(dir, file), { force: true })]);
      throw error;
    }
  };

  app.post(PATHS.avatar, async (request) => {
    const me = requestUser(request);
    const upload = await readUpload(request);
    if (!upload) throw new HttpError(400, 'No file was submitted.');
    const result = validateAvatar(upload.bytes, upload.size, upload);
    if (!result.ok) throw new HttpError(400, result.message);

    const file = `${randomUUID()}.${AVATAR_FILE_TYPES[result.type].extension}`;
    await writeAvatarFile(upload.bytes, file);
    let previous: string | null;
    try {
      previous = setAvatar(me.id, file);
    } catch (error) {
      await removeAvatarFile(dir, file);
      throw error;
    }
    await removeAvatarFile(dir, previous);
    return { detail: 'avatar saved' };
  });

  app.delete(PATHS.avatar, async (request, reply) => {
    const previous = setAvatar(requestUser(request).id, null);
    await removeAvatarFile(dir, previous);
    return reply.code(204).send();
  });

  app.get<{ Params: { file: string } }>(PATHS.avatarFile, { config: { public: true } }, async (request, reply) => {
    const { file } = request.params;
    if (!AVATAR_FILE_NAME.test(file)) throw notFound();
    const bytes = await readFile(join(dir, file)).catch(() => null);
    if (!bytes) throw notFound();
    // The type the bytes show, not the one the name claims; a file that is no avatar image is not served.
    const type = avatarFileType(bytes);
    if (!type) throw notFound();
    return reply
      .type(AVATAR_FILE_TYPES[type].contentType)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(bytes);
  });
};
