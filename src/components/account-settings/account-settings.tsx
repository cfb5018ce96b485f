import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ComponentProps,
  type Ref,
} from 'react';
import type { AccountAdapter } from '../../adapters/types';
import type { AvatarPhase } from '../../hooks/use-avatar-upload';
import { useCurrentUser } from '../../hooks/use-current-user';
import type { HotkeyDefinition, HotkeySection } from '../../core/hotkeys/types';
import {
  useAccountSettings,
  type AccountSectionId,
  type CustomSettingsSection,
  type SettingsSectionContext,
  type SectionLinkProps,
  type SettingsSectionId,
  type UseAccountSettingsOptions,
} from '../../hooks/use-account-settings';
import { useAdapter } from '../../hooks/use-adapter';
import { useTranslate } from '../../hooks/use-translate';
import { AvatarUploader } from '../avatar-uploader/avatar-uploader';
import { EmailPreferences } from '../email-preferences/email-preferences';
import { HotkeyEditor } from '../hotkey-editor/hotkey-editor';
import { MembershipCard } from '../membership-card/membership-card';
import { ProfileForm } from '../profile-form/profile-form';
import { classNames } from '../shared/class-names';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorAlert } from '../shared/error-alert';
import { TokenPanel } from '../token-panel/token-panel';
import { useThemeAttributes } from '../../hooks/use-appearance';

interface CustomSectionContentProps extends SettingsSectionContext {
  content: CustomSettingsSection['content'];
}

/** A host section's content; a render function runs here, so hooks in it belong to this section. */
function CustomSectionContent({ content, setDirty }: CustomSectionContentProps) {
  return <>{typeof content === 'function' ? content({ setDirty }) : content}</>;
}

interface SectionLinkElementProps extends SectionLinkProps {
  label: string;
  onOpen: () => void;
}

/** A menu entry as a link; `onOpen` runs first on every click the page may handle. */
function SectionLink({ label, onOpen, onClick, href, ...props }: SectionLinkElementProps) {
  return (
    <a
      data-slot="ras-account-settings-link"
      href={href}
      {...props}
      onClick={(event) => {
        onOpen();
        onClick(event);
      }}
    >
      {label}
    </a>
  );
}

/** What a chosen photo's phase means for leaving: anything chosen and not yet saved would be lost. */
function isPhotoUnsaved(phase: AvatarPhase): boolean {
  return (
    phase.kind === 'resizing' || phase.kind === 'confirming' || phase.kind === 'uploading' || phase.kind === 'failed'
  );
}

interface PersonalInfoProps {
  adapter: AccountAdapter;
  setDirty: (dirty: boolean) => void;
  onUploadingChange: (uploading: boolean) => void;
}

/** The photo and the profile form, on one read of the user: when it fails, one alert stands for both. */
function PersonalInfo({ adapter, setDirty, onUploadingChange }: PersonalInfoProps) {
  const t = useTranslate();
  const user = useCurrentUser({ adapter });
  const [photoUnsaved, setPhotoUnsaved] = useState(false);
  const [formDirty, setFormDirty] = useState(false);
  useEffect(() => {
    setDirty(photoUnsaved || formDirty);
  }, [photoUnsaved, formDirty, setDirty]);
  if (user.status === 'error' && user.latest === undefined) {
    return <ErrorAlert error={user.error} t={t} onRetry={user.retry} />;
  }
  return (
    <>
      <AvatarUploader
        adapter={adapter}
        onPhaseChange={(phase) => {
          setPhotoUnsaved(isPhotoUnsaved(phase));
          onUploadingChange(phase.kind === 'uploading');
        }}
      />
      <ProfileForm adapter={adapter} onDirtyChange={setFormDirty} />
    </>
  );
}

/** What `guardRef` gives the host's router: the page's unsaved state and the question before leaving it. */
export interface AccountSettingsGuard {
  /** Whether anything on the page is unsaved (a changed form, a chosen photo, an upload under way). */
  isDirty: () => boolean;
  /** Resolves `true` at once when nothing is unsaved, else asks "Leave without saving?" and resolves with the answer. */
  requestLeave: () => Promise<boolean>;
}

/** Props of `AccountSettings`: the hook's options, hotkey data, and the root `<div>`'s own props. */
export interface AccountSettingsProps extends UseAccountSettingsOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** The app's hotkey actions. @default the default preset's 77 actions (from react-account-settings/label-studio) */
  hotkeyDefinitions?: readonly HotkeyDefinition[];
  /** The hotkey sections. @default the default preset's 9 sections (from react-account-settings/label-studio) */
  hotkeySections?: readonly HotkeySection[];
  /** Receives the page's guard, for the host's router to ask before it leaves the page (its own links, Back). */
  guardRef?: Ref<AccountSettingsGuard>;
}

/**
 * The whole account settings page: a section menu (Profile, Hotkeys, Email preferences,
 * Membership info, Personal access token, Legacy token, as the adapter and the organization
 * allow, plus the host's `customSections`) and the open section. The host's router can own the
 * section through `section` and `onSectionChange`, or through links (`getSectionHref` and
 * `navigate`); leaving a section with unsaved changes asks first.
 *
 * @example
 * <AccountSettings
 *   section={params.section}
 *   getSectionHref={(id) => `/account/${id}`}
 *   navigate={(href) => router.push(href)}
 * />
 */
export const AccountSettings = forwardRef<HTMLDivElement, AccountSettingsProps>(function AccountSettings(
  {
    adapter: adapterProp,
    section,
    defaultSection,
    onSectionChange,
    sections,
    customSections,
    getSectionHref,
    navigate,
    hotkeyDefinitions,
    hotkeySections,
    onDirtyChange,
    guardRef,
    className,
    ...props
  },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const adapter = useAdapter(adapterProp);
  const page = useAccountSettings({
    adapter,
    section,
    defaultSection,
    onSectionChange,
    sections,
    customSections,
    getSectionHref,
    navigate,
    onDirtyChange,
  });
  const t = useTranslate();
  const [uploading, setUploading] = useState(false);
  const { isDirty, requestLeave } = page;
  const dirtyNow = useRef(isDirty);
  useEffect(() => {
    dirtyNow.current = isDirty;
  });
  useImperativeHandle(guardRef, () => ({ isDirty: () => dirtyNow.current, requestLeave }), [requestLeave]);
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After the user picks a section, take them to its heading (not on first render).
  const current = page.current;
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [current]);

  const custom = page.currentCustomSection;
  const title = (sectionId: SettingsSectionId) =>
    customSections?.find((item) => item.id === sectionId)?.label ??
    t(`settings.section.${sectionId as AccountSectionId}`);
  const { setDirty } = page;
  const markMoved = () => {
    moved.current = true;
  };

  return (
    <div
      data-slot="ras-account-settings"
      className={classNames('ras-account-settings', className)}
      {...themeAttributes}
      {...rest}
    >
      <nav aria-label={t('settings.nav')} data-slot="ras-account-settings-nav">
        <ul>
          {page.sections.map((sectionId) => (
            <li key={sectionId}>
              {getSectionHref ? (
                <SectionLink {...page.getSectionLinkProps(sectionId)} onOpen={markMoved} label={title(sectionId)} />
              ) : (
                <button
                  type="button"
                  data-slot="ras-account-settings-link"
                  aria-current={sectionId === current ? 'page' : undefined}
                  onClick={() => {
                    markMoved();
                    page.requestSection(sectionId);
                  }}
                >
                  {title(sectionId)}
                </button>
              )}
            </li>
          ))}
        </ul>
        {page.isLoading ? (
          <p aria-busy="true" data-slot="ras-account-settings-loading">
            {t('settings.loading')}
          </p>
        ) : null}
      </nav>
      <section data-slot="ras-account-settings-section" data-section={current} aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} data-slot="ras-account-settings-heading">
          {title(current)}
        </h2>
        {custom ? (
          custom.description !== undefined ? (
            <p data-slot="ras-account-settings-description">{custom.description}</p>
          ) : null
        ) : (
          <p data-slot="ras-account-settings-description">
            {t(`settings.section.${current as AccountSectionId}.description`)}
          </p>
        )}
        {custom ? (
          <CustomSectionContent key={custom.id} content={custom.content} setDirty={setDirty} />
        ) : current === 'personal-info' ? (
          <PersonalInfo adapter={adapter} setDirty={setDirty} onUploadingChange={setUploading} />
        ) : current === 'hotkeys' ? (
          <HotkeyEditor
            adapter={adapter}
            definitions={hotkeyDefinitions}
            sections={hotkeySections}
            onDirtyChange={setDirty}
          />
        ) : current === 'email-preferences' ? (
          <EmailPreferences adapter={adapter} />
        ) : current === 'membership-info' ? (
          <MembershipCard adapter={adapter} />
        ) : current === 'personal-access-token' ? (
          <TokenPanel adapter={adapter} show="personal" hideSectionHeadings />
        ) : (
          <TokenPanel adapter={adapter} show="legacy" hideSectionHeadings />
        )}
      </section>
      <ConfirmDialog
        open={page.pendingSection !== null || page.isLeavingPage}
        onOpenChange={(open) => {
          if (!open) page.cancelLeave();
        }}
        title={t('settings.leaveTitle')}
        description={
          uploading && current === 'personal-info'
            ? t('settings.leaveUploadDescription')
            : t('settings.leaveDescription', { section: title(current) })
        }
        confirmLabel={t('settings.leave')}
        cancelLabel={t('settings.stay')}
        destructive
        onConfirm={page.confirmLeave}
      />
    </div>
  );
});
AccountSettings.displayName = 'AccountSettings';
