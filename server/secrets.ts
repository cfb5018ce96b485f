// The server's secret keys, kept in their own private file (0600) apart from the database: the
// JWT signing key, and the key that hashes (for lookups) and encrypts (to show its owner again)
// legacy tokens and session ids. A copy of the database alone reveals no usable credential.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorCode } from './errors.ts';

/** The keys of one data directory. */
export interface Secrets {
  /** Signs and checks JWTs (HS256). */
  signingKey: string;
  /** HMAC key for stored hashes of tokens and session ids. */
  lookupKey: Buffer;
  /** AES-256-GCM key for stored legacy tokens. */
  sealKey: Buffer;
  /** Where the keys were read from. */
  file: string;
}

/** How `loadSecrets` reads the file. */
export interface LoadSecretsOptions {
  /** Never create or change the file. */
  readonly?: boolean;
  /** The signing key an older database held, kept so its tokens stay valid. */
  legacySigningKey?: string | undefined;
}

function derive(tokenKey: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(tokenKey, 'hex'), Buffer.alloc(0), purpose, 32));
}

/** Reads the secret keys file, creating it (0600) with fresh keys when it does not exist. */
export function loadSecrets(file: string, { readonly = false, legacySigningKey }: LoadSecretsOptions = {}): Secrets {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (readonly || errorCode(error) !== 'ENOENT') throw error;
    text = createSecretsFile(file, legacySigningKey);
  }
  // Group and other lose any access they had (a file copied in with a wider mode).
  if (!readonly && (statSync(file).mode & 0o077) !== 0) chmodSync(file, statSync(file).mode & 0o600);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = {};
  }
  const { jwt_signing_key: signingKey, token_key: tokenKey } =
    typeof parsed === 'object' && parsed !== null ? (parsed as { jwt_signing_key?: unknown; token_key?: unknown }) : {};
  if (typeof signingKey !== 'string' || typeof tokenKey !== 'string' || !/^[0-9a-f]{64}$/.test(tokenKey)) {
    throw new Error(`The secret keys file ${file} is damaged: it needs "jwt_signing_key" and "token_key".`);
  }
  return {
    signingKey,
    lookupKey: derive(tokenKey, 'ras lookup hash'),
    sealKey: derive(tokenKey, 'ras sealed token'),
    file,
  };
}

function createSecretsFile(file: string, legacySigningKey: string | undefined): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const text = `${JSON.stringify(
    {
      jwt_signing_key: legacySigningKey ?? randomBytes(32).toString('hex'),
      token_key: randomBytes(32).toString('hex'),
    },
    null,
    2,
  )}\n`;
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx', flush: true });
    return text;
  } catch (error) {
    // Another process created it first: use theirs.
    if (errorCode(error) === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  }
}

/** The stored form of a token or session id, for lookups. */
export function hashSecret(secrets: Secrets, value: string): string {
  return createHmac('sha256', secrets.lookupKey).update(value, 'utf8').digest('hex');
}

/** Encrypts a token for storage; `context` (e.g. the owner's id) must be the same to open it. */
export function sealSecret(secrets: Secrets, value: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secrets.sealKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The token `sealSecret` encrypted, or null when it can't be opened (another key, or tampered). */
export function openSealed(secrets: Secrets, stored: string, context: string): string | null {
  if (!stored.startsWith('v1.')) return null;
  const bytes = Buffer.from(stored.slice(3), 'base64url');
  if (bytes.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secrets.sealKey, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
