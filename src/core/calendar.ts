/**
 * Calendar dates as `YYYY-MM-DD` strings and day numbers. Pure: "today" is always an argument.
 * Day numbers count days since 1970-01-01, which makes date arithmetic integer arithmetic.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a text is a real calendar date YYYY-MM-DD (proleptic Gregorian), read digit by digit: imports check every cell. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/**
 * The day number of a `YYYY-MM-DD` date (NaN for anything else). Integer arithmetic on the
 * characters (the proleptic Gregorian calendar), because this runs once per check-in.
 */
export function toDayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const digit = (i: number) => {
    const c = date.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  // Days from civil (H. Hinnant): count in 400-year eras of 146097 days, years starting in March.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The `YYYY-MM-DD` date of a day number: the inverse of toDayNumber, in integer arithmetic too
 * (formatting a Date cost a microsecond, once per habit on every `grow habit list`). Days outside
 * the years 0000–9999, and non-integers, go through Date as before.
 */
export function fromDayNumber(day: number): IsoDate {
  // Civil from days (H. Hinnant), the steps of toDayNumber backwards.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (!Number.isInteger(day) || y < 0 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Monday … 6 = Sunday (ISO order). */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/**
 * The instant a wall clock in `timeZone` reads `hour`:00 on `date`. The zone's offset is read at a
 * first guess, then again at the result, which settles it unless the hour itself is skipped by a
 * daylight-saving change (then the hour after).
 */
export function instantInZone(date: IsoDate, hour: number, timeZone: string): Date {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (ms: number) => {
    const parts = format.formatToParts(new Date(ms));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall =
      toDayNumber(`${String(get('year')).padStart(4, '0')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}`) * MS_PER_DAY;
    return wall + ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 - Math.floor(ms / 1000) * 1000;
  };
  const wall = toDayNumber(date) * MS_PER_DAY + hour * 3_600_000;
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
