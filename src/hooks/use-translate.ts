import { en, type MessageKey, type MessageValues } from '../i18n/en';
import { formatMessage } from '../i18n/format-message';
import { useOptionalAccount } from '../provider/account-context';

/** Formats a catalogue message. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const english: Translate = (key, values) => formatMessage(en[key], values);

/** The provider's message formatter, or plain English outside a provider (hooks given an adapter prop). */
export function useTranslate(): Translate {
  return useOptionalAccount()?.t ?? english;
}
