import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, type ReactNode } from 'react';
import { DialogPortal } from './dialog-portal';

/** Makes everything Radix hid from assistive technology (marked `data-aria-hidden`) inert too, remembering what it changed. */
function makeHiddenContentInert(owned: Set<HTMLElement>): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-aria-hidden="true"]')) {
    if (element.inert) continue;
    element.inert = true;
    owned.add(element);
  }
}

/**
 * While a Radix modal is open, makes what it hid inert as well, so that nothing hidden can take
 * focus (axe: aria-hidden-focus). Radix hides the page in an effect after the dialog mounts, so
 * this waits a frame for it. Each modal gives back only what it made inert when it closes, so a
 * dialog opened over another one (a confirmation) leaves the one below usable again.
 */
export function useInertOutside(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const owned = new Set<HTMLElement>();
    const frame = requestAnimationFrame(() => makeHiddenContentInert(owned));
    return () => {
      cancelAnimationFrame(frame);
      for (const element of owned) element.inert = false;
    };
  }, [open]);
}

/**
 * Handlers for a Radix `Dialog.Content` opened without a `Dialog.Trigger`: remember what had
 * focus when it opened and give focus back there when it closes.
 */
export function useReturnFocus(): {
  onOpenAutoFocus: () => void;
  onCloseAutoFocus: (event: Event) => void;
} {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event) => {
      const target = returnFocusTo.current;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}

/** Props of the shared confirmation dialog. */
export interface ConfirmDialogProps {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called when the dialog asks to open or close (Escape, Cancel, a click outside). */
  onOpenChange: (open: boolean) => void;
  /** The question, as the dialog's accessible name. */
  title: string;
  /** What confirming will do, as the dialog's accessible description. */
  description: ReactNode;
  /** The confirm button's text, naming the action ("Remove photo"). */
  confirmLabel: string;
  /** The cancel button's text. */
  cancelLabel: string;
  /** Runs the action; the caller closes the dialog when it is done. */
  onConfirm: () => void;
  /** Whether the action destroys something, which styles the confirm button as dangerous. */
  destructive?: boolean;
  /** Whether the action is under way (the confirm button is busy). */
  isPending?: boolean;
  /** Extra content below the description, such as an error message. */
  children?: ReactNode;
}

/**
 * A modal question with Cancel and a named action; focus is trapped inside and returns to
 * where it was when the dialog closes.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  destructive = false,
  isPending = false,
  children,
}: ConfirmDialogProps) {
  useInertOutside(open);
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPortal>
        <Dialog.Overlay data-slot="ras-dialog-overlay" />
        <Dialog.Content role="alertdialog" data-slot="ras-dialog-content" {...returnFocus}>
          <Dialog.Title data-slot="ras-dialog-title">{title}</Dialog.Title>
          <Dialog.Description data-slot="ras-dialog-description">{description}</Dialog.Description>
          {children}
          <div data-slot="ras-dialog-actions">
            <Dialog.Close asChild>
              <button type="button" data-slot="ras-button" data-variant="secondary">
                {cancelLabel}
              </button>
            </Dialog.Close>
            <button
              type="button"
              data-slot="ras-button"
              data-variant={destructive ? 'danger' : 'primary'}
              aria-busy={isPending}
              aria-disabled={isPending}
              onClick={() => {
                if (!isPending) onConfirm();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </DialogPortal>
    </Dialog.Root>
  );
}
