export { MembersList, type MembersListProps } from './members-list';
export { MemberDetails, type MemberDetailsProps } from './member-details';
export {
  MEMBER_PAGE_SIZES,
  useMembers,
  type MemberActivity,
  type MemberPageSize,
  type MemberRow,
  type UseMembersOptions,
  type UseMembersResult,
} from '../../hooks/use-members';
export { useMember, type UseMemberOptions, type UseMemberResult } from '../../hooks/use-member';
