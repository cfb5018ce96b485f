// Which key presses belong to the page rather than to an app shortcut: keys the focused control
// acts on, and everything while a modal dialog is open. DOM-only, no React.

/** Controls that Enter or Space activates or toggles. */
const ACTIVATED_BY_ENTER_OR_SPACE = [
  'button',
  'a[href]',
  'area[href]',
  'summary',
  'input[type=button]',
  'input[type=submit]',
  'input[type=reset]',
  'input[type=image]',
  'input[type=checkbox]',
  'input[type=radio]',
  'input[type=color]',
  'input[type=file]',
  '[role=button]',
  '[role=link]',
  '[role=checkbox]',
  '[role=switch]',
  '[role=radio]',
  // menuitem, menuitemcheckbox and menuitemradio
  '[role^=menuitem]',
  '[role=option]',
  '[role=tab]',
].join(',');

/**
 * Widgets whose focus or value arrow keys (and Home, End, Page Up, Page Down) move; their items
 * are found through them (`closest`), bare radio inputs by themselves.
 */
const MOVED_BY_ARROWS = [
  'select',
  'input[type=range]',
  'input[type=radio]',
  '[role=menu]',
  '[role=menubar]',
  '[role=listbox]',
  '[role=slider]',
  '[role=spinbutton]',
  '[role=radiogroup]',
  '[role=tablist]',
  '[role=tree]',
  '[role=treegrid]',
  '[role=grid]',
].join(',');

const DIALOGS = 'dialog,[role=dialog],[role=alertdialog]';

/** The element a key event happened in, inside open shadow roots too. */
export function keyEventTarget(event: KeyboardEvent): Element | null {
  const target = event.composedPath?.()[0] ?? event.target;
  return typeof (target as Partial<Element> | null)?.closest === 'function' ? (target as Element) : null;
}

/**
 * Whether the focused control acts on this key itself, so a shortcut on it must not also run:
 * Enter or Space (without Ctrl, Alt or Meta) on a button, link, checkbox, switch, radio, tab,
 * option, menu item or `summary`; an arrow key, Home, End, Page Up or Page Down (without Alt or
 * Meta) in a menu, listbox, slider, radio group, tablist, tree, grid, `select` or range input;
 * Escape inside a dialog.
 * @param combo - the normalized combo the press makes (`shift+space`, `ctrl+down`).
 */
export function isKeyForFocusedControl(element: Element | null, combo: string): boolean {
  if (!element) return false;
  // Normalized combos list their modifiers in the order ctrl, shift, alt, meta.
  if (/^(shift\+)?(enter|space)$/.test(combo)) return element.closest(ACTIVATED_BY_ENTER_OR_SPACE) !== null;
  if (/^(ctrl\+)?(shift\+)?(up|down|left|right|home|end|pageup|pagedown)$/.test(combo)) {
    return element.closest(MOVED_BY_ARROWS) !== null;
  }
  return /(^|\+)escape$/.test(combo) && element.closest(DIALOGS) !== null;
}

/**
 * Whether a modal dialog is open in the document: an element with `aria-modal="true"`, a
 * `<dialog>` opened with `showModal()`, or a Radix modal dialog or alert dialog (the library's
 * own dialogs are these), which sets no `aria-modal` but hides the rest of the page from
 * assistive technology while open (marking what it hid with `data-aria-hidden`).
 */
export function isModalDialogOpen(document: Document | null | undefined): boolean {
  // A selector the engine doesn't know (`:modal` in old ones) finds nothing rather than throwing.
  const find = (selector: string) => {
    try {
      return document?.querySelector(selector);
    } catch {
      return null;
    }
  };
  return !!(
    find('[aria-modal="true"]') ||
    find('dialog:modal') ||
    (find('[data-aria-hidden]') && find('[role=dialog][data-state=open],[role=alertdialog][data-state=open]'))
  );
}
