import { forwardRef, type ComponentPropsWithoutRef, type MouseEvent } from 'react';

/** Props of the shared `Button`: a `<button>`'s own props (but `disabled`) plus its look and state. */
export interface ButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'disabled'> {
  /** The look: `primary`, `secondary`, `danger` or `ghost`. @default 'secondary' */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /**
   * Whether the button can't be used now. It stays focusable and announced (`aria-disabled`,
   * written out as given, so `false` reads `aria-disabled="false"` and leaving it out writes
   * nothing), and a click does nothing.
   */
  unavailable?: boolean;
  /** Whether the button's action is under way: busy (`aria-busy`), unavailable, and a click does nothing. */
  pending?: boolean;
  /** The id of the element that says why the button is unavailable: its accessible description while it is. */
  unavailableReasonId?: string;
}

/**
 * The library's button: `data-slot="ras-button"` with its variant, and, when it can't be used
 * (`unavailable`) or its action is under way (`pending`), `aria-disabled` instead of `disabled`,
 * so focus stays on it and a screen reader still finds it, with clicks ignored (a submit button
 * doesn't submit).
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'secondary',
    unavailable,
    pending = false,
    unavailableReasonId,
    type = 'button',
    onClick,
    'aria-describedby': describedBy,
    ...props
  },
  ref,
) {
  const blocked = pending || unavailable === true;
  const reason = blocked ? unavailableReasonId : undefined;
  const description = (describedBy && reason ? `${describedBy} ${reason}` : describedBy || reason) || undefined;
  return (
    <button
      {...props}
      ref={ref}
      type={type}
      data-slot="ras-button"
      data-variant={variant}
      aria-disabled={pending ? true : unavailable}
      aria-busy={pending || undefined}
      aria-describedby={description}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (blocked) {
          // Also keeps a submit button from submitting its form.
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
});
