import { useEffect, useRef, useState } from 'react';
import type { AccountAdapter } from '../adapters/types';
import { useAdapter } from './use-adapter';
import { useControllableState } from './use-controllable-state';
import { useResource } from './use-resource';

/** The sections of the account settings page, in menu order (Label Studio's ids). */
export const ACCOUNT_SECTIONS = [
  'personal-info',
  'hotkeys',
  'email-preferences',
  'membership-info',
  'personal-access-token',
  'legacy-token',
] as const;

/** One section of the account settings page. */
export type AccountSectionId = (typeof ACCOUNT_SECTIONS)[number];

/** Options of `useAccountSettings`. */
export interface UseAccountSettingsOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The open section, when the host's router owns it. */
  section?: AccountSectionId;
  /** The first open section, when the page keeps its own. @default the first available */
  defaultSection?: AccountSectionId;
  /** Called with the section to open, after any unsaved changes were confirmed away. */
  onSectionChange?: (section: AccountSectionId) => void;
  /** The sections to offer at most; the adapter and the organization's token settings may hide more. */
  sections?: readonly AccountSectionId[];
}

/** What `useAccountSettings` returns. */
export interface UseAccountSettingsResult {
  /** The sections to show, in order. */
  sections: AccountSectionId[];
  /** The open section. */
  current: AccountSectionId;
  /** Whether the open section has unsaved changes. */
  isDirty: boolean;
  /** For the open section's components to report unsaved changes. */
  setDirty: (dirty: boolean) => void;
  /** Asks to open a section; with unsaved changes it waits for `confirmLeave`. */
  requestSection: (section: AccountSectionId) => void;
  /** The section waiting for the user to confirm leaving unsaved changes, or `null`. */
  pendingSection: AccountSectionId | null;
  /** Leaves the dirty section for the pending one, losing its changes. */
  confirmLeave: () => void;
  /** Stays in the dirty section. */
  cancelLeave: () => void;
  /** Whether the token settings are still loading (token sections appear when they arrive). */
  isLoading: boolean;
}

/**
 * The headless account settings page: which sections the adapter and the organization allow,
 * which one is open (controlled by the host's router or kept here), and the unsaved-changes
 * guard when switching.
 *
 * @example
 * const page = useAccountSettings({ section: params.section, onSectionChange: (id) => navigate(`/account/${id}`) });
 */
export function useAccountSettings(options: UseAccountSettingsOptions = {}): UseAccountSettingsResult {
  const adapter = useAdapter(options.adapter);
  const settings = useResource(
    (signal) => (adapter.getTokenSettings ? adapter.getTokenSettings({ signal }) : Promise.resolve(null)),
    [adapter],
  );
  const tokenSettings = settings.data;
  const allowed = new Set(options.sections ?? ACCOUNT_SECTIONS);
  const available = ACCOUNT_SECTIONS.filter((id) => {
    if (!allowed.has(id)) return false;
    switch (id) {
      case 'personal-info':
        return true;
      case 'hotkeys':
        return typeof adapter.getHotkeys === 'function';
      case 'email-preferences':
        return typeof adapter.getEmailPreferences === 'function';
      case 'membership-info':
        return typeof adapter.getMembership === 'function';
      case 'personal-access-token':
        return (
          typeof adapter.listPersonalTokens === 'function' &&
          (tokenSettings?.personalTokensEnabled ?? tokenSettings === null)
        );
      case 'legacy-token':
        return (
          typeof adapter.getLegacyToken === 'function' && (tokenSettings?.legacyTokenEnabled ?? tokenSettings === null)
        );
    }
  });

  const [selected, setSelected] = useControllableState<AccountSectionId>(
    options.section,
    options.defaultSection ?? available[0] ?? 'personal-info',
    options.onSectionChange,
  );
  // A section the page can't show (a token section the organization turned off) falls back to the first.
  const current = available.includes(selected) ? selected : (available[0] ?? 'personal-info');
  const [isDirty, setDirty] = useState(false);
  const [pendingSection, setPendingSection] = useState<AccountSectionId | null>(null);
  const dirtyRef = useRef(isDirty);
  useEffect(() => {
    dirtyRef.current = isDirty;
  });

  function open(section: AccountSectionId) {
    setDirty(false);
    setPendingSection(null);
    setSelected(section);
  }

  return {
    sections: available,
    current,
    isDirty,
    setDirty,
    requestSection: (section) => {
      if (section === current) return;
      if (dirtyRef.current) setPendingSection(section);
      else open(section);
    },
    pendingSection,
    confirmLeave: () => {
      if (pendingSection) open(pendingSection);
    },
    cancelLeave: () => setPendingSection(null),
    isLoading: settings.status === 'loading' && tokenSettings === undefined,
  };
}
