import type {
  EmailPreference,
  HotkeyOverrides,
  HotkeySettings,
  Member,
  MemberProfile,
  MemberRole,
  OrganizationInfo,
  OrganizationPermissions,
  ProjectSummary,
  TokenSettings,
  User,
} from '../types';
import type { AccountRules } from '../../core/rules';
import * as defaultPreset from '../../label-studio/default-preset';

/** A member as the memory adapter keeps it: the listed fields plus the details. */
export type SeedMember = MemberProfile;

/** Everything the memory adapter starts from; each part can be replaced on its own. */
export interface MemorySeed {
  /** The signed-in user. */
  user: User;
  /** The user's email subscriptions. */
  emailPreferences: EmailPreference[];
  /** The user's organization. */
  organization: OrganizationInfo;
  /** The user's role in the organization. */
  role: MemberRole;
  /** How many annotations the user submitted. */
  annotationsCount: number;
  /** How many projects the user contributed to. */
  contributedProjectsCount: number;
  /** Which token kinds the organization allows. */
  tokenSettings: TokenSettings;
  /** The user's stored hotkey overrides (the account map). */
  hotkeys: HotkeyOverrides;
  /** The user's hotkey settings; absent in data stored before they existed. */
  hotkeySettings?: HotkeySettings;
  /** The organization's projects. */
  projects: ProjectSummary[];
  /** The user's hotkey overrides per project id, kept apart from the account map. */
  projectHotkeys: Record<string, HotkeyOverrides>;
  /** The organization's members (the user among them). */
  members: SeedMember[];
  /** The organization's invite link. */
  inviteUrl: string;
  /** The signed-in user's password, which `signIn` checks; absent in data stored before sign-in existed. */
  password?: string;
  /** Whether a session is open; when `false`, every method but sign-in and sign-up is `unauthorized`. @default true */
  signedIn?: boolean;
  /** What the user may administer; absent means everything (as every member of a Label Studio Community organization may). */
  permissions?: OrganizationPermissions;
  /** Whether sign-up needs a valid invitation link (Label Studio's `LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK`). @default false */
  signUpRequiresInvite?: boolean;
}

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Tim',
  'Katherine',
  'Linus',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Lee',
  'Johnson',
  'Torvalds',
];
/** The titles of the example projects the memory adapter and the reference server start with. */
export const SEED_PROJECT_TITLES: readonly string[] = [
  'Street signs',
  'Invoices',
  'Bird calls',
  'Support tickets',
  'Lung X-rays',
  'Product reviews',
];
const PROJECTS = SEED_PROJECT_TITLES;

const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const DAY = 24 * 60 * 60 * 1000;

/**
 * Makes `count` deterministic members (the same every time), for seeding and paging tests.
 *
 * @example
 * createMemoryAdapter({ seed: { members: createSeedMembers(10_000) } });
 */
export function createSeedMembers(count: number, startId = 2): SeedMember[] {
  const members: SeedMember[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const lastName = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const id = String(startId + i);
    const project = PROJECTS[i % PROJECTS.length]!;
    members.push({
      id,
      email: `${firstName}.${lastName}.${id}@example.com`.toLowerCase(),
      firstName,
      lastName,
      phone: i % 3 === 0 ? `+1 555 01${String(i % 100).padStart(2, '0')}` : '',
      avatarUrl: null,
      lastActivity: new Date(SEED_TIME - (i % 97) * 3.7 * 60 * 60 * 1000).toISOString(),
      createdProjects: i % 4 === 0 ? [{ id: String(100 + (i % PROJECTS.length)), title: project }] : [],
      contributedProjects: [
        { id: String(100 + ((i + 1) % PROJECTS.length)), title: PROJECTS[(i + 1) % PROJECTS.length]! },
      ],
    });
  }
  return members;
}

/** Lists a member without the detail fields. */
export function toMember(member: SeedMember): Member {
  const { id, email, firstName, lastName, avatarUrl, lastActivity } = member;
  return lastActivity === undefined
    ? { id, email, firstName, lastName, avatarUrl }
    : { id, email, firstName, lastName, avatarUrl, lastActivity };
}

/** The default seed user's password (heidi@example.com), for signing in to the embedded demo. */
export const DEFAULT_SEED_PASSWORD = 'opossum-demo';

/**
 * The memory adapter's default data: a user in a small organization, as a fresh server has it,
 * with the token limit of the given rules.
 */
export function createDefaultSeed(rules: AccountRules = defaultPreset.rules): MemorySeed {
  const user: User = {
    id: '1',
    email: 'heidi@example.com',
    firstName: 'Heidi',
    lastName: 'Opossum',
    phone: '',
    avatarUrl: null,
    dateJoined: new Date(SEED_TIME - 120 * DAY).toISOString(),
    lastActivity: new Date(SEED_TIME).toISOString(),
  };
  const self: SeedMember = {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    avatarUrl: user.avatarUrl,
    lastActivity: user.lastActivity!,
    createdProjects: [{ id: '100', title: PROJECTS[0]! }],
    contributedProjects: [{ id: '101', title: PROJECTS[1]! }],
  };
  return {
    user,
    emailPreferences: [{ id: 'newsletter', label: 'Subscribe to news and tips', enabled: false }],
    organization: {
      id: '1',
      title: defaultPreset.sampleOrganizationTitle,
      ownerEmail: user.email,
      createdAt: new Date(SEED_TIME - 121 * DAY).toISOString(),
    },
    role: 'owner',
    annotationsCount: 1284,
    contributedProjectsCount: 3,
    tokenSettings: {
      personalTokensEnabled: true,
      legacyTokenEnabled: true,
      maxActivePersonalTokens: rules.maxActivePersonalTokens,
    },
    hotkeys: {},
    hotkeySettings: {},
    projects: PROJECTS.map((title, index) => ({ id: String(100 + index), title })),
    projectHotkeys: {},
    members: [self, ...createSeedMembers(41)],
    inviteUrl: '/user/signup/?token=4f6b0c1d2e3a',
    password: DEFAULT_SEED_PASSWORD,
  };
}
