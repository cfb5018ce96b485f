import { AccountError, type AccountErrorCode } from '../../adapters/errors';

/** How requests are authenticated against a Label Studio server. */
export type LabelStudioAuth =
  { type: 'token'; token: string } | { type: 'personal'; refreshToken: string } | { type: 'session' };

/** Label Studio's snake_case field names, and the library's names for them. */
const FIELD_NAMES: Record<string, string> = {
  first_name: 'firstName',
  last_name: 'lastName',
  phone: 'phone',
  allow_newsletters: 'newsletter',
  custom_hotkeys: 'hotkeys',
  avatar: 'avatar',
  api_tokens_enabled: 'personalTokensEnabled',
  legacy_api_tokens_enabled: 'legacyTokenEnabled',
  api_token_ttl_days: 'personalTokenLifetimeDays',
};

const STATUS_CODES: Array<[number, AccountErrorCode]> = [
  [400, 'validation'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [405, 'validation'],
  [409, 'conflict'],
  [413, 'too_large'],
  [422, 'validation'],
  [429, 'rate_limited'],
];

function codeForStatus(status: number): AccountErrorCode {
  return STATUS_CODES.find(([candidate]) => candidate === status)?.[1] ?? (status >= 500 ? 'server' : 'validation');
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : [String(value)];
}

/** Turns a failed response (any of Label Studio's error bodies) into an AccountError. */
export async function errorFromResponse(response: Response): Promise<AccountError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone has to do.
  }
  const fieldErrors: Record<string, string[]> = {};
  // The envelope: { detail, validation_errors: { field: [msg] } }; hotkeys: { error, details: { custom_hotkeys: [msg] } }.
  const fields = (body.validation_errors ?? body.details) as Record<string, unknown> | undefined;
  if (fields && typeof fields === 'object') {
    for (const [field, messages] of Object.entries(fields)) {
      fieldErrors[FIELD_NAMES[field] ?? field] = asStrings(messages);
    }
  }
  const detail =
    typeof body.detail === 'string' ? body.detail : typeof body.error === 'string' ? body.error : undefined;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new AccountError(codeForStatus(response.status), detail, {
    status: response.status,
    ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

/** Reads a JWT's payload claims (base64url JSON; not verified, never logged), or `{}` when it can't. */
export function jwtClaims(token: string): Record<string, unknown> {
  try {
    const payload = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
    const claims: unknown = JSON.parse(text);
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The part of a JWT's base64url payload, as it appears in the token's text, that encodes only a
 * string claim's value (e.g. `jti`): up to `length` characters from its end, or `null`. Unlike the
 * payload's last characters (the user id, the same for all of a user's tokens), it tells tokens apart.
 */
export function jwtClaimExcerpt(token: string, claim: string, length: number): string | null {
  const encoded = token.split('.')[1] ?? '';
  let binary: string;
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const match = new RegExp(`"${claim}"\\s*:\\s*"([^"\\\\]+)"`).exec(binary);
  if (!match) return null;
  const start = match.index + match[0].length - 1 - match[1]!.length;
  const end = start + match[1]!.length;
  // Base64 turns each 3 bytes into 4 characters: keep the groups that lie wholly inside the value.
  const from = Math.ceil(start / 3) * 4;
  const to = Math.floor(end / 3) * 4;
  if (to <= from) return null;
  return encoded.slice(Math.max(from, to - length), to);
}

/** Reads the `exp` claim of a JWT (seconds since the epoch), or 0 when it can't. */
export function jwtExpiry(token: string): number {
  const exp = jwtClaims(token).exp;
  return typeof exp === 'number' ? exp : 0;
}
