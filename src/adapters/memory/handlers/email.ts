import { AccountError, throwIfAborted } from '../../errors';
import type { EmailPreference, RequestOptions } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, type GroupHandlers } from './shared';

/** The email methods: read the subscriptions, switch known ones on or off. */
export function emailHandlers(store: MemoryStore): GroupHandlers<'email'> {
  return {
    async getEmailPreferences({ signal }: RequestOptions = {}): Promise<EmailPreference[]> {
      await begin(signal);
      return clone(store.read().emailPreferences);
    },

    async updateEmailPreferences(patch, { signal }: RequestOptions = {}): Promise<EmailPreference[]> {
      await begin(signal);
      const state = store.read();
      const fieldErrors: Record<string, string[]> = {};
      for (const [id, enabled] of Object.entries(patch)) {
        if (!state.emailPreferences.some((preference) => preference.id === id)) {
          fieldErrors[id] = [`There is no email preference "${id}".`];
        } else if (typeof enabled !== 'boolean') {
          fieldErrors[id] = ['This must be true or false.'];
        }
      }
      if (Object.keys(fieldErrors).length > 0) {
        throw new AccountError('validation', 'Some email preferences are not valid.', { status: 400, fieldErrors });
      }
      throwIfAborted(signal);
      store.commit({
        ...state,
        emailPreferences: state.emailPreferences.map((preference) => {
          const enabled = patch[preference.id];
          return enabled === undefined ? preference : { ...preference, enabled };
        }),
      });
      return clone(store.read().emailPreferences);
    },
  };
}
