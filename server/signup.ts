// Sign-up as Label Studio's Django views check it, shared by its form post (`/user/signup/`) and
// the JSON the adapter uses (`/api/session/signup`). Where each rule comes from, in Label
// Studio's repository:
// - users/views.py `user_signup`: with DISABLE_SIGNUP_WITHOUT_LINK a token equal to the
//   organization's is required, else PermissionDenied (403); without it, a token that is given
//   but wrong is refused the same way; the token is checked before the form.
// - users/forms.py `UserSignupForm`: `email` an EmailField (required: "Invalid email"), stripped
//   and lower-cased, shorter than EMAIL_MAX_LENGTH 256 ("Email is too long"), not taken ("User
//   with email already exists"); `password` at most PASS_MAX_LENGTH 64 (Django's max_length
//   message) and at least PASS_MIN_LENGTH 8 (PASS_LENGTH_ERR, which says "8-12" whatever the
//   limits are; required: the same message). Django's CharField also strips the password; we
//   keep it exactly as typed, as sign-in does, so what was typed at sign-up signs in.
// - users/functions `save_user` (via `proceed_registration`): username is the email's local part;
//   the user joins the organization and it becomes their active one; they are signed in.
// - organizations/models.py `reset_token`: a new random token replaces the old, which then matches
//   nothing.
// - core/settings/base.py: DISABLE_SIGNUP_WITHOUT_LINK = get_bool_env('DISABLE_SIGNUP_WITHOUT_LINK', False).
// Community has one organization and compares the token with it; this server holds many, so a
// token selects the one it belongs to. Without a token (sign-up open), Community's save_user puts
// the user in its first (only) organization; here, as Label Studio's user-management guide says
// of sign-up without an invite link, the user gets an organization of their own.
import {
  createUser,
  DEFAULT_ORGANIZATION_TITLE,
  findOrganizationByToken,
  findUserByEmail,
  hashPasswordAsync,
  type OrganizationRow,
  type UserRow,
} from './accounts.ts';
import { labelStudioRules } from '../src/label-studio/rules.ts';
import type { Db } from './db.ts';
import { errorCode } from './errors.ts';

/** users/forms.py EMAIL_MAX_LENGTH: an email must be shorter. */
const EMAIL_MAX_LENGTH = 256;
/** users/forms.py PASS_LENGTH_ERR, word for word. */
export const PASSWORD_LENGTH_ERROR = 'Please enter a password 8-12 characters in length';
export const EMAIL_TAKEN_ERROR = 'User with email already exists';
/** Label Studio raises a bare PermissionDenied; these say why, on the form and in the JSON. */
export const INVITE_REQUIRED_ERROR = 'Sign-up needs an invitation link. Ask a member of the organization for one.';
export const INVITE_INVALID_ERROR = 'This invitation link is no longer valid. Ask for a new one.';

/** Messages per field, as Django forms and DRF serializers give them. */
export type FieldErrors = Record<string, string[]>;

/** Why sign-up is refused before the form is read, if it is. */
export type SignUpRefusal = 'invite-required' | 'invite-invalid';

/** Whether sign-up with a token (or none) is open, and which organization it joins. */
export interface SignUpPolicy {
  allowed: boolean;
  reason?: SignUpRefusal;
  /** The organization a valid token joins. */
  organization?: OrganizationRow;
}

/** The refusal's message for a person. */
export function refusalMessage(reason: SignUpRefusal): string {
  return reason === 'invite-required' ? INVITE_REQUIRED_ERROR : INVITE_INVALID_ERROR;
}

/** The views' token check (users/views.py `user_signup`): an empty token counts as none. */
export function signUpPolicy(db: Db, token: string | undefined, requireInvite: boolean): SignUpPolicy {
  if (token) {
    const organization = findOrganizationByToken(db, token);
    return organization ? { allowed: true, organization } : { allowed: false, reason: 'invite-invalid' };
  }
  return requireInvite ? { allowed: false, reason: 'invite-required' } : { allowed: true };
}

// Django's EmailValidator: a dot-atom local part, and a domain of labels with a top-level
// label of two or more characters, or `localhost` (its allowlist). Quoted local parts and
// address literals, which it also takes, are left out.
const LOCAL_PART = /^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(?:\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*$/i;
const DOMAIN = /^(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+[A-Z0-9-]{2,63}(?<!-)$/i;

function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return LOCAL_PART.test(local) && (domain.toLowerCase() === 'localhost' || DOMAIN.test(domain));
}

/** The fields of a sign-up, checked as UserSignupForm checks them. */
export type CheckedSignUp = { ok: true; email: string; password: string } | { ok: false; errors: FieldErrors };

/** UserSignupForm's field checks (the taken-email check reads the database). */
export function checkSignUpFields(db: Db, email: unknown, password: unknown): CheckedSignUp {
  const errors: FieldErrors = {};
  const typedEmail = typeof email === 'string' ? email.trim() : '';
  let cleanEmail = '';
  if (!typedEmail) errors.email = ['Invalid email'];
  else if (!isEmail(typedEmail)) errors.email = ['Enter a valid email address.'];
  else {
    cleanEmail = typedEmail.toLowerCase();
    if (cleanEmail.length >= EMAIL_MAX_LENGTH) errors.email = ['Email is too long'];
    else if (findUserByEmail(db, cleanEmail)) errors.email = [EMAIL_TAKEN_ERROR];
  }
  const typedPassword = typeof password === 'string' ? password : '';
  // Django counts code points.
  const passwordLength = [...typedPassword].length;
  const { minLength, maxLength } = labelStudioRules.password;
  if (passwordLength > maxLength) {
    errors.password = [`Ensure this value has at most ${maxLength} characters (it has ${passwordLength}).`];
  } else if (passwordLength < minLength) errors.password = [PASSWORD_LENGTH_ERROR];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, email: cleanEmail, password: typedPassword };
}

/** What `registerUser` made of a sign-up. */
export type Registration = { ok: true; user: UserRow } | { ok: false; errors: FieldErrors };

/**
 * Creates the account of a checked sign-up: in the organization a token belongs to, else in a
 * new organization of its own. The password is hashed on the thread pool. A sign-up that lost a
 * race for the same email gets the taken-email error.
 */
export async function registerUser(
  db: Db,
  fields: { email: string; password: string },
  organization: OrganizationRow | undefined,
): Promise<Registration> {
  const passwordHash = await hashPasswordAsync(fields.password);
  try {
    const user = createUser(db, {
      email: fields.email,
      password: fields.password,
      passwordHash,
      ...(organization ? { organizationId: organization.id } : { organizationTitle: DEFAULT_ORGANIZATION_TITLE }),
    });
    return { ok: true, user };
  } catch (error) {
    if (errorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, errors: { email: [EMAIL_TAKEN_ERROR] } };
    throw error;
  }
}
