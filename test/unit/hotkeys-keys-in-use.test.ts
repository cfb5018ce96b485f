import { afterEach, describe, expect, it } from 'vitest';
import { isKeyForFocusedControl, isModalDialogOpen } from '../../src/hooks/hotkeys/keys-in-use';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Puts markup on the page and returns the element matching the selector. */
function mount(html: string, selector: string): Element {
  document.body.innerHTML = html;
  const element = document.querySelector(selector);
  if (!element) throw new Error(`${selector} is not in ${html}`);
  return element;
}

describe('isKeyForFocusedControl', () => {
  it('leaves Enter, Space and Shift+Space to a button, but not Ctrl+Enter, Alt+Space or other keys', () => {
    const button = mount('<button type="button">Save</button>', 'button');
    expect(isKeyForFocusedControl(button, 'enter')).toBe(true);
    expect(isKeyForFocusedControl(button, 'space')).toBe(true);
    expect(isKeyForFocusedControl(button, 'shift+space')).toBe(true);
    expect(isKeyForFocusedControl(button, 'ctrl+enter')).toBe(false);
    expect(isKeyForFocusedControl(button, 'alt+space')).toBe(false);
    expect(isKeyForFocusedControl(button, 'r')).toBe(false);
    expect(isKeyForFocusedControl(button, 'down')).toBe(false);
  });

  it('leaves Enter and Space to menu items, options and tabs by role', () => {
    for (const role of ['menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'tab', 'switch', 'link']) {
      const item = mount(`<div role="${role}" tabindex="0">Item</div>`, 'div');
      expect(isKeyForFocusedControl(item, 'enter'), role).toBe(true);
    }
    const plain = mount('<div tabindex="0">Canvas</div>', 'div');
    expect(isKeyForFocusedControl(plain, 'enter')).toBe(false);
    expect(isKeyForFocusedControl(mount('<a>No link</a>', 'a'), 'enter')).toBe(false);
  });

  it('leaves arrows, Home, End and Page keys to a widget and its items, with Shift or Ctrl too, but not with Alt', () => {
    const option = mount('<div role="listbox"><div role="option" tabindex="0">Car</div></div>', '[role=option]');
    for (const combo of ['down', 'up', 'home', 'end', 'pageup', 'pagedown', 'shift+down', 'ctrl+up']) {
      expect(isKeyForFocusedControl(option, combo), combo).toBe(true);
    }
    expect(isKeyForFocusedControl(option, 'alt+left')).toBe(false);
    expect(isKeyForFocusedControl(mount('<input type="range">', 'input'), 'right')).toBe(true);
    expect(isKeyForFocusedControl(mount('<button>Play</button>', 'button'), 'right')).toBe(false);
  });

  it('leaves Escape to a dialog it is pressed in, and only there', () => {
    const inside = mount('<div role="dialog"><button>Close</button></div>', 'button');
    expect(isKeyForFocusedControl(inside, 'escape')).toBe(true);
    expect(isKeyForFocusedControl(mount('<button>Close</button>', 'button'), 'escape')).toBe(false);
    expect(isKeyForFocusedControl(null, 'escape')).toBe(false);
  });
});

describe('isModalDialogOpen', () => {
  it('sees an aria-modal element and a Radix modal (an open dialog while the rest is aria-hidden), not a popover', () => {
    expect(isModalDialogOpen(document)).toBe(false);
    mount('<div role="dialog" aria-modal="true"></div>', 'div');
    expect(isModalDialogOpen(document)).toBe(true);
    mount(
      '<main aria-hidden="true" data-aria-hidden="true"></main><div role="alertdialog" data-state="open"></div>',
      'div',
    );
    expect(isModalDialogOpen(document)).toBe(true);
    mount('<div role="dialog" data-state="open">A popover</div>', 'div');
    expect(isModalDialogOpen(document)).toBe(false);
    expect(isModalDialogOpen(null)).toBe(false);
  });
});
