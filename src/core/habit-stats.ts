import { type IsoDate, fromDayNumber, toDayNumber, weekdayOfDay } from './calendar.js';
import { type Schedule, frequencyOf, isPerPeriod, isScheduledDay } from './schedule.js';

export type HabitKind = 'build' | 'break';
export type CheckInStatus = 'done' | 'skipped' | 'slip';
export type HistoryStatus = 'done' | 'skipped' | 'slip' | 'missed' | 'auto';
export type NeverMissTwice = 'ok' | 'missed-once' | 'missed-twice';

export interface CheckIn {
  date: IsoDate;
  status: CheckInStatus;
  amount: number | null;
  note: string | null;
}

export interface HabitRules {
  kind: HabitKind;
  schedule: Schedule;
  /** Measurable habits have a target: at least this much (build), at most this much (break). */
  target: number | null;
  /** The day the habit began: its creation, or its first check-in when that is earlier. */
  startDate: IsoDate;
}

export interface HistoryDay {
  date: IsoDate;
  status: HistoryStatus;
  amount: number | null;
  note: string | null;
}

export interface HabitStats {
  strength: number;
  streak: number;
  bestStreak: number;
  completion30: number | null;
  completion365: number | null;
  neverMissTwice: NeverMissTwice;
  dueToday: boolean;
}

/** How a day counts towards streaks and completion. */
const enum Outcome {
  /** Not yet decided (the as-of day without an entry), or before the habit began. */
  None = 0,
  /** Done, or kept (a habit to break with no slip over its limit). */
  Success = 1,
  /** Missed, or a slip. */
  Failure = 2,
  /** Neither helps nor hurts: skipped, not required by the schedule. */
  Neutral = 3,
}

interface DayTable {
  first: number;
  /** Per day from `first` to the as-of day. */
  outcome: Uint8Array;
  status: (HistoryStatus | null)[];
  entry: (CheckIn | undefined)[];
  /** For per-period schedules: whether the as-of day's period still wants repetitions. */
  quotaOpen: boolean;
}

/**
 * Classifies every day from the habit's start to `asOf` in one pass. Linear in the number of days.
 */
function classifyDays(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): DayTable {
  const last = toDayNumber(asOf);
  let first = toDayNumber(rules.startDate);
  for (const c of checkIns) first = Math.min(first, toDayNumber(c.date));
  const length = Math.max(0, last - first + 1);
  const entry: (CheckIn | undefined)[] = new Array(length);
  for (const c of checkIns) {
    const i = toDayNumber(c.date) - first;
    if (i >= 0 && i < length) entry[i] = c;
  }
  const outcome = new Uint8Array(length);
  const status: (HistoryStatus | null)[] = new Array(length).fill(null);
  const measurable = rules.target !== null;
  const target = rules.target ?? 0;
  let quotaOpen = false;

  if (rules.kind === 'break') {
    const perPeriod = isPerPeriod(rules.schedule);
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const e = entry[i];
      if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (e?.status === 'slip') {
        status[i] = 'slip';
        const withinLimit = measurable && (e.amount ?? 0) <= target;
        outcome[i] = withinLimit ? Outcome.Success : Outcome.Failure;
      } else if (day === last) {
        outcome[i] = Outcome.None;
      } else if (perPeriod || isScheduledDay(rules.schedule, day, first)) {
        // A scheduled day without a slip is a day kept.
        status[i] = 'done';
        outcome[i] = Outcome.Success;
      } else {
        outcome[i] = Outcome.Neutral;
      }
    }
    return { first, outcome, status, entry, quotaOpen };
  }

  if (!isPerPeriod(rules.schedule)) {
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const e = entry[i];
      if (e?.status === 'done') {
        status[i] = 'done';
        const enough = !measurable || (e.amount ?? 0) >= target;
        outcome[i] = enough ? Outcome.Success : day === last ? Outcome.None : Outcome.Failure;
      } else if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (!isScheduledDay(rules.schedule, day, first)) {
        outcome[i] = Outcome.Neutral;
      } else if (day === last) {
        outcome[i] = Outcome.None;
      } else {
        status[i] = 'missed';
        outcome[i] = Outcome.Failure;
      }
    }
    return { first, outcome, status, entry, quotaOpen };
  }

  // Per-period schedules: N repetitions per ISO week, or per block of M days counted from the
  // start. A day without an entry is required only when the days left in its period (not
  // counting skipped ones) are no more than the repetitions still owed; otherwise it is `auto`.
  const { numerator: times } = frequencyOf(rules.schedule);
  const periodLength = rules.schedule.type === 'per-week' ? 7 : rules.schedule.days;
  const periodStartOf = (day: number): number =>
    rules.schedule.type === 'per-week' ? day - weekdayOfDay(day) : first + Math.floor((day - first) / periodLength) * periodLength;

  let day = first;
  while (day <= last) {
    const periodStart = periodStartOf(day);
    const periodEnd = periodStart + periodLength - 1;
    const from = Math.max(periodStart, first);
    // A first period cut short by the start owes its share of the repetitions, at least one.
    const owed = from === periodStart ? times : Math.max(1, Math.ceil((times * (periodEnd - from + 1)) / periodLength));
    // Days available from each day to the end of the period, skipped days excluded.
    const available = new Int32Array(periodEnd - from + 2);
    for (let d = periodEnd; d >= from; d--) {
      const e = d <= last ? entry[d - first] : undefined;
      available[d - from] = available[d - from + 1]! + (e?.status === 'skipped' ? 0 : 1);
    }
    let credited = 0; // repetitions counted towards this period so far
    let amountSum = 0;
    const end = Math.min(periodEnd, last);
    for (let d = from; d <= end; d++) {
      const i = d - first;
      const e = entry[i];
      const left = owed - credited;
      if (e?.status === 'done') {
        status[i] = 'done';
        outcome[i] = Outcome.Success;
        if (measurable) {
          amountSum += e.amount ?? 0;
          credited = target > 0 ? Math.floor(amountSum / target + 1e-9) : owed;
        } else {
          credited++;
        }
      } else if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (left > 0 && available[d - from]! <= left) {
        if (d === last) {
          outcome[i] = Outcome.None;
        } else {
          status[i] = 'missed';
          outcome[i] = Outcome.Failure;
        }
      } else {
        status[i] = d === last && left > 0 ? null : 'auto';
        outcome[i] = d === last && left > 0 ? Outcome.None : Outcome.Neutral;
      }
      if (d === last) quotaOpen = owed - credited > 0;
    }
    day = periodEnd + 1;
  }
  return { first, outcome, status, entry, quotaOpen };
}

/**
 * Loop Habit Tracker's habit strength, from its published behaviour: per day
 * score = previous·m + p·(1−m) with m = 0.5^(sqrt(N/M)/13). Returns one score per day from the
 * series start to `asOf`, and the day the series starts (null when there is no series).
 */
export function strengthSeries(
  rules: HabitRules,
  checkIns: readonly CheckIn[],
  asOf: IsoDate,
): { startDay: number | null; scores: Float64Array } {
  const last = toDayNumber(asOf);
  const measurable = rules.target !== null;
  const target = rules.target ?? 0;
  const { numerator, denominator } = frequencyOf(rules.schedule);
  const frequency = numerator / denominator;
  const multiplier = Math.pow(0.5, Math.sqrt(frequency) / 13);

  // A habit to build scores from its first entry, as Loop does. A habit to break is being kept
  // from the day it began, whether or not anything was ever recorded.
  let startDay: number;
  if (rules.kind === 'build') {
    if (checkIns.length === 0) return { startDay: null, scores: new Float64Array(0) };
    startDay = Infinity;
    for (const c of checkIns) startDay = Math.min(startDay, toDayNumber(c.date));
  } else {
    startDay = toDayNumber(rules.startDate);
    for (const c of checkIns) startDay = Math.min(startDay, toDayNumber(c.date));
  }
  if (startDay > last) return { startDay: null, scores: new Float64Array(0) };

  const length = last - startDay + 1;
  // value per day: amount (measurable) or 1/0 (yes/no); skipped days are marked separately.
  const value = new Float64Array(length);
  const skipped = new Uint8Array(length);
  if (rules.kind === 'break' && !measurable) value.fill(1);
  for (const c of checkIns) {
    const i = toDayNumber(c.date) - startDay;
    if (i < 0 || i >= length) continue;
    if (c.status === 'skipped') {
      skipped[i] = 1;
      value[i] = 0;
    } else if (measurable) {
      value[i] = c.amount ?? 0;
    } else {
      value[i] = c.status === 'done' ? 1 : 0;
    }
  }

  let windowReps = numerator;
  let window = denominator;
  // Loop doubles the window of yes/no habits below once a day, to smooth irregular weeks.
  if (!measurable && frequency < 1) {
    windowReps *= 2;
    window *= 2;
  }
  // A measurable target is per repetition; Loop compares the window's sum with N of them.
  const windowTarget = target * numerator;
  const atMost = measurable && rules.kind === 'break';

  const scores = new Float64Array(length);
  let previous = atMost ? 1 : 0;
  let rolling = 0;
  for (let i = 0; i < length; i++) {
    rolling += skipped[i] ? 0 : value[i]!;
    if (i - window >= 0 && !skipped[i - window]) rolling -= value[i - window]!;
    if (!skipped[i]) {
      let p: number;
      if (!measurable) p = Math.min(1, rolling / windowReps);
      else if (!atMost) p = windowTarget > 0 ? Math.min(1, rolling / windowTarget) : 1;
      else if (windowTarget > 0) p = Math.min(1, Math.max(0, 1 - (rolling - windowTarget) / windowTarget));
      else p = rolling > 0 ? 0 : 1;
      previous = previous * multiplier + p * (1 - multiplier);
    }
    scores[i] = previous;
  }
  return { startDay, scores };
}

function completion(table: DayTable, last: number, days: number): number | null {
  let success = 0;
  let failure = 0;
  const from = Math.max(table.first, last - days + 1);
  for (let day = from; day <= last; day++) {
    const o = table.outcome[day - table.first];
    if (o === Outcome.Success) success++;
    else if (o === Outcome.Failure) failure++;
  }
  return success + failure === 0 ? null : success / (success + failure);
}

export function computeHabitStats(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): HabitStats {
  const last = toDayNumber(asOf);
  const table = classifyDays(rules, checkIns, asOf);
  const { scores } = strengthSeries(rules, checkIns, asOf);
  const strength = scores.length > 0 ? scores[scores.length - 1]! : rules.kind === 'break' && rules.target !== null ? 1 : 0;

  // A streak starts on a success; neutral days (skipped, not required) keep it alive and count
  // as calendar days; an undecided as-of day neither extends nor breaks it.
  let bestStreak = 0;
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < table.outcome.length; i++) {
    const o = table.outcome[i];
    if (o === Outcome.Success) {
      if (runStart < 0) runStart = i;
      runEnd = i;
    } else if (o === Outcome.Neutral) {
      if (runStart >= 0) runEnd = i;
    } else if (o === Outcome.Failure) {
      runStart = -1;
      runEnd = -1;
    }
    if (runStart >= 0) bestStreak = Math.max(bestStreak, runEnd - runStart + 1);
  }
  const streak = runStart >= 0 ? runEnd - runStart + 1 : 0;

  // Never miss twice: look at the two most recent decided days that counted.
  const recent: Outcome[] = [];
  for (let i = table.outcome.length - 1; i >= 0 && recent.length < 2; i--) {
    const o = table.outcome[i];
    if (o === Outcome.Success || o === Outcome.Failure) recent.push(o);
  }
  const neverMissTwice: NeverMissTwice =
    recent[0] !== Outcome.Failure ? 'ok' : recent[1] === Outcome.Failure ? 'missed-twice' : 'missed-once';

  const todayIndex = last - table.first;
  const todayEntry = todayIndex >= 0 ? table.entry[todayIndex] : undefined;
  let dueToday = false;
  if (rules.kind === 'build' && !todayEntry) {
    dueToday = isPerPeriod(rules.schedule)
      ? table.outcome.length === 0 || table.quotaOpen
      : isScheduledDay(rules.schedule, last, table.first);
  }

  return {
    strength,
    streak,
    bestStreak,
    completion30: completion(table, last, 30),
    completion365: completion(table, last, 365),
    neverMissTwice,
    dueToday,
  };
}

/** Every day that has something to say, oldest first. */
export function habitHistory(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): HistoryDay[] {
  const table = classifyDays(rules, checkIns, asOf);
  const days: HistoryDay[] = [];
  for (let i = 0; i < table.status.length; i++) {
    const status = table.status[i];
    if (!status) continue;
    const e = table.entry[i];
    days.push({ date: fromDayNumber(table.first + i), status, amount: e?.amount ?? null, note: e?.note ?? null });
  }
  return days;
}
