/**
 * The date policy of journal entries and Jekyll posts. Pure: the person's time zone is an argument.
 *
 * - a date alone (`2020-08-21`) is a calendar date: it stays that day in every time zone (the
 *   gray-matter bug turned it into UTC midnight, the previous evening in the Americas);
 * - a date-time with an offset (`2024-03-05 23:30:00 -0800`) is an instant: the written local
 *   date, time and offset are kept as written, so the entry stays on the day its author lived it;
 * - a date-time without an offset is a floating local time, resolved in the person's zone to
 *   get its offset.
 */
import { type IsoDate, isIsoDate } from './calendar.js';
import { invalid } from './errors.js';

export interface EntryDate {
  date: IsoDate;
  /** Local wall time HH:MM or HH:MM:SS, as written (hour padded to two digits); null for a date alone. */
  time: string | null;
  /** The time's offset from UTC as +HH:MM; null exactly when time is null. */
  utcOffset: string | null;
}

export interface WrittenDate extends EntryDate {
  /** Whether the text named its offset (false: a floating time resolved in the person's zone). */
  offsetWritten: boolean;
}

// Jekyll's `YYYY-MM-DD HH:MM:SS +/-TTTT`, and the variants people write by hand: a T between date
// and time, no seconds, fractions of a second, an offset with a colon, Z or UTC.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?$/i;

export const DATE_HELP = 'expected YYYY-MM-DD, optionally with a time and offset as in 2024-03-05 23:30:00 -0800';

/** Reads a written date (front matter, a form) by the policy above; `field` names it in errors. */
export function readEntryDate(text: string, timeZone: string, field = 'date'): WrittenDate {
  const m = DATE_TIME_RE.exec(text.trim());
  if (!m) throw invalid(field, `${DATE_HELP}, got ${JSON.stringify(text)}`);
  const [, date, hour, minute, second, offset] = m;
  if (!isIsoDate(date!)) throw invalid(field, `${JSON.stringify(text)} is not a real date`);
  if (hour === undefined) return { date: date!, time: null, utcOffset: null, offsetWritten: false };
  const h = Number(hour);
  if (h > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59)) {
    throw invalid(field, `${JSON.stringify(text)} is not a real time of day`);
  }
  const time = `${String(h).padStart(2, '0')}:${minute}${second === undefined ? '' : `:${second}`}`;
  if (offset !== undefined) {
    const utcOffset = normalizeOffset(offset);
    if (utcOffset === null) throw invalid(field, `${JSON.stringify(text)} has an offset beyond ±14:00`);
    return { date: date!, time, utcOffset, offsetWritten: true };
  }
  return { date: date!, time, utcOffset: offsetOfLocalTime(date!, time, timeZone), offsetWritten: false };
}

/** `+0530`, `+05:30`, `Z`, `UTC` → `+05:30`; null when out of range. */
function normalizeOffset(offset: string): string | null {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return '+00:00';
  const digits = offset.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return null;
  return `${digits[0]}${digits.slice(1, 3)}:${digits.slice(3, 5)}`;
}

/** Minutes east of UTC of an IANA zone at an instant. */
function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * The offset a wall time has in a zone. A time that falls in a daylight-saving gap or overlap takes
 * the offset in force just before the change, as most calendar programs do.
 */
export function offsetOfLocalTime(date: IsoDate, time: string, timeZone: string): string {
  const [h, mi, s] = time.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  const before = zoneOffsetMinutes(wall - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(wall + 86_400_000, timeZone);
  if (before === after) return formatOffset(before);
  // Around a change: the offset that maps the wall time back to itself, the earlier one first.
  for (const candidate of [before, after]) {
    if (zoneOffsetMinutes(wall - candidate * 60_000, timeZone) === candidate) return formatOffset(candidate);
  }
  return formatOffset(before);
}

/** The instant of a dated entry with a time (ISO-8601 UTC); null for a date alone. */
export function instantOf(entry: EntryDate): string | null {
  if (entry.time === null || entry.utcOffset === null) return null;
  const seconds = entry.time.length === 5 ? `${entry.time}:00` : entry.time;
  return new Date(`${entry.date}T${seconds}${entry.utcOffset}`).toISOString();
}

/** Jekyll's own form: `YYYY-MM-DD HH:MM:SS +HHMM` with a time and offset, else `YYYY-MM-DD`. */
export function jekyllDate(entry: EntryDate): string {
  if (entry.time === null || entry.utcOffset === null) return entry.date;
  const seconds = entry.time.length === 5 ? `${entry.time}:00` : entry.time;
  return `${entry.date} ${seconds} ${entry.utcOffset.replace(':', '')}`;
}
