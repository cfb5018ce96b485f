import { IMAGE_HEADER_MAX_BYTES } from '../../../core/image/read-image-header';
import { validateAvatarFile, type AvatarLimits } from '../../../core/image/validate-avatar-file';
import { AccountError, throwIfAborted } from '../../errors';
import type { RequestOptions, UploadOptions, User } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, withUserChanges, type GroupHandlers } from './shared';

async function readBytes(file: Blob): Promise<Uint8Array> {
  // Blob.arrayBuffer is missing in some DOM emulations; Response reads any Blob.
  const buffer =
    typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : await new Response(file).arrayBuffer();
  return new Uint8Array(buffer);
}

function toDataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return `data:${type};base64,${btoa(binary)}`;
}

/** The avatar methods: a photo checked from its bytes against the limits, kept as a data URL. */
export function avatarHandlers(store: MemoryStore, avatarLimits: AvatarLimits): GroupHandlers<'avatar'> {
  return {
    async uploadAvatar(file, { signal, onProgress }: UploadOptions = {}): Promise<User> {
      await begin(signal);
      // The transfer is instant in memory (withFaults gives it time, reported in steps).
      onProgress?.(1);
      if (file.size > avatarLimits.maxBytes) {
        // Refused on size alone, before the body is read, as a server would.
        const result = validateAvatarFile({ size: file.size, bytes: new Uint8Array() }, avatarLimits);
        throw new AccountError('too_large', result.ok ? undefined : result.message, {
          status: 413,
          fieldErrors: { avatar: [result.ok ? '' : result.message] },
        });
      }
      const bytes = await readBytes(file);
      const result = validateAvatarFile(
        { size: bytes.length, bytes: bytes.subarray(0, IMAGE_HEADER_MAX_BYTES) },
        avatarLimits,
      );
      if (!result.ok) {
        throw new AccountError('validation', result.message, {
          status: 400,
          fieldErrors: { avatar: [result.message] },
        });
      }
      throwIfAborted(signal);
      const avatarUrl = toDataUrl(bytes, `image/${result.type}`);
      store.commit(withUserChanges(store.read(), { avatarUrl }));
      return clone(store.read().user);
    },

    async removeAvatar({ signal }: RequestOptions = {}): Promise<User> {
      await begin(signal);
      store.commit(withUserChanges(store.read(), { avatarUrl: null }));
      return clone(store.read().user);
    },
  };
}
