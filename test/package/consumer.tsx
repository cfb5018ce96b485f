// A host app's view of the package: every import goes through package.json "exports".
import {
  AccountError,
  AccountProvider,
  isAccountError,
  useAccount,
  type AccountAdapter,
  type User,
} from 'react-account-settings';
import {
  AccountError as ServerAccountError,
  toAccountError,
  type AccountAdapter as ServerAdapter,
} from 'react-account-settings/adapters';
import { createMemoryAdapter, createSeedMembers } from 'react-account-settings/adapters/memory';
import { createLabelStudioAdapter } from 'react-account-settings/adapters/label-studio';
import { readImageHeader, validateAvatarFile } from 'react-account-settings/image';
import { AccountProvider as ProviderOnly } from 'react-account-settings/provider';
import { ProfileForm, useProfileForm } from 'react-account-settings/profile-form';
import { AvatarUploader, useAvatarUpload } from 'react-account-settings/avatar-uploader';
import { AccountSettings } from 'react-account-settings/account-settings';
import { EmailPreferences } from 'react-account-settings/email-preferences';
import { HotkeyEditor } from 'react-account-settings/hotkey-editor';
import { TokenPanel } from 'react-account-settings/token-panel';
import { TokenSettingsForm, useTokenSettingsForm } from 'react-account-settings/token-settings-form';
import { MembershipCard } from 'react-account-settings/membership-card';
import { MemberDetails, MembersList, useMembers } from 'react-account-settings/members-list';
import { InviteLink, useInviteLink } from 'react-account-settings/invite-link';
import { HotkeyHelp, useHotkeyHelp, type HotkeyHelpRow } from 'react-account-settings/hotkey-help';
import { HotkeyImportExport, useHotkeyImportExport } from 'react-account-settings/hotkey-import-export';
import { HotkeyRecorder } from 'react-account-settings/hotkey-recorder';
import { SignInForm, useSignIn } from 'react-account-settings/sign-in-form';
import { SignUpForm, useSignUp } from 'react-account-settings/sign-up-form';
import { useHotkeys } from 'react-account-settings/use-hotkeys';
import { checkReserved, parseCombo, validateHotkeyOverrides } from 'react-account-settings/hotkeys';
import {
  createLabelStudioAdapter as createFromPreset,
  labelStudioDefaultHotkeys,
  labelStudioHotkeySections,
  labelStudioPreset,
  labelStudioRules,
  toLabelStudioExport,
  type AccountRules,
  type LabelStudioHotkeyExport,
} from 'react-account-settings/label-studio';
import {
  DEFAULT_CONFORMANCE_RULES,
  describeAdapterConformance,
  makePng,
  type AdapterConformanceOptions,
  type ConformanceRules,
} from 'react-account-settings/testing';
import { makeBmp, makePng as makePngAlone, type MakePngOptions } from 'react-account-settings/testing/images';
import { de } from 'react-account-settings/locales/de';
// @ts-expect-error Internal modules are not part of the public surface.
import { createDefaultSeed } from 'react-account-settings/adapters/memory/seed';

const adapter: AccountAdapter = createMemoryAdapter({ seed: { members: createSeedMembers(3) } });

export function Name(): string {
  return useAccount().t('common.retry');
}

export function App() {
  return (
    <AccountProvider adapter={adapter} locale="de-DE" messages={de} onUnauthorized={(error) => error.code}>
      <ProviderOnly adapter={adapter}>
        <ProfileForm warnOnLeave onSaved={(user) => user.firstName} className="host" />
        <EmailPreferences className="host" />
        <HotkeyEditor definitions={labelStudioDefaultHotkeys} sections={labelStudioHotkeySections} />
        <TokenPanel show="personal" />
        <TokenSettingsForm onSaved={(settings) => settings.personalTokensEnabled} />
        <MembershipCard />
        <MembersList initialPageSize={50} />
        <MemberDetails memberId="1" headingLevel={2} />
        <InviteLink baseUrl="https://label.example.com" />
        <HotkeyHelp customizeHref="/settings/hotkeys" platform="mac" />
        <HotkeyImportExport fileName="my-hotkeys.json" onImport={(overrides) => Object.keys(overrides)} />
        <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
        <AvatarUploader maxBytes={512 * 1024} accept={['png', 'jpeg']} onSaved={(user) => user.avatarUrl} />
        <SignInForm onSignedIn={(user) => user.email} signUpHref="/user/signup/" />
        <SignUpForm inviteToken="abc" passwordRules={labelStudioRules.password} signInHref="/user/login/" />
      </ProviderOnly>
    </AccountProvider>
  );
}

export async function firstName(): Promise<string> {
  const user: User = await adapter.getCurrentUser();
  return user.firstName;
}

export const header = readImageHeader(makePng(3, 2));
export const verdict = validateAvatarFile({ size: 10, bytes: makePng(3, 2) }, labelStudioRules.avatar);
// A host's own backend: the Label Studio rules with larger avatars, checked by the same generic functions.
export const hostBackendRules: AccountRules = {
  ...labelStudioPreset.rules,
  avatar: { ...labelStudioRules.avatar, maxBytes: 5 * 1024 * 1024 },
};
export const refused = checkReserved('alt+f4', { refused: hostBackendRules.hotkeys.blockedCombos }).level;
export const stored = validateHotkeyOverrides({ 'annotation:submit': { key: 'ctrl+enter' } }, labelStudioRules.hotkeys);
export const exported: LabelStudioHotkeyExport = toLabelStudioExport([]);
export const sameFactory: typeof createLabelStudioAdapter = createFromPreset;
export const isError = isAccountError(new AccountError('network'));
// The React-free entry's error and adapter types are the very ones the main entry exports.
export const sameError: AccountError = toAccountError(new ServerAccountError('network'));
export const sameAdapter: ServerAdapter = adapter;
export const registerSuite: typeof describeAdapterConformance = describeAdapterConformance;
export const personalTokensOnly: AdapterConformanceOptions = {
  createAdapter: () => adapter,
  groups: ['profile'],
  methods: ['getTokenSettings', 'listPersonalTokens', 'createPersonalToken', 'revokePersonalToken'],
  rules: { maxActivePersonalTokens: Infinity },
};
export const hostRules: ConformanceRules = { ...DEFAULT_CONFORMANCE_RULES, maxAvatarBytes: 5 * 1024 * 1024 };
const padded: MakePngOptions = { byteLength: 4096 };
export const images = [makePngAlone(2, 2, padded), makeBmp(2, 2)];
export const unused = createDefaultSeed;
export const profileHook: typeof useProfileForm = useProfileForm;
export const parsed = parseCombo('shift+ctrl+z');
export const hotkeysHook: typeof useHotkeys = useHotkeys;
export const labelStudio: AccountAdapter = createLabelStudioAdapter({
  baseUrl: 'https://label.example.com',
  auth: { type: 'token', token: 'x' },
});
export const membersHook: typeof useMembers = useMembers;
export const tokenSettingsHook: typeof useTokenSettingsForm = useTokenSettingsForm;
export const inviteHook: typeof useInviteLink = useInviteLink;
export const hotkeyHelpHook: typeof useHotkeyHelp = useHotkeyHelp;
export const importExportHook: typeof useHotkeyImportExport = useHotkeyImportExport;
export const signInHook: typeof useSignIn = useSignIn;
export const signUpHook: typeof useSignUp = useSignUp;
export const helpRowDisplay = (row: HotkeyHelpRow): string => row.display;

/** A router shaped like Next.js's `useRouter()`, for the README's AccountSettings example. */
const router = { push: (href: string): void => void href };

export function AccountPage({ section }: { section: string }) {
  return (
    <AccountSettings
      section={section}
      getSectionHref={(id) => `/account/${id}`}
      navigate={(href) => router.push(href)}
      onSectionChange={(id, { href, isClientNavigation }) => [id, href, isClientNavigation]}
      customSections={[
        {
          id: 'billing',
          label: 'Billing',
          description: 'Your plan and invoices.',
          after: 'email-preferences',
          content: ({ setDirty }) => <input aria-label="Plan" onChange={() => setDirty(true)} />,
        },
      ]}
    />
  );
}

export function HostDropzone() {
  const avatar = useAvatarUpload();
  return <div {...avatar.getDropzoneProps({ className: 'host', onDrop: (event) => event.preventDefault() })}>Drop</div>;
}
