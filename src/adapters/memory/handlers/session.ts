// Sign-in, sign-up and sign-out in memory: one browser's session over the accounts the adapter
// knows. The signed-in account's data is the state's own (user, hotkeys, tokens, …); the others
// wait in `accounts` and are swapped in when they sign in, so each person keeps their settings.
import type { PasswordRules } from '../../../core/rules';
import { AccountError } from '../../errors';
import type { RequestOptions, SignUpPolicy, User } from '../../types';
import { clone, type AccountData, type MemoryState, type MemoryStore } from '../store';
import { begin, randomHex, type GroupHandlers } from './shared';

const INVALID_CREDENTIALS = "The email and password you entered don't match.";
const STALE_INVITE = 'This invitation link is no longer valid. Ask for a new one.';
const INVITE_REQUIRED = 'Sign-up needs an invitation link. Ask a member of the organization to send you one.';
// What an address needs to be worth sending to: something, an @, a dot in the domain, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The token of an invite link (`…?token=…`), or `undefined`. */
export function inviteTokenOf(url: string): string | undefined {
  const query = url.slice(url.indexOf('?') + 1);
  return new URLSearchParams(query).get('token') ?? undefined;
}

function accountDataOf(state: MemoryState): AccountData {
  const { user, password, emailPreferences, role, annotationsCount, contributedProjectsCount } = state;
  const { hotkeys, hotkeySettings, projectHotkeys, personalTokens, permissions } = state;
  return {
    user,
    password,
    emailPreferences,
    role,
    annotationsCount,
    contributedProjectsCount,
    hotkeys,
    hotkeySettings,
    projectHotkeys,
    personalTokens,
    permissions,
  };
}

/** The state with `account` signed in, and whoever was signed in before kept among the accounts. */
function switchTo(state: MemoryState, account: AccountData): MemoryState {
  const others = (state.accounts ?? []).filter((other) => other.user.id !== account.user.id);
  const current = state.user.id === account.user.id ? [] : [accountDataOf(state)];
  return { ...state, ...account, accounts: [...others, ...current], signedIn: true };
}

function isRemoved(state: MemoryState, userId: string): boolean {
  return state.members.some((member) => member.id === userId && member.deleted === true);
}

function policyOf(state: MemoryState, inviteToken: string | undefined): SignUpPolicy {
  if (inviteToken !== undefined && inviteToken !== '') {
    return inviteToken === inviteTokenOf(state.inviteUrl)
      ? { allowed: true, organizationName: state.organization.title }
      : { allowed: false, reason: 'invite-invalid' };
  }
  return state.signUpRequiresInvite ? { allowed: false, reason: 'invite-required' } : { allowed: true };
}

function passwordProblem(password: string, rules: PasswordRules): string | undefined {
  const length = [...password].length;
  if (length >= rules.minLength && length <= rules.maxLength) return undefined;
  return `This password is ${length} characters long. Use ${rules.minLength} to ${rules.maxLength} characters.`;
}

/** The session methods: sign in to a known account, sign up a new one, ask whether sign-up is open, sign out. */
export function sessionHandlers(store: MemoryStore, passwordRules: PasswordRules): GroupHandlers<'session'> {
  return {
    async signIn(input, { signal }: RequestOptions = {}): Promise<User> {
      await begin(signal);
      const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
      const password = typeof input.password === 'string' ? input.password : '';
      const fieldErrors: Record<string, string[]> = {};
      if (!email) fieldErrors.email = ['Enter your email address.'];
      if (!password) fieldErrors.password = ['Enter your password.'];
      if (Object.keys(fieldErrors).length > 0) {
        throw new AccountError('validation', 'Enter your email address and password.', { status: 400, fieldErrors });
      }
      const state = store.read();
      const account = [accountDataOf(state), ...(state.accounts ?? [])].find(
        (candidate) => candidate.user.email.toLowerCase() === email,
      );
      if (!account || account.password === undefined || account.password !== password) {
        throw new AccountError('unauthorized', INVALID_CREDENTIALS, { status: 401 });
      }
      if (isRemoved(state, account.user.id)) {
        throw new AccountError('forbidden', 'This account was removed from the organization.', { status: 403 });
      }
      store.commit(switchTo(state, account));
      return clone(account.user);
    },

    async signUp(input, { signal }: RequestOptions = {}): Promise<User> {
      await begin(signal);
      const state = store.read();
      const policy = policyOf(state, input.inviteToken);
      if (!policy.allowed && policy.reason === 'invite-required') {
        throw new AccountError('forbidden', INVITE_REQUIRED, { status: 403 });
      }
      const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
      const password = typeof input.password === 'string' ? input.password : '';
      const fieldErrors: Record<string, string[]> = {};
      if (!policy.allowed) fieldErrors.inviteToken = [STALE_INVITE];
      if (!email) fieldErrors.email = ['Enter your email address.'];
      else if (!EMAIL_SHAPE.test(email)) fieldErrors.email = [`"${email}" is not an email address.`];
      else if ([state.user, ...(state.accounts ?? []).map((account) => account.user)].some((u) => u.email === email)) {
        fieldErrors.email = ['An account with this email already exists. Sign in instead.'];
      }
      const weak = passwordProblem(password, passwordRules);
      if (weak) fieldErrors.password = [weak];
      if (Object.keys(fieldErrors).length > 0) {
        const message = fieldErrors.inviteToken?.[0] ?? 'Some values are not valid.';
        throw new AccountError('validation', message, { status: 400, fieldErrors });
      }
      const now = new Date().toISOString();
      const user: User = {
        id: `u-${randomHex(6)}`,
        email,
        firstName: '',
        lastName: '',
        phone: '',
        avatarUrl: null,
        dateJoined: now,
        lastActivity: now,
      };
      const account: AccountData = {
        user,
        password,
        emailPreferences: state.emailPreferences.map((preference) => ({ ...preference, enabled: false })),
        role: 'annotator',
        annotationsCount: 0,
        contributedProjectsCount: 0,
        hotkeys: {},
        hotkeySettings: {},
        projectHotkeys: {},
        personalTokens: [],
        permissions: undefined,
      };
      const member = { ...user, lastActivity: now, createdProjects: [], contributedProjects: [] };
      store.commit(switchTo({ ...state, members: [...state.members, member] }, account));
      return clone(user);
    },

    async getSignUpPolicy(input, { signal }: RequestOptions = {}): Promise<SignUpPolicy> {
      await begin(signal);
      return policyOf(store.read(), input.inviteToken);
    },

    async signOut({ signal }: RequestOptions = {}): Promise<void> {
      await begin(signal);
      store.commit({ ...store.read(), signedIn: false });
    },
  };
}
