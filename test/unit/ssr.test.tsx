// @vitest-environment node
/// <reference types="vite/client" />
import type { ComponentType, ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AvatarUploader } from '../../src/components/avatar-uploader';
import { EmailPreferences } from '../../src/components/email-preferences';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import { useHotkeys } from '../../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../../src/label-studio/defaults';
import { InviteLink } from '../../src/components/invite-link';
import { HotkeyHelp } from '../../src/components/hotkey-help';
import { HotkeyImportExport } from '../../src/components/hotkey-import-export';
import { MemberDetails, MembersList } from '../../src/components/members-list';
import { MembershipCard } from '../../src/components/membership-card';
import { ProfileForm } from '../../src/components/profile-form';
import { TokenPanel } from '../../src/components/token-panel';
import { SignInForm } from '../../src/components/sign-in-form';
import { SignUpForm } from '../../src/components/sign-up-form';
import { TokenSettingsForm } from '../../src/components/token-settings-form';
import { formatDateTime } from '../../src/core/format/format-date';
import { parseCombo } from '../../src/core/hotkeys';
import { readImageHeader } from '../../src/core/image';
import { useAccount } from '../../src/provider/account-context';
import { de } from '../../src/locales/de';
import { AccountProvider } from '../../src/provider/account-provider';
import type { Platform } from '../../src/provider/platform';
import { makePng } from '../../src/testing/image-fixtures';

/**
 * The AccountSettings page is optional here: its case is registered only when the module is
 * in the tree. The glob is eager, so a module that is present but fails to import fails this file.
 */
const accountSettingsModules = import.meta.glob<{ AccountSettings?: ComponentType }>(
  '../../src/components/account-settings/index.{ts,tsx}',
  { eager: true },
);
const accountSettingsModule = Object.values(accountSettingsModules)[0];

/** Shows what the provider resolved, so the provider on its own renders something to check. */
function ProviderProbe() {
  const { locale, platform, t } = useAccount();
  return (
    <p data-slot="provider-probe" data-locale={locale} data-platform={platform}>
      {t('common.retry')}
    </p>
  );
}

/** A host component using the public `useHotkeys` hook, which listens on `window` by default. */
function HotkeysProbe() {
  const { status, bindings } = useHotkeys(
    { 'annotation:annotation:submit': () => {} },
    { definitions: labelStudioDefaultHotkeys },
  );
  return (
    <p data-slot="hotkeys-probe" data-status={status}>
      {bindings.length}
    </p>
  );
}

interface SsrCase {
  name: string;
  element: () => ReactElement;
  /** The `data-slot` of the component's root element. */
  slot: string;
  /** Whether the first render shows a loading state marked `aria-busy="true"`. */
  busy: boolean;
}

const cases: SsrCase[] = [
  { name: 'AccountProvider', element: () => <ProviderProbe />, slot: 'provider-probe', busy: false },
  { name: 'ProfileForm', element: () => <ProfileForm />, slot: 'ras-profile-form', busy: true },
  { name: 'AvatarUploader', element: () => <AvatarUploader />, slot: 'ras-avatar-uploader', busy: true },
  { name: 'EmailPreferences', element: () => <EmailPreferences />, slot: 'ras-email-preferences', busy: true },
  { name: 'MembershipCard', element: () => <MembershipCard />, slot: 'ras-membership-card', busy: true },
  { name: 'TokenPanel', element: () => <TokenPanel />, slot: 'ras-token-panel', busy: true },
  { name: 'TokenSettingsForm', element: () => <TokenSettingsForm />, slot: 'ras-token-settings-form', busy: true },
  {
    name: 'HotkeyRecorder',
    element: () => <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />,
    slot: 'ras-hotkey-recorder',
    busy: false,
  },
  { name: 'HotkeyEditor', element: () => <HotkeyEditor />, slot: 'ras-hotkey-editor', busy: true },
  { name: 'useHotkeys', element: () => <HotkeysProbe />, slot: 'hotkeys-probe', busy: false },
  { name: 'MembersList', element: () => <MembersList />, slot: 'ras-members-list', busy: true },
  { name: 'MemberDetails', element: () => <MemberDetails memberId="2" />, slot: 'ras-member-details', busy: true },
  // The dialog and its link load only when opened; the server renders the button.
  { name: 'InviteLink', element: () => <InviteLink />, slot: 'ras-button', busy: false },
  // Likewise the shortcuts help: its list is read when it opens.
  { name: 'HotkeyHelp', element: () => <HotkeyHelp />, slot: 'ras-button', busy: false },
  { name: 'HotkeyImportExport', element: () => <HotkeyImportExport />, slot: 'ras-hotkey-import-export', busy: true },
  { name: 'SignInForm', element: () => <SignInForm />, slot: 'ras-sign-in-form', busy: false },
  // It asks whether sign-up is open before it shows the form.
  { name: 'SignUpForm', element: () => <SignUpForm />, slot: 'ras-sign-up-form', busy: true },
];

if (accountSettingsModule) {
  cases.push({
    name: 'AccountSettings',
    element: () => {
      const { AccountSettings } = accountSettingsModule;
      if (!AccountSettings) throw new Error('src/components/account-settings exports no AccountSettings');
      return <AccountSettings />;
    },
    slot: 'ras-account-settings',
    busy: true,
  });
}

interface RenderOptions {
  locale: string;
  platform?: Platform;
  messages?: typeof de;
}

function renderOnServer(element: ReactElement, { locale, platform, messages }: RenderOptions): string {
  return renderToString(
    <AccountProvider adapter={createMemoryAdapter()} locale={locale} platform={platform} messages={messages}>
      {element}
    </AccountProvider>,
  );
}

let consoleError: MockInstance<typeof console.error>;
let consoleWarn: MockInstance<typeof console.warn>;

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Asserts nothing was logged; comparing the calls shows the messages when something was. */
function expectSilentConsole() {
  expect(consoleError.mock.calls).toEqual([]);
  expect(consoleWarn.mock.calls).toEqual([]);
}

describe('server rendering in Node', () => {
  it('runs without DOM globals', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof localStorage).toBe('undefined');
  });

  for (const { name, element, slot, busy } of cases) {
    describe(name, () => {
      it('renders with renderToString in en-US', () => {
        const html = renderOnServer(element(), { locale: 'en-US' });
        expect(html.length).toBeGreaterThan(0);
        expect(html).toContain(`data-slot="${slot}"`);
        if (busy) expect(html).toContain('aria-busy="true"');
        expectSilentConsole();
      });

      it('renders with renderToString in de-DE on a Mac', () => {
        const html = renderOnServer(element(), { locale: 'de-DE', platform: 'mac' });
        expect(html.length).toBeGreaterThan(0);
        expect(html).toContain(`data-slot="${slot}"`);
        if (busy) expect(html).toContain('aria-busy="true"');
        expectSilentConsole();
      });
    });
  }

  it('renders the InviteLink button, not its dialog', () => {
    const html = renderOnServer(<InviteLink />, { locale: 'en-US' });
    expect(html).toContain('data-component="invite-link-open"');
    expect(html).toContain('>Invite people</button>');
    expect(html).not.toContain('role="dialog"');
    expectSilentConsole();
  });

  it('renders the provider’s empty dialog container, and its theme on the components only when chosen', () => {
    const system = renderToString(
      <AccountProvider adapter={createMemoryAdapter()}>
        <ProfileForm />
      </AccountProvider>,
    );
    expect(system).toMatch(/<div data-slot="ras-portal" style="display:contents"><\/div>$/);
    expect(system).not.toContain('data-ras-theme');
    const dark = renderToString(
      <AccountProvider adapter={createMemoryAdapter()} theme="dark">
        <ProfileForm />
      </AccountProvider>,
    );
    expect(dark).toMatch(/^<form[^>]* data-ras-theme="dark"/);
    expect(dark).toMatch(/<div data-slot="ras-portal" data-ras-theme="dark" style="display:contents"><\/div>$/);
    expectSilentConsole();
  });

  it('renders German on the server from the de entry, and English (loaded later in the browser) without it', () => {
    expect(renderOnServer(<ProviderProbe />, { locale: 'de-DE', messages: de })).toContain(
      'data-locale="de-DE" data-platform="other">Erneut versuchen</p>',
    );
    expect(renderOnServer(<ProviderProbe />, { locale: 'de-DE' })).toContain(
      'data-locale="en-US" data-platform="other">Retry</p>',
    );
    expectSilentConsole();
  });

  it('renders a malformed locale tag as en-US instead of throwing', () => {
    expect(renderOnServer(<ProviderProbe />, { locale: 'en_US' })).toContain('data-locale="en-US"');
    expect(renderOnServer(<ProviderProbe />, { locale: '!!' })).toContain('data-locale="en-US"');
  });

  it('resolves the platform to "other" on the server and honours the platform prop', () => {
    expect(renderOnServer(<ProviderProbe />, { locale: 'en-US' })).toContain('data-platform="other"');
    expect(renderOnServer(<ProviderProbe />, { locale: 'de-DE', platform: 'mac' })).toContain('data-platform="mac"');
    expectSilentConsole();
  });

  it('shows the recorder’s shortcut in the platform’s convention', () => {
    const other = renderOnServer(<HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />, {
      locale: 'en-US',
      platform: 'other',
    });
    expect(other).toContain('<kbd data-slot="ras-kbd">Ctrl</kbd>');
    const mac = renderOnServer(<HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />, {
      locale: 'de-DE',
      platform: 'mac',
    });
    expect(mac).not.toContain('<kbd data-slot="ras-kbd">Ctrl</kbd>');
    expectSilentConsole();
  });
});

describe('framework-free modules in Node', () => {
  it('parses a shortcut with the hotkeys module', () => {
    const result = parseCombo('shift+ctrl+z');
    expect(result).toEqual({ ok: true, combo: expect.any(String) });
    if (result.ok) expect(result.combo.split('+').sort()).toEqual(['ctrl', 'shift', 'z']);
  });

  it('reads an image header with the image module', () => {
    expect(readImageHeader(makePng(3, 2))).toEqual({ ok: true, type: 'png', width: 3, height: 2 });
  });

  it('formats a date-time', () => {
    const text = formatDateTime('2026-07-04T15:30:00Z', 'de-DE', 'UTC');
    expect(text).toBe('04.07.2026, 15:30');
    expectSilentConsole();
  });
});
