import { type IsoDate, dateInZone, isIsoDate, isValidTimeZone } from '../core/calendar.js';
import { AppError } from '../core/errors.js';
import type { Store } from '../store/database.js';
import { findFirstPerson, findPerson, insertPerson } from '../store/person.repository.js';
import { newId } from '../store/ids.js';

/** What every use case needs: where the data is, who is acting, and what day it is for them. */
export interface Context {
  store: Store;
  personId: string;
  timeZone: string;
  today: IsoDate;
  /** The current instant; injected so tests can pin it. */
  now(): Date;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Today in the person's zone (null: the system's), unless GROW_TODAY pins it. The system's zone
 * is read from the Date object, which spares short CLI runs the cost of loading Intl's zone data.
 */
export function resolveToday(timeZone: string | null, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): IsoDate {
  const pinned = env.GROW_TODAY;
  if (pinned !== undefined && pinned !== '') {
    if (!isIsoDate(pinned)) throw new AppError('usage', `GROW_TODAY: expected a date YYYY-MM-DD, got ${JSON.stringify(pinned)}`);
    return pinned;
  }
  if (timeZone === null) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  return dateInZone(now, timeZone);
}

/** The person a local installation belongs to, created on first use. */
export async function ensureLocalPerson(store: Store, now: Date = new Date()): Promise<string> {
  const existing = await findFirstPerson(store.db);
  if (existing) return existing.id;
  const id = newId(now.getTime());
  await insertPerson(store.db, { id, name: 'me', time_zone: null, created_at: now.toISOString() });
  return id;
}

export async function createContext(
  store: Store,
  options: { personId?: string; env?: NodeJS.ProcessEnv; now?: () => Date } = {},
): Promise<Context> {
  const now = options.now ?? (() => new Date());
  const personId = options.personId ?? (await ensureLocalPerson(store, now()));
  const person = await findPerson(store.db, personId);
  if (!person) throw new AppError('unauthenticated', 'person: unknown person');
  const ownZone = person.time_zone && isValidTimeZone(person.time_zone) ? person.time_zone : null;
  let systemZone: string | undefined;
  return {
    store,
    personId,
    get timeZone() {
      return ownZone ?? (systemZone ??= systemTimeZone());
    },
    today: resolveToday(ownZone, options.env, now()),
    now,
  };
}
