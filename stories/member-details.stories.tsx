import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createDefaultSeed } from '../src/adapters/memory';
import { MemberDetails } from '../src/components/members-list';
import { makePng } from '../src/testing/image-fixtures';

/** The memory adapter's seed time: the members' last activities are measured back from it. */
const SEED_TIME = Date.UTC(2026, 10, 1, 9, 30);
const HOUR = 60 * 60 * 1000;

/** Bytes as a `data:` URL, as a server or the memory adapter would hand back a stored photo. */
function toDataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:${type};base64,${btoa(binary)}`;
}

/** The `<dd>` next to the `<dt>` labelled `term`. */
function valueOf(element: HTMLElement, term: string): HTMLElement {
  const dt = within(element).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

/** The default members, Ada Lovelace (id 2: a phone, a project created, one contributed to) with a small grey photo. */
const adaWithPhoto: AdapterParameters = {
  adapter: {
    seed: {
      members: createDefaultSeed().members.map((member) =>
        member.id === '2' ? { ...member, avatarUrl: toDataUrl(makePng(48, 48), 'image/png') } : member,
      ),
    },
  },
};

/** A member the backend knows only by email: no name, photo, phone, projects or activity. */
const emailOnly: AdapterParameters = {
  adapter: {
    seed: {
      members: [
        {
          id: '77',
          email: 'sam@example.com',
          firstName: '',
          lastName: '',
          phone: '',
          avatarUrl: null,
          createdProjects: [],
          contributedProjects: [],
        },
      ],
    },
  },
};

const meta = {
  title: 'Organization/MemberDetails',
  component: MemberDetails,
  // A fixed clock and time zone, so that the exact dates and "4 hours ago" never change.
  args: { memberId: '2', now: SEED_TIME, timeZone: 'UTC', style: { maxWidth: 420 } },
  parameters: {
    docs: {
      description: {
        component:
          'One member of the organization: photo or initials, name, email, phone as a `tel:` link, the projects they created and contributed to, and their last activity with its exact date.',
      },
    },
  },
} satisfies Meta<typeof MemberDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A member with a photo, a phone number and projects. */
export const Default: Story = {
  parameters: adaWithPhoto,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Once loaded, the member's name heading names the section.
    const details = await canvas.findByRole('region', { name: 'Ada Lovelace' });
    await expect(within(details).getByRole('heading', { name: 'Ada Lovelace', level: 3 })).toBeVisible();
    const photo = within(details).getByRole<HTMLImageElement>('img', { name: 'Photo of Ada Lovelace' });
    await waitFor(() => expect(photo.naturalWidth).toBe(48));
    await expect(within(details).getByRole('link', { name: 'ada.lovelace.2@example.com' })).toHaveAttribute(
      'href',
      'mailto:ada.lovelace.2@example.com',
    );
    await expect(within(details).getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
    await expect(valueOf(details, 'Projects created')).toHaveTextContent('Street signs');
    await expect(valueOf(details, 'Contributed to')).toHaveTextContent('Invoices');
    const activity = valueOf(details, 'Last activity').querySelector('time');
    await expect(activity).toHaveAttribute('dateTime', '2026-11-01T09:30:00.000Z');
    await expect(activity).toHaveTextContent('Nov 1, 2026, 9:30 AM');
    await expect(details).toHaveAttribute('data-state', 'ready');
  },
};

/** A slow adapter: a busy placeholder until the member arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getMember: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const details = within(canvasElement).getByRole('region', { name: 'Member details' });
    await expect(details).toHaveAttribute('aria-busy', 'true');
    await expect(within(details).getByText('Loading member…')).toBeVisible();
    await expect(within(details).queryByRole('heading')).toBeNull();
  },
};

/** The member is gone: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getMember: 'not_found' } } } satisfies AdapterParameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This item no longer exists.');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.queryByRole('heading')).toBeNull();
  },
};

/** A member without a photo or a phone number, who created no project: initials and "Not given". */
export const NoPhotoNoPhone: Story = {
  args: { memberId: '3' },
  play: async ({ canvasElement }) => {
    const details = await within(canvasElement).findByRole('region', { name: 'Grace Lovelace' });
    await expect(within(details).getByRole('heading', { name: 'Grace Lovelace' })).toBeVisible();
    await expect(within(details).getByRole('img', { name: 'Grace Lovelace, no photo' })).toHaveTextContent('GL');
    await expect(valueOf(details, 'Phone')).toHaveTextContent('Not given');
    await expect(within(valueOf(details, 'Phone')).queryByRole('link')).toBeNull();
    await expect(valueOf(details, 'Projects created')).toHaveTextContent('None');
    await expect(valueOf(details, 'Contributed to')).toHaveTextContent('Bird calls');
    const activity = valueOf(details, 'Last activity').querySelector('time');
    await expect(activity).toHaveTextContent('Nov 1, 2026, 5:48 AM');
    await expect(activity).toHaveAttribute('title', '4 hours ago');
  },
};

/** A member known only by email: the email stands in for the name, and every other row says it is unknown. */
export const EmailOnly: Story = {
  args: { memberId: '77' },
  parameters: emailOnly,
  play: async ({ canvasElement }) => {
    const details = await within(canvasElement).findByRole('region', { name: 'sam@example.com' });
    await expect(within(details).getByRole('heading', { name: 'sam@example.com' })).toBeVisible();
    await expect(within(details).getByRole('img', { name: 'sam@example.com, no photo' })).toHaveTextContent('S');
    await expect(valueOf(details, 'Phone')).toHaveTextContent('Not given');
    await expect(valueOf(details, 'Projects created')).toHaveTextContent('None');
    await expect(valueOf(details, 'Contributed to')).toHaveTextContent('None');
    await expect(valueOf(details, 'Last activity')).toHaveTextContent('No activity yet');
  },
};
