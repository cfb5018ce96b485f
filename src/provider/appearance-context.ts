import { createContext } from 'react';

/** The colour theme a provider applies: light, dark, or whatever the page and the visitor's system say. */
export type AccountTheme = 'light' | 'dark' | 'system';

/**
 * Where dialogs portal to: an element, `null` for `document.body`, or `'pending'` while the
 * provider's own container has not been attached yet (the first render).
 */
export type PortalTarget = HTMLElement | null | 'pending';

/** How an `AccountProvider` wants its components to look and where their dialogs go. */
export interface AppearanceContextValue {
  /** The provider's `theme` prop. */
  theme: AccountTheme;
  /** Where dialogs render. */
  portalTarget: PortalTarget;
}

/** Outside a provider: follow the page, and portal to `document.body` as Radix does. */
export const AppearanceContext = createContext<AppearanceContextValue>({ theme: 'system', portalTarget: null });
