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

  // Hotkeys
  'hotkeys.recorder.label': 'Shortcut for {action}: {combo}',
  'hotkeys.recorder.labelNone': 'Shortcut for {action}: none',
  'hotkeys.recorder.none': 'None',
  'hotkeys.recorder.prompt': 'Press a shortcut… (Esc to cancel)',
  'hotkeys.recorder.recording': 'Recording a shortcut for {action}. Press the keys, or Escape to cancel.',
  'hotkeys.recorder.recorded': 'Shortcut for {action} set to {combo}.',
  'hotkeys.recorder.cancelled': 'Recording cancelled.',
  'hotkeys.recorder.cleared': 'Shortcut for {action} cleared.',
  'hotkeys.recorder.type': 'Type shortcut',
  'hotkeys.recorder.typeLabel': 'Shortcut for {action}, typed',
  'hotkeys.recorder.typeHint': 'For example ctrl+shift+k, alt+left or cmd+enter.',
  'hotkeys.recorder.apply': 'Apply',
  'hotkeys.editor.title': 'Keyboard shortcuts',
  'hotkeys.editor.loading': 'Loading shortcuts…',
  'hotkeys.editor.search': 'Search shortcuts',
  'hotkeys.editor.noMatches': 'No shortcut matches “{query}”.',
  'hotkeys.editor.enabled': 'Enabled: {action}',
  'hotkeys.editor.reset': 'Reset',
  'hotkeys.editor.resetRow': 'Reset {action} to {combo}',
  'hotkeys.editor.alsoUsedBy': 'Also used by {actions}.',
  'hotkeys.editor.actionInSection': '{action} ({section})',
  'hotkeys.editor.duplicate': '{combo} is already used by {actions}. Use it here too?',
  'hotkeys.editor.allowDuplicate': 'Allow duplicate',
  'hotkeys.editor.save': 'Save',
  'hotkeys.editor.saving': 'Saving…',
  'hotkeys.editor.saved': 'Shortcuts saved',
  'hotkeys.editor.discard': 'Discard changes',
  'hotkeys.editor.resetAll': 'Reset to defaults',
  'hotkeys.editor.resetAllTitle': 'Reset all shortcuts to their defaults?',
  'hotkeys.editor.resetAllDescription':
    'Every shortcut you changed goes back to its default, and this is saved at once.',
  'hotkeys.editor.resetDone': 'All shortcuts are back to their defaults.',
  'hotkeys.editor.export': 'Export',
  'hotkeys.editor.copyJson': 'Copy JSON',
  'hotkeys.editor.copied': 'Copied',
  'hotkeys.editor.copyFailed': "The JSON couldn't be copied. Use Export instead.",
  'hotkeys.editor.import': 'Import',
  'hotkeys.editor.count': { one: '{count} shortcut', other: '{count} shortcuts' },
  'hotkeys.import.title': 'Import shortcuts',
  'hotkeys.import.description':
    "Paste a hotkeys export (Label Studio's format) or choose a file. Nothing changes until you apply it, and you can still discard it before saving.",
  'hotkeys.import.json': 'Hotkeys JSON',
  'hotkeys.import.chooseFile': 'Choose file',
  'hotkeys.import.fileTooLarge': 'This file is {size}. The largest allowed is 1 MB.',
  'hotkeys.import.problems': { one: '{count} problem must be fixed:', other: '{count} problems must be fixed:' },
  'hotkeys.import.warnings': { one: '{count} note:', other: '{count} notes:' },
  'hotkeys.import.problemAt': 'Entry {index}, {field}: {message}',
  'hotkeys.import.problemAtIndex': 'Entry {index}: {message}',
  'hotkeys.import.preview': '{changed}, {unknown}.',
  'hotkeys.import.changed': { one: '{count} shortcut changes', other: '{count} shortcuts change' },
  'hotkeys.import.unknown': { one: '{count} unknown action ignored', other: '{count} unknown actions ignored' },
  'hotkeys.import.apply': 'Apply',
  'hotkeys.import.applied': {
    one: 'Imported {count} change. Save to keep it.',
    other: 'Imported {count} changes. Save to keep them.',
  },

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
