import { useContext } from 'react';
import { AppearanceContext, type PortalTarget } from '../provider/appearance-context';

/** The attribute a component's root carries for the provider's theme (none for `'system'`). */
export interface ThemeAttributes {
  'data-ras-theme'?: 'light' | 'dark';
}

/**
 * The provider's theme as attributes for a component's root element: `data-ras-theme` when the
 * provider chose light or dark, nothing when it follows the page (`'system'`).
 *
 * @example
 * const themeAttributes = useThemeAttributes();
 * return <section data-slot="ras-token-panel" {...themeAttributes} {...rest} />;
 */
export function useThemeAttributes(): ThemeAttributes {
  const { theme } = useContext(AppearanceContext);
  return theme === 'system' ? {} : { 'data-ras-theme': theme };
}

/**
 * Where the nearest provider wants dialogs rendered: its container element, `null` for
 * `document.body` (also outside a provider), or `'pending'` until the provider's own container
 * is in the document.
 *
 * @example
 * const target = usePortalContainer();
 * if (target !== 'pending') return <Dialog.Portal container={target ?? undefined}>…</Dialog.Portal>;
 */
export function usePortalContainer(): PortalTarget {
  return useContext(AppearanceContext).portalTarget;
}
