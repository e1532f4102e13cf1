import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import type { Store } from '../store/database.js';
import { consumeAuthToken, deleteAuthToken, findAuthToken, insertAuthToken } from '../store/auth.repository.js';
import type { AuthTokenRow } from '../store/schema.js';
import { deleteCalendarTokens } from '../store/plan.repository.js';

const LOGIN_TTL_MS = 24 * 3600_000;
const SESSION_TTL_MS = 30 * 24 * 3600_000;

/** Tokens are stored as their SHA-256 only: a copy of the database signs nobody in. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

async function issue(
  store: Store,
  personId: string,
  kind: AuthTokenRow['kind'],
  now: Date,
  ttlMs: number | null,
  label: string | null = null,
): Promise<string> {
  // The prefix keeps a secret from starting with "-", which a command line would read as an
  // option (`grow token revoke -Ab…`), and makes a leaked grow token recognisable.
  const secret = `grow_${randomBytes(32).toString('base64url')}`;
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
    throw new AppError('unauthenticated', 'token: unknown, expired or already used; run `grow login-link` for a new sign-in link');
  }
  return issue(store, row.person_id, 'session', now, SESSION_TTL_MS);
}

/**
 * The person a session or API token belongs to, or undefined. Login tokens and calendar feed
 * tokens authenticate nothing here: a calendar token only reads the feed (authenticateCalendarToken).
 */
export async function authenticate(store: Store, secret: string, now = new Date()): Promise<{ personId: string; kind: AuthTokenRow['kind'] } | undefined> {
  const row = await findAuthToken(store.db, hashToken(secret));
  if (!isLive(row, now) || row.kind === 'login' || row.kind === 'calendar') return undefined;
  return { personId: row.person_id, kind: row.kind };
}

/** The one route a calendar feed token opens, read-only: GET (or HEAD) with ?token=… */
export const CALENDAR_FEED_PATH = '/api/v1/calendar.ics';

/** A read-only token for the calendar feed (GET /api/v1/calendar.ics?token=…); valid until revoked. */
export function createCalendarToken(store: Store, personId: string, label: string | null, now = new Date()): Promise<string> {
  return issue(store, personId, 'calendar', now, null, label);
}

/** The person a live calendar feed token belongs to, or undefined (any other kind of token included). */
export async function authenticateCalendarToken(store: Store, secret: string, now = new Date()): Promise<string | undefined> {
  const row = await findAuthToken(store.db, hashToken(secret));
  if (!isLive(row, now) || row.kind !== 'calendar') return undefined;
  return row.person_id;
}

/**
 * Revokes one calendar feed token of the person (by its secret), or all of them when no secret is
 * given. Returns how many were revoked; a secret that is not this person's calendar token is refused.
 */
export async function revokeCalendarToken(store: Store, personId: string, secret?: string): Promise<number> {
  if (secret === undefined) return deleteCalendarTokens(store.db, personId);
  const row = await findAuthToken(store.db, hashToken(secret));
  if (row?.kind !== 'calendar' || row.person_id !== personId) {
    throw new AppError('not_found', 'token: no calendar token of yours matches; revoke all your calendar tokens instead');
  }
  await deleteAuthToken(store.db, row.id);
  return 1;
}

export async function revokeToken(store: Store, secret: string): Promise<void> {
  await deleteAuthToken(store.db, hashToken(secret));
}
