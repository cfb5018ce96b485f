import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button } from './button';
import { DialogPortal } from './dialog-portal';
import { useModalLayer } from './modal-dialog';

/** Props of the shared confirmation dialog. */
export interface ConfirmDialogProps {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called when the dialog asks to open or close (Escape, Cancel). */
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
 * A modal question (`role="alertdialog"`, on Radix's AlertDialog) with Cancel, which has focus
 * when it opens, and a named action; a click outside doesn't answer it, the rest of the page is
 * inert meanwhile, and focus returns to where it was when it closes.
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
  const layer = useModalLayer();
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <DialogPortal portal={AlertDialog.Portal}>
        <AlertDialog.Overlay data-slot="ras-dialog-overlay" />
        <AlertDialog.Content data-slot="ras-dialog-content" {...layer}>
          <AlertDialog.Title data-slot="ras-dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description data-slot="ras-dialog-description">{description}</AlertDialog.Description>
          {children}
          <div data-slot="ras-dialog-actions">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{cancelLabel}</Button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action, which would close at once: the caller closes when the action is done. */}
            <Button variant={destructive ? 'danger' : 'primary'} pending={isPending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </DialogPortal>
    </AlertDialog.Root>
  );
}
