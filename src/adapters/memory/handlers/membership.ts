import type { Membership, RequestOptions } from '../../types';
import { clone, type MemoryStore } from '../store';
import { begin, type GroupHandlers } from './shared';

/** The membership method: the user's counts, organization and role. */
export function membershipHandlers(store: MemoryStore): GroupHandlers<'membership'> {
  return {
    async getMembership({ signal }: RequestOptions = {}): Promise<Membership> {
      await begin(signal);
      const state = store.read();
      const membership: Membership = {
        userId: state.user.id,
        annotationsCount: state.annotationsCount,
        contributedProjectsCount: state.contributedProjectsCount,
        organization: clone(state.organization),
        role: state.role,
        permissions: { removeMembers: true, changeTokenSettings: true, ...state.permissions },
      };
      if (state.user.dateJoined !== undefined) membership.dateJoined = state.user.dateJoined;
      return membership;
    },
  };
}
