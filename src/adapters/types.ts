/** A date and time as an ISO 8601 string (`2026-11-22T10:00:00.000Z`). */
export type IsoDateTime = string;

/** The signed-in user's account as the components show and edit it. */
export interface User {
  /** The backend's identifier of the user. */
  id: string;
  /** The email address the user signs in with; read-only in the profile. */
  email: string;
  /** The user's first name; empty when not set. */
  firstName: string;
  /** The user's last name; empty when not set. */
  lastName: string;
  /** The user's phone number as they typed it; empty when not set. */
  phone: string;
  /** An address the browser can load the profile photo from, or `null` for none. */
  avatarUrl: string | null;
  /** When the account was created, when known. */
  dateJoined?: IsoDateTime;
  /** When the user was last active, when known. */
  lastActivity?: IsoDateTime;
}

/** The profile fields a user can change; fields left out stay as they are. */
export interface ProfilePatch {
  /** A new first name (at most 256 characters, trimmed). */
  firstName?: string;
  /** A new last name (at most 256 characters, trimmed). */
  lastName?: string;
  /** A new phone number (at most 256 characters, trimmed). */
  phone?: string;
}

/** One email subscription the user can switch on or off. */
export interface EmailPreference {
  /** A stable identifier, also the message key suffix for its label (`newsletter`). */
  id: string;
  /** The backend's label, used when the message catalogue has none for this id. */
  label?: string;
  /** Whether the user receives these emails. */
  enabled: boolean;
}

/** A change to email preferences: preference id to its new on/off state. */
export type EmailPreferencesPatch = Record<string, boolean>;

/** A project referred to by another record. */
export interface ProjectRef {
  /** The backend's identifier of the project. */
  id: string;
  /** The project's title. */
  title: string;
}

/** The organization a user belongs to, as far as the backend tells. */
export interface OrganizationInfo {
  /** The backend's identifier of the organization. */
  id: string;
  /** The organization's name. */
  title: string;
  /** The email of the organization's owner, when known. */
  ownerEmail?: string;
  /** When the organization was created, when known. */
  createdAt?: IsoDateTime;
}

/** A member's role in an organization, as the backend spells it (a preset lists its backend's roles in `memberRoles`). */
export type MemberRole = string;

/** The user's membership facts; every field but `userId` is shown only when known. */
export interface Membership {
  /** The user's identifier. */
  userId: string;
  /** When the user registered. */
  dateJoined?: IsoDateTime;
  /** How many annotations the user submitted. */
  annotationsCount?: number;
  /** How many projects the user contributed to. */
  contributedProjectsCount?: number;
  /** The user's active organization. */
  organization?: OrganizationInfo;
  /** The user's role in that organization. */
  role?: MemberRole;
  /** What the user may administer in that organization; absent means whatever the adapter's methods allow. */
  permissions?: OrganizationPermissions;
}

/** What the signed-in user may administer in their organization, as the backend decides it. */
export interface OrganizationPermissions {
  /** Whether the user may remove other members (never themselves). */
  removeMembers?: boolean;
  /** Whether the user may change the organization's token settings. */
  changeTokenSettings?: boolean;
}

/** Which token kinds the organization allows. */
export interface TokenSettings {
  /** Whether personal access tokens can be listed and created. */
  personalTokensEnabled: boolean;
  /** Whether the legacy (non-expiring) token is enabled. */
  legacyTokenEnabled: boolean;
  /** How many personal tokens may be active at once; `null` means no limit. */
  maxActivePersonalTokens: number | null;
  /** Whether `createPersonalToken` honours `expiresInDays`; absent or `false` means the organization's policy decides. */
  canChooseExpiry?: boolean;
  /** Days a new personal token works under the organization's policy, `null` for never expiring; absent when unknown. */
  personalTokenLifetimeDays?: number | null;
  /** Whether `updateTokenSettings` accepts `personalTokenLifetimeDays`; absent or `false` means the lifetime is fixed. */
  canChangeLifetime?: boolean;
}

/** The token settings an administrator can change; absent fields stay as they are. */
export type TokenSettingsPatch = Partial<
  Pick<TokenSettings, 'personalTokensEnabled' | 'legacyTokenEnabled' | 'personalTokenLifetimeDays'>
>;

/** A personal access token as listed: never the secret itself. */
export interface PersonalToken {
  /** An identifier the adapter accepts in `revokePersonalToken`. */
  id: string;
  /** A short non-secret part of the token (with "…" where it is cut), to tell tokens apart. */
  prefix: string;
  /** When the token was created, when known. */
  createdAt: IsoDateTime | null;
  /** When the token stops working, or `null` when it never expires. */
  expiresAt: IsoDateTime | null;
}

/** What a new personal token should be like. */
export interface CreatePersonalTokenInput {
  /** Days until the token expires, or `null`/absent for the backend's default; send it only when `TokenSettings.canChooseExpiry`. */
  expiresInDays?: number | null;
}

/** A newly created personal token: the only time the secret is available. */
export interface CreatedPersonalToken {
  /** The full secret; show it once and then forget it. */
  token: string;
  /** The token as it will be listed. */
  info: PersonalToken;
}

/** The legacy API token. */
export interface LegacyToken {
  /** The secret token, sent as `Authorization: Token <token>`. */
  token: string;
}

/** A user's override of one hotkey, stored under its `section:action` id. */
export interface HotkeyOverride {
  /** The combo, such as `ctrl+shift+z` (at most 50 characters). */
  key: string;
  /** Whether the binding is active; absent means active. */
  active?: boolean;
  /** An optional description kept with the override. */
  description?: string;
}

/** The user's hotkey overrides: `section:action` id to override. At most 200 entries. */
export type HotkeyOverrides = Record<string, HotkeyOverride>;

/** Any value JSON can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The user's hotkey settings beside the overrides, such as
 * `{ "autoTranslatePlatforms": true }`: a JSON object of at most 200 entries and 16,000 characters.
 */
export type HotkeySettings = Record<string, JsonValue>;

/** A member of the organization, as listed. */
export interface Member {
  /** The member's user identifier. */
  id: string;
  /** The member's email. */
  email: string;
  /** The member's first name; empty when not set. */
  firstName: string;
  /** The member's last name; empty when not set. */
  lastName: string;
  /** The member's photo address, or `null`. */
  avatarUrl: string | null;
  /** When the member was last active, when known. */
  lastActivity?: IsoDateTime;
  /** Whether the member was removed from the organization; their name and email are then anonymized. */
  deleted?: boolean;
}

/** Everything known about one member, as `MemberDetails` shows it. */
export interface MemberProfile extends Member {
  /** The member's phone number; empty when not set. */
  phone: string;
  /** Projects the member created. */
  createdProjects: ProjectRef[];
  /** Projects the member contributed to. */
  contributedProjects: ProjectRef[];
}

/** What page of members to list. */
export interface ListMembersInput {
  /** The page number, starting at 1. */
  page: number;
  /** How many members a page holds. */
  pageSize: number;
  /** Text to find in email or name; empty for all. */
  search?: string;
}

/** One page of a list and how many items there are in all. */
export interface Page<T> {
  /** The items on this page. */
  items: T[];
  /** How many items match (the search, if any) across all pages. */
  total: number;
}

/** One page of members and how many match the search in all. */
export type MembersPage = Page<Member>;

/** A project as a project picker lists it. */
export interface ProjectSummary {
  /** The backend's identifier of the project, as `HotkeyRequestOptions.projectId` takes it. */
  id: string;
  /** The project's title. */
  title: string;
}

/** What page of projects to list; every field is optional. */
export interface ListProjectsOptions extends RequestOptions {
  /** Text to find in project titles; empty or absent for all. */
  search?: string;
  /** The page number, starting at 1. @default 1 */
  page?: number;
  /** How many projects a page holds. @default the backend's page size */
  pageSize?: number;
}

/** The organization's invite link, as `InviteLink` shows it. */
export interface Invitation {
  /** The link a new member opens to join (absolute, or relative to the host app). */
  url: string;
}

/** Copyable examples of calling the backend's HTTP API with a token; `{token}` stands where the token goes. */
export interface TokenUsageExamples {
  /** How to call the API with a personal access token (usually exchanged for an access token first). */
  personal?: string;
  /** How to call the API with the legacy token. */
  legacy?: string;
}

/** What a person types to sign in. */
export interface SignInInput {
  /** The email address the account was created with. */
  email: string;
  /** The account's password, exactly as typed. */
  password: string;
}

/** What a new person types to create an account, and the invitation they came through. */
export interface SignUpInput {
  /** The new account's email address. */
  email: string;
  /** The new account's password, exactly as typed. */
  password: string;
  /** The invitation token from the invite link (`?token=`), read by the host; absent for an open sign-up. */
  inviteToken?: string;
}

/** Why sign-up is refused before anyone types: an invitation link is needed, or the one given no longer works. */
export type SignUpRefusal = 'invite-required' | 'invite-invalid';

/** Whether the sign-up page may be used with an invitation token (or none), as the backend decides it. */
export interface SignUpPolicy {
  /** Whether a sign-up with this token (or without one) would be accepted. */
  allowed: boolean;
  /** Why sign-up is refused, when it is. */
  reason?: SignUpRefusal;
  /** The name of the organization the invitation joins, when known. */
  organizationName?: string;
}

/** Options every adapter method accepts as its last argument. */
export interface RequestOptions {
  /** Aborts the request; the method then rejects with an `aborted` AccountError. */
  signal?: AbortSignal;
}

/** Options of the hotkey methods: which map to read or write. */
export interface HotkeyRequestOptions extends RequestOptions {
  /** A project's id (from `listProjects`): act on the user's override for that project, kept apart from the account map; absent for the account map. */
  projectId?: string;
}

/** Options for uploads, which can report progress. */
export interface UploadOptions extends RequestOptions {
  /** Called with the uploaded fraction, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Every read and write the components make, as async methods named after the domain.
 *
 * Methods resolve to the domain object itself and reject with `AccountError`. A method the
 * backend cannot serve is left out, and the component that needs it hides that control.
 */
export interface AccountAdapter {
  /** The base address of the backend's HTTP API, used in copyable examples; absent when there is none. */
  readonly apiBaseUrl?: string;
  /** Copyable examples of using tokens with the backend's HTTP API, shown by the TokenPanel. */
  readonly tokenUsage?: TokenUsageExamples;

  /** Reads the signed-in user. */
  getCurrentUser(options?: RequestOptions): Promise<User>;
  /** Changes profile fields and resolves to the updated user. */
  updateProfile?(patch: ProfilePatch, options?: RequestOptions): Promise<User>;

  /** Uploads a new profile photo and resolves to the updated user. */
  uploadAvatar?(file: Blob, options?: UploadOptions): Promise<User>;
  /** Removes the profile photo and resolves to the updated user. */
  removeAvatar?(options?: RequestOptions): Promise<User>;

  /** Reads the user's email subscriptions. */
  getEmailPreferences?(options?: RequestOptions): Promise<EmailPreference[]>;
  /** Changes some email subscriptions and resolves to all of them. */
  updateEmailPreferences?(patch: EmailPreferencesPatch, options?: RequestOptions): Promise<EmailPreference[]>;

  /** Reads the user's membership facts. */
  getMembership?(options?: RequestOptions): Promise<Membership>;

  /** Reads which token kinds the organization allows. */
  getTokenSettings?(options?: RequestOptions): Promise<TokenSettings>;
  /** Changes the organization's token settings (an administrator's action) and resolves to all of them. */
  updateTokenSettings?(patch: TokenSettingsPatch, options?: RequestOptions): Promise<TokenSettings>;
  /** Lists the user's active personal tokens, without their secrets. */
  listPersonalTokens?(options?: RequestOptions): Promise<PersonalToken[]>;
  /** Creates a personal token; the secret is in the result and nowhere else, ever. */
  createPersonalToken?(input: CreatePersonalTokenInput, options?: RequestOptions): Promise<CreatedPersonalToken>;
  /** Revokes a personal token by its listed id. */
  revokePersonalToken?(id: string, options?: RequestOptions): Promise<void>;
  /** Reads the legacy token. */
  getLegacyToken?(options?: RequestOptions): Promise<LegacyToken>;
  /** Replaces the legacy token with a new one; the old one stops working. */
  renewLegacyToken?(options?: RequestOptions): Promise<LegacyToken>;

  /** Reads the user's hotkey overrides: the account map, or with `projectId` that project's override (`{}` when it has none). */
  getHotkeys?(options?: HotkeyRequestOptions): Promise<HotkeyOverrides>;
  /** Replaces the whole overrides map (with `projectId`, that project's; `{}` removes it) and resolves to what was stored. */
  saveHotkeys?(overrides: HotkeyOverrides, options?: HotkeyRequestOptions): Promise<HotkeyOverrides>;

  /** Reads the user's hotkey settings (`{}` when none are stored). */
  getHotkeySettings?(options?: RequestOptions): Promise<HotkeySettings>;
  /** Replaces the hotkey settings, leaving the overrides alone, and resolves to what was stored. */
  saveHotkeySettings?(settings: HotkeySettings, options?: RequestOptions): Promise<HotkeySettings>;

  /** Lists one page of the organization's projects, for choosing a project's hotkeys. */
  listProjects?(options?: ListProjectsOptions): Promise<Page<ProjectSummary>>;

  /** Lists one page of the organization's members. */
  listMembers?(input: ListMembersInput, options?: RequestOptions): Promise<MembersPage>;
  /** Reads one member's details. */
  getMember?(id: string, options?: RequestOptions): Promise<MemberProfile>;
  /** Reads the organization's invite link. */
  getInviteLink?(options?: RequestOptions): Promise<Invitation>;
  /** Replaces the invite link; the old link stops working. */
  resetInviteLink?(options?: RequestOptions): Promise<Invitation>;
  /** Removes a member from the organization (a backend may keep them soft-deleted); never the signed-in user. */
  removeMember?(id: string, options?: RequestOptions): Promise<void>;

  /** Signs in with email and password and resolves to the signed-in user. */
  signIn?(input: SignInInput, options?: RequestOptions): Promise<User>;
  /** Creates an account (in the inviting organization when a token is given), signs it in and resolves to it. */
  signUp?(input: SignUpInput, options?: RequestOptions): Promise<User>;
  /** Tells whether sign-up is open for an invitation token (or none) before the person types. */
  getSignUpPolicy?(input: { inviteToken?: string }, options?: RequestOptions): Promise<SignUpPolicy>;
  /** Ends the current session; the next call is `unauthorized`. */
  signOut?(options?: RequestOptions): Promise<void>;
}

/** The name of any adapter method. */
export type AdapterMethodName = Exclude<keyof AccountAdapter, 'apiBaseUrl' | 'tokenUsage'>;

/** Every adapter method name, grouped as the contract groups them. */
export const ADAPTER_METHOD_GROUPS = {
  profile: ['getCurrentUser', 'updateProfile'],
  avatar: ['uploadAvatar', 'removeAvatar'],
  email: ['getEmailPreferences', 'updateEmailPreferences'],
  membership: ['getMembership'],
  tokens: [
    'getTokenSettings',
    'updateTokenSettings',
    'listPersonalTokens',
    'createPersonalToken',
    'revokePersonalToken',
    'getLegacyToken',
    'renewLegacyToken',
  ],
  hotkeys: ['getHotkeys', 'saveHotkeys'],
  hotkeySettings: ['getHotkeySettings', 'saveHotkeySettings'],
  projects: ['listProjects'],
  people: ['listMembers', 'getMember', 'getInviteLink', 'resetInviteLink', 'removeMember'],
  session: ['signIn', 'signUp', 'getSignUpPolicy', 'signOut'],
} as const satisfies Record<string, readonly AdapterMethodName[]>;

/** A group of adapter methods, as named in the contract. */
export type AdapterMethodGroup = keyof typeof ADAPTER_METHOD_GROUPS;

/** Every adapter method name. */
export const ADAPTER_METHOD_NAMES: readonly AdapterMethodName[] = Object.values(ADAPTER_METHOD_GROUPS).flat();
