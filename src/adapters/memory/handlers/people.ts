import { AccountError } from '../../errors';
import type { Invitation, MemberProfile, MembersPage, RequestOptions } from '../../types';
import { toMember, type SeedMember } from '../seed';
import { clone, type MemoryStore } from '../store';
import { begin, randomHex, type GroupHandlers } from './shared';

/** The people methods: members searched and paged by email, one member's details, the invite link. */
export function peopleHandlers(store: MemoryStore): GroupHandlers<'people'> {
  return {
    async listMembers(input, { signal }: RequestOptions = {}): Promise<MembersPage> {
      await begin(signal);
      const { page, pageSize } = input;
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
        throw new AccountError(
          'validation',
          `Page ${page} with ${pageSize} per page can't be listed. Use page 1 or later and 1 to 100 per page.`,
          {
            status: 400,
          },
        );
      }
      const members = store.read().members.filter((member) => member.deleted !== true);
      const search = (input.search ?? '').trim().toLowerCase();
      const matches = search
        ? members.filter((member) =>
            [member.email, member.firstName, member.lastName, `${member.firstName} ${member.lastName}`].some((text) =>
              text.toLowerCase().includes(search),
            ),
          )
        : members;
      const sorted = [...matches].sort((a, b) => a.email.localeCompare(b.email));
      const start = (page - 1) * pageSize;
      return {
        items: sorted.slice(start, start + pageSize).map((member) => clone(toMember(member))),
        total: sorted.length,
      };
    },

    async getMember(id, { signal }: RequestOptions = {}): Promise<MemberProfile> {
      await begin(signal);
      const member: SeedMember | undefined = store.read().members.find((m) => m.id === id && m.deleted !== true);
      if (!member) throw new AccountError('not_found', `There is no member with id ${id}.`, { status: 404 });
      return clone(member);
    },

    async getInviteLink({ signal }: RequestOptions = {}): Promise<Invitation> {
      await begin(signal);
      return { url: store.read().inviteUrl };
    },

    async removeMember(id, { signal }: RequestOptions = {}): Promise<void> {
      await begin(signal);
      const state = store.read();
      if (state.permissions?.removeMembers === false) {
        throw new AccountError('forbidden', "You don't have permission to remove members.", { status: 403 });
      }
      if (id === state.user.id) {
        throw new AccountError('forbidden', "You can't remove yourself from the organization.", { status: 405 });
      }
      if (!state.members.some((member) => member.id === id && member.deleted !== true)) {
        throw new AccountError('not_found', `There is no member with id ${id}.`, { status: 404 });
      }
      // A soft delete, as the reference backend does it: the record stays, marked, and is no longer listed.
      const members = state.members.map((member) => (member.id === id ? { ...member, deleted: true } : member));
      store.commit({ ...state, members });
    },

    async resetInviteLink({ signal }: RequestOptions = {}): Promise<Invitation> {
      await begin(signal);
      store.commit({ ...store.read(), inviteUrl: `/user/signup/?token=${randomHex(6)}` });
      return { url: store.read().inviteUrl };
    },
  };
}
