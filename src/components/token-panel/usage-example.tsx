import type { Translate } from '../../hooks/use-translate';
import { CopyButton } from '../shared/copy-button';

/** Props of the usage example: the adapter's example text and, for Copy, the secret to fill in. */
export interface UsageExampleProps {
  example: string | undefined;
  secret?: () => string;
  t: Translate;
}

/** How to use a token: the example with a placeholder on screen; Copy fills in the secret. */
export function UsageExample({ example, secret, t }: UsageExampleProps) {
  if (!example) return null;
  // The example on screen never holds a real secret; Copy fills it in.
  const shown = example.replaceAll('{token}', t('tokens.usage.tokenPlaceholder'));
  return (
    <figure data-slot="ras-token-example">
      <figcaption>{t('tokens.usage.example')}</figcaption>
      {/* A command line reads left to right, in a right-to-left page too. */}
      <pre dir="ltr">
        <code>{shown}</code>
      </pre>
      <CopyButton
        getText={() => (secret ? example.replaceAll('{token}', secret()) : shown)}
        label={t('tokens.usage.copyExample')}
        t={t}
      />
    </figure>
  );
}
