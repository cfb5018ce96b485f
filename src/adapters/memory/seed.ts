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
  /** What the user may administer; absent means everything (as every member of a community-edition organization may). */
  permissions?: OrganizationPermissions;
  /** Whether sign-up needs a valid invitation link (the reference server's `LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK`). @default false */
  signUpRequiresInvite?: boolean;
}

/** Reads a comma-separated list of names. */
const names = (list: string): readonly string[] => list.trim().split(/\s*,\s*/);

// Given names and family names from many languages. Their counts are primes (89 and 113), and
// member i takes given name i mod 89 and family name i mod 113: every pairing differs for the
// first 10,057 members, and members next to each other by id share neither name.
const FIRST_NAMES = names(`
  Ada, Grace, Alan, Amara, Mateo, Yuki, Priya, Lars, Fatima, Chen, Olga, Kwame, Sofia, Ravi, Ingrid,
  Tomás, Aiko, Omar, Leila, Jonas, Mei, Diego, Anika, Tariq, Elena, Kofi, Hana, Mikhail, Isabel,
  Arjun, Freya, Malik, Noor, Pablo, Sakura, Emeka, Zofia, Luca, Ayesha, Henrik, Camila, Dmitri,
  Nadia, Wei, Chiara, Samir, Astrid, Jamal, Lucía, Kenji, Thandiwe, Finn, Rania, Marco, Ngozi, Erik,
  Valentina, Hiroshi, Yasmin, Oscar, Aisha, Bruno, Sunita, Felix, Nia, Rafael, Ewa, Joaquín, Min-jun,
  Zoë, Esther, Idris, Maja, Andrés, Keiko, Solomon, Renée, Bilal, Hannah, Ines, Tobias, Amina,
  Santiago, Ji-woo, Rosa, Kai, Chloé, Nikolai, Adaeze
`);
const LAST_NAMES = names(`
  Lovelace, Hopper, Okafor, Nakamura, García, Müller, Kowalski, Rossi, Haddad, Patel, Nguyen,
  Johansson, Silva, Kim, Ivanova, Dubois, Mensah, Sato, Fernández, Novak, Cohen, Ahmed, Larsen,
  Moreau, Schmidt, Costa, Demir, Jensen, Tanaka, Petrov, O'Brien, Singh, Andersson, Bianchi,
  Chowdhury, Wójcik, Kaya, Herrera, Lindqvist, Adeyemi, Park, Ferrari, Nowak, Svensson, Gupta,
  Romero, Eriksen, Ito, Kuznetsov, Bakker, Asante, Jovanović, Murphy, Castillo, Hoffmann, Ramos,
  Takahashi, Abdullah, Virtanen, Mwangi, Morales, Weber, Kaur, Horvat, Liu, Papadopoulos, Walker,
  Ortiz, Khan, Brennan, Dias, Fischer, Wang, Hansen, Reyes, Osei, López, Yamamoto, Richter, Cruz,
  Zhang, Nilsen, Moretti, Achterberg, Banerjee, Carvalho, Delgado, Engel, Fontaine, Gallo, Halvorsen,
  Iyer, Jaramillo, Keller, Lambert, Marsh, Nordin, Obi, Pereira, Quinn, Rahman, Santos, Toivonen,
  Urquhart, Vargas, Whitfield, Xu, Yadav, Zimmermann, Bauer, Conti, Ferreira, de Vries
`);
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

/** A name as the local part of an email address: accents dropped, only a–z kept (`Müller` → `muller`, `O'Brien` → `obrien`). */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Makes `count` deterministic members (the same every time) with varied given and family names,
 * for seeding and paging tests. Emails are unique: `first.last@example.com`, with a number added
 * once the pairings repeat (after 10,057 members).
 *
 * @example
 * createMemoryAdapter({ seed: { members: createSeedMembers(10_000) } });
 */
export function createSeedMembers(count: number, startId = 2): SeedMember[] {
  const members: SeedMember[] = [];
  const pairings = FIRST_NAMES.length * LAST_NAMES.length;
  for (let i = 0; i < count; i++) {
    const firstName = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const lastName = LAST_NAMES[i % LAST_NAMES.length]!;
    const round = Math.floor(i / pairings);
    const id = String(startId + i);
    const project = PROJECTS[i % PROJECTS.length]!;
    members.push({
      id,
      email: `${emailPart(firstName)}.${emailPart(lastName)}${round === 0 ? '' : round + 1}@example.com`,
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
