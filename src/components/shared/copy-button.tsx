import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../../hooks/use-translate';

/** Props of the shared Copy button. */
export interface CopyButtonProps {
  /** Returns the text to copy at the moment of the click (so secrets need not sit in props longer than needed). */
  getText: () => string;
  /** The button's text. */
  label: string;
  /** The accessible name, when the visible text needs context ("Copy token"). */
  accessibleName?: string;
  /** Formats catalogue messages. */
  t: Translate;
  /** Called once the text is on the clipboard. */
  onCopied?: () => void;
}

/** Copies text to the clipboard and says "Copied" for a moment; says so when copying fails. */
export function CopyButton({ getText, label, accessibleName, t, onCopied }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <>
      <button
        type="button"
        data-slot="ras-button"
        data-variant="secondary"
        aria-label={accessibleName}
        onClick={async () => {
          clearTimeout(timer.current);
          try {
            await navigator.clipboard.writeText(getText());
            setState('copied');
            onCopied?.();
            timer.current = setTimeout(() => setState('idle'), 2000);
          } catch {
            setState('failed');
          }
        }}
      >
        {state === 'copied' ? t('tokens.copied') : label}
      </button>
      <span role="status" data-slot="ras-copy-status">
        {state === 'failed' ? t('tokens.copyFailed') : ''}
      </span>
    </>
  );
}
