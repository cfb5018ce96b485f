// What the memory adapter's handlers share: the shape of a group, ids, and the one write that
// two groups make (the signed-in user appears both as the user and among the members).
import { throwIfAborted } from '../../errors';
import type { AccountAdapter, ADAPTER_METHOD_GROUPS, AdapterMethodGroup, User } from '../../types';
import type { MemoryState } from '../store';

/** Every method of one group of the contract (`profile`, `tokens`, …), all present. */
export type GroupHandlers<G extends AdapterMethodGroup> = Pick<
  Required<AccountAdapter>,
  (typeof ADAPTER_METHOD_GROUPS)[G][number]
>;

/** Random bytes as lowercase hex, for ids and secrets. */
export function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

/** The state with some of the user's fields changed, on the user and on their member record alike. */
export function withUserChanges(state: MemoryState, changes: Partial<User>): MemoryState {
  return {
    ...state,
    user: { ...state.user, ...changes },
    members: state.members.map((member) => (member.id === state.user.id ? { ...member, ...changes } : member)),
  };
}

/**
 * Starts a call as a network request would: the caller holds the promise before anything
 * happens, so a signal fired right after the call still cancels it.
 */
export async function begin(signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  await Promise.resolve();
  throwIfAborted(signal);
}
