import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import {
  AccountSettings,
  type AccountSettingsProps,
  type CustomSettingsSection,
  type SectionChangeDetails,
  type SettingsSectionId,
} from '../../src/components/account-settings';
import { AccountProvider } from '../../src/provider/account-provider';

const billing: CustomSettingsSection = {
  id: 'billing',
  label: 'Billing',
  description: 'Your plan and invoices.',
  after: 'email-preferences',
  content: <p>You are on the Team plan.</p>,
};

/** A host section with a form of its own that reports unsaved changes. */
const notes: CustomSettingsSection = {
  id: 'notes',
  label: 'Notes',
  before: 'personal-info',
  content: ({ setDirty }) => (
    <label>
      Note
      <input onChange={(event) => setDirty(event.target.value !== '')} />
    </label>
  ),
};

function renderPage(props: AccountSettingsProps = {}) {
  return render(
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <AccountSettings {...props} />
    </AccountProvider>,
  );
}

/** The menu's entries, in order. */
function menuNames(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Account settings' });
  return within(nav)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

/**
 * A host with a client-side router: the URL path picks the section, links navigate by pushing
 * a path. Every change the page reports is listed on screen, as a host's analytics might.
 */
function RoutedPage({ customSections }: { customSections?: CustomSettingsSection[] }) {
  const [path, setPath] = useState('/account/personal-info');
  const [changes, setChanges] = useState<string[]>([]);
  return (
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      <p data-testid="path">{path}</p>
      <AccountSettings
        section={path.slice('/account/'.length)}
        customSections={customSections}
        getSectionHref={(id) => `/account/${id}`}
        navigate={setPath}
        onSectionChange={(id: SettingsSectionId, details: SectionChangeDetails) =>
          setChanges((list) => [...list, `${id} ${details.href} ${details.isClientNavigation}`])
        }
      />
      <ul aria-label="Changes">
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </AccountProvider>
  );
}

describe('AccountSettings with the host’s own sections', () => {
  it('places a host section where it asks and opens it with its label, description and content', async () => {
    renderPage({ customSections: [billing, notes] });
    // The first entry of the menu opens first.
    expect(screen.getByRole('heading', { name: 'Notes', level: 2 })).toBeVisible();
    await screen.findByRole('button', { name: 'Legacy token' });
    expect(menuNames()).toEqual([
      'Notes',
      'Profile',
      'Hotkeys',
      'Email preferences',
      'Billing',
      'Membership info',
      'Personal access token',
      'Legacy token',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Billing' }));
    expect(screen.getByRole('heading', { name: 'Billing', level: 2 })).toHaveFocus();
    expect(screen.getByText('Your plan and invoices.')).toBeVisible();
    expect(screen.getByText('You are on the Team plan.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Billing' })).toHaveAttribute('aria-current', 'page');
  });

  it('puts a host section whose anchor is hidden at the end, and can open on it', () => {
    renderPage({ customSections: [{ ...billing, after: 'hotkeys' }], sections: ['personal-info'], section: 'billing' });
    expect(menuNames()).toEqual(['Profile', 'Billing']);
    expect(screen.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
  });

  it('asks before leaving a host section that reported unsaved changes, naming it', async () => {
    renderPage({ customSections: [notes], defaultSection: 'notes' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'draft');
    await userEvent.click(screen.getByRole('button', { name: 'Profile' }));
    expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toHaveTextContent(
      'Your changes in Notes are not saved yet.',
    );
  });
});

describe('AccountSettings with links', () => {
  it('renders the menu as links to the host’s URLs, the open one marked as the current page', async () => {
    render(<RoutedPage customSections={[billing]} />);
    expect(await screen.findByRole('textbox', { name: 'First name' })).toHaveValue('Heidi');
    const nav = screen.getByRole('navigation', { name: 'Account settings' });
    expect(within(nav).queryAllByRole('button')).toEqual([]);
    expect(within(nav).getByRole('link', { name: 'Profile' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Hotkeys' })).toHaveAttribute('href', '/account/hotkeys');
    expect(within(nav).getByRole('link', { name: 'Billing' })).toHaveAttribute('href', '/account/billing');
    expect(within(nav).getByRole('link', { name: 'Hotkeys' })).not.toHaveAttribute('aria-current');
  });

  it('navigates through the host’s router on a plain click, instead of loading the page', async () => {
    render(<RoutedPage customSections={[billing]} />);
    await screen.findByRole('textbox', { name: 'First name' });
    // fireEvent returns false when the click's default (following the link) was prevented.
    expect(fireEvent.click(screen.getByRole('link', { name: 'Billing' }))).toBe(false);
    expect(screen.getByTestId('path')).toHaveTextContent('/account/billing');
    expect(screen.getByRole('heading', { name: 'Billing', level: 2 })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Billing' })).toHaveAttribute('aria-current', 'page');
    expect(within(screen.getByRole('list', { name: 'Changes' })).getByRole('listitem')).toHaveTextContent(
      'billing /account/billing true',
    );
  });

  it.each([
    ['Ctrl', { ctrlKey: true }],
    ['Cmd', { metaKey: true }],
    ['Shift', { shiftKey: true }],
    ['the middle button', { button: 1 }],
  ])('leaves a click with %s to the browser: no switch in the page, no question', async (_, init) => {
    render(<RoutedPage />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Phone' }), '555');
    expect(fireEvent.click(screen.getByRole('link', { name: 'Hotkeys' }), init)).toBe(true);
    expect(screen.getByTestId('path')).toHaveTextContent('/account/personal-info');
    expect(screen.getByRole('heading', { name: 'Profile', level: 2 })).toBeVisible();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks before a plain click leaves unsaved changes, and navigates only after Leave', async () => {
    render(<RoutedPage />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Phone' }), '555');
    expect(fireEvent.click(screen.getByRole('link', { name: 'Hotkeys' }))).toBe(false);
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(screen.getByTestId('path')).toHaveTextContent('/account/personal-info');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(screen.getByTestId('path')).toHaveTextContent('/account/hotkeys');
    expect(screen.getByRole('heading', { name: 'Hotkeys', level: 2 })).toBeVisible();
  });

  it('lets the browser follow a link when the host has no router, reporting the change', async () => {
    const changes: Array<[SettingsSectionId, SectionChangeDetails]> = [];
    renderPage({ getSectionHref: (id) => `#${id}`, onSectionChange: (id, details) => changes.push([id, details]) });
    await screen.findByRole('textbox', { name: 'First name' });
    expect(fireEvent.click(screen.getByRole('link', { name: 'Membership info' }))).toBe(true);
    expect(changes).toEqual([['membership-info', { href: '#membership-info', isClientNavigation: false }]]);
  });
});
