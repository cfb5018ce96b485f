import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { InviteLink } from '../src/components/invite-link';

/** The seeded invite link, made absolute against the page's address. */
const SEED_LINK = /^https?:\/\/[^/]+\/user\/signup\/\?token=4f6b0c1d2e3a$/;
/** Any invite link the memory adapter makes: a new 12-digit hex token. */
const ANY_LINK = /^https?:\/\/[^/]+\/user\/signup\/\?token=[0-9a-f]{12}$/;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** Clicks "Invite people" and returns the dialog. */
async function openDialog(canvasElement: HTMLElement): Promise<HTMLElement> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Invite people' }));
  return body(canvasElement).findByRole('dialog', { name: 'Invite people' });
}

/** Opens the dialog and waits for the link's read-only field. */
async function openLink(canvasElement: HTMLElement): Promise<{ dialog: HTMLElement; field: HTMLInputElement }> {
  const dialog = await openDialog(canvasElement);
  const field = await within(dialog).findByRole<HTMLInputElement>('textbox', { name: 'Invite link' });
  return { dialog, field };
}

const meta = {
  title: 'Organization/InviteLink',
  component: InviteLink,
  parameters: {
    docs: {
      description: {
        component:
          'An "Invite people" button that opens a dialog with the organization’s invite link in a read-only field, Copy link, and Reset link behind a confirmation that says the old link stops working. The link is read when the dialog opens.',
      },
    },
  },
} satisfies Meta<typeof InviteLink>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Closed: only the "Invite people" button. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Invite people' });
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

/** Open: the link as an absolute address in a read-only field, with what sharing it means. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const { dialog, field } = await openLink(canvasElement);
    await expect(dialog).toHaveAccessibleDescription(
      'Anyone with this link can join your organization. Share it only with people you want to invite.',
    );
    await expect(field).toHaveAttribute('readonly');
    await expect(field.value).toMatch(SEED_LINK);
    await expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Reset link' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toBeVisible();
  },
};

/** Copy link puts the link on the clipboard and says "Copied". */
export const Copy: Story = {
  play: async ({ canvasElement }) => {
    const { dialog, field } = await openLink(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    await expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeVisible();
    await expect(await navigator.clipboard.readText()).toBe(field.value);
  },
};

/** Reset link asks first; Cancel keeps the link, confirming replaces it and says the old one no longer works. */
export const Reset: Story = {
  play: async ({ canvasElement }) => {
    const { dialog, field } = await openLink(canvasElement);
    const oldLink = field.value;
    const reset = within(dialog).getByRole('button', { name: 'Reset link' });

    await userEvent.click(reset);
    let confirm = await body(canvasElement).findByRole('alertdialog', { name: 'Reset the invite link?' });
    await expect(confirm).toHaveAccessibleDescription(
      'The current link stops working at once: nobody can join with it any more. Share the new link instead.',
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(body(canvasElement).queryByRole('alertdialog')).toBeNull());
    await expect(field.value).toBe(oldLink);
    // Back in a usable invite dialog, on the button that asked.
    await waitFor(() => expect(reset).toHaveFocus());

    await userEvent.click(reset);
    confirm = await body(canvasElement).findByRole('alertdialog', { name: 'Reset the invite link?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Reset link' }));
    await waitFor(() => expect(body(canvasElement).queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(field.value).not.toBe(oldLink));
    await expect(field.value).toMatch(ANY_LINK);
    await expect(within(dialog).getByText('The invite link was reset. The old link no longer works.')).toHaveAttribute(
      'role',
      'status',
    );
    await waitFor(() => expect(reset).toHaveFocus());
    await expect(dialog.closest('[inert]')).toBeNull();
  },
};

/** The link can't be read: an alert in the dialog, with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getInviteLink: 'forbidden' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent("You don't have permission to do this.");
    await expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(within(dialog).queryByRole('textbox', { name: 'Invite link' })).toBeNull();
  },
};

/** Resetting fails: the reason shows in the confirmation, and the link stays as it was. */
export const ResetFails: Story = {
  parameters: { adapter: { fail: { resetInviteLink: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const { dialog, field } = await openLink(canvasElement);
    const oldLink = field.value;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reset link' }));
    const confirm = await body(canvasElement).findByRole('alertdialog', { name: 'Reset the invite link?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Reset link' }));
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      "The invite link wasn't reset. The server had a problem. Try again in a moment.",
    );
    await expect(field.value).toBe(oldLink);
  },
};
