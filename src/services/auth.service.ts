import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { Store } from '../store/database.js';
import { consumeAuthToken, deleteAuthToken, findAuthToken, insertAuthToken } from '../store/auth.repository.js';
import type { AuthTokenRow } from '../store/schema.js';

const LOGIN_TTL_MS = 24 * 3600_000;
const SESSION_TTL_MS = 30 * 24 * 3600_000;

/** Tokens are stored as their SHA-256 only: a copy of the database signs nobody in. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

async function issue(store: Store, personId: string, kind: AuthTokenRow['kind'], now: Date, ttlMs: number | null, label: string | null = null): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await insertAuthToken(store.db, {
    id: hashToken(secret),
    person_id: personId,
    kind,
    label,
    created_at: now.toISOString(),
    expires_at: ttlMs === null ? null : new Date(now.getTime() + ttlMs).toISOString(),
    used_at: null,
  });
  return secret;
}

/** The token in the URL `grow serve` prints: it signs one browser in, once. */
export function createLoginToken(store: Store, personId: string, now = new Date()): Promise<string> {
  return issue(store, personId, 'login', now, LOGIN_TTL_MS);
}

/** A bearer token for scripts and remote use; valid until revoked. */
export function createApiToken(store: Store, personId: string, label: string | null, now = new Date()): Promise<string> {
  return issue(store, personId, 'api', now, null, label);
}

function isLive(row: AuthTokenRow | undefined, now: Date): row is AuthTokenRow {
  return !!row && (row.expires_at === null || row.expires_at > now.toISOString());
}

/** Trades a one-time login token for a session; a used, expired or unknown token gets nothing. */
export async function exchangeLoginToken(store: Store, secret: string, now = new Date()): Promise<string> {
  const row = await findAuthToken(store.db, hashToken(secret));
  if (!isLive(row, now) || row.kind !== 'login' || !(await consumeAuthToken(store.db, row.id, now.toISOString()))) {
    throw new AppError('unauthenticated', 'token: unknown, expired or already used; restart `grow serve` for a new sign-in link');
  }
  return issue(store, row.person_id, 'session', now, SESSION_TTL_MS);
}

/** The person a session or API token belongs to, or undefined. */
export async function authenticate(store: Store, secret: string, now = new Date()): Promise<{ personId: string; kind: AuthTokenRow['kind'] } | undefined> {
  const row = await findAuthToken(store.db, hashToken(secret));
  if (!isLive(row, now) || row.kind === 'login') return undefined;
  return { personId: row.person_id, kind: row.kind };
}

export async function revokeToken(store: Store, secret: string): Promise<void> {
  await deleteAuthToken(store.db, hashToken(secret));
}
