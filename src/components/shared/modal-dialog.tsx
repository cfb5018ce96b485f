import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef, useCallback, useRef, type ComponentPropsWithoutRef, type ReactNode, type Ref } from 'react';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { DialogPortal } from './dialog-portal';
import { pushModal } from './modal-stack';

/** What every modal's content element needs: its place on the modal stack and focus given back. */
export interface ModalLayer {
  /** The content element's ref: puts the modal on the stack while it is mounted. */
  ref: (element: HTMLElement | null) => void;
  /** Remembers what had focus when the modal opened. */
  onOpenAutoFocus: (event: Event) => void;
  /** Gives focus back to what had it when the modal opened, if it is still on the page. */
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * The wiring shared by `ModalDialog` and `ConfirmDialog`: while the content is mounted it is the
 * top of the stack of open modals (everything else is inert), and when it closes focus returns
 * to what had it when it opened; without such an element (a dialog open from the start) Radix's
 * own choice (the trigger) stands. `onOpenAutoFocus`/`onCloseAutoFocus` given run first.
 */
export function useModalLayer(
  handlers: { onOpenAutoFocus?: (event: Event) => void; onCloseAutoFocus?: (event: Event) => void } = {},
): ModalLayer {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const popModal = useRef<(() => void) | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    popModal.current?.();
    popModal.current = element ? pushModal(element) : null;
  }, []);
  return {
    ref,
    onOpenAutoFocus: (event) => {
      handlers.onOpenAutoFocus?.(event);
      const active = document.activeElement;
      returnFocusTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    onCloseAutoFocus: (event) => {
      handlers.onCloseAutoFocus?.(event);
      if (event.defaultPrevented) return;
      const target = returnFocusTo.current;
      returnFocusTo.current = null;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}

/** Props of `ModalDialog.Content`: Radix's `Dialog.Content` props plus the title and description. */
export interface ModalDialogContentProps extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'title'> {
  /** The dialog's heading and accessible name. */
  title: ReactNode;
  /** The dialog's accessible description; without one the dialog has none (no `aria-describedby`). */
  description?: ReactNode;
}

/**
 * A modal dialog's content in the provider's portal container, over an overlay, with its title
 * and description; while open, the rest of the page is inert, and focus returns where it was.
 */
const Content = forwardRef<HTMLDivElement, ModalDialogContentProps>(function ModalDialogContent(
  { title, description, children, onOpenAutoFocus, onCloseAutoFocus, ...props },
  forwardedRef,
) {
  const layer = useModalLayer({ onOpenAutoFocus, onCloseAutoFocus });
  const ref = useComposedRefs(forwardedRef as Ref<HTMLDivElement>, layer.ref);
  return (
    <DialogPortal>
      <Dialog.Overlay data-slot="ras-dialog-overlay" />
      <Dialog.Content
        data-slot="ras-dialog-content"
        {...(description === undefined ? { 'aria-describedby': undefined } : null)}
        {...props}
        ref={ref}
        onOpenAutoFocus={layer.onOpenAutoFocus}
        onCloseAutoFocus={layer.onCloseAutoFocus}
      >
        <Dialog.Title data-slot="ras-dialog-title">{title}</Dialog.Title>
        {description === undefined ? null : (
          <Dialog.Description data-slot="ras-dialog-description">{description}</Dialog.Description>
        )}
        {children}
      </Dialog.Content>
    </DialogPortal>
  );
});

/**
 * The one modal dialog of the library, on Radix's Dialog: `Root` (open state), `Trigger` (the
 * opener, optional), `Content` (title, description, the body) and `Close` (wraps a button that
 * closes it).
 *
 * @example
 * <ModalDialog.Root open={open} onOpenChange={setOpen}>
 *   <ModalDialog.Content title="Import hotkeys" description="Paste JSON.">…</ModalDialog.Content>
 * </ModalDialog.Root>
 */
export const ModalDialog = {
  Root: Dialog.Root,
  Trigger: Dialog.Trigger,
  Content,
  Close: Dialog.Close,
};
