import type { CSSProperties, ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { EmailPreferences } from '../../src/components/email-preferences';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import { TokenPanel } from '../../src/components/token-panel';
import { AccountProvider, type AccountProviderProps } from '../../src/provider/account-provider';

/*
 * The stylesheet exactly as the package ships it (dist/styles.css from `npm run build`), in a
 * host page of its own: it must change nothing of the host's, and the library's components and
 * dialogs must take the host's theme, direction and --ras-* overrides, also after a host bundler
 * lowered the CSS for old browsers.
 */

let shippedCss = '';
let loweredCss = '';

beforeAll(async () => {
  shippedCss = await commands.readShippedStyles();
  // What a host's Vite/Parcel build with lightningcss and old browser targets makes of it.
  loweredCss = await commands.lowerCss(shippedCss, ['chrome 90', 'safari 14']);
  // lightningcss really lowered it: color-scheme became its --lightningcss-light/dark toggles.
  expect(loweredCss).toContain('--lightningcss-dark');
});

const added: HTMLStyleElement[] = [];
function addStyles(css: string): HTMLStyleElement {
  const element = document.createElement('style');
  element.textContent = css;
  document.head.append(element);
  added.push(element);
  return element;
}

afterEach(async () => {
  for (const element of added.splice(0)) element.remove();
  await commands.emulateColorScheme('light');
});

/** A shadcn/ui-style page with a light-only theme, in Tailwind v4's layers, as hosts ship it. */
const hostCss = `
@layer theme, base, components, utilities;
@layer base {
  html { font-family: Georgia, serif; font-size: 17px; line-height: 1.6; color: #0a0a0a; background-color: #fafafa; }
  body { margin: 0; padding: 12px; }
}
@layer components {
  [data-slot='button'] { background-color: #171717; color: #fafafa; border-radius: 10px; padding: 6px 14px; border: 0; }
  [data-slot='dialog-content'] { background-color: #ffffff; color: #0a0a0a; border: 1px solid #e5e5e5; padding: 24px; }
  [data-slot='kbd'] { background-color: #f5f5f5; color: #737373; border-radius: 4px; padding: 0 4px; }
  [data-slot='skeleton'] { background-color: #e5e5e5; border-radius: 6px; height: 20px; }
  [data-slot='checkbox'] { inline-size: 16px; block-size: 16px; border: 1px solid #d4d4d4; border-radius: 4px; }
}
`;

function HostPage() {
  return (
    <main>
      <p id="host-text">
        A host paragraph with a field: <input id="host-input" defaultValue="host" />
      </p>
      <button type="button" data-slot="button" id="host-button">
        Host button
      </button>
      <div role="dialog" aria-label="Host dialog" data-slot="dialog-content" id="host-dialog">
        Host dialog{' '}
        <kbd data-slot="kbd" id="host-kbd">
          ⌘K
        </kbd>
      </div>
      <div data-slot="skeleton" id="host-skeleton" />
      <button
        type="button"
        role="checkbox"
        aria-checked="false"
        aria-label="Host box"
        data-slot="checkbox"
        id="host-checkbox"
      />
      <AccountProvider adapter={createMemoryAdapter()}>
        <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
        <EmailPreferences />
      </AccountProvider>
    </main>
  );
}

const hostElements = [
  'html',
  'body',
  '#host-text',
  '#host-input',
  '#host-button',
  '#host-dialog',
  '#host-kbd',
  '#host-skeleton',
  '#host-checkbox',
];

/** Every computed property (custom properties included) of every host element. */
function hostComputedStyles(): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const selector of hostElements) {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`host element ${selector} is missing`);
    const style = getComputedStyle(element);
    const properties: Record<string, string> = {};
    for (const name of Array.from(style)) properties[name] = style.getPropertyValue(name);
    result[selector] = properties;
  }
  return result;
}

describe('styles.css in a host page', () => {
  it('puts every rule in the react-account-settings layer, on the library’s own elements only', () => {
    const sheet = addStyles(shippedCss).sheet!;
    const topLevel = Array.from(sheet.cssRules);
    expect(topLevel.length).toBeGreaterThan(0);
    for (const rule of topLevel) {
      expect(rule).toBeInstanceOf(CSSLayerBlockRule);
      expect((rule as CSSLayerBlockRule).name).toBe('react-account-settings');
    }
    const unscoped: string[] = [];
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) {
          if (!/\[data-slot\^?="ras-/.test(rule.selectorText)) unscoped.push(rule.selectorText);
        } else if (rule instanceof CSSGroupingRule) {
          visit(rule.cssRules);
        }
      }
    };
    visit(sheet.cssRules);
    expect(unscoped).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`changes no computed style of a light-only shadcn page, or of html and body, with prefers-color-scheme: ${scheme}`, async () => {
      await commands.emulateColorScheme(scheme);
      expect(matchMedia(`(prefers-color-scheme: ${scheme})`).matches).toBe(true);
      addStyles(hostCss);
      const screen = await render(<HostPage />);
      await expect.element(screen.getByRole('group')).toBeVisible();
      // Wait for the loaded preferences, so nothing re-renders between the two measurements.
      await expect.poll(() => document.querySelector('[data-slot="ras-checkbox"]') !== null).toBe(true);
      const recorderButton = document.querySelector('[data-slot="ras-hotkey-recorder-button"]')!;

      const without = hostComputedStyles();
      const radiusWithout = getComputedStyle(recorderButton).borderTopLeftRadius;

      const styles = addStyles(shippedCss);
      const withStyles = hostComputedStyles();
      const radiusWith = getComputedStyle(recorderButton).borderTopLeftRadius;
      styles.remove();

      for (const selector of hostElements) expect(withStyles[selector], selector).toEqual(without[selector]);
      // And the stylesheet was really in force: the library's own elements changed.
      expect(radiusWith).not.toBe(radiusWithout);
    });
  }
});

const accent = 'rgb(200, 30, 90)';
const darkBackground = 'rgb(13, 17, 23)';
const lightBackground = 'rgb(255, 255, 255)';

/** Opens the TokenPanel's "create" dialog and returns it with its primary button. */
async function openCreateDialog() {
  await page.getByRole('button', { name: 'Create new token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New personal access token' });
  await expect.element(dialog).toBeVisible();
  return {
    dialog: dialog.element() as HTMLElement,
    submit: page.getByRole('button', { name: 'Create token' }).element(),
  };
}

function renderPanel(
  host: { theme?: string; dir?: string; style?: CSSProperties },
  provider: Partial<AccountProviderProps> = {},
  extra?: ReactNode,
) {
  return render(
    <div data-theme={host.theme} dir={host.dir} style={host.style}>
      <AccountProvider adapter={createMemoryAdapter()} {...provider}>
        <TokenPanel />
        {extra}
      </AccountProvider>
    </div>,
  );
}

for (const [name, css] of [
  ['as shipped', () => shippedCss],
  ['lowered by lightningcss for Chrome 90 and Safari 14', () => loweredCss],
] as const) {
  describe(`A dialog under a dark, right-to-left ancestor, styles.css ${name}`, () => {
    it('shows the ancestor’s dark theme, direction and accent, and traps focus without making itself inert', async () => {
      // The visitor's system is light: only the ancestor says dark.
      await commands.emulateColorScheme('light');
      addStyles(css());
      const screen = await renderPanel({
        theme: 'dark',
        dir: 'rtl',
        style: { '--ras-color-accent': accent } as CSSProperties,
      });
      const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
      await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe(darkBackground);

      const { dialog, submit } = await openCreateDialog();
      expect(getComputedStyle(dialog).backgroundColor).toBe(darkBackground);
      expect(getComputedStyle(dialog).direction).toBe('rtl');
      expect(getComputedStyle(submit).backgroundColor).toBe(accent);
      expect(dialog.closest('[data-theme="dark"]')).toBe(screen.container.firstElementChild);

      // The page behind is inert (after Radix hides it), the dialog and its ancestors are not.
      await expect.poll(() => panel.closest('[inert]') !== null).toBe(true);
      expect(dialog.closest('[inert]')).toBeNull();
      expect(dialog.contains(document.activeElement)).toBe(true);
      for (let step = 0; step < 6; step += 1) {
        await userEvent.tab();
        expect(dialog.contains(document.activeElement)).toBe(true);
      }
      await userEvent.keyboard('{Escape}');
      await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
      expect(panel.closest('[inert]')).toBeNull();
    });
  });
}

describe('Choosing the theme', () => {
  it('the provider’s theme="dark" darkens its components and dialogs on a light page', async () => {
    await commands.emulateColorScheme('light');
    addStyles(shippedCss);
    await renderPanel({}, { theme: 'dark' });
    const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
    await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe(darkBackground);
    const { dialog } = await openCreateDialog();
    expect(getComputedStyle(dialog).backgroundColor).toBe(darkBackground);
    expect(document.documentElement.getAttribute('style')).toBeNull();
    expect(getComputedStyle(document.documentElement).colorScheme).toBe('normal');
  });

  it('the provider’s theme="light" wins over a dark ancestor and a dark system', async () => {
    await commands.emulateColorScheme('dark');
    addStyles(shippedCss);
    await renderPanel({ theme: 'dark' }, { theme: 'light' });
    const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
    await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe(lightBackground);
    const { dialog } = await openCreateDialog();
    expect(getComputedStyle(dialog).backgroundColor).toBe(lightBackground);
  });

  it('the provider’s theme reaches dialogs in a portalContainer the host chose', async () => {
    await commands.emulateColorScheme('light');
    addStyles(shippedCss);
    const hostContainer = document.createElement('div');
    document.body.append(hostContainer);
    try {
      await renderPanel({}, { theme: 'dark', portalContainer: hostContainer });
      const { dialog } = await openCreateDialog();
      expect(hostContainer.contains(dialog)).toBe(true);
      expect(getComputedStyle(dialog).backgroundColor).toBe(darkBackground);
    } finally {
      hostContainer.remove();
    }
  });

  it('theme="system" follows prefers-color-scheme when no ancestor chooses', async () => {
    await commands.emulateColorScheme('dark');
    addStyles(shippedCss);
    await renderPanel({});
    const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
    await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe(darkBackground);
    await commands.emulateColorScheme('light');
    await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe(lightBackground);
  });

  it('the nearest data-theme wins: light inside dark is light, dark inside that is dark', async () => {
    addStyles(shippedCss);
    const screen = await render(
      <div data-theme="dark">
        <div data-theme="light">
          <AccountProvider adapter={createMemoryAdapter()}>
            <TokenPanel />
            <div data-theme="dark">
              <HotkeyRecorder actionLabel="Submit" defaultValue="ctrl+enter" />
            </div>
          </AccountProvider>
        </div>
      </div>,
    );
    await expect.element(screen.getByRole('heading', { name: 'Personal access tokens' })).toBeVisible();
    const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
    const recorder = document.querySelector<HTMLElement>('[data-slot="ras-hotkey-recorder"]')!;
    expect(getComputedStyle(panel).backgroundColor).toBe(lightBackground);
    expect(getComputedStyle(recorder).backgroundColor).toBe(darkBackground);
  });

  it('a --ras-* override on an ancestor reaches the components', async () => {
    addStyles(shippedCss);
    await renderPanel({ style: { '--ras-color-bg': 'rgb(1, 2, 3)' } as CSSProperties });
    const panel = document.querySelector<HTMLElement>('[data-slot="ras-token-panel"]')!;
    await expect.poll(() => getComputedStyle(panel).backgroundColor).toBe('rgb(1, 2, 3)');
  });
});
