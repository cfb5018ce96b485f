/**
 * The symbols Shift types on a US keyboard, each with the key that types it unshifted: `!` is
 * Shift+1, `?` is Shift+/. A recorder that stores what a key prints writes `shift+!`, while a
 * runtime that matches keys by position means Shift+1, so such a symbol reads as Shift plus its base key.
 */
export const SHIFTED_KEYS: ReadonlyMap<string, string> = new Map(
  // Pairs of symbol and base key, as one string: it weighs less in the app-wide `useHotkeys` entry.
  Array.from('~`!1@2#3$4%5^6&7*8(9)0_-{[}]|\\:;"\'<,>.?/'.match(/../g) ?? [], (pair) => [
    pair[0] as string,
    pair[1] as string,
  ]),
);

/**
 * The key a symbol Shift types on a US keyboard stands for, adding `shift` to the combo's
 * modifiers (`!` → `1` with Shift); null, with the modifiers untouched, when the text is not one.
 */
export function shiftedKeyName(symbol: string, modifiers: { add(modifier: 'shift'): unknown }): string | null {
  const key = SHIFTED_KEYS.get(symbol.trim());
  if (key === undefined) return null;
  modifiers.add('shift');
  return key;
}
