// A host page on one origin (Vitest's) using the Label Studio adapter with a token against the
// reference server on another (started by the project's global setup): what issue 15's relative
// `avatar` and `invite_url`, CORS and member search have to make work in a real browser.
import { expect, inject, it } from 'vitest';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';
import { makePng } from '../../src/testing/image-fixtures';

const server = inject('labelStudio');
const adapter = () => createLabelStudioAdapter({ baseUrl: server.url, auth: { type: 'token', token: server.token } });

it('runs on another origin than the server', () => {
  expect(new URL(server.url).origin).not.toBe(window.location.origin);
});

it('uploads a photo that the page then shows', async () => {
  const user = await adapter().uploadAvatar!(new Blob([makePng(48, 32)], { type: 'image/png' }));
  expect(new URL(user.avatarUrl!).origin).toBe(server.url);
  const photo = document.createElement('img');
  photo.alt = 'Profile photo';
  photo.src = user.avatarUrl!;
  document.body.append(photo);
  try {
    await photo.decode();
    expect(photo.naturalWidth).toBe(48);
    expect(photo.naturalHeight).toBe(32);
  } finally {
    photo.remove();
  }
});

it('gives an absolute invite link on the server’s origin, not the page’s', async () => {
  const { url } = await adapter().getInviteLink!();
  const link = new URL(url);
  expect(link.origin).toBe(server.url);
  expect(link.pathname).toBe('/user/signup/');
  expect(link.searchParams.get('token')).toMatch(/.+/);
});

it('searches members', async () => {
  const found = await adapter().listMembers!({ page: 1, pageSize: 10, search: 'grace' });
  expect(found.total).toBe(1);
  expect(found.items.map((member) => member.email)).toEqual(['grace@example.com']);
  const everyone = await adapter().listMembers!({ page: 1, pageSize: 10 });
  expect(everyone.items.map((member) => member.email).sort()).toEqual(
    ['owner@example.com', ...server.memberEmails].sort(),
  );
});
