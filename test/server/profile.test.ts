// @vitest-environment node
// Reference server: the current user (whoami), profile updates, avatars and the legacy token,
// including that one user can neither read nor change another's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifestJson from '../fixtures/images/manifest.json';
import {
  expectEnvelope,
  expectKeys,
  fixtureImage,
  multipart,
  startServer,
  type Client,
  type TestServer,
} from './harness';

/** The OSS `WhoAmIUserSerializer` fields. */
const WHOAMI_KEYS = [
  'id',
  'first_name',
  'last_name',
  'username',
  'email',
  'last_activity',
  'custom_hotkeys',
  'avatar',
  'initials',
  'phone',
  'active_organization',
  'active_organization_meta',
  'allow_newsletters',
  'date_joined',
  'permissions',
];
/** Every property of `WhoAmIUser` in the OpenAPI subset (which adds Enterprise-only ones). */
const OPENAPI_WHOAMI_PROPERTIES = [
  ...WHOAMI_KEYS,
  'lse_fields',
  'org_membership',
  'organization_membership',
  'pause',
  'social_accounts',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let server: TestServer;
let ada: Client;
let bob: Client;
let carol: Client;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }));
  bob = server.as(server.addUser({ email: 'bob@example.com' }));
  carol = server.as(server.addUser({ email: 'carol@example.com', organizationTitle: 'Other Org' }));
});
afterAll(() => server.close());

describe('GET /api/current-user/whoami', () => {
  it('answers the OSS WhoAmI shape', async () => {
    const response = await ada.request('GET', '/api/current-user/whoami');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expectKeys(body, WHOAMI_KEYS);
    expect(OPENAPI_WHOAMI_PROPERTIES).toEqual(expect.arrayContaining(Object.keys(body)));
    expect(body).toMatchObject({
      id: ada.user.id,
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada',
      email: 'ada@example.com',
      custom_hotkeys: {},
      avatar: null,
      initials: 'AL',
      phone: '',
      active_organization: ada.user.organizationId,
      active_organization_meta: { title: 'Label Studio', email: 'ada@example.com' },
      allow_newsletters: null,
      permissions: ['users.token.any', 'organizations.view', 'organizations.change', 'avatar.any'],
    });
    expect(body.date_joined).toMatch(ISO_DATE);
    expect(body.last_activity).toMatch(ISO_DATE);
  });

  it("names the organization's creator as its owner, and uses the email for initials without a name", async () => {
    const body = (await bob.request('GET', '/api/current-user/whoami')).json();
    expect(body.active_organization_meta).toEqual({ title: 'Label Studio', email: 'ada@example.com' });
    expect(body.initials).toBe('bo');
    const other = (await carol.request('GET', '/api/current-user/whoami')).json();
    expect(other.active_organization_meta).toEqual({ title: 'Other Org', email: 'carol@example.com' });
    expect(other.active_organization).not.toBe(ada.user.organizationId);
  });
});

describe('PATCH /api/users/:id/', () => {
  it('updates the writable fields and answers the full user', async () => {
    const response = await bob.request('PATCH', `/api/users/${bob.user.id}/`, {
      first_name: '  Bob ',
      last_name: 'Builder',
      username: 'bobby',
      phone: '+1 555 0100',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expectKeys(
      body,
      WHOAMI_KEYS.filter((key) => key !== 'permissions'),
    );
    expect(body).toMatchObject({
      first_name: 'Bob',
      last_name: 'Builder',
      username: 'bobby',
      phone: '+1 555 0100',
      initials: 'BB',
      email: 'bob@example.com',
    });
    expect((await bob.request('GET', '/api/current-user/whoami')).json().phone).toBe('+1 555 0100');
  });

  it('accepts the path without a trailing slash too', async () => {
    const response = await bob.request('PATCH', `/api/users/${bob.user.id}`, { phone: '' });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone).toBe('');
  });

  it('coerces allow_newsletters 1/0 like the web app sends it, and accepts null', async () => {
    for (const [sent, stored] of [
      [1, true],
      [0, false],
      [true, true],
      ['false', false],
      [null, null],
    ] as const) {
      const response = await bob.request('PATCH', `/api/users/${bob.user.id}/`, { allow_newsletters: sent });
      expect(response.json().allow_newsletters).toBe(stored);
    }
    expectEnvelope(
      await bob.request('PATCH', `/api/users/${bob.user.id}/`, { allow_newsletters: 'maybe' }),
      400,
      'Validation error',
      {
        allow_newsletters: ['Must be a valid boolean.'],
      },
    );
  });

  it('refuses fields over 256 characters and non-strings, saving nothing', async () => {
    const response = await bob.request('PATCH', `/api/users/${bob.user.id}/`, {
      first_name: 'x'.repeat(257),
      last_name: 'Changed',
      phone: { number: 1 },
      username: null,
    });
    expectEnvelope(response, 400, 'Validation error', {
      first_name: ['Ensure this field has no more than 256 characters.'],
      phone: ['Not a valid string.'],
      username: ['This field may not be null.'],
    });
    expect((await bob.request('GET', '/api/current-user/whoami')).json().last_name).toBe('Builder');
    const exact = await bob.request('PATCH', `/api/users/${bob.user.id}/`, { first_name: ` ${'y'.repeat(256)} ` });
    expect(exact.json().first_name).toBe('y'.repeat(256));
    await bob.request('PATCH', `/api/users/${bob.user.id}/`, { first_name: 'Bob' });
  });

  it('refuses a body that is not an object', async () => {
    expectEnvelope(await bob.request('PATCH', `/api/users/${bob.user.id}/`, [1, 2]), 400, 'Validation error', {
      non_field_errors: ['Invalid data. Expected a dictionary, but got list.'],
    });
  });

  it('saves the other fields first, then refuses email with 405', async () => {
    const response = await bob.request('PATCH', `/api/users/${bob.user.id}/`, {
      last_name: 'Saved Anyway',
      email: 'new@example.com',
    });
    expectEnvelope(response, 405, 'Cannot update read-only field: email');
    const me = (await bob.request('GET', '/api/current-user/whoami')).json();
    expect(me).toMatchObject({ last_name: 'Saved Anyway', email: 'bob@example.com' });
  });

  it('stores valid custom_hotkeys and refuses invalid ones', async () => {
    const hotkeys = { 'annotation:submit': { key: 'ctrl+s', active: true } };
    const response = await bob.request('PATCH', `/api/users/${bob.user.id}/`, { custom_hotkeys: hotkeys });
    expect(response.json().custom_hotkeys).toEqual(hotkeys);
    expectEnvelope(
      await bob.request('PATCH', `/api/users/${bob.user.id}/`, { custom_hotkeys: { nocolon: { key: 'a' } } }),
      400,
      'Validation error',
      { custom_hotkeys: ["Action key 'nocolon' must be in 'section:action' format"] },
    );
  });

  it('answers 403 for another user of the same organization, and changes nothing', async () => {
    const response = await bob.request('PATCH', `/api/users/${ada.user.id}/`, { first_name: 'Hacked' });
    expectEnvelope(response, 403, 'You do not have permission to perform this action.');
    expect((await ada.request('GET', '/api/current-user/whoami')).json().first_name).toBe('Ada');
  });

  it('answers 404 for a user of another organization, an unknown id and a non-numeric id', async () => {
    expectEnvelope(
      await carol.request('PATCH', `/api/users/${ada.user.id}/`, { first_name: 'Hacked' }),
      404,
      'Not found.',
    );
    expectEnvelope(
      await ada.request('PATCH', `/api/users/${carol.user.id}/`, { first_name: 'Hacked' }),
      404,
      'Not found.',
    );
    expectEnvelope(await ada.request('PATCH', '/api/users/99999/', { first_name: 'x' }), 404, 'Not found.');
    expectEnvelope(await ada.request('PATCH', '/api/users/me/', { first_name: 'x' }), 404, 'Not found.');
    expect((await carol.request('GET', '/api/current-user/whoami')).json().first_name).toBe('');
    expect((await ada.request('GET', '/api/current-user/whoami')).json().first_name).toBe('Ada');
  });

  it('needs authentication', async () => {
    const response = await server.inject({
      method: 'PATCH',
      url: `/api/users/${ada.user.id}/`,
      payload: { first_name: 'x' },
    });
    expectEnvelope(response, 401, 'Authentication credentials were not provided.');
  });
});

describe('avatar', () => {
  type Verdict = 'ok' | 'too_many_pixels' | 'unsupported_type' | 'unreadable';
  const manifest = manifestJson as Array<{ file: string; type: string; avatar: Verdict }>;
  const MESSAGES: Record<Exclude<Verdict, 'ok'>, string> = {
    too_many_pixels: 'Please use an image that is 1200 x 1200 pixels or smaller.',
    unsupported_type: 'Please use a JPEG, GIF or PNG image.',
    unreadable: "Can't read image, try another one",
  };
  const CONTENT_TYPES: Record<string, string> = {
    png: 'image/png',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    bmp: 'image/bmp',
  };
  const upload = (client: Client, bytes: Buffer, name = 'avatar.png', type = 'image/png', field = 'avatar') => {
    const { payload, headers } = multipart(field, name, type, bytes);
    return client.request('POST', `/api/users/${client.user.id}/avatar/`, payload, headers);
  };

  it.each(manifest)('$file → $avatar', async ({ file, type, avatar }) => {
    const response = await upload(carol, fixtureImage(file), file, CONTENT_TYPES[type] ?? 'application/octet-stream');
    if (avatar === 'ok') {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ detail: 'avatar saved' });
    } else {
      expectEnvelope(response, 400, MESSAGES[avatar]);
    }
  });

  it('saves, serves and deletes the avatar', async () => {
    const png = fixtureImage('png-37x23.png');
    expect((await upload(ada, png)).statusCode).toBe(200);
    const avatarUrl = (await ada.request('GET', '/api/current-user/whoami')).json().avatar as string;
    // A path, as Label Studio answers it when LABEL_STUDIO_HOST is not set.
    expect(avatarUrl).toMatch(/^\/data\/avatars\/[0-9a-f-]{36}\.png$/);

    const served = await server.inject({ method: 'GET', url: avatarUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    const deleted = await ada.request('DELETE', `/api/users/${ada.user.id}/avatar/`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await ada.request('GET', '/api/current-user/whoami')).json().avatar).toBeNull();
    expectEnvelope(await server.inject({ method: 'GET', url: avatarUrl }), 404, 'Not found.');
  });

  it('never builds the avatar URL from the Host header the client sent', async () => {
    await upload(ada, fixtureImage('gif89a-29x17.gif'), 'a.gif', 'image/gif');
    const response = await ada.request('GET', '/api/current-user/whoami', undefined, {
      host: 'evil.example.test:8081',
    });
    expect(response.json().avatar).toMatch(/^\/data\/avatars\/[0-9a-f-]{36}\.gif$/);
  });

  it('builds absolute avatar URLs from the configured public URL', async () => {
    const configured = await startServer(undefined, { publicUrl: 'https://ls.example.test/' });
    try {
      const dora = configured.as(configured.addUser({ email: 'dora@example.com' }));
      await upload(dora, fixtureImage('gif89a-29x17.gif'), 'a.gif', 'image/gif');
      const response = await dora.request('GET', '/api/current-user/whoami', undefined, { host: 'evil.example.test' });
      expect(response.json().avatar).toMatch(/^https:\/\/ls\.example\.test\/data\/avatars\/[0-9a-f-]{36}\.gif$/);
    } finally {
      await configured.close();
    }
  });

  it("checks the file name's extension, then the part's content type, after the image itself", async () => {
    const png = fixtureImage('png-37x23.png');
    const wrongExtension = 'Please upload a valid image file with extensions: JPEG, JPG, GIF, or PNG.';
    for (const name of ['photo', 'img.jfif', 'a.webp', 'png']) {
      expectEnvelope(await upload(bob, png, name, 'image/png'), 400, wrongExtension);
    }
    expectEnvelope(
      await upload(bob, png, 'a.png', 'application/octet-stream'),
      400,
      'Please use a JPEG, GIF or PNG image.',
    );
    expectEnvelope(await upload(bob, png, 'a.png', ''), 400, 'Please use a JPEG, GIF or PNG image.');
    // The name's case does not matter, and a readable image of any allowed name and type passes.
    expect((await upload(bob, png, 'A.PNG', 'image/png')).statusCode).toBe(200);
    expect((await upload(bob, png, 'a.jpeg', 'image/gif')).statusCode).toBe(200);
    // An unreadable file is refused as such before its name is looked at.
    expectEnvelope(
      await upload(bob, Buffer.from('not an image'), 'photo', 'text/plain'),
      400,
      "Can't read image, try another one",
    );
  });

  it('takes the first file whatever its field name', async () => {
    const response = await upload(bob, fixtureImage('jpeg-baseline-45x27.jpg'), 'photo.jpg', 'image/jpeg', 'file');
    expect(response.statusCode).toBe(200);
    expect((await bob.request('GET', '/api/current-user/whoami')).json().avatar).toMatch(/\.jpg$/);
  });

  it('refuses files over 1024 KB', async () => {
    const png = fixtureImage('png-37x23.png');
    // A valid header followed by padding: readable and small in pixels, but too many bytes.
    const big = Buffer.concat([png, Buffer.alloc(1024 * 1024 + 1 - png.length)]);
    expectEnvelope(await upload(carol, big), 400, 'Avatar file size may not exceed 1024.0 kb');
    const exact = Buffer.concat([png, Buffer.alloc(1024 * 1024 - png.length)]);
    expect((await upload(carol, exact)).statusCode).toBe(200);
    const huge = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    expectEnvelope(await upload(carol, huge), 400, 'Avatar file size may not exceed 1024.0 kb');
  });

  it('refuses text and a request without a file', async () => {
    expectEnvelope(await upload(carol, Buffer.from('hello, not an image')), 400, "Can't read image, try another one");
    expectEnvelope(
      await carol.request('POST', `/api/users/${carol.user.id}/avatar/`, {}),
      400,
      'No file was submitted.',
    );
  });

  it('always acts on the requester, never on the user the path names', async () => {
    const before = (await ada.request('GET', '/api/current-user/whoami')).json().avatar;
    const { payload, headers } = multipart('avatar', 'x.png', 'image/png', fixtureImage('png-alpha-32x24.png'));
    expect((await carol.request('POST', `/api/users/${ada.user.id}/avatar/`, payload, headers)).statusCode).toBe(200);
    expect((await carol.request('DELETE', `/api/users/${ada.user.id}/avatar/`)).statusCode).toBe(204);
    expect((await ada.request('GET', '/api/current-user/whoami')).json().avatar).toBe(before);
    expect((await carol.request('GET', '/api/current-user/whoami')).json().avatar).toBeNull();
  });

  it('needs authentication to upload', async () => {
    const { payload, headers } = multipart('avatar', 'x.png', 'image/png', fixtureImage('png-37x23.png'));
    const response = await server.inject({ method: 'POST', url: '/api/users/1/avatar/', payload, headers });
    expectEnvelope(response, 401, 'Authentication credentials were not provided.');
  });

  it('serves only avatar file names', async () => {
    expectEnvelope(
      await server.inject({ method: 'GET', url: '/data/avatars/..%2Flabel-studio.sqlite3' }),
      404,
      'Not found.',
    );
  });
});

describe('legacy token', () => {
  it('answers the token and resets it with 201', async () => {
    const first = await ada.request('GET', '/api/current-user/token');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ token: ada.user.token });
    expect(ada.user.token).toMatch(/^[0-9a-f]{40}$/);

    const reset = await ada.request('POST', '/api/current-user/reset-token/');
    expect(reset.statusCode).toBe(201);
    const fresh = reset.json().token as string;
    expect(fresh).toMatch(/^[0-9a-f]{40}$/);
    expect(fresh).not.toBe(ada.user.token);

    expectEnvelope(await ada.request('GET', '/api/current-user/token'), 401, 'Invalid token.');
    const withNew = await server.inject({
      method: 'GET',
      url: '/api/current-user/token',
      headers: { authorization: `Token ${fresh}` },
    });
    expect(withNew.json()).toEqual({ token: fresh });
    ada = server.as({ ...ada.user, token: fresh });
  });

  it('shows each user only their own token', async () => {
    expect((await bob.request('GET', '/api/current-user/token')).json()).toEqual({ token: bob.user.token });
    expect((await carol.request('GET', '/api/current-user/token')).json()).toEqual({ token: carol.user.token });
  });
});
