import { useEffect, useRef, useState, type ComponentPropsWithRef, type MouseEvent, type ReactNode } from 'react';
import type { AccountAdapter } from '../adapters/types';
import { mergeProps, type MergedProps } from './merge-props';
import { useAdapter } from './use-adapter';
import { useControllableState } from './use-controllable-state';
import { useResource } from './use-resource';
import { useTokenSettingsUpdates } from './token-settings-updates';
import * as defaultPreset from '../label-studio/default-preset';

/** The sections of the account settings page, in menu order: the default preset's `accountSections`. */
export const ACCOUNT_SECTIONS = defaultPreset.accountSections;

/** One of the page's own sections. */
export type AccountSectionId = (typeof ACCOUNT_SECTIONS)[number];

/** Any section of the page: one of its own, or the id of a section the host added. */
export type SettingsSectionId = AccountSectionId | (string & {});

/** What the unsaved-changes guard needs from a section's content: a way to report unsaved changes. */
export interface SettingsSectionContext {
  /** Tells the page whether the section has unsaved changes, so leaving it asks first. */
  setDirty: (dirty: boolean) => void;
}

/** A section the host adds to the page, with its own menu label and content. */
export interface CustomSettingsSection {
  /** The section's id, used in `section`, `onSectionChange` and `getSectionHref`; must differ from the page's own ids. */
  id: string;
  /** The section's name in the menu, its heading and the unsaved-changes question. */
  label: string;
  /** A line under the heading (phrasing content: it renders in a `<p>`). */
  description?: ReactNode;
  /** What the section shows; a function receives `setDirty` to guard unsaved changes. */
  content: ReactNode | ((context: SettingsSectionContext) => ReactNode);
  /** The section it follows in the menu (when it is shown); without `after` or `before`, it goes last. */
  after?: SettingsSectionId;
  /** The section it precedes in the menu (when it is shown). */
  before?: SettingsSectionId;
}

/** Why the open section changed, passed to `onSectionChange`. */
export interface SectionChangeDetails {
  /** The section's link, when the host gave `getSectionHref`. */
  href?: string;
  /** Whether the page also called `navigate(href)` (a link in client-side navigation). */
  isClientNavigation: boolean;
}

/** Options of `useAccountSettings`. */
export interface UseAccountSettingsOptions {
  /** The adapter to use instead of the provider's. */
  adapter?: AccountAdapter;
  /** The open section, when the host's router owns it. */
  section?: SettingsSectionId;
  /** The first open section, when the page keeps its own. @default the first available */
  defaultSection?: SettingsSectionId;
  /** Called with the section to open and why, after any unsaved changes were confirmed away. */
  onSectionChange?: (section: SettingsSectionId, details: SectionChangeDetails) => void;
  /** The page's own sections to offer at most; the adapter and the organization's token settings may hide more. */
  sections?: readonly AccountSectionId[];
  /** The host's own sections, placed in the menu by their `after` or `before`. */
  customSections?: readonly CustomSettingsSection[];
  /** Each section's URL: the menu becomes real links, so opening in a new tab, copying and Back work. */
  getSectionHref?: (section: SettingsSectionId) => string;
  /**
   * The host router's navigate, for client-side navigation (as React Aria's `RouterProvider`): a
   * plain click on a menu link then calls it instead of loading the page. Without it the browser
   * follows the link.
   */
  navigate?: (href: string) => void;
  /** Called whenever the page starts or stops having unsaved changes (to guard the host's own links). */
  onDirtyChange?: (dirty: boolean) => void;
}

/** What `useAccountSettings` returns. */
export interface UseAccountSettingsResult {
  /** The sections to show, in order (the host's own among them). */
  sections: SettingsSectionId[];
  /** The open section. */
  current: SettingsSectionId;
  /** The host's section that is open, or `null` when it is one of the page's own. */
  currentCustomSection: CustomSettingsSection | null;
  /** Whether the open section has unsaved changes. */
  isDirty: boolean;
  /** For the open section's components to report unsaved changes. */
  setDirty: (dirty: boolean) => void;
  /** Asks to open a section; with unsaved changes it waits for `confirmLeave`. */
  requestSection: (section: SettingsSectionId) => void;
  /** The section waiting for the user to confirm leaving unsaved changes, or `null`. */
  pendingSection: SettingsSectionId | null;
  /** Leaves the dirty section for the pending one, losing its changes. */
  confirmLeave: () => void;
  /** Stays in the dirty section. */
  cancelLeave: () => void;
  /**
   * For the host's router before it leaves the page (another page's link, Back): resolves `true` at
   * once when nothing is unsaved, else asks "Leave without saving?" and resolves with the answer.
   */
  requestLeave: () => Promise<boolean>;
  /** Whether the question on screen is about leaving the page (from `requestLeave`) rather than switching section. */
  isLeavingPage: boolean;
  /** Whether the token settings are still loading (token sections appear when they arrive). */
  isLoading: boolean;
  /**
   * Props for a section's menu link (needs `getSectionHref`), merged with the host's own: a plain
   * click opens the section in the page (asking first with unsaved changes), a middle, modified or
   * new-tab click is left to the browser.
   */
  getSectionLinkProps: <P extends ComponentPropsWithRef<'a'>>(
    section: SettingsSectionId,
    userProps?: P,
  ) => MergedProps<SectionLinkProps, P>;
}

/** What `getSectionLinkProps` gives a menu link. */
export interface SectionLinkProps {
  href: string | undefined;
  'aria-current': 'page' | undefined;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** Whether the browser should handle a click itself: another button, a modifier, or another target. */
function isBrowserClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (target !== null && target !== '' && target !== '_self') ||
    event.currentTarget.hasAttribute('download')
  );
}

/** Puts the host's sections into the page's own, each after or before the section it names, else last. */
function placeCustomSections(
  own: readonly SettingsSectionId[],
  custom: readonly CustomSettingsSection[],
): SettingsSectionId[] {
  const order: SettingsSectionId[] = [...own];
  const unplaced: SettingsSectionId[] = [];
  for (const section of custom) {
    const anchor = section.after ?? section.before;
    const at = anchor === undefined ? -1 : order.indexOf(anchor);
    if (at === -1) unplaced.push(section.id);
    else order.splice(section.after !== undefined ? at + 1 : at, 0, section.id);
  }
  return [...order, ...unplaced];
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
  // A save elsewhere on the page (TokenSettingsForm) shows or hides the token sections at once.
  useTokenSettingsUpdates(adapter, settings.setData);
  // When the settings can't be read, the token sections stay in the menu and show the error there.
  const tokenSettings = settings.status === 'error' && settings.latest === undefined ? null : settings.latest;
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

  const customSections = options.customSections ?? [];
  const shown = placeCustomSections(available, customSections);
  const { getSectionHref, navigate } = options;

  const [selected, setSelected] = useControllableState<SettingsSectionId>(
    options.section,
    options.defaultSection ?? shown[0] ?? 'personal-info',
    undefined,
  );
  // A section the page can't show (a token section the organization turned off) falls back to the first.
  const current = shown.includes(selected) ? selected : (shown[0] ?? 'personal-info');
  const [isDirty, setDirty] = useState(false);
  const [pendingSection, setPendingSection] = useState<SettingsSectionId | null>(null);
  // The host's question (requestLeave) waiting for an answer: shown while isLeavingPage.
  const [isLeavingPage, setLeavingPage] = useState(false);
  const answerLeave = useRef<((leave: boolean) => void) | null>(null);
  function answerPageLeave(leave: boolean) {
    const answer = answerLeave.current;
    answerLeave.current = null;
    setLeavingPage(false);
    answer?.(leave);
  }
  const dirtyRef = useRef(isDirty);
  const onSectionChange = useRef(options.onSectionChange);
  const onDirtyChange = useRef(options.onDirtyChange);
  useEffect(() => {
    dirtyRef.current = isDirty;
    onSectionChange.current = options.onSectionChange;
    onDirtyChange.current = options.onDirtyChange;
  });
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current === isDirty) return;
    reported.current = isDirty;
    onDirtyChange.current?.(isDirty);
  }, [isDirty]);

  // A question still open when the page goes away counts as staying.
  useEffect(() => () => answerLeave.current?.(false), []);

  // Reload, closing the tab or a link outside the page: the browser's own question while anything is unsaved.
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  /** Opens a section; through a link with client-side navigation, also navigates to it. */
  function open(section: SettingsSectionId, throughLink: boolean) {
    setDirty(false);
    setPendingSection(null);
    setSelected(section);
    const href = getSectionHref?.(section);
    const isClientNavigation = throughLink && href !== undefined && navigate !== undefined;
    onSectionChange.current?.(section, { href, isClientNavigation });
    if (isClientNavigation) navigate(href);
    // A link without a router: the user confirmed leaving, so the browser goes there now.
    else if (throughLink && href !== undefined) window.location.assign(href);
  }

  const [pendingThroughLink, setPendingThroughLink] = useState(false);
  function request(section: SettingsSectionId, throughLink: boolean) {
    if (section === current) return;
    if (dirtyRef.current) {
      setPendingThroughLink(throughLink);
      setPendingSection(section);
    } else open(section, throughLink);
  }

  return {
    sections: shown,
    current,
    currentCustomSection: customSections.find((section) => section.id === current) ?? null,
    isDirty,
    setDirty,
    requestSection: (section) => request(section, false),
    pendingSection,
    confirmLeave: () => {
      if (answerLeave.current) {
        setDirty(false);
        answerPageLeave(true);
      } else if (pendingSection) open(pendingSection, pendingThroughLink);
    },
    cancelLeave: () => {
      if (answerLeave.current) answerPageLeave(false);
      setPendingSection(null);
    },
    requestLeave: () => {
      if (!dirtyRef.current) return Promise.resolve(true);
      // A second question replaces the first, which counts as staying.
      answerLeave.current?.(false);
      return new Promise<boolean>((resolve) => {
        answerLeave.current = resolve;
        setLeavingPage(true);
      });
    },
    isLeavingPage,
    isLoading: settings.status === 'loading' && tokenSettings === undefined,
    getSectionLinkProps: (section, userProps) =>
      mergeProps<SectionLinkProps, NonNullable<typeof userProps>>(
        {
          href: getSectionHref?.(section),
          'aria-current': section === current ? 'page' : undefined,
          onClick: (event) => {
            if (isBrowserClick(event)) return;
            if (section === current) {
              // Already here: stay, rather than reload the page.
              event.preventDefault();
              return;
            }
            if (dirtyRef.current) {
              // Ask before the browser or the router leaves the unsaved changes.
              event.preventDefault();
              request(section, true);
              return;
            }
            if (navigate !== undefined) event.preventDefault();
            // Without a router the browser follows the link; the page still reports the change.
            if (navigate !== undefined) open(section, true);
            else {
              setSelected(section);
              onSectionChange.current?.(section, { href: getSectionHref?.(section), isClientNavigation: false });
            }
          },
        },
        userProps,
      ),
  };
}
