import type { Message, MessageKey, Messages, PluralMessage } from '../../src/i18n/en';

/** Where a pseudo-localized message starts. */
export const PSEUDO_OPEN = '⟦';
/** Where a pseudo-localized message ends. */
export const PSEUDO_CLOSE = '⟧';

function mark(text: string): string {
  return `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`;
}

/**
 * A pseudo-locale for tests: every message (and every plural form) wrapped in `⟦…⟧`, with its
 * `{placeholders}` kept, so that any text on screen outside the markers did not come from the catalogue.
 *
 * @example
 * <AccountProvider adapter={adapter} messages={pseudo(en)}>…</AccountProvider>
 */
export function pseudo(messages: Messages): Messages {
  const marked: Partial<Record<MessageKey, Message>> = {};
  for (const key of Object.keys(messages) as MessageKey[]) {
    const message = messages[key];
    marked[key] =
      typeof message === 'string'
        ? mark(message)
        : (Object.fromEntries(Object.entries(message).map(([form, text]) => [form, mark(text)])) as PluralMessage);
  }
  return marked as Messages;
}

/**
 * The parts of a text outside every `⟦…⟧` (markers may nest, as when one message is a value of
 * another). Throws on markers that do not pair up, which would mean a message was cut apart.
 */
export function unmarkedParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === PSEUDO_OPEN) {
      if (depth === 0 && current) parts.push(current);
      if (depth === 0) current = '';
      depth += 1;
    } else if (character === PSEUDO_CLOSE) {
      depth -= 1;
      if (depth < 0) throw new Error(`Unpaired ${PSEUDO_CLOSE} in ${JSON.stringify(text)}`);
    } else if (depth === 0) {
      current += character;
    }
  }
  if (depth !== 0) throw new Error(`Unpaired ${PSEUDO_OPEN} in ${JSON.stringify(text)}`);
  if (current) parts.push(current);
  return parts;
}
