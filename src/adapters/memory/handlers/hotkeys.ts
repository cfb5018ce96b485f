import { validateHotkeyOverrides } from '../../../core/hotkeys/validate-overrides';
import type { AccountRules } from '../../../core/rules';
import { AccountError, throwIfAborted } from '../../errors';
import type { HotkeyOverrides, RequestOptions } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, type GroupHandlers } from './shared';

/** The hotkey methods: read the overrides, replace them after the same checks a server makes. */
export function hotkeyHandlers(store: MemoryStore, rules: AccountRules['hotkeys']): GroupHandlers<'hotkeys'> {
  return {
    async getHotkeys({ signal }: RequestOptions = {}): Promise<HotkeyOverrides> {
      await begin(signal);
      return clone(store.read().hotkeys);
    },

    async saveHotkeys(overrides, { signal }: RequestOptions = {}): Promise<HotkeyOverrides> {
      await begin(signal);
      const result = validateHotkeyOverrides(overrides, rules);
      if (!result.ok) {
        throw new AccountError('validation', 'Invalid hotkeys configuration.', {
          status: 400,
          fieldErrors: result.fieldErrors,
        });
      }
      throwIfAborted(signal);
      store.commit({ ...store.read(), hotkeys: clone(result.overrides) });
      return clone(store.read().hotkeys);
    },
  };
}
