import { useEffect, useLayoutEffect, useRef, type FocusEvent } from 'react';

// Layout effects run in the commit that removed the control, before anything else can move focus;
// on the server there is no focus to keep (and React 18 warns about layout effects there).
const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Keeps focus from falling to `<body>` when the control that had it goes away: when the element
 * last focused inside the component (dialogs it opens included, since React's focus events bubble
 * through portals) leaves the page and nothing else has focus, focus moves to the element
 * `getTarget` names for the new state. Spread the returned `onFocus` on the root. A user who
 * moved focus elsewhere, or clicked away, keeps it where it is.
 *
 * @example
 * const fallback = useFocusFallback(() => uploadButtonRef.current);
 * <section onFocus={fallback.onFocus}>…</section>
 */
export function useFocusFallback(getTarget: () => HTMLElement | null | undefined): {
  /** Records what has focus; put it on the component's root. */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
} {
  const lastFocused = useRef<Element | null>(null);
  const getTargetRef = useRef(getTarget);
  const repair = useRef(() => {
    const last = lastFocused.current;
    if (!last || last.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = getTargetRef.current();
    if (!target) return;
    lastFocused.current = null;
    target.focus();
  });
  useCommitEffect(() => {
    getTargetRef.current = getTarget;
  });
  // Where the control goes in this component's own render.
  useCommitEffect(() => repair.current());
  // Where it goes in a child's render (a dialog closing on its own schedule): Chromium blurs an
  // element as it is removed, so look again once that removal is done.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    function onFocusOut(event: globalThis.FocusEvent) {
      if (event.target !== lastFocused.current || event.relatedTarget !== null) return;
      clearTimeout(timer);
      timer = setTimeout(() => repair.current(), 0);
    }
    document.addEventListener('focusout', onFocusOut, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', onFocusOut, true);
    };
  }, []);
  return {
    onFocus: (event) => {
      lastFocused.current = event.target;
    },
  };
}
