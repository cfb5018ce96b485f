import { AccountError, throwIfAborted } from '../../errors';
import type { RequestOptions, User } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, withUserChanges, type GroupHandlers } from './shared';

/** The longest first name, last name or phone number (Label Studio's limit). */
export const MAX_PROFILE_FIELD_LENGTH = 256;

function fieldTooLong(value: string): string {
  return `This is ${value.length} characters long. The longest allowed is ${MAX_PROFILE_FIELD_LENGTH}.`;
}

/** The profile methods: read the user, change the text fields (trimmed, at most 256 characters each). */
export function profileHandlers(store: MemoryStore): GroupHandlers<'profile'> {
  return {
    async getCurrentUser({ signal }: RequestOptions = {}): Promise<User> {
      await begin(signal);
      return clone(store.read().user);
    },

    async updateProfile(patch, { signal }: RequestOptions = {}): Promise<User> {
      await begin(signal);
      const fieldErrors: Record<string, string[]> = {};
      const changes: Partial<Pick<User, 'firstName' | 'lastName' | 'phone'>> = {};
      for (const field of ['firstName', 'lastName', 'phone'] as const) {
        const value: unknown = patch[field];
        if (value === undefined) continue;
        if (typeof value !== 'string') {
          fieldErrors[field] = ['This must be text.'];
          continue;
        }
        const trimmed = value.trim();
        if (trimmed.length > MAX_PROFILE_FIELD_LENGTH) fieldErrors[field] = [fieldTooLong(trimmed)];
        else changes[field] = trimmed;
      }
      if (Object.keys(fieldErrors).length > 0) {
        throw new AccountError('validation', 'Some profile fields are not valid.', { status: 400, fieldErrors });
      }
      throwIfAborted(signal);
      store.commit(withUserChanges(store.read(), changes));
      return clone(store.read().user);
    },
  };
}
