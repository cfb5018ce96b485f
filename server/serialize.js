// @ts-check
// Response bodies shaped like Label Studio's serializers.
import { findOrganization, findUserById } from './accounts.js';

/** @typedef {import('./db.js').Db} Db */
/** @typedef {import('./accounts.js').UserRow} UserRow */

/** What the OSS web app can do; every Community user has them all. */
export const PERMISSIONS = ['users.token.any', 'organizations.view', 'organizations.change', 'avatar.any'];

/** Label Studio's `User.get_initials`. @param {UserRow} user */
export function initials(user) {
  if (!user.first_name && !user.last_name) return user.email.slice(0, 2);
  if (!user.last_name) return user.first_name.slice(0, 1);
  if (!user.first_name) return user.last_name.slice(0, 1);
  return user.first_name.slice(0, 1) + user.last_name.slice(0, 1);
}

/** @param {UserRow} user @param {string} origin  the configured public URL, e.g. "https://ls.example.com"; "" for a path */
export function avatarUrl(user, origin) {
  return user.avatar ? `${origin}/data/avatars/${user.avatar}` : null;
}

/** @param {string} json */
export function parseHotkeys(json) {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

/** The fields every member of an organization may see about another. @param {UserRow} user @param {string} origin */
export function publicUser(user, origin) {
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

/** `UserSerializer`: the full account, for its owner. @param {Db} db @param {UserRow} user @param {string} origin */
export function userBody(db, user, origin) {
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

/** `WhoAmIUserSerializer`: the account plus permissions. @param {Db} db @param {UserRow} user @param {string} origin */
export function whoamiBody(db, user, origin) {
  return { ...userBody(db, user, origin), permissions: PERMISSIONS };
}
