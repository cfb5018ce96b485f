import type { Message, MessageValues } from './en';

const pluralRulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

/**
 * Fills a message's `{placeholders}` and, for plural messages, picks the form for `count`.
 * Numbers are formatted for the locale; unknown placeholders are left as written.
 */
export function formatMessage(message: Message, values: MessageValues = {}, locale = 'en-US'): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = typeof values.count === 'number' ? values.count : Number(values.count);
    const category = Number.isFinite(count) ? pluralRules(locale).select(count) : 'other';
    template = message[category] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}
