import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { usePortalContainer } from '../../hooks/use-appearance';

/**
 * Radix's `Dialog.Portal` aimed at the provider's container, so a dialog keeps the host's theme,
 * direction and --ras-* overrides; `document.body` outside a provider. Renders nothing for the one
 * render before the provider's container is attached, so a dialog open from the start never
 * mounts in the body first.
 */
export function DialogPortal({ children }: { children: ReactNode }) {
  const target = usePortalContainer();
  if (target === 'pending') return null;
  return <Dialog.Portal container={target ?? undefined}>{children}</Dialog.Portal>;
}
