import { StrictMode, useRef, useState, version, type RefObject } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountProvider } from 'react-account-settings/provider';
import { createMemoryAdapter } from 'react-account-settings/adapters/memory';
import { AccountSettings } from 'react-account-settings/account-settings';
import { AvatarUploader } from 'react-account-settings/avatar-uploader';
import { EmailPreferences } from 'react-account-settings/email-preferences';
import { HotkeyEditor } from 'react-account-settings/hotkey-editor';
import { HotkeyRecorder } from 'react-account-settings/hotkey-recorder';
import { InviteLink } from 'react-account-settings/invite-link';
import { MemberDetails, MembersList } from 'react-account-settings/members-list';
import { MembershipCard } from 'react-account-settings/membership-card';
import { ProfileForm } from 'react-account-settings/profile-form';
import { TokenPanel } from 'react-account-settings/token-panel';
import 'react-account-settings/styles.css';

const adapter = createMemoryAdapter({ storage: window.localStorage });

/** What each ref holds: its element's tag, and whether that is the component's root (its wrapper's first element). */
function checkRefs(refs: Record<string, RefObject<HTMLElement>>): string[] {
  return Object.entries(refs).map(([name, ref]) => {
    const element = ref.current;
    const wrapper = document.querySelector(`[data-ref-check="${name}"]`);
    const tag = element ? element.tagName.toLowerCase() : 'null';
    return `${name}: <${tag}>${element !== null && element === wrapper?.firstElementChild ? ', the root' : ''}`;
  });
}

function App() {
  const pageRef = useRef<HTMLDivElement>(null);
  const profileRef = useRef<HTMLFormElement>(null);
  const avatarRef = useRef<HTMLElement>(null);
  const emailRef = useRef<HTMLFieldSetElement>(null);
  const recorderRef = useRef<HTMLSpanElement>(null);
  const editorRef = useRef<HTMLElement>(null);
  const tokensRef = useRef<HTMLDivElement>(null);
  const membershipRef = useRef<HTMLElement>(null);
  const membersRef = useRef<HTMLElement>(null);
  const memberRef = useRef<HTMLElement>(null);
  const inviteRef = useRef<HTMLButtonElement>(null);
  const [report, setReport] = useState<string[]>([]);

  const check = () =>
    setReport(
      checkRefs({
        AccountSettings: pageRef,
        ProfileForm: profileRef,
        AvatarUploader: avatarRef,
        EmailPreferences: emailRef,
        HotkeyRecorder: recorderRef,
        HotkeyEditor: editorRef,
        TokenPanel: tokensRef,
        MembershipCard: membershipRef,
        MembersList: membersRef,
        MemberDetails: memberRef,
        InviteLink: inviteRef,
      }),
    );

  return (
    <AccountProvider adapter={adapter} locale="en-US">
      <p>React {version}</p>
      <main data-ref-check="AccountSettings">
        <AccountSettings ref={pageRef} />
      </main>
      <aside aria-label="Every component with a ref">
        <button type="button" onClick={check}>
          Check refs
        </button>
        <ul aria-label="Refs">
          {report.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div data-ref-check="ProfileForm">
          <ProfileForm ref={profileRef} />
        </div>
        <div data-ref-check="AvatarUploader">
          <AvatarUploader ref={avatarRef} />
        </div>
        <div data-ref-check="EmailPreferences">
          <EmailPreferences ref={emailRef} />
        </div>
        <div data-ref-check="HotkeyRecorder">
          <HotkeyRecorder ref={recorderRef} actionLabel="Submit" defaultValue="ctrl+enter" />
        </div>
        <div data-ref-check="HotkeyEditor">
          <HotkeyEditor ref={editorRef} />
        </div>
        <div data-ref-check="TokenPanel">
          <TokenPanel ref={tokensRef} />
        </div>
        <div data-ref-check="MembershipCard">
          <MembershipCard ref={membershipRef} />
        </div>
        <div data-ref-check="MembersList">
          <MembersList ref={membersRef} />
        </div>
        <div data-ref-check="MemberDetails">
          <MemberDetails ref={memberRef} memberId="1" />
        </div>
        <div data-ref-check="InviteLink">
          <InviteLink ref={inviteRef} />
        </div>
      </aside>
    </AccountProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
