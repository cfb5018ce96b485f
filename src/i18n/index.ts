export { en, type Message, type MessageKey, type Messages, type MessageValues, type PluralMessage } from './en';
export { formatMessage } from './format-message';
