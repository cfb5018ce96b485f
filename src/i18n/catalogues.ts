import { en, type Messages } from './en';

/**
 * The catalogues that ship besides English, by language subtag. Each loads on demand as its own
 * chunk, so a host that never asks for German never downloads it.
 */
const loaders: Record<string, () => Promise<Messages>> = {
  de: () => import('./de').then((module) => module.de),
};

const loaded = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Whether a catalogue ships for this language (`en`, `de`). */
export function isShippedLanguage(language: string): boolean {
  return loaded.has(language) || language in loaders;
}

/** The catalogue for a language if it is already loaded (English always is). */
export function getLoadedCatalogue(language: string): Messages | undefined {
  return loaded.get(language);
}

/** Calls `listener` whenever another catalogue finishes loading; returns the unsubscribe. */
export function subscribeToCatalogues(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Loads a shipped catalogue once; resolves when it is loaded, rejects when its chunk can't be
 * fetched (a later call tries again).
 */
export function loadCatalogue(language: string): Promise<void> {
  if (loaded.has(language)) return Promise.resolve();
  const load = loaders[language];
  if (!load) return Promise.reject(new Error(`No catalogue ships for "${language}".`));
  let promise = loading.get(language);
  if (!promise) {
    promise = load().then(
      (messages) => {
        loaded.set(language, messages);
        loading.delete(language);
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, promise);
  }
  return promise;
}
