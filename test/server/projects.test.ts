// @vitest-environment node
// Reference server: GET /api/projects/, the organization's projects as a DRF page (for a project picker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PROJECT_TITLES } from '../../src/adapters/memory/seed';
import { expectEnvelope, startServer, type Client, type TestServer } from './harness';

let server: TestServer;
let ada: Client;
let carol: Client;

beforeAll(async () => {
  server = await startServer();
  ada = server.as(server.addUser({ email: 'ada@example.com' }));
  carol = server.as(server.addUser({ email: 'carol@example.com', organizationTitle: 'Other Org' }));
});
afterAll(() => server.close());

describe('GET /api/projects/', () => {
  it('answers the organization’s example projects as a page, newest first', async () => {
    const response = await ada.request('GET', '/api/projects/');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ count: SEED_PROJECT_TITLES.length, next: null, previous: null });
    expect(body.results.map((project: { title: string }) => project.title)).toEqual([...SEED_PROJECT_TITLES].reverse());
    for (const project of body.results) {
      expect(project).toMatchObject({ id: expect.any(Number), title: expect.any(String) });
    }
  });

  it('never lists another organization’s projects', async () => {
    const mine = (await ada.request('GET', '/api/projects/')).json().results.map((p: { id: number }) => p.id);
    const theirs = (await carol.request('GET', '/api/projects/')).json().results.map((p: { id: number }) => p.id);
    expect(theirs).toHaveLength(SEED_PROJECT_TITLES.length);
    expect(mine.filter((id: number) => theirs.includes(id))).toEqual([]);
  });

  it('searches titles, ignoring case', async () => {
    const body = (await ada.request('GET', '/api/projects/?search=INVO')).json();
    expect(body.count).toBe(1);
    expect(body.results[0].title).toBe('Invoices');
    expect((await ada.request('GET', '/api/projects/?search=%25')).json().count).toBe(0);
  });

  it('pages with page and page_size, linking the pages', async () => {
    const first = (await ada.request('GET', '/api/projects/?page_size=4')).json();
    expect(first.results).toHaveLength(4);
    expect(first.next).toBe('/api/projects/?page_size=4&page=2');
    const second = (await ada.request('GET', '/api/projects/?page_size=4&page=2')).json();
    expect(second.results).toHaveLength(SEED_PROJECT_TITLES.length - 4);
    expect(second.previous).toBe('/api/projects/?page_size=4');
    expectEnvelope(await ada.request('GET', '/api/projects/?page_size=4&page=3'), 404, 'Invalid page.');
    expect((await ada.request('GET', '/api/projects/?page_size=nope')).json().results).toHaveLength(
      SEED_PROJECT_TITLES.length,
    );
  });

  it('needs authentication', async () => {
    expectEnvelope(
      await server.inject({ method: 'GET', url: '/api/projects/' }),
      401,
      'Authentication credentials were not provided.',
    );
  });
});
