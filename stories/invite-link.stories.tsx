import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { InviteLink } from '../src/components/invite-link';
import { storyText, type StoryText } from './support/story-text';

/** The seeded invite link, made absolute against the page's address. */
const SEED_LINK = /^https?:\/\/[^/]+\/user\/signup\/\?token=4f6b0c1d2e3a$/;
/** Any invite link the memory adapter makes: a new 12-digit hex token. */
const ANY_LINK = /^https?:\/\/[^/]+\/user\/signup\/\?token=[0-9a-f]{12}$/;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/** Clicks "Invite people" and returns the dialog. */
async function openDialog(canvasElement: HTMLElement, { t }: StoryText): Promise<HTMLElement> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: t('invite.open') }));
  return body(canvasElement).findByRole('dialog', { name: t('invite.title') });
}

/** Opens the dialog and waits for the link's read-only field. */
async function openLink(
  canvasElement: HTMLElement,
  text: StoryText,
): Promise<{ dialog: HTMLElement; field: HTMLInputElement }> {
  const dialog = await openDialog(canvasElement, text);
  const field = await within(dialog).findByRole<HTMLInputElement>('textbox', { name: text.t('invite.field') });
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
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const button = within(canvasElement).getByRole('button', { name: t('invite.open') });
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(body(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

/** Open: the link as an absolute address in a read-only field, with what sharing it means. */
export const Open: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const { dialog, field } = await openLink(canvasElement, text);
    await expect(dialog).toHaveAccessibleDescription(t('invite.description'));
    await expect(field).toHaveAttribute('readonly');
    await expect(field.value).toMatch(SEED_LINK);
    await expect(within(dialog).getByRole('button', { name: t('invite.copy') })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: t('invite.reset') })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: t('invite.close') })).toBeVisible();
  },
};

/** Copy link puts the link on the clipboard and says "Copied". */
export const Copy: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const { dialog, field } = await openLink(canvasElement, text);
    await userEvent.click(within(dialog).getByRole('button', { name: t('invite.copy') }));
    await expect(await within(dialog).findByRole('button', { name: t('tokens.copied') })).toBeVisible();
    await expect(await navigator.clipboard.readText()).toBe(field.value);
  },
};

/** Reset link asks first; Cancel keeps the link, confirming replaces it and says the old one no longer works. */
export const Reset: Story = {
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const { dialog, field } = await openLink(canvasElement, text);
    const oldLink = field.value;
    const reset = within(dialog).getByRole('button', { name: t('invite.reset') });

    await userEvent.click(reset);
    let confirm = await body(canvasElement).findByRole('alertdialog', { name: t('invite.resetTitle') });
    await expect(confirm).toHaveAccessibleDescription(t('invite.resetDescription'));
    await userEvent.click(within(confirm).getByRole('button', { name: t('common.cancel') }));
    await waitFor(() => expect(body(canvasElement).queryByRole('alertdialog')).toBeNull());
    await expect(field.value).toBe(oldLink);
    // Back in a usable invite dialog, on the button that asked.
    await waitFor(() => expect(reset).toHaveFocus());

    await userEvent.click(reset);
    confirm = await body(canvasElement).findByRole('alertdialog', { name: t('invite.resetTitle') });
    await userEvent.click(within(confirm).getByRole('button', { name: t('invite.reset') }));
    await waitFor(() => expect(body(canvasElement).queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(field.value).not.toBe(oldLink));
    await expect(field.value).toMatch(ANY_LINK);
    await expect(within(dialog).getByText(t('invite.resetDone'))).toHaveAttribute('role', 'status');
    await waitFor(() => expect(reset).toHaveFocus());
    await expect(dialog.closest('[inert]')).toBeNull();
  },
};

/** The link can't be read: an alert in the dialog, with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getInviteLink: 'forbidden' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const dialog = await openDialog(canvasElement, text);
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(t('error.forbidden'));
    await expect(within(dialog).getByRole('button', { name: t('common.retry') })).toBeVisible();
    await expect(within(dialog).queryByRole('textbox', { name: t('invite.field') })).toBeNull();
  },
};

/** Resetting fails: the reason shows in the confirmation, and the link stays as it was. */
export const ResetFails: Story = {
  parameters: { adapter: { fail: { resetInviteLink: 'server' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const text = storyText({ globals });
    const { t } = text;
    const { dialog, field } = await openLink(canvasElement, text);
    const oldLink = field.value;
    await userEvent.click(within(dialog).getByRole('button', { name: t('invite.reset') }));
    const confirm = await body(canvasElement).findByRole('alertdialog', { name: t('invite.resetTitle') });
    await userEvent.click(within(confirm).getByRole('button', { name: t('invite.reset') }));
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent(
      t('invite.resetFailed', { reason: t('error.server') }),
    );
    await expect(field.value).toBe(oldLink);
  },
};
