/** The locale everything falls back to: the language of the catalogue that is always there. */
export const FALLBACK_LOCALE = 'en-US';

/** What `resolveLocale` made of the tag a host passed. */
export interface ResolvedLocale {
  /** A canonical BCP 47 tag that every `Intl` API accepts. */
  locale: string;
  /** Its language subtag (`de` for `de-AT`), lower case; empty when the tag names none (`und`). */
  language: string;
  /** Why the host's tag was not used as given: `normalized` (`en_US` read as `en-US`) or `malformed` (replaced by en-US). */
  problem?: 'normalized' | 'malformed';
}

/**
 * Reads a host's locale tag without ever throwing: underscores become hyphens (`en_US` →
 * `en-US`), case is canonicalized (`de-de` → `de-DE`), and a tag `Intl` refuses (`!!`) becomes
 * en-US. `Intl` throws a RangeError for such tags, which would otherwise unmount the tree.
 */
export function resolveLocale(tag: string): ResolvedLocale {
  const hyphenated = tag.trim().replace(/_/g, '-');
  let locale: string | undefined;
  try {
    locale = Intl.getCanonicalLocales(hyphenated)[0];
  } catch {
    locale = undefined;
  }
  if (!locale) return { locale: FALLBACK_LOCALE, language: 'en', problem: 'malformed' };
  const language = (new Intl.Locale(locale).language ?? '').toLowerCase();
  return locale === tag ? { locale, language } : { locale, language, problem: 'normalized' };
}
