import { forwardRef, useEffect, useId, useRef, type ComponentProps } from 'react';
import type { HotkeyDefinition, HotkeySection } from '../../core/hotkeys/types';
import {
  useAccountSettings,
  type AccountSectionId,
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
import { TokenPanel } from '../token-panel/token-panel';

/** Props of `AccountSettings`: the hook's options, hotkey data, and the root `<div>`'s own props. */
export interface AccountSettingsProps extends UseAccountSettingsOptions, Omit<ComponentProps<'div'>, 'children'> {
  /** The app's hotkey actions. @default Label Studio's 77 defaults */
  hotkeyDefinitions?: readonly HotkeyDefinition[];
  /** The hotkey sections. @default Label Studio's 9 sections */
  hotkeySections?: readonly HotkeySection[];
}

/**
 * The whole account settings page: a section menu (Profile, Hotkeys, Email preferences,
 * Membership info, Personal access token, Legacy token, as the adapter and the organization
 * allow) and the open section. The host's router can own the section through `section` and
 * `onSectionChange`; leaving a section with unsaved changes asks first.
 *
 * @example
 * <AccountSettings section={params.section} onSectionChange={(id) => navigate(`/account/${id}`)} />
 */
export const AccountSettings = forwardRef<HTMLDivElement, AccountSettingsProps>(function AccountSettings(
  {
    adapter: adapterProp,
    section,
    defaultSection,
    onSectionChange,
    sections,
    hotkeyDefinitions,
    hotkeySections,
    className,
    ...props
  },
  ref,
) {
  const rest = { ...props, ref };
  const adapter = useAdapter(adapterProp);
  const page = useAccountSettings({ adapter, section, defaultSection, onSectionChange, sections });
  const t = useTranslate();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After the user picks a section, take them to its heading (not on first render).
  const current = page.current;
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [current]);

  const title = (sectionId: AccountSectionId) => t(`settings.section.${sectionId}`);
  const { setDirty } = page;

  return (
    <div data-slot="account-settings" className={classNames('ras-account-settings', className)} {...rest}>
      <nav aria-label={t('settings.nav')} data-slot="account-settings-nav">
        <ul>
          {page.sections.map((sectionId) => (
            <li key={sectionId}>
              <button
                type="button"
                data-slot="account-settings-link"
                aria-current={sectionId === current ? 'page' : undefined}
                onClick={() => {
                  moved.current = true;
                  page.requestSection(sectionId);
                }}
              >
                {title(sectionId)}
              </button>
            </li>
          ))}
        </ul>
        {page.isLoading ? (
          <p aria-busy="true" data-slot="account-settings-loading">
            {t('settings.loading')}
          </p>
        ) : null}
      </nav>
      <section data-slot="account-settings-section" data-section={current} aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} data-slot="account-settings-heading">
          {title(current)}
        </h2>
        <p data-slot="account-settings-description">{t(`settings.section.${current}.description`)}</p>
        {current === 'personal-info' ? (
          <>
            <AvatarUploader adapter={adapter} />
            <ProfileForm adapter={adapter} onDirtyChange={setDirty} />
          </>
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
          <TokenPanel adapter={adapter} show="personal" />
        ) : (
          <TokenPanel adapter={adapter} show="legacy" />
        )}
      </section>
      <ConfirmDialog
        open={page.pendingSection !== null}
        onOpenChange={(open) => {
          if (!open) page.cancelLeave();
        }}
        title={t('settings.leaveTitle')}
        description={t('settings.leaveDescription', { section: title(current) })}
        confirmLabel={t('settings.leave')}
        cancelLabel={t('settings.stay')}
        destructive
        onConfirm={page.confirmLeave}
      />
    </div>
  );
});
AccountSettings.displayName = 'AccountSettings';
