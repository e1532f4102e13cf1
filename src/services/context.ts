import { type IsoDate, dateInZone, instantInZone, isIsoDate, isValidTimeZone } from '../core/calendar.js';
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
  /**
   * The current instant: the one clock every date- or time-dependent result reads. GROW_TODAY
   * pins it to that day at 12:00 in the person's zone; tests may inject it.
   */
  now(): Date;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The day GROW_TODAY pins (unset or empty: none); anything but a real YYYY-MM-DD date is refused. */
export function pinnedToday(env: NodeJS.ProcessEnv = process.env): IsoDate | null {
  const pinned = env.GROW_TODAY;
  if (pinned === undefined || pinned === '') return null;
  if (!isIsoDate(pinned)) throw new AppError('usage', `GROW_TODAY: expected a date YYYY-MM-DD, got ${JSON.stringify(pinned)}`);
  return pinned;
}

/**
 * 12:00 on `day` in `timeZone` (null: the system's zone, read from the Date object, which spares
 * short CLI runs the cost of loading Intl's zone data). Noon is far from midnight in every zone,
 * so the instant's date is `day` wherever it is read, and a review due "in 10 minutes" stays that day.
 */
export function noonOf(day: IsoDate, timeZone: string | null): Date {
  if (timeZone !== null) return instantInZone(day, 12, timeZone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const local = new Date(2000, 0, 1, 12);
  local.setFullYear(y, m - 1, d); // unlike the Date constructor, keeps years 0–99 as written
  return local;
}

/**
 * Today in the person's zone (null: the system's), unless GROW_TODAY pins it. The system's zone
 * is read from the Date object, which spares short CLI runs the cost of loading Intl's zone data.
 */
export function resolveToday(timeZone: string | null, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): IsoDate {
  const pinned = pinnedToday(env);
  if (pinned !== null) return pinned;
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

export async function createContext(store: Store, options: { personId?: string; env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<Context> {
  const pinned = pinnedToday(options.env);
  // Until the person (and so their zone) is known, a pinned day's noon in the system zone.
  let now = options.now ?? (pinned === null ? () => new Date() : () => noonOf(pinned, null));
  const personId = options.personId ?? (await ensureLocalPerson(store, now()));
  const person = await findPerson(store.db, personId);
  if (!person) throw new AppError('unauthenticated', 'person: unknown person');
  const ownZone = person.time_zone && isValidTimeZone(person.time_zone) ? person.time_zone : null;
  if (pinned !== null && !options.now) {
    const noon = noonOf(pinned, ownZone);
    now = () => new Date(noon.getTime());
  }
  let systemZone: string | undefined;
  return {
    store,
    personId,
    get timeZone() {
      if (ownZone) return ownZone;
      systemZone ??= systemTimeZone();
      return systemZone;
    },
    today: resolveToday(ownZone, options.env, now()),
    now,
  };
}
