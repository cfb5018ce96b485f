const MODIFIERS: Record<string, string> = { ctrl: 'Control', shift: 'Shift', alt: 'Alt', meta: 'Meta' };

// Keys are matched by KeyboardEvent.code where one exists, so a binding works on any keyboard
// layout, as the recorder records it.
const CODES: Record<string, string> = {
  left: 'ArrowLeft',
  right: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  enter: 'Enter',
  escape: 'Escape',
  space: 'Space',
  backspace: 'Backspace',
  delete: 'Delete',
  tab: 'Tab',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  plus: 'Equal',
  minus: 'Minus',
  '.': 'Period',
  ',': 'Comma',
  '/': 'Slash',
  ';': 'Semicolon',
  "'": 'Quote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  '=': 'Equal',
  '-': 'Minus',
  '`': 'Backquote',
};

/** Turns a normalized combo (`ctrl+shift+k`) into a tinykeys keybinding (`Control+Shift+KeyK`). */
export function toKeybinding(combo: string): string {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((part) => MODIFIERS[part] ?? part);
  let code: string;
  if (/^[a-z]$/.test(key)) code = `Key${key.toUpperCase()}`;
  else if (/^[0-9]$/.test(key)) code = `Digit${key}`;
  else if (/^f([1-9]|1[0-2])$/.test(key)) code = key.toUpperCase();
  else code = CODES[key] ?? key;
  return [...modifiers, code].join('+');
}
