import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { usePortalContainer, useThemeAttributes } from '../../hooks/use-appearance';

/**
 * Radix's `Dialog.Portal` aimed at the provider's container, so a dialog keeps the host's theme,
 * direction and --ras-* overrides; `document.body` outside a provider. Renders nothing for the one
 * render before the provider's container is attached, so a dialog open from the start never
 * mounts in the body first. The box-less wrapper carries the provider's theme, which a container
 * the host chose (`portalContainer`) would not have.
 */
export function DialogPortal({ children }: { children: ReactNode }) {
  const target = usePortalContainer();
  const themeAttributes = useThemeAttributes();
  if (target === 'pending') return null;
  return (
    <Dialog.Portal container={target ?? undefined}>
      <div data-slot="ras-dialog-layer" {...themeAttributes} style={{ display: 'contents' }}>
        {children}
      </div>
    </Dialog.Portal>
  );
}
