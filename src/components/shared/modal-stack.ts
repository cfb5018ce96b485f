// Page-wide on purpose, unlike the hotkey state (which each AccountProvider holds): inert marks
// act on the one document every provider's dialogs share, so one stack must order them all.

/** The content elements of the open modals, the one opened last at the end. */
const stack: HTMLElement[] = [];
/** The elements the current marking made inert (and only those: the host's own stay as they were). */
const marked = new Set<HTMLElement>();

/**
 * Makes inert every element beside the top modal's ancestors, as Radix hides them from
 * assistive technology (live regions and scripts are left alone too), so nothing behind the
 * modal can take focus or clicks.
 */
function markOutside(top: HTMLElement): void {
  const body = top.ownerDocument.body;
  const keep = new Set<Element>();
  const targets = [top, ...body.querySelectorAll('[aria-live], script')];
  for (const target of targets) {
    for (let node: Element | null = target; node && !keep.has(node); node = node.parentElement) keep.add(node);
  }
  const visit = (parent: Element) => {
    if (parent === top) return;
    for (const child of parent.children) {
      if (keep.has(child)) visit(child);
      else if (child instanceof HTMLElement && !child.inert) {
        child.inert = true;
        marked.add(child);
      }
    }
  };
  visit(body);
}

/**
 * Gives back the previous marks and marks around the top modal. It runs when a modal opens or
 * closes, never on a later frame, so the marks always follow the stack: a dialog opened over
 * another one (a confirmation) can't be caught by the one below marking the page after it.
 */
function markOutsideTop(): void {
  for (const element of marked) element.inert = false;
  marked.clear();
  const top = stack.at(-1);
  if (top?.isConnected) markOutside(top);
}

/**
 * Puts an open modal's content element on top of the stack of open modals and makes the rest of
 * the page inert; the returned function takes it off (call it once the modal closes), after which
 * the modal below, if any, is the only usable part of the page again.
 */
export function pushModal(content: HTMLElement): () => void {
  stack.push(content);
  markOutsideTop();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const index = stack.lastIndexOf(content);
    if (index !== -1) stack.splice(index, 1);
    markOutsideTop();
  };
}
