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

/** Reads the `exp` claim of a JWT (seconds since the epoch), or 0 when it can't. */
export function jwtExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}
