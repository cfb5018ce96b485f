import { AccountError, throwIfAborted } from '../../errors';
import type { RequestOptions, User } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, withUserChanges, type GroupHandlers } from './shared';

function fieldTooLong(value: string, max: number): string {
  return `This is ${value.length} characters long. The longest allowed is ${max}.`;
}

/** The profile methods: read the user, change the text fields (trimmed, at most `maxFieldLength` characters each). */
export function profileHandlers(store: MemoryStore, maxFieldLength: number): GroupHandlers<'profile'> {
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
        if (trimmed.length > maxFieldLength) fieldErrors[field] = [fieldTooLong(trimmed, maxFieldLength)];
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
