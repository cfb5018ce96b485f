/**
 * The English message catalogue: every user-visible string the library renders.
 *
 * A message is text with `{placeholders}`, or an object of plural forms chosen with
 * `Intl.PluralRules` from the `count` value.
 */
export const en = {
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.loading': 'Loading…',

  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.unauthorized': 'Your session has ended. Sign in again to continue.',
  'error.forbidden': "You don't have permission to do this.",
  'error.not_found': 'This item no longer exists.',
  'error.conflict': 'This conflicts with the current state. Reload and try again.',
  'error.too_large': 'This is larger than the server accepts.',
  'error.validation': 'Some values are not valid. Check the highlighted fields.',
  'error.rate_limited': 'Too many requests. Try again in {seconds} seconds.',
  'error.rate_limited.unknown': 'Too many requests. Wait a moment and try again.',
  'error.server': 'The server had a problem. Try again in a moment.',
  'error.aborted': 'The request was cancelled.',

  'profile.title': 'Profile',
  'profile.firstName': 'First name',
  'profile.lastName': 'Last name',
  'profile.phone': 'Phone',
  'profile.email': 'Email',
  'profile.emailHint': "Your email is your username and can't be changed.",
  'profile.save': 'Save',
  'profile.saving': 'Saving…',
  'profile.saved': 'Profile saved',
  'profile.discard': 'Discard changes',
  'profile.tooLong': 'This is {length} characters long. The longest allowed is {max}.',
  'profile.phoneInvalid': "A phone number can't contain {characters}. Use digits, spaces and + - ( ) .",
  'profile.loading': 'Loading profile…',

  'account.signedInAs': 'Signed in as {name}',
  'account.members': { one: '{count} member', other: '{count} members' },
} satisfies Record<string, Message>;

/** A message: text with `{placeholders}`, or plural forms keyed by `Intl.PluralRules` category. */
export type Message = string | PluralMessage;

/** Plural forms of a message; `other` is required, as in every language. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every message key the library uses. */
export type MessageKey = keyof typeof en;

/** A full catalogue: a message for every key. */
export type Messages = Record<MessageKey, Message>;

/** Values for a message's placeholders. */
export type MessageValues = Record<string, string | number>;
