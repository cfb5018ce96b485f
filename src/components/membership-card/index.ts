export { MembershipCard, type MembershipCardProps } from './membership-card';
export {
  useMembership,
  type MembershipRow,
  type MembershipRowDate,
  type MembershipRowKey,
  type UseMembershipOptions,
  type UseMembershipResult,
} from '../../hooks/use-membership';
