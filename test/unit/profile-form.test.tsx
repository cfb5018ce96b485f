import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountError } from '../../src/adapters/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import { ProfileForm } from '../../src/components/profile-form';
import { de } from '../../src/locales/de';
import { AccountProvider } from '../../src/provider/account-provider';

function renderForm(adapter: MemoryAdapter = createMemoryAdapter(), props: Parameters<typeof ProfileForm>[0] = {}) {
  render(
    <AccountProvider adapter={adapter}>
      <ProfileForm {...props} />
    </AccountProvider>,
  );
  return adapter;
}

async function field(name: string) {
  return screen.findByRole('textbox', { name });
}

describe('ProfileForm', () => {
  it('shows the saved profile with a read-only email and its hint', async () => {
    renderForm();
    expect(await field('First name')).toHaveValue('Heidi');
    expect(screen.getByRole('textbox', { name: 'Last name' })).toHaveValue('Opossum');
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(email).toHaveValue('heidi@example.com');
    expect(email).toHaveAttribute('readonly');
    expect(email).toHaveAccessibleDescription("Your email is your username and can't be changed.");
  });

  it('keeps Save unavailable until something changes', async () => {
    renderForm();
    await field('First name');
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    await userEvent.type(await field('Phone'), '555');
    expect(save).toHaveAttribute('aria-disabled', 'false');
  });

  it('saves trimmed values and says so', async () => {
    const adapter = renderForm();
    const first = await field('First name');
    await userEvent.clear(first);
    await userEvent.type(first, '  Grace  ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved'));
    expect((await adapter.getCurrentUser()).firstName).toBe('Grace');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('refuses 257 characters, naming the limit and the length, and saves nothing', async () => {
    const adapter = createMemoryAdapter();
    const updateProfile = vi.spyOn(adapter, 'updateProfile');
    renderForm(adapter);
    const last = await field('Last name');
    await userEvent.clear(last);
    await userEvent.click(last);
    await userEvent.paste('x'.repeat(257));
    expect(await screen.findByText('This is 257 characters long. The longest allowed is 256.')).toBeInTheDocument();
    expect(last).toHaveAttribute('aria-invalid', 'true');
    expect(last).toHaveAccessibleDescription('This is 257 characters long. The longest allowed is 256.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateProfile).not.toHaveBeenCalled();
    expect(last).toHaveValue('x'.repeat(257));
  });

  it('hints at unusual phone characters without marking the field invalid or holding back Save', async () => {
    const adapter = renderForm();
    const phone = await field('Phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, '555-01#2a');
    const hint = 'Phone numbers rarely contain “#” or “a”. You can still save it as it is.';
    expect(await screen.findByText(hint)).toBeVisible();
    expect(phone).toHaveAttribute('aria-invalid', 'false');
    expect(phone).toHaveAccessibleDescription(hint);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(await adapter.getCurrentUser()).toMatchObject({ phone: '555-01#2a' });
  });

  it("lists unusual phone characters with the locale's own list words and quotes", async () => {
    render(
      <AccountProvider adapter={createMemoryAdapter()} locale="de-DE" messages={de}>
        <ProfileForm />
      </AccountProvider>,
    );
    const phone = await screen.findByRole('textbox', { name: 'Telefon' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '555 #1x2');
    expect(
      await screen.findByText('Telefonnummern enthalten selten „#“ oder „x“. Sie können sie trotzdem so speichern.'),
    ).toBeVisible();
  });

  it('saves a name change beside a stored phone number the server accepted, such as "555-0100 ext. 7"', async () => {
    const adapter = createMemoryAdapter();
    await adapter.updateProfile({ phone: '555-0100 ext. 7' });
    renderForm(adapter);
    const phone = await field('Phone');
    expect(phone).toHaveValue('555-0100 ext. 7');
    expect(
      screen.getByText('Phone numbers rarely contain “e”, “x”, or “t”. You can still save it as it is.'),
    ).toBeVisible();
    const first = screen.getByRole('textbox', { name: 'First name' });
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(await adapter.getCurrentUser()).toMatchObject({ firstName: 'Grace', phone: '555-0100 ext. 7' });
  });

  it('shows no hint for a phone number of digits, spaces and + - ( ) .', async () => {
    renderForm();
    const phone = await field('Phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 (555) 010-2030.');
    expect(screen.queryByText(/Phone numbers rarely contain/)).not.toBeInTheDocument();
    expect(phone).not.toHaveAccessibleDescription();
  });

  it('shows server field errors under their field and moves focus there', async () => {
    const adapter = createMemoryAdapter({
      fail: {
        updateProfile: new AccountError('validation', 'Invalid', {
          status: 400,
          fieldErrors: { lastName: ['This name is already taken.'] },
        }),
      },
    });
    renderForm(adapter);
    await userEvent.type(await field('First name'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const last = screen.getByRole('textbox', { name: 'Last name' });
    expect(await screen.findByText('This name is already taken.')).toBeVisible();
    expect(last).toHaveAttribute('aria-invalid', 'true');
    expect(last).toHaveAccessibleDescription('This name is already taken.');
    await waitFor(() => expect(last).toHaveFocus());
  });

  it('keeps every typed value when the save fails, and retries', async () => {
    let failures = 1;
    const base = createMemoryAdapter();
    const adapter: MemoryAdapter = {
      ...base,
      updateProfile: (patch, options) =>
        failures-- > 0 ? Promise.reject(new AccountError('network')) : base.updateProfile(patch, options),
    };
    renderForm(adapter);
    const first = await field('First name');
    await userEvent.clear(first);
    await userEvent.type(first, 'Grace');
    await userEvent.type(screen.getByRole('textbox', { name: 'Phone' }), '+1 555');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached');
    expect(first).toHaveValue('Grace');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveValue('+1 555');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(await base.getCurrentUser()).toMatchObject({ firstName: 'Grace', phone: '+1 555' });
  });

  it('saves once for a double click', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 30 });
    const updateProfile = vi.spyOn(adapter, 'updateProfile');
    renderForm(adapter);
    await userEvent.type(await field('Phone'), '1');
    await userEvent.dblClick(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(updateProfile).toHaveBeenCalledTimes(1);
  });

  it('restores the saved values with Discard changes', async () => {
    renderForm();
    const first = await field('First name');
    await userEvent.clear(first);
    await userEvent.type(first, 'Nobody');
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(first).toHaveValue('Heidi');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('tells the host when the form becomes dirty and clean', async () => {
    const onDirtyChange = vi.fn();
    renderForm(undefined, { onDirtyChange });
    await userEvent.type(await field('Phone'), '1');
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(true));
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(false));
  });

  it('asks the browser to confirm leaving while dirty, with warnOnLeave', async () => {
    renderForm(undefined, { warnOnLeave: true });
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    await userEvent.type(await field('Phone'), '1');
    // The guard is set up by an effect after the dirty render commits, which a busy machine may run a moment later.
    await waitFor(() => {
      const dirty = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(dirty);
      expect(dirty.defaultPrevented).toBe(true);
    });
  });

  it('shows a busy skeleton while loading, and a Retry alert when loading fails', async () => {
    renderForm(createMemoryAdapter({ fail: { getCurrentUser: 'server' }, latencyMs: 20 }));
    expect(screen.getByRole('form', { name: 'Profile' })).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('alert')).toHaveTextContent('The server had a problem');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('passes className, style and other props to the root form', async () => {
    renderForm(undefined, { className: 'host-form', style: { maxWidth: 480 }, 'data-testid': 'root' } as never);
    const root = await screen.findByTestId('root');
    expect(root).toHaveClass('ras-profile-form', 'host-form');
    expect(root).toHaveStyle({ maxWidth: '480px' });
  });
});
