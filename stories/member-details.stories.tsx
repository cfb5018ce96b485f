import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { AdapterParameters } from '../.storybook/preview';
import { createDefaultSeed } from '../src/adapters/memory';
import { MemberDetails } from '../src/components/members-list';
import { makePng } from '../src/testing/image-fixtures';
import { storyText } from './support/story-text';

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

/** The default seed's members: Ada (id 2: a phone, a project created, one contributed to), Grace (id 3: neither). */
const MEMBERS = createDefaultSeed().members;
const ADA = MEMBERS.find((member) => member.id === '2')!;
const GRACE = MEMBERS.find((member) => member.id === '3')!;
const fullName = (member: { firstName: string; lastName: string }) => `${member.firstName} ${member.lastName}`;

/** The default members, Ada with a small grey photo. */
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
  play: async ({ canvasElement, globals }) => {
    const { t, dateTime } = storyText({ globals });
    const canvas = within(canvasElement);
    // Once loaded, the member's name heading names the section.
    const details = await canvas.findByRole('region', { name: fullName(ADA) });
    await expect(within(details).getByRole('heading', { name: fullName(ADA), level: 3 })).toBeVisible();
    const photo = within(details).getByRole<HTMLImageElement>('img', {
      name: t('member.photoAlt', { name: fullName(ADA) }),
    });
    await waitFor(() => expect(photo.naturalWidth).toBe(48));
    await expect(within(details).getByRole('link', { name: ADA.email })).toHaveAttribute('href', `mailto:${ADA.email}`);
    await expect(within(details).getByRole('link', { name: ADA.phone })).toHaveAttribute(
      'href',
      `tel:${ADA.phone.replace(/\s/g, '')}`,
    );
    await expect(valueOf(details, t('member.createdProjects'))).toHaveTextContent(ADA.createdProjects[0]!.title);
    await expect(valueOf(details, t('member.contributedProjects'))).toHaveTextContent(
      ADA.contributedProjects[0]!.title,
    );
    const activity = valueOf(details, t('member.lastActivity')).querySelector('time');
    await expect(activity).toHaveAttribute('dateTime', '2026-11-01T09:30:00.000Z');
    await expect(activity).toHaveTextContent(dateTime('2026-11-01T09:30:00.000Z', 'UTC'));
    await expect(details).toHaveAttribute('data-state', 'ready');
  },
};

/** A slow adapter: a busy placeholder until the member arrives. */
export const Loading: Story = {
  parameters: { adapter: { latencyMs: { getMember: HOUR } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const details = within(canvasElement).getByRole('region', { name: t('member.title') });
    await expect(details).toHaveAttribute('aria-busy', 'true');
    await expect(within(details).getByText(t('member.loading'))).toBeVisible();
    await expect(within(details).queryByRole('heading')).toBeNull();
  },
};

/** The member is gone: an alert with Retry. */
export const Error: Story = {
  parameters: { adapter: { fail: { getMember: 'not_found' } } } satisfies AdapterParameters,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('error.not_found'));
    await userEvent.click(canvas.getByRole('button', { name: t('common.retry') }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvas.queryByRole('heading')).toBeNull();
  },
};

/** A member without a photo or a phone number, who created no project: initials and "Not given". */
export const NoPhotoNoPhone: Story = {
  args: { memberId: '3' },
  play: async ({ canvasElement, globals }) => {
    const { t, dateTime, relativeTime } = storyText({ globals });
    const name = fullName(GRACE);
    const details = await within(canvasElement).findByRole('region', { name });
    await expect(within(details).getByRole('heading', { name })).toBeVisible();
    await expect(within(details).getByRole('img', { name: t('avatar.initialsLabel', { name }) })).toHaveTextContent(
      `${GRACE.firstName[0]}${GRACE.lastName[0]}`,
    );
    await expect(valueOf(details, t('member.phone'))).toHaveTextContent(t('member.noPhone'));
    await expect(within(valueOf(details, t('member.phone'))).queryByRole('link')).toBeNull();
    await expect(valueOf(details, t('member.createdProjects'))).toHaveTextContent(t('member.noProjects'));
    await expect(valueOf(details, t('member.contributedProjects'))).toHaveTextContent(
      GRACE.contributedProjects[0]!.title,
    );
    const activity = valueOf(details, t('member.lastActivity')).querySelector('time');
    await expect(activity).toHaveTextContent(dateTime(GRACE.lastActivity!, 'UTC'));
    await expect(activity).toHaveAttribute('title', relativeTime(GRACE.lastActivity!, SEED_TIME));
  },
};

/** A member known only by email: the email stands in for the name, and every other row says it is unknown. */
export const EmailOnly: Story = {
  args: { memberId: '77' },
  parameters: emailOnly,
  play: async ({ canvasElement, globals }) => {
    const { t } = storyText({ globals });
    const details = await within(canvasElement).findByRole('region', { name: 'sam@example.com' });
    await expect(within(details).getByRole('heading', { name: 'sam@example.com' })).toBeVisible();
    await expect(
      within(details).getByRole('img', { name: t('avatar.initialsLabel', { name: 'sam@example.com' }) }),
    ).toHaveTextContent('S');
    await expect(valueOf(details, t('member.phone'))).toHaveTextContent(t('member.noPhone'));
    await expect(valueOf(details, t('member.createdProjects'))).toHaveTextContent(t('member.noProjects'));
    await expect(valueOf(details, t('member.contributedProjects'))).toHaveTextContent(t('member.noProjects'));
    await expect(valueOf(details, t('member.lastActivity'))).toHaveTextContent(t('member.noActivity'));
  },
};
