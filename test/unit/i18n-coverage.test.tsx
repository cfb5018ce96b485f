import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createDefaultSeed, createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import { AccountError } from '../../src/adapters/errors';
import type { AccountAdapter, Member, MemberProfile, TokenUsageExamples } from '../../src/adapters/types';
import { AccountSettings } from '../../src/components/account-settings';
import { AvatarUploader } from '../../src/components/avatar-uploader';
import { EmailPreferences } from '../../src/components/email-preferences';
import { HotkeyEditor } from '../../src/components/hotkey-editor';
import { HotkeyRecorder } from '../../src/components/hotkey-recorder';
import { InviteLink } from '../../src/components/invite-link';
import { HotkeyHelp } from '../../src/components/hotkey-help';
import { MembersList } from '../../src/components/members-list';
import { MembershipCard } from '../../src/components/membership-card';
import { ProfileForm } from '../../src/components/profile-form';
import { SignInForm } from '../../src/components/sign-in-form';
import { SignUpForm } from '../../src/components/sign-up-form';
import { TokenPanel } from '../../src/components/token-panel';
import { TokenSettingsForm } from '../../src/components/token-settings-form';
import { formatDate, formatDateTime, formatRelativeTime } from '../../src/core/format/format-date';
import { parseHotkeyImport } from '../../src/core/hotkeys/import-export';
import { labelStudioDefaultHotkeys, labelStudioHotkeySections } from '../../src/label-studio/defaults';
import { de } from '../../src/locales/de';
import { describeHotkeyMessage } from '../../src/i18n/describe-hotkey-message';
import { en, type Message, type MessageKey, type Messages } from '../../src/i18n/en';
import { formatMessage } from '../../src/i18n/format-message';
import { initialsOf } from '../../src/core/format/initials';
import { AccountProvider } from '../../src/provider/account-provider';
import { pseudo, PSEUDO_CLOSE, PSEUDO_OPEN, unmarkedParts } from '../support/pseudo-locale';
import { labelStudioRules } from '../../src/label-studio/rules';

const PSEUDO = pseudo(en);

/** The memory adapter's seed time: the user registered 120 days and the organization 121 days before. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const SEED = createDefaultSeed();

/** Copyable examples as a host would give them: the host's text, not the library's. */
const USAGE: TokenUsageExamples = {
  personal: 'curl -X POST https://label.example.com/api/token/refresh -d \'{"refresh": "{token}"}\'',
  legacy: 'curl -H "Authorization: Token {token}" https://label.example.com/api/projects',
};

function placeholders(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)))].sort();
}

function normalize(text: string): string {
  // ICU puts narrow or no-break spaces in some dates and times.
  return text.replace(/[\u202f\u00a0\s]+/g, ' ').trim();
}

/**
 * Text on screen that is data, not UI text: the user's and organization's seeded data, dates and
 * relative times from `Intl`, the host's hotkey definitions (Label Studio's labels, descriptions
 * and section titles) and the host's usage examples. Numbers, punctuation and `<kbd>` combos pass
 * on their own (see `unmarkedText`).
 */
const DATA: readonly string[] = [
  SEED.user.firstName,
  SEED.user.lastName,
  `${SEED.user.firstName} ${SEED.user.lastName}`,
  SEED.user.email,
  // Initials, shown when there is no photo.
  `${SEED.user.firstName[0]}${SEED.user.lastName[0]}`,
  SEED.organization.title,
  ...[SEED.user.dateJoined!, SEED.organization.createdAt!].flatMap((iso) => [
    formatRelativeTime(iso, 'en-US', SEED_TIME),
    formatDate(iso, 'en-US', 'UTC'),
    formatDateTime(iso, 'en-US', 'UTC'),
  ]),
  ...labelStudioDefaultHotkeys.flatMap((definition) => [definition.label, definition.description ?? '']),
  ...labelStudioHotkeySections.flatMap((section) => [section.title, section.description ?? '']),
  // Project titles, which the HotkeyEditor's "Hotkeys for" lists.
  ...SEED.projects.map((project) => project.title),
  ...Object.values(USAGE).flatMap((example: string) => example.split('{token}')),
];

const ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext'];

/**
 * Every piece of text in the document (portals included) and in the attributes people read that
 * is outside the pseudo-locale's markers and is not data: text the catalogue did not supply.
 */
function unmarkedText(extraData: Iterable<string> = []): string[] {
  const allowed = new Set([...DATA, ...extraData].map(normalize));
  const found: string[] = [];
  const check = (text: string, where: string) => {
    for (const part of unmarkedParts(text)) {
      const value = normalize(part);
      // Numbers, punctuation and symbols ("+", "(", "50%") are not words to translate.
      if (!/\p{L}/u.test(value) || allowed.has(value)) continue;
      found.push(`${where}: ${JSON.stringify(value)}`);
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // A combo's key names are shown as <kbd> chips; a textarea holds what the user typed.
    if (!parent || parent.closest('kbd, textarea, script, style')) continue;
    check(node.textContent ?? '', `<${parent.tagName.toLowerCase()}> text`);
  }
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value !== null) check(value, `<${element.tagName.toLowerCase()} ${attribute}>`);
    }
  }
  return found;
}

/** Fails, listing them, when any text on screen is neither marked nor data. */
function expectEverythingMarked(extraData: Iterable<string> = []) {
  expect(document.body.textContent).toContain(PSEUDO_OPEN);
  expect(unmarkedText(extraData)).toEqual([]);
}

function renderPseudo(ui: ReactNode, adapter: AccountAdapter = createMemoryAdapter()) {
  return render(
    <AccountProvider adapter={adapter} messages={PSEUDO} platform="other">
      {ui}
    </AccountProvider>,
  );
}

/** An image fixture as a File; under jsdom, Vite rewrites `new URL(…, import.meta.url)` into a server path, so go by cwd. */
function fixture(name: string, type: string): File {
  return new File([readFileSync(join(process.cwd(), 'test/fixtures/images', name))], name, { type });
}

/** What a member list or a member's details show that is the member's data, not UI text. */
function memberData(members: Array<Member | MemberProfile>): string[] {
  return members.flatMap((member) => [
    member.email,
    `${member.firstName} ${member.lastName}`,
    initialsOf(member),
    ...(member.lastActivity
      ? [
          formatRelativeTime(member.lastActivity, 'en-US', SEED_TIME),
          formatDateTime(member.lastActivity, 'en-US', 'UTC'),
        ]
      : []),
    ...('phone' in member
      ? [member.phone, ...[...member.createdProjects, ...member.contributedProjects].map((project) => project.title)]
      : []),
  ]);
}

async function tokenPrefixes(adapter: MemoryAdapter): Promise<string[]> {
  return (await adapter.listPersonalTokens()).map((token) => token.prefix);
}

describe('the German catalogue', () => {
  it('has exactly the keys of the English one', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps every placeholder of every message, and plural messages stay plural', () => {
    const categories = new Intl.PluralRules('de').resolvedOptions().pluralCategories;
    for (const key of Object.keys(en) as MessageKey[]) {
      const english: Message = en[key];
      const german: Message = de[key];
      expect(placeholders(german), key).toEqual(placeholders(english));
      expect(typeof german, key).toBe(typeof english);
      if (typeof english !== 'string' && typeof german !== 'string') {
        expect(german.other, key).toBeTypeOf('string');
        expect(placeholders(german.other), `${key}.other`).toEqual(placeholders(english.other));
        for (const form of Object.keys(german)) expect(categories, `${key}.${form}`).toContain(form);
      }
    }
  });

  it('translates the messages, not just copies them', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((key) => JSON.stringify(en[key]) === JSON.stringify(de[key]));
    // Only messages made of placeholders and words German shares with English.
    expect(same.sort()).toEqual(
      [
        'hotkeys.editor.actionInSection',
        'hotkeys.import.preview',
        'membership.role.administrator',
        'membership.role.annotator',
        'membership.role.manager',
        'members.name',
        'members.removeWho',
      ].sort(),
    );
  });

  it("says the core's hotkey problems in German", () => {
    const t = (key: MessageKey, values?: Record<string, string | number>) => formatMessage(de[key], values, 'de-DE');
    const result = parseHotkeyImport(
      JSON.stringify({
        hotkeys: [
          { section: 'annotation', element: 'annotation:undo', key: 'ctrl+a+b' },
          { section: 'annotation', element: 'annotation:redo', key: 'alt+f4' },
          { section: 'annotation', element: 'annotation:teleport', key: 'ctrl+j' },
          { section: 'annotation', element: 'annotation:submit', key: 'meta+tab' },
          { section: 'annotation', element: 'annotation:skip', key: 'ctrl+z, command+z' },
        ],
      }),
      labelStudioDefaultHotkeys,
      { rules: labelStudioRules.hotkeys, formatMessage: (message) => describeHotkeyMessage(message, t, 'de-DE') },
    );
    expect(result.errors.map((problem) => problem.message)).toEqual([
      'Eintrag 2: Alt+F4 ist dem Betriebssystem vorbehalten und kann nicht als Tastenkürzel verwendet werden.',
    ]);
    expect(result.warnings.map((problem) => problem.message)).toEqual([
      'Eintrag 1: Das Tastenkürzel „ctrl+a+b“ für „Undo“ wird übersprungen. „ctrl+a+b“ hat zwei Tasten: a und b. Ein Tastenkürzel hat genau eine Taste.',
      'Eintrag 3: Die unbekannte Aktion „annotation:annotation:teleport“ wird ignoriert.',
      'Eintrag 4: Das Tastenkürzel Meta+Tab für „Submit Annotation“ wird übersprungen. Es ist dem Betriebssystem vorbehalten und kann hier nicht als Tastenkürzel verwendet werden.',
      'Eintrag 5: Das Tastenkürzel „ctrl+z, command+z“ für „Skip Task / Reject (default)“ wird übersprungen. Es nennt 2 verschiedene Tastenkürzel (Ctrl+Z und Meta+Z), hier ist genau eines nötig.',
    ]);
  });
});

describe('the pseudo-locale', () => {
  it('marks every message and every plural form, keeping the placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const marked: Message = PSEUDO[key];
      const forms = typeof marked === 'string' ? [marked] : Object.values(marked);
      for (const form of forms) expect(form, key).toMatch(new RegExp(`^${PSEUDO_OPEN}[^]*${PSEUDO_CLOSE}$`, 'u'));
      expect(placeholders(marked), key).toEqual(placeholders(en[key]));
    }
  });

  it('finds hard-coded text in text and in attributes, and lets data through', () => {
    const messages: Partial<Messages> = PSEUDO;
    render(
      <div>
        <p>{formatMessage(messages['profile.saved']!)}</p>
        <p>Hard-coded</p>
        <button type="button" aria-label="Close">
          ×
        </button>
        <p>{SEED.user.email}</p>
        <kbd>Ctrl</kbd>
        <p>{formatMessage(messages['hotkeys.import.preview']!, { changed: '⟦2 change⟧', unknown: '⟦0⟧' })} extra</p>
      </div>,
    );
    expect(unmarkedText()).toEqual(['<p> text: "Hard-coded"', '<p> text: "extra"', '<button aria-label>: "Close"']);
  });
});

describe('every component with a pseudo-locale', () => {
  it('AccountSettings: the menu, each section, and the unsaved-changes question', async () => {
    const user = userEvent.setup();
    renderPseudo(<AccountSettings />);
    await screen.findByLabelText('⟦Last name⟧');
    expectEverythingMarked();
    // The page's membership card counts relative times from now, not from the seed's time.
    const relativeNow = [SEED.user.dateJoined!, SEED.organization.createdAt!].map((iso) =>
      formatRelativeTime(iso, 'en-US', Date.now()),
    );
    for (const name of ['Hotkeys', 'Email preferences', 'Membership info', 'Personal access token', 'Legacy token']) {
      await user.click(screen.getByRole('button', { name: `⟦${name}⟧` }));
      await screen.findByRole('heading', { name: `⟦${name}⟧`, level: 2 });
      await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
      expectEverythingMarked(relativeNow);
    }
    await user.click(screen.getByRole('button', { name: '⟦Profile⟧' }));
    await user.type(await screen.findByLabelText('⟦Phone⟧'), '1');
    await user.click(screen.getByRole('button', { name: '⟦Hotkeys⟧' }));
    await screen.findByRole('alertdialog');
    expectEverythingMarked();
  });

  it('ProfileForm: loaded, saved, and with a field error', async () => {
    const user = userEvent.setup();
    renderPseudo(<ProfileForm />);
    const lastName = await screen.findByLabelText('⟦Last name⟧');
    expectEverythingMarked();

    await user.type(lastName, 'x');
    await user.click(screen.getByRole('button', { name: '⟦Save⟧' }));
    expect(await screen.findByText('⟦Profile saved⟧')).toBeVisible();
    expectEverythingMarked();

    await user.type(screen.getByLabelText('⟦Phone⟧'), 'ab');
    expect(await screen.findByText(/Phone numbers rarely contain/)).toBeVisible();
    expectEverythingMarked();
  });

  it('AvatarUploader: no photo, a refused BMP, an image too large, a failed upload, and removing', async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({ fail: { uploadAvatar: 'server' } });
    const { container } = renderPseudo(<AvatarUploader />, adapter);
    await screen.findByRole('img', { name: `⟦${SEED.user.firstName} ${SEED.user.lastName}, no photo⟧` });
    expectEverythingMarked();

    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [fixture('bmp-16x12.bmp', 'image/bmp')] } });
    expect(await screen.findByRole('alert')).toHaveTextContent("This file type (BMP) isn't supported.");
    expectEverythingMarked();

    fireEvent.change(input, { target: { files: [fixture('png-too-wide-1201x10.png', 'image/png')] } });
    expect(await screen.findByRole('button', { name: '⟦Resize to fit⟧' })).toBeVisible();
    expectEverythingMarked();

    fireEvent.change(input, { target: { files: [fixture('png-37x23.png', 'image/png')] } });
    expect(await screen.findByRole('alert')).toHaveTextContent("The photo wasn't uploaded.");
    expectEverythingMarked();

    await user.click(screen.getByRole('button', { name: '⟦Retry⟧' }));
    await screen.findByRole('alert');
    expectEverythingMarked();
  });

  it('AvatarUploader: with a photo, the remove dialog and a failed removal', async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({
      seed: { user: { ...SEED.user, avatarUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' } },
      fail: { removeAvatar: 'server' },
    });
    renderPseudo(<AvatarUploader />, adapter);
    await user.click(await screen.findByRole('button', { name: '⟦Remove photo⟧' }));
    const dialog = await screen.findByRole('alertdialog');
    expectEverythingMarked();

    await user.click(within(dialog).getByRole('button', { name: '⟦Remove photo⟧' }));
    expect(await within(dialog).findByRole('alert')).toBeVisible();
    expectEverythingMarked();
  });

  it('EmailPreferences: loaded, and a change that fails', async () => {
    const user = userEvent.setup();
    renderPseudo(<EmailPreferences />, createMemoryAdapter({ fail: { updateEmailPreferences: 'server' } }));
    const box = await screen.findByRole('checkbox', { name: '⟦Subscribe to news and tips⟧' });
    expectEverythingMarked();

    await user.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent("wasn't saved");
    expectEverythingMarked();
  });

  it('MembershipCard', async () => {
    renderPseudo(<MembershipCard now={SEED_TIME} timeZone="UTC" />);
    await screen.findByText('⟦User ID⟧');
    expect(screen.getByText('⟦Owner⟧', { selector: 'dd' })).toBeVisible();
    expectEverythingMarked();
  });

  it('TokenPanel: at the token limit, with usage examples', async () => {
    const adapter = createMemoryAdapter({ tokenUsage: USAGE });
    await adapter.createPersonalToken({ expiresInDays: 30 });
    renderPseudo(<TokenPanel />, adapter);
    await screen.findByRole('list', { name: '⟦Your tokens⟧' });
    expect(screen.getByText(/You can only have one active token/)).toBeVisible();
    expectEverythingMarked(await tokenPrefixes(adapter));
  });

  it('TokenPanel: the create dialog, a created token, revoking and renewing', async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({
      tokenUsage: USAGE,
      seed: { tokenSettings: { personalTokensEnabled: true, legacyTokenEnabled: true, maxActivePersonalTokens: 5 } },
    });
    await adapter.createPersonalToken({ expiresInDays: null });
    renderPseudo(<TokenPanel />, adapter);

    await user.click(await screen.findByRole('button', { name: '⟦Create new token⟧' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: '⟦Expires⟧' })).toBeVisible();
    expectEverythingMarked(await tokenPrefixes(adapter));

    await user.selectOptions(within(dialog).getByRole('combobox'), '90');
    await user.click(within(dialog).getByRole('button', { name: '⟦Create token⟧' }));
    expect(await within(dialog).findByLabelText('⟦Your new token⟧')).toBeVisible();
    expectEverythingMarked(await tokenPrefixes(adapter));
    await user.click(within(dialog).getByRole('button', { name: '⟦Done⟧' }));
    // Not copied yet: closing asks first.
    const question = await screen.findByRole('alertdialog', { name: '⟦Did you copy it?⟧' });
    expectEverythingMarked(await tokenPrefixes(adapter));
    await user.click(within(question).getByRole('button', { name: '⟦Close anyway⟧' }));

    const [prefix] = await tokenPrefixes(adapter);
    await user.click(await screen.findByRole('button', { name: `⟦Revoke token ${prefix}⟧` }));
    await screen.findByRole('alertdialog');
    expectEverythingMarked(await tokenPrefixes(adapter));
    await user.click(screen.getByRole('button', { name: '⟦Cancel⟧' }));

    await user.click(screen.getByRole('button', { name: '⟦Show⟧' }));
    await user.click(screen.getByRole('button', { name: '⟦Renew⟧' }));
    await screen.findByRole('alertdialog');
    expectEverythingMarked(await tokenPrefixes(adapter));
  });

  it('TokenPanel: both kinds turned off by the organization', async () => {
    renderPseudo(
      <TokenPanel />,
      createMemoryAdapter({
        seed: {
          tokenSettings: { personalTokensEnabled: false, legacyTokenEnabled: false, maxActivePersonalTokens: 1 },
        },
      }),
    );
    await screen.findByText(/turned off legacy tokens/);
    expectEverythingMarked();
  });

  it('TokenSettingsForm: loaded with a lifetime, both kinds turned off, a refused lifetime, and a failed save', async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({
      seed: {
        tokenSettings: {
          personalTokensEnabled: true,
          legacyTokenEnabled: true,
          maxActivePersonalTokens: 1,
          canChangeLifetime: true,
          personalTokenLifetimeDays: 30,
        },
      },
      fail: { updateTokenSettings: 'server' },
    });
    renderPseudo(<TokenSettingsForm />, adapter);
    const days = await screen.findByLabelText('⟦Time-to-live (days)⟧');
    expectEverythingMarked();

    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: '⟦Save⟧' }));
    expect(await screen.findByText(/Use a whole number of days/)).toBeVisible();
    expectEverythingMarked();

    await user.click(screen.getByRole('switch', { name: '⟦Legacy tokens⟧' }));
    await user.click(screen.getByRole('switch', { name: '⟦Personal access tokens⟧' }));
    expect(screen.getByText(/personal access tokens stop working/)).toBeVisible();
    expectEverythingMarked();

    await user.click(screen.getByRole('button', { name: '⟦Save⟧' }));
    expect(await screen.findByRole('alert')).toBeVisible();
    expectEverythingMarked();
  });

  it('HotkeyRecorder: idle, typing, refused, warned about, and recording', async () => {
    const user = userEvent.setup();
    renderPseudo(<HotkeyRecorder actionLabel="Submit Annotation" defaultValue="ctrl+enter" />);
    const recorder = screen.getByRole('button', { name: '⟦Shortcut for Submit Annotation: Ctrl+Enter⟧' });
    expectEverythingMarked();

    await user.click(screen.getByRole('button', { name: '⟦Type shortcut⟧' }));
    const field = screen.getByRole('textbox', { name: '⟦Shortcut for Submit Annotation, typed⟧' });
    expectEverythingMarked();
    for (const [typed, shown] of [
      ['ctrl+foo', /"foo" is not a key name/],
      ['ctrl+', /has no key after the last/],
      ['ctrl+a+b+c', /has 3 keys: a, b, and c/],
      ['ctrl+shift', /has no key, only modifiers/],
      ['alt+F4', /kept by the operating system/],
    ] as const) {
      await user.clear(field);
      await user.type(field, typed);
      await user.click(screen.getByRole('button', { name: '⟦Apply⟧' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(shown);
      expectEverythingMarked();
    }

    await user.clear(field);
    await user.type(field, 'ctrl+t');
    await user.click(screen.getByRole('button', { name: '⟦Apply⟧' }));
    expect(await screen.findByText(/The browser may catch Ctrl\+T first \(it ⟦opens a new tab⟧\)/)).toBeVisible();
    expectEverythingMarked();

    const button = screen.getByRole('button', { name: '⟦Shortcut for Submit Annotation: Ctrl+T⟧' });
    expect(recorder).not.toBeInTheDocument();
    await user.click(button);
    expect(button).toHaveAccessibleName('⟦Press a shortcut… (Esc cancels, Tab leaves)⟧');
    expectEverythingMarked();
    fireEvent.keyDown(button, { key: 'F4', code: 'F4', altKey: true });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Alt\+F4 is kept by the operating system/);
    expectEverythingMarked();
  });

  it('HotkeyEditor: the list, no matches, a duplicate, the import dialog with problems, and reset', async () => {
    const user = userEvent.setup();
    renderPseudo(<HotkeyEditor />);
    const submitName = '⟦Shortcut for Submit Annotation: Ctrl+Enter⟧';
    await screen.findByRole('button', { name: submitName });
    expectEverythingMarked();

    const search = screen.getByRole('searchbox', { name: '⟦Search shortcuts⟧' });
    fireEvent.change(search, { target: { value: 'zzzz' } });
    expect(await screen.findByText('⟦No shortcut matches “zzzz”.⟧')).toBeVisible();
    expectEverythingMarked();
    fireEvent.change(search, { target: { value: '' } });

    // The rows came back after the search: find the button again.
    const submit = await screen.findByRole('button', { name: submitName });
    await user.click(submit);
    fireEvent.keyDown(submit, { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(await screen.findByRole('alert')).toHaveTextContent(/is already used by/);
    // Until it is allowed, the other row names the row that asks for its combo.
    expect(screen.getByText('⟦Also used by ⟦Submit Annotation (Annotation Actions)⟧.⟧')).toBeVisible();
    expect(screen.getByText(/^⟦Ctrl\+Z for Submit Annotation is waiting for/)).toBeVisible();
    expectEverythingMarked();
    await user.click(screen.getByRole('button', { name: '⟦Allow duplicate⟧' }));
    expect(screen.getByText(/^⟦Submit Annotation now uses Ctrl\+Z as well/)).toBeVisible();
    expectEverythingMarked();

    await user.click(screen.getByRole('button', { name: '⟦Import⟧' }));
    const dialog = await screen.findByRole('dialog');
    const json = within(dialog).getByLabelText('⟦Hotkeys JSON⟧');
    fireEvent.change(json, { target: { value: '{"hotkeys": [' } });
    expect(await within(dialog).findByText(/The file is not valid JSON/)).toBeVisible();
    expectEverythingMarked();

    const entry = (fields: object) => ({ section: 'annotation', element: 'annotation:undo', key: 'ctrl+u', ...fields });
    fireEvent.change(json, {
      target: {
        value: JSON.stringify({
          hotkeys: [
            'not an object',
            { element: 'annotation:undo', key: 'ctrl+z' },
            { section: 42, element: '', key: 'ctrl+z' },
            entry({ key: 'ctrl+foo' }),
            entry({ key: 'alt+F4' }),
            entry({ active: 'yes', label: 7, id: {} }),
            entry({ key: 'ctrl+a+b' }),
            entry({ key: 'ctrl+t' }),
            entry({ element: 'annotation:teleport' }),
            entry({}),
          ],
        }),
      },
    });
    expect(await within(dialog).findByText(/problems must be fixed/)).toBeVisible();
    expect(within(dialog).getByText(/notes:/)).toBeVisible();
    expectEverythingMarked();

    fireEvent.change(json, {
      target: {
        value: JSON.stringify([entry({}), entry({ element: 'annotation:teleport' }), entry({ key: 'ctrl+y' })]),
      },
    });
    expect(await within(dialog).findByText(/Apply 1 change/)).toBeVisible();
    expectEverythingMarked();
    await user.click(within(dialog).getByRole('button', { name: '⟦Apply⟧' }));
    expect(await screen.findByText(/Imported 1 change/)).toBeVisible();
    expectEverythingMarked();

    await user.click(screen.getByRole('button', { name: '⟦Reset to defaults⟧' }));
    await screen.findByRole('alertdialog');
    expectEverythingMarked();
  }, 30_000);

  it("MembersList: a page, a member's details, and a search with no matches", async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter();
    const firstPage = (await adapter.listMembers({ page: 1, pageSize: 30 })).items;
    renderPseudo(<MembersList now={SEED_TIME} timeZone="UTC" searchDelayMs={0} />, adapter);
    await screen.findByRole('table');
    expect(screen.getByRole('status')).toHaveTextContent('⟦Showing 1–30 of 42⟧');
    expectEverythingMarked(memberData(firstPage));

    const member = firstPage[3]!;
    const details = await adapter.getMember(member.id);
    await user.click(screen.getByRole('button', { name: member.email }));
    const dialog = await screen.findByRole('dialog', { name: '⟦Member details⟧' });
    await within(dialog).findByRole('heading', { name: `${member.firstName} ${member.lastName}` });
    expectEverythingMarked([...memberData(firstPage), ...memberData([details])]);
    await user.keyboard('{Escape}');

    await user.type(screen.getByRole('searchbox', { name: '⟦Search members⟧' }), 'zzz');
    expect(await screen.findByText('⟦No member matches “zzz”.⟧')).toBeVisible();
    expectEverythingMarked(['zzz']);
  });

  it('InviteLink: the dialog, the reset question, and a failed reset', async () => {
    const user = userEvent.setup();
    renderPseudo(<InviteLink />, createMemoryAdapter({ fail: { resetInviteLink: 'server' } }));
    await user.click(screen.getByRole('button', { name: '⟦Invite people⟧' }));
    const dialog = await screen.findByRole('dialog', { name: '⟦Invite people⟧' });
    const link = await within(dialog).findByRole('textbox', { name: '⟦Invite link⟧' });
    expectEverythingMarked();
    await user.click(within(dialog).getByRole('button', { name: '⟦Reset link⟧' }));
    const question = await screen.findByRole('alertdialog', { name: '⟦Reset the invite link?⟧' });
    await user.click(within(question).getByRole('button', { name: '⟦Reset link⟧' }));
    expect(await within(question).findByRole('alert')).toHaveTextContent("wasn't reset");
    expect(link).toHaveValue(new URL('/user/signup/?token=4f6b0c1d2e3a', document.baseURI).href);
    expectEverythingMarked();
  });

  it('InviteLink: a link that fails to load', async () => {
    renderPseudo(<InviteLink defaultOpen />, createMemoryAdapter({ fail: { getInviteLink: 'forbidden' } }));
    const dialog = await screen.findByRole('dialog', { name: '⟦Invite people⟧' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("⟦You don't have permission to do this.⟧");
    expectEverythingMarked();
  });

  it('HotkeyHelp: the list with a disabled and an unset shortcut, and a search with no matches', async () => {
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({
      seed: {
        hotkeys: {
          'annotation:annotation:submit': { key: '', active: true },
          'annotation:annotation:undo': { key: 'ctrl+z', active: false },
        },
      },
    });
    renderPseudo(<HotkeyHelp customizeHref="#hotkeys" />, adapter);
    await user.click(screen.getByRole('button', { name: '⟦Keyboard shortcuts⟧' }));
    const dialog = await screen.findByRole('dialog', { name: '⟦Keyboard shortcuts⟧' });
    await within(dialog).findByRole('heading', { name: 'Annotation Actions' });
    expect(within(dialog).getByRole('listitem', { name: 'Submit Annotation' })).toHaveTextContent('⟦Not set⟧');
    expect(within(dialog).getAllByRole('listitem', { name: 'Undo' })[0]).toHaveTextContent('⟦Disabled⟧');
    expectEverythingMarked();
    await user.type(within(dialog).getByRole('searchbox', { name: '⟦Search shortcuts⟧' }), 'zzz');
    expect(await within(dialog).findByText('⟦No shortcut matches “zzz”.⟧')).toBeVisible();
    expectEverythingMarked(['zzz']);
  });

  it('HotkeyHelp: a read that fails, with a Customize button', async () => {
    renderPseudo(
      <HotkeyHelp defaultOpen onCustomize={() => {}} />,
      createMemoryAdapter({ fail: { getHotkeys: 'server' } }),
    );
    const dialog = await screen.findByRole('dialog', { name: '⟦Keyboard shortcuts⟧' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('⟦The server had a problem.');
    expect(within(dialog).getByRole('button', { name: '⟦Customize⟧' })).toBeVisible();
    expectEverythingMarked();
  });

  it('SignInForm: field errors, the shown password, wrong credentials and the wait', async () => {
    const user = userEvent.setup();
    const memory = createMemoryAdapter();
    await memory.signOut();
    let limited = false;
    const adapter: AccountAdapter = {
      ...memory,
      signIn: (input, options) =>
        limited
          ? Promise.reject(new AccountError('rate_limited', 'Slow down', { retryAfterMs: 30_000 }))
          : memory.signIn(input, options),
    };
    renderPseudo(<SignInForm signUpHref="/signup" />, adapter);
    await user.click(screen.getByRole('button', { name: '⟦Sign in⟧' }));
    expect(await screen.findByText('⟦Enter your email address.⟧')).toBeVisible();
    expectEverythingMarked();
    await user.type(screen.getByRole('textbox', { name: '⟦Email⟧' }), 'not-an-address');
    await user.type(screen.getByLabelText('⟦Password⟧'), 'wrong');
    await user.click(screen.getByRole('button', { name: '⟦Show password⟧' }));
    await user.click(screen.getByRole('button', { name: '⟦Sign in⟧' }));
    expect(await screen.findByText(/is not an email address/)).toBeVisible();
    expectEverythingMarked(['not-an-address']);
    await user.clear(screen.getByRole('textbox', { name: '⟦Email⟧' }));
    await user.type(screen.getByRole('textbox', { name: '⟦Email⟧' }), SEED.user.email);
    await user.click(screen.getByRole('button', { name: '⟦Sign in⟧' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("don't match");
    expectEverythingMarked();
    limited = true;
    await user.click(screen.getByRole('button', { name: '⟦Sign in⟧' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
    expectEverythingMarked();
  });

  it('SignUpForm: joining, a short password, and an invitation required', async () => {
    const user = userEvent.setup();
    const memory = createMemoryAdapter();
    const token = new URL((await memory.getInviteLink()).url, 'http://host').searchParams.get('token')!;
    const { unmount } = renderPseudo(<SignUpForm inviteToken={token} signInHref="/login" />, memory);
    const email = await screen.findByRole('textbox', { name: '⟦Email⟧' });
    expectEverythingMarked();
    await user.type(email, SEED.user.email);
    await user.type(screen.getByLabelText('⟦Password⟧'), 'short');
    await user.click(screen.getByRole('button', { name: '⟦Create account⟧' }));
    expect(await screen.findByText(/This password is 5 characters long/)).toBeVisible();
    expectEverythingMarked();
    unmount();

    renderPseudo(<SignUpForm />, createMemoryAdapter({ seed: { signUpRequiresInvite: true } }));
    expect(await screen.findByRole('status')).toHaveTextContent('Sign-up needs an invitation link.');
    expectEverythingMarked();
  });

  it.each(['server', 'rate_limited'] as const)('every component when the adapter fails with %s', async (code) => {
    renderPseudo(
      <>
        <ProfileForm />
        <AvatarUploader />
        <EmailPreferences />
        <MembershipCard now={SEED_TIME} timeZone="UTC" />
        <TokenPanel />
        <HotkeyEditor />
        <HotkeyRecorder actionLabel="Submit Annotation" />
        <MembersList />
      </>,
      createMemoryAdapter({ fail: code }),
    );
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(7));
    await act(async () => {});
    expectEverythingMarked();
  });
});
