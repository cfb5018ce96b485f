// Response bodies shaped like Label Studio's serializers.
import { findOrganization, findUserById, type UserRow } from './accounts.ts';
import type { Db } from './db.ts';

/** What the OSS web app can do; every Community user has them all. */
export const PERMISSIONS = ['users.token.any', 'organizations.view', 'organizations.change', 'avatar.any'];

/** Label Studio's `User.get_initials`. */
export function initials(user: UserRow): string {
  if (!user.first_name && !user.last_name) return user.email.slice(0, 2);
  if (!user.last_name) return user.first_name.slice(0, 1);
  if (!user.first_name) return user.last_name.slice(0, 1);
  return user.first_name.slice(0, 1) + user.last_name.slice(0, 1);
}

/** The avatar's address under `origin`: the configured public URL (e.g. "https://ls.example.com"), or "" for a path. */
export function avatarUrl(user: UserRow, origin: string): string | null {
  return user.avatar ? `${origin}/data/avatars/${user.avatar}` : null;
}

/** The stored hotkeys map; {} when the column does not hold JSON. */
export function parseHotkeys(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return {};
  }
}

/** The fields every member of an organization may see about another. */
export function publicUser(user: UserRow, origin: string) {
  return {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
    email: user.email,
    avatar: avatarUrl(user, origin),
    initials: initials(user),
    phone: user.phone,
    last_activity: user.last_activity,
    date_joined: user.date_joined,
  };
}

/**
 * A member removed from the organization, as Label Studio's BaseUserSerializer shows one
 * (users/serializers.py `to_representation`): username, first name and email "Deleted", last
 * name "User", and initials "DU" (`User.get_initials(is_deleted=True)`); the rest as it was.
 */
export function anonymizedUser(user: UserRow, origin: string) {
  return {
    ...publicUser(user, origin),
    username: 'Deleted',
    first_name: 'Deleted',
    last_name: 'User',
    email: 'Deleted',
    initials: 'DU',
  };
}

/** `UserSerializer`: the full account, for its owner. */
export function userBody(db: Db, user: UserRow, origin: string) {
  const organization = findOrganization(db, user.active_organization);
  const owner = organization?.created_by ? findUserById(db, organization.created_by) : undefined;
  return {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
    email: user.email,
    last_activity: user.last_activity,
    custom_hotkeys: parseHotkeys(user.custom_hotkeys),
    avatar: avatarUrl(user, origin),
    initials: initials(user),
    phone: user.phone,
    active_organization: user.active_organization,
    active_organization_meta: { title: organization?.title ?? '', email: owner?.email ?? '' },
    allow_newsletters: user.allow_newsletters === null ? null : user.allow_newsletters === 1,
    date_joined: user.date_joined,
  };
}

/** `WhoAmIUserSerializer`: the account plus permissions. */
export function whoamiBody(db: Db, user: UserRow, origin: string) {
  return { ...userBody(db, user, origin), permissions: PERMISSIONS };
}
