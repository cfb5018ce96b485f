// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createLabelStudioAdapter } from '../../src/label-studio/adapter';

/** A backend that answers /api/jwt/settings as a Label Studio edition does. */
function answering(body: Record<string, unknown>) {
  return createLabelStudioAdapter({
    baseUrl: 'https://label.example.com',
    auth: { type: 'session' },
    fetch: async (input) => {
      expect(String(input)).toBe('https://label.example.com/api/jwt/settings');
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}

describe("the Label Studio adapter's token settings", () => {
  it('offers no per-token expiry and reports Community’s tokens as never expiring', async () => {
    const settings = await answering({ api_tokens_enabled: true, legacy_api_tokens_enabled: false })
      .getTokenSettings!();
    expect(settings).toMatchObject({
      personalTokensEnabled: true,
      legacyTokenEnabled: false,
      maxActivePersonalTokens: 1,
      canChooseExpiry: false,
      personalTokenLifetimeDays: null,
    });
  });

  it('reports an Enterprise organization’s lifetime, and its 73000-day "eternity" as never', async () => {
    const month = answering({ api_tokens_enabled: true, legacy_api_tokens_enabled: true, api_token_ttl_days: 30 });
    expect((await month.getTokenSettings!()).personalTokenLifetimeDays).toBe(30);
    const eternity = answering({ api_tokens_enabled: true, api_token_ttl_days: 73000 });
    expect((await eternity.getTokenSettings!()).personalTokenLifetimeDays).toBeNull();
  });

  it('says whether the lifetime can be changed: Enterprise answers api_token_ttl_days, Community does not', async () => {
    const community = answering({ api_tokens_enabled: true, legacy_api_tokens_enabled: false });
    expect((await community.getTokenSettings!()).canChangeLifetime).toBe(false);
    const enterprise = answering({ api_tokens_enabled: true, api_token_ttl_days: 30 });
    expect((await enterprise.getTokenSettings!()).canChangeLifetime).toBe(true);
  });

  it('refuses a lifetime change on Community before saving anything, since Community would ignore it', async () => {
    const methods: string[] = [];
    const community = createLabelStudioAdapter({
      baseUrl: 'https://label.example.com',
      auth: { type: 'session' },
      fetch: async (_input, init) => {
        methods.push(init?.method ?? 'GET');
        const body = { api_tokens_enabled: true, legacy_api_tokens_enabled: false };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await expect(
      community.updateTokenSettings!({ personalTokensEnabled: false, personalTokenLifetimeDays: 30 }),
    ).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { personalTokenLifetimeDays: ["This server's personal tokens have a fixed lifetime."] },
    });
    expect(methods).toEqual(['GET']);
  });
});
