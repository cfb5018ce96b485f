import { render, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { AccountSettings } from '../../src/components/account-settings';
import { AvatarUploader } from '../../src/components/avatar-uploader';
import { EmailPreferences } from '../../src/components/email-preferences';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import { InviteLink } from '../../src/components/invite-link';
import { HotkeyHelp } from '../../src/components/hotkey-help';
import { HotkeyImportExport } from '../../src/components/hotkey-import-export';
import { MemberDetails, MembersList } from '../../src/components/members-list';
import { MembershipCard } from '../../src/components/membership-card';
import { ProfileForm } from '../../src/components/profile-form';
import { SignInForm } from '../../src/components/sign-in-form';
import { SignUpForm } from '../../src/components/sign-up-form';
import { TokenPanel } from '../../src/components/token-panel';
import { TokenSettingsForm } from '../../src/components/token-settings-form';
import { AccountProvider } from '../../src/provider/account-provider';

// React 19 here; the React 18.3 consumer app (test/consumers/vite-react18) checks the same on 18.3.
const cases: Array<[name: string, tag: string, element: (ref: (element: HTMLElement | null) => void) => ReactElement]> =
  [
    ['AccountSettings', 'DIV', (ref) => <AccountSettings ref={ref} />],
    ['ProfileForm', 'FORM', (ref) => <ProfileForm ref={ref} />],
    ['AvatarUploader', 'SECTION', (ref) => <AvatarUploader ref={ref} />],
    ['EmailPreferences', 'FIELDSET', (ref) => <EmailPreferences ref={ref} />],
    ['HotkeyRecorder', 'SPAN', (ref) => <HotkeyRecorder ref={ref} actionLabel="Submit" defaultValue="ctrl+enter" />],
    ['HotkeyEditor', 'SECTION', (ref) => <HotkeyEditor ref={ref} />],
    ['TokenPanel', 'DIV', (ref) => <TokenPanel ref={ref} />],
    ['TokenSettingsForm', 'FORM', (ref) => <TokenSettingsForm ref={ref} />],
    ['MembershipCard', 'SECTION', (ref) => <MembershipCard ref={ref} />],
    ['MembersList', 'SECTION', (ref) => <MembersList ref={ref} />],
    ['MemberDetails', 'SECTION', (ref) => <MemberDetails ref={ref} memberId="1" />],
    ['InviteLink', 'BUTTON', (ref) => <InviteLink ref={ref} />],
    ['HotkeyHelp', 'BUTTON', (ref) => <HotkeyHelp ref={ref} />],
    ['HotkeyImportExport', 'DIV', (ref) => <HotkeyImportExport ref={ref} />],
    ['SignInForm', 'DIV', (ref) => <SignInForm ref={ref} />],
    ['SignUpForm', 'DIV', (ref) => <SignUpForm ref={ref} />],
  ];

describe('a ref on a public component', () => {
  it.each(cases)('%s: reaches its root <%s> element', async (_name, tag, element) => {
    let received: HTMLElement | null = null;
    const { container } = render(
      <AccountProvider adapter={createMemoryAdapter()}>
        {element((node) => {
          received = node;
        })}
      </AccountProvider>,
    );
    await waitFor(() => expect(container.firstElementChild).not.toBeNull());
    expect(received).toBe(container.firstElementChild);
    expect(received!.tagName).toBe(tag);
  });

  it.each(cases)('%s: keeps its name for React DevTools and warnings', (name) => {
    const component = {
      AccountSettings,
      ProfileForm,
      AvatarUploader,
      EmailPreferences,
      HotkeyRecorder,
      HotkeyEditor,
      TokenPanel,
      TokenSettingsForm,
      MembershipCard,
      MembersList,
      MemberDetails,
      InviteLink,
      HotkeyHelp,
      HotkeyImportExport,
      SignInForm,
      SignUpForm,
    }[name] as { displayName?: string };
    expect(component.displayName).toBe(name);
  });
});
