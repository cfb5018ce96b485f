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

  // Email preferences
  'email.title': 'Email preferences',
  'email.loading': 'Loading email preferences…',
  'email.empty': 'There are no email preferences to set.',
  'email.readOnly': "These preferences can't be changed here.",
  'email.saving': 'Saving…',
  'email.saveFailed': "Your change to “{label}” wasn't saved. {reason}",
  'email.preference.newsletter': 'Subscribe to news and tips',

  'avatar.title': 'Profile photo',
  'avatar.loading': 'Loading photo…',
  'avatar.upload': 'Upload photo',
  'avatar.remove': 'Remove photo',
  'avatar.hint': '{types}, at most {width} × {height} px and {size}. You can also drop or paste an image here.',
  'avatar.dropHere': 'Drop the image to use it',
  'avatar.photoAlt': 'Profile photo of {name}',
  'avatar.initialsLabel': '{name}, no photo',
  'avatar.checking': 'Checking the image…',
  'avatar.uploading': 'Uploading photo',
  'avatar.cancelUpload': 'Cancel upload',
  'avatar.uploaded': 'Photo updated',
  'avatar.removed': 'Photo removed',
  'avatar.uploadFailed': "The photo wasn't uploaded. {reason}",
  'avatar.removeFailed': "The photo wasn't removed. {reason}",
  'avatar.tooManyBytes': 'This file is {size}. The largest allowed is {limit}.',
  'avatar.tooManyBytesExact': 'This file is {bytes} bytes. The largest allowed is {limit} ({limitBytes} bytes).',
  'avatar.tooManyPixels': 'This image is {width} × {height} px. The largest allowed is {maxWidth} × {maxHeight} px.',
  'avatar.unsupportedType': "This file type ({type}) isn't supported. Use {types}.",
  'avatar.unreadable': 'This file is not a readable image.',
  'avatar.resize': 'Resize to fit',
  'avatar.resizing': 'Resizing…',
  'avatar.resizeFailed': "The image couldn't be made small enough. Try a smaller image.",
  'avatar.resized': 'Resized to {width} × {height} px, {size}. Upload it?',
  'avatar.previewAlt': 'Resized photo preview',
  'avatar.uploadResized': 'Upload resized photo',
  'avatar.discardResized': 'Discard',
  'avatar.removeTitle': 'Remove photo?',
  'avatar.removeDescription': 'Your initials will show instead of your photo.',
  'avatar.or': 'or',

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
