import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentType, ReactNode } from 'react';
import { usePortalContainer, useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `DialogPortal`. */
export interface DialogPortalProps {
  /** The dialog's layers. */
  children: ReactNode;
  /** The Radix portal part of the dialog's family (`AlertDialog.Portal` for an alert dialog). @default Dialog.Portal */
  portal?: ComponentType<{ container?: HTMLElement; children?: ReactNode }>;
}

/**
 * Radix's `Dialog.Portal` aimed at the provider's container, so a dialog keeps the host's theme,
 * direction and --ras-* overrides; `document.body` outside a provider. Renders nothing for the one
 * render before the provider's container is attached, so a dialog open from the start never
 * mounts in the body first. The box-less wrapper carries the provider's theme, which a container
 * the host chose (`portalContainer`) would not have.
 */
export function DialogPortal({ children, portal: Portal = Dialog.Portal }: DialogPortalProps) {
  const target = usePortalContainer();
  const themeAttributes = useThemeAttributes();
  if (target === 'pending') return null;
  return (
    <Portal container={target ?? undefined}>
      <div data-slot="ras-dialog-layer" {...themeAttributes} style={{ display: 'contents' }}>
        {children}
      </div>
    </Portal>
  );
}
