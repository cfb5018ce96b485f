export { InviteLink, type InviteLinkProps } from './invite-link';
export { useInviteLink, type UseInviteLinkOptions, type UseInviteLinkResult } from '../../hooks/use-invite-link';
