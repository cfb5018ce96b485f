// Shared by the bench pages: waiting for React and the DOM to settle, and handing the page's
// benchmark functions to Playwright (bench/browser.mjs calls them through `window.bench`).

/** Resolves after one macrotask, so that React's scheduler and settled promises get to run. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves as soon as `predicate()` holds, checking after every macrotask; fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await nextTask();
  }
}

/** Watches a subtree for DOM changes from the moment it is created. */
export interface DomWatcher {
  /**
   * Resolves once `isReady()` holds and the subtree has then been quiet for `quietMs`, with the
   * time of the DOM change after which `isReady()` first held (or when it was first checked).
   */
  settled(isReady: () => boolean, options?: { quietMs?: number; timeoutMs?: number }): Promise<number>;
  /** Stops watching. */
  disconnect(): void;
}

/**
 * Starts watching `root` for mutations. `onChange` runs in the mutation observer's callback,
 * i.e. in the same task as the DOM change and before the browser paints it.
 */
export function watchDom(root: Node, onChange?: () => void): DomWatcher {
  let lastChange = performance.now();
  const observer = new MutationObserver(() => {
    lastChange = performance.now();
    onChange?.();
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    async settled(isReady, { quietMs = 150, timeoutMs = 20_000 } = {}) {
      const deadline = performance.now() + timeoutMs;
      while (!isReady() || performance.now() - lastChange < quietMs) {
        if (performance.now() > deadline) throw new Error(`the page did not settle within ${timeoutMs} ms`);
        await nextTask();
      }
      return lastChange;
    },
    disconnect: () => observer.disconnect(),
  };
}

/** Sets an input's value the way typing does, so that React's onChange sees it, and fires `input`. */
export function typeValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (!setter) throw new Error('HTMLInputElement has no value setter');
  setter.call(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
}

/** Finds one element or fails with its selector. */
export function find<E extends Element>(root: ParentNode, selector: string): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

/** Makes the page's benchmark functions callable from Playwright as `window.bench.<name>()`. */
export function expose(api: Record<string, (...args: never[]) => unknown>): void {
  Reflect.set(window, 'bench', api);
  document.documentElement.dataset.benchReady = '';
}
