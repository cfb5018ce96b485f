import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { configure } from 'storybook/test';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory';
import type { AccountErrorCode } from '../src/adapters/errors';
import { isShippedLanguage, loadCatalogue } from '../src/i18n/catalogues';
import { resolveLocale } from '../src/i18n/resolve-locale';
import { AccountProvider } from '../src/provider/account-provider';
import '../src/styles.css';

// Play functions wait up to 10 s for what they look for: resizing a 3000 × 2000 JPEG or mounting
// the 500-action editor can take longer than Testing Library's 1 s default on a shared 2-core CI machine.
configure({ asyncUtilTimeout: 10_000 });

// Set by the story-test projects in vite.config.ts (dark, German, right-to-left); absent in Storybook itself.
declare const __RAS_STORY_THEME__: string | undefined;
declare const __RAS_STORY_DIRECTION__: string | undefined;
declare const __RAS_STORY_LOCALE__: string | undefined;
const initialTheme = typeof __RAS_STORY_THEME__ === 'undefined' ? 'light' : __RAS_STORY_THEME__;
const initialDirection = typeof __RAS_STORY_DIRECTION__ === 'undefined' ? 'ltr' : __RAS_STORY_DIRECTION__;
const initialLocale = typeof __RAS_STORY_LOCALE__ === 'undefined' ? 'en-US' : __RAS_STORY_LOCALE__;

/** Story parameters the adapter decorator reads: options for the memory adapter. */
export interface AdapterParameters {
  adapter?: MemoryAdapterOptions;
}

interface StoryAccountProps {
  theme: 'light' | 'dark';
  direction: string;
  locale: string;
  /** Whether the story fills the canvas (story view), not one of several on a Docs page. */
  ownsPage: boolean;
  options: MemoryAdapterOptions | undefined;
  fail: MemoryAdapterOptions['fail'];
  children: ReactNode;
}

/** A themed AccountProvider with a fresh memory adapter per story and toolbar setting. */
function StoryAccount({ theme, direction, locale, ownsPage, options, fail, children }: StoryAccountProps) {
  // A fresh adapter per story and toolbar setting, so that stories never share state.
  const adapter = useMemo(
    () => createMemoryAdapter({ ...options, ...(fail === undefined ? {} : { fail }) }),
    [options, fail],
  );
  // In the story view the whole canvas is the host page: the root takes the theme's colour
  // scheme and paints its system colours, so all of it (margins, padding, scrollbars, form
  // controls) is light or dark, not only the wrapper. A Docs page keeps its own look; each
  // story's wrapper there carries the theme.
  useLayoutEffect(() => {
    if (!ownsPage) return;
    const root = document.documentElement;
    const before = { style: root.getAttribute('style'), lang: root.lang };
    root.style.colorScheme = theme;
    root.style.background = 'Canvas';
    root.style.color = 'CanvasText';
    root.lang = locale;
    return () => {
      if (before.style === null) root.removeAttribute('style');
      else root.setAttribute('style', before.style);
      root.lang = before.lang;
    };
  }, [ownsPage, theme, locale]);
  return (
    // The page around the story, as a host would have it: its language and direction, and a plain
    // canvas in the theme's colour scheme. The components (and their dialogs, through the
    // provider's portal container) take the theme from the provider.
    <div
      lang={locale}
      dir={direction}
      style={{ colorScheme: theme, background: 'Canvas', color: 'CanvasText', padding: '16px' }}
    >
      <AccountProvider adapter={adapter} locale={locale} theme={theme}>
        {children}
      </AccountProvider>
    </div>
  );
}

/** Wraps every story in StoryAccount, driven by the toolbar and the story's `adapter` parameter. */
const withAccount: Decorator = (Story, context) => {
  const { theme, direction, locale, adapterFails } = context.globals as {
    theme?: string;
    direction?: string;
    locale?: string;
    adapterFails?: string;
  };
  const options = (context.parameters as AdapterParameters).adapter;
  const fail = adapterFails && adapterFails !== 'off' ? (adapterFails as AccountErrorCode) : options?.fail;
  return (
    <StoryAccount
      theme={theme === 'dark' ? 'dark' : 'light'}
      direction={direction ?? 'ltr'}
      locale={locale ?? 'en-US'}
      ownsPage={context.viewMode === 'story'}
      options={options}
      fail={fail}
    >
      <Story />
    </StoryAccount>
  );
};

/**
 * Loads the shipped catalogue of the story's locale before it renders (the provider would fetch
 * it on demand and show English until then), so that a play function finds the locale's text
 * from its first query and reads the same catalogue through `storyText`.
 */
const loadStoryCatalogue: Loader = async ({ globals }) => {
  const { language } = resolveLocale(typeof globals.locale === 'string' ? globals.locale : 'en-US');
  if (isShippedLanguage(language)) await loadCatalogue(language);
  return {};
};

const preview: Preview = {
  decorators: [withAccount],
  loaders: [loadStoryCatalogue],
  // A Docs page for every component, from its TSDoc and its stories.
  tags: ['autodocs'],
  // The adapter comes from the decorator (and the toolbar's "Adapter fails"), not from a control.
  argTypes: { adapter: { control: false } },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    direction: {
      description: 'Writing direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    locale: {
      description: 'Locale for messages, dates and numbers',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en-US', 'de-DE'], dynamicTitle: true },
    },
    adapterFails: {
      description: 'Make every adapter method fail with this error code',
      toolbar: {
        title: 'Adapter fails',
        icon: 'alert',
        items: [
          { value: 'off', title: 'Adapter works' },
          { value: 'network', title: 'Fails: network' },
          { value: 'unauthorized', title: 'Fails: unauthorized' },
          { value: 'forbidden', title: 'Fails: forbidden' },
          { value: 'server', title: 'Fails: server' },
          { value: 'rate_limited', title: 'Fails: rate limited' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: initialTheme, direction: initialDirection, locale: initialLocale, adapterFails: 'off' },
};

export default preview;
