import { type IsoDate, fromDayNumber, toDayNumber, weekdayOfDay } from './calendar.js';
import { type Schedule, frequencyOf, isPerPeriod, isScheduledDay } from './schedule.js';

export type { CheckInStatus, HabitKind, HistoryStatus, NeverMissTwice } from './vocabulary.js';
import type { CheckInStatus, HabitKind, HistoryStatus, NeverMissTwice } from './vocabulary.js';

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
  /**
   * The day the habit was started (created). The habit begins on this day, or on its first
   * check-in when that is earlier.
   */
  startDate: IsoDate;
  /**
   * The day N-in-M-days blocks count from, both ways. It never moves (a check-in before it does not
   * shift the blocks); the start date when not given.
   */
  anchorDate?: IsoDate;
}

/**
 * What a schedule's days count from, for `grow habit show`. `every N days` follows Loop Habit
 * Tracker: a repetition covers the N days starting on it, so the next one is due N days after the
 * last day done. N-in-M-days blocks count from a fixed anchor day. Other schedules have no anchor.
 */
export type ScheduleAnchor =
  | { rule: 'last-done'; date: IsoDate | null; nextDue: IsoDate }
  | { rule: 'fixed'; date: IsoDate; periodStart: IsoDate; periodEnd: IsoDate };

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
enum Outcome {
  /** Not yet decided: the as-of day, while it can still be done or kept. */
  None = 0,
  /** A repetition: done (enough, for a measurable habit), or a day kept from a habit to break. */
  Success = 1,
  /** A required day that was missed, or a slip on a day to keep. */
  Failure = 2,
  /** Neither helps nor hurts: skipped, or not required by the schedule. */
  Neutral = 3,
  /**
   * Neutral, but covered by a repetition of `every N days` (Loop's automatic checkmark): like Loop,
   * a streak may begin on it.
   */
  Covered = 4,
}

interface DayTable {
  /** The day the habit began: its start date, or its first check-in when that is earlier. */
  first: number;
  /** The first day classified: `first`, or the day after a snapshot (a period's first day). */
  from: number;
  /** Per day from `from` to the as-of day. */
  outcome: Uint8Array;
  status: (HistoryStatus | null)[];
  entry: (CheckIn | undefined)[];
  /**
   * For per-period schedules, whether the as-of day's period still wants repetitions; for `every N
   * days`, whether no repetition covers the as-of day.
   */
  quotaOpen: boolean;
  /** For `every N days`: the last repetition on or before the as-of day (NaN when none). */
  lastRepetition: number;
}

/** Numerical tolerance when comparing summed amounts with a target. */
const EPSILON = 1e-9;

/**
 * Loop stores a skipped day of a measurable habit as the raw value 3, i.e. 0.003 of the unit, and
 * its score adds that to the window's sum like any amount (the skipped day itself keeps its score).
 * We do the same so that strengths agree with Loop's to 1e-6.
 */
const LOOP_SKIP_AMOUNT = 0.003;

/** Check-ins with their day numbers, parsed once per computation. */
interface Indexed {
  checkIns: readonly CheckIn[];
  days: Float64Array;
  /** The earliest check-in's day (Infinity when there is none). */
  earliest: number;
}

function indexCheckIns(checkIns: readonly CheckIn[]): Indexed {
  const days = new Float64Array(checkIns.length);
  let earliest = Infinity;
  for (let k = 0; k < checkIns.length; k++) {
    const d = toDayNumber(checkIns[k]!.date);
    days[k] = d;
    if (d < earliest) earliest = d;
  }
  return { checkIns, days, earliest };
}

/** Each day's entry, from day `from` for `length` days (the last one of a date wins). */
function entriesByDay(ix: Indexed, from: number, length: number): (CheckIn | undefined)[] {
  const entry: (CheckIn | undefined)[] = new Array(length);
  for (let k = 0; k < ix.days.length; k++) {
    const i = ix.days[k]! - from;
    if (i >= 0 && i < length) entry[i] = ix.checkIns[k];
  }
  return entry;
}

/** The day the habit began: its start date, or its first check-in when that is earlier. */
function beginningOf(rules: HabitRules, ix: Indexed): number {
  return Math.min(toDayNumber(rules.startDate), ix.earliest);
}

/** The day N-in-M-days blocks count from. */
function anchorOf(rules: HabitRules): number {
  return toDayNumber(rules.anchorDate ?? rules.startDate);
}

/**
 * Which days of `length` days from `from` the repetitions of a 1/N habit cover, as Loop Habit
 * Tracker computes its automatic checkmarks (EntryList: buildIntervals, snapIntervalsTogether,
 * buildEntriesFromInterval, for frequency 1/N). Each repetition on day b covers b … b+N−1. Going
 * from the newest repetition to the oldest, an interval that overlaps the newer one slides back,
 * by at most N−1 days so that it still holds its own repetition, until it ends the day before the
 * newer one begins: two repetitions on consecutive days also cover the N−2 days before the first.
 * `repetitions` are day indices from `from`, oldest first.
 */
export function everyNCoverage(n: number, repetitions: readonly number[], length: number): Uint8Array {
  const covered = new Uint8Array(length);
  let nextBegin = Infinity;
  for (let k = repetitions.length - 1; k >= 0; k--) {
    const b = repetitions[k]!;
    let end = b + n - 1;
    if (end >= nextBegin) end = Math.max(b, nextBegin - 1);
    const begin = end - n + 1;
    for (let i = Math.max(0, begin); i <= end && i < length; i++) covered[i] = 1;
    nextBegin = begin;
  }
  return covered;
}

/**
 * Classifies every day from the habit's start to `asOf` in one pass. Linear in the number of days.
 *
 * A habit to build makes a repetition on a day checked `done` (with at least the target, when
 * measurable). A habit to break makes one on every day kept: a past day without a slip, or a slip
 * within the limit (measurable). Fixed schedules require their named days; per-period schedules
 * require a day only when the period can no longer reach its quota without it.
 */
function classifyDays(rules: HabitRules, ix: Indexed, last: number, first = beginningOf(rules, ix), from = first): DayTable {
  const length = Math.max(0, last - from + 1);
  const entry = entriesByDay(ix, from, length);
  const outcome = new Uint8Array(length);
  const status: (HistoryStatus | null)[] = new Array(length).fill(null);
  const measurable = rules.target !== null;
  const target = rules.target ?? 0;
  const build = rules.kind === 'build';
  const schedule = rules.schedule;
  let quotaOpen = false;

  /** Whether the entry (or its absence) makes the day a repetition, as far as one day can tell. */
  const isRepetition = (e: CheckIn | undefined, day: number): boolean => {
    if (build) return e?.status === 'done' && (!measurable || (e.amount ?? 0) + EPSILON >= target);
    if (!e) return day < last; // a past day without a slip is kept; today is not over yet
    if (e.status === 'done') return true;
    return e.status === 'slip' && measurable && (e.amount ?? 0) <= target + EPSILON;
  };
  /** The as-of day can still become a repetition: nothing (or too little) done yet, no slip yet. */
  const isPending = (e: CheckIn | undefined, day: number): boolean => day === last && (build ? !e || e.status === 'done' : !e);

  if (schedule.type === 'every') {
    // Loop's rule for 1/N: a day is required unless a repetition covers it.
    const repetitions: number[] = [];
    for (let i = 0; i < length; i++) {
      const e = entry[i];
      if (e?.status !== 'skipped' && isRepetition(e, from + i)) repetitions.push(i);
    }
    const covered = everyNCoverage(schedule.days, repetitions, length);
    for (let i = 0; i < length; i++) {
      const day = from + i;
      const e = entry[i];
      if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (isRepetition(e, day)) {
        status[i] = e ? e.status : 'done';
        outcome[i] = Outcome.Success;
      } else if (covered[i]) {
        // Loop's YES_AUTO. A covered day before its repetition (slid back) may start a streak.
        status[i] = e?.status ?? (build ? 'auto' : null);
        outcome[i] = Outcome.Covered;
      } else if (isPending(e, day)) {
        status[i] = e?.status ?? null;
        outcome[i] = Outcome.None;
      } else {
        status[i] = e?.status ?? 'missed';
        outcome[i] = Outcome.Failure;
      }
    }
    quotaOpen = length > 0 && !covered[length - 1];
    const lastRepetition = repetitions.length > 0 ? from + repetitions[repetitions.length - 1]! : NaN;
    return { first, from, outcome, status, entry, quotaOpen, lastRepetition };
  }

  if (!isPerPeriod(schedule)) {
    for (let i = 0; i < length; i++) {
      const day = from + i;
      const e = entry[i];
      const scheduled = isScheduledDay(schedule, day);
      if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (isRepetition(e, day)) {
        // Doing a habit to build on a free day still counts; a habit to break only keeps its days.
        status[i] = e ? e.status : scheduled ? 'done' : null;
        outcome[i] = build || scheduled ? Outcome.Success : Outcome.Neutral;
      } else if (!scheduled) {
        status[i] = e?.status ?? null;
        outcome[i] = Outcome.Neutral;
      } else if (isPending(e, day)) {
        status[i] = e?.status ?? null;
        outcome[i] = Outcome.None;
      } else {
        status[i] = e?.status ?? 'missed';
        outcome[i] = Outcome.Failure;
      }
    }
    return { first, from, outcome, status, entry, quotaOpen, lastRepetition: NaN };
  }

  // Per-period schedules: N repetitions per ISO week (Monday to Sunday), or per block of M days
  // counted, both ways, from the habit's anchor day (which a back-dated check-in does not move). A period cut short (by the habit's first day, or by
  // skipped days) owes its share of the N repetitions, rounded up. A day that is not a repetition
  // is required only when the days left in its period (skipped ones excluded) are no more than the
  // repetitions still owed; otherwise the schedule did not require it (`auto`).
  const times = schedule.times;
  const periodLength = schedule.type === 'per-week' ? 7 : schedule.days;
  const anchor = anchorOf(rules);
  const periodStartOf = (day: number): number =>
    schedule.type === 'per-week' ? day - weekdayOfDay(day) : anchor + Math.floor((day - anchor) / periodLength) * periodLength;
  // Sum-based credit for measurable habits to build: every `target` of amount is one repetition.
  const sumCredit = build && measurable && target > 0;

  let day = from;
  while (day <= last) {
    const periodStart = periodStartOf(day);
    const periodEnd = periodStart + periodLength - 1;
    const begin = Math.max(periodStart, first);
    // Days available from each day to the end of the period, skipped days excluded. Days after
    // the as-of day are not known yet and count as available.
    const available = new Int32Array(periodEnd - begin + 2);
    for (let d = periodEnd; d >= begin; d--) {
      const e = d <= last ? entry[d - from] : undefined;
      available[d - begin] = available[d - begin + 1]! + (e?.status === 'skipped' ? 0 : 1);
    }
    const counted = available[0]!;
    const owed = Math.ceil((times * counted) / periodLength - EPSILON);
    let credited = 0; // repetitions counted towards this period so far
    let amountSum = 0;
    const end = Math.min(periodEnd, last);
    for (let d = begin; d <= end; d++) {
      const i = d - from;
      const e = entry[i];
      const left = owed - credited;
      let gained = 0;
      if (e?.status !== 'skipped') {
        if (sumCredit) {
          if (e?.status === 'done') {
            amountSum += e.amount ?? 0;
            gained = Math.floor(amountSum / target + EPSILON) - credited;
          }
        } else if (isRepetition(e, d)) {
          gained = 1;
        }
      }
      if (e?.status === 'skipped') {
        status[i] = 'skipped';
        outcome[i] = Outcome.Neutral;
      } else if (gained > 0) {
        status[i] = e ? e.status : 'done';
        outcome[i] = Outcome.Success;
      } else if (isPending(e, d)) {
        status[i] = e?.status ?? (left > 0 || !build ? null : 'auto');
        outcome[i] = left > 0 ? Outcome.None : Outcome.Neutral;
      } else if (left > 0 && available[d - begin]! <= left) {
        status[i] = e?.status ?? 'missed';
        outcome[i] = Outcome.Failure;
      } else {
        status[i] = e?.status ?? 'auto';
        outcome[i] = Outcome.Neutral;
      }
      credited += gained;
      if (d === last) quotaOpen = owed - credited > 0;
    }
    day = periodEnd + 1;
  }
  return { first, from, outcome, status, entry, quotaOpen, lastRepetition: NaN };
}

/**
 * Loop Habit Tracker's habit strength, from its published behaviour: per day
 * score = previous·m + p·(1−m) with m = 0.5^(sqrt(N/M)/13). Returns one score per day from the
 * series start to `asOf`, and the day the series starts (null when there is no series).
 *
 * A habit to build starts on its first entry (the score is 0 before it). A habit to break starts on
 * its start date, or on its first entry when that is earlier: every scheduled day without a slip is
 * a day kept, which counts as done.
 */
export function strengthSeries(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): { startDay: number | null; scores: Float64Array } {
  const { startDay, scores } = strengthOf(rules, indexCheckIns(checkIns), toDayNumber(asOf));
  return { startDay, scores };
}

/** Where a strength series resumes: the score at the end of `day`, on a series begun on `startDay`. */
interface StrengthResume {
  day: number;
  startDay: number;
  score: number;
  /** Each day's value in the window that ends on `day` (from the series start, when later). */
  window: readonly number[];
}

/**
 * The scores from `base` to `last` (`base` is the series start, or with `resume` the first day of
 * the window before the resumed day, whose values `resume` carries; it needs the check-ins after
 * the resumed day only), and each day's value from `base`.
 */
function strengthOf(
  rules: HabitRules,
  ix: Indexed,
  last: number,
  beginning = beginningOf(rules, ix),
  resume?: StrengthResume,
): { startDay: number | null; base: number; scores: Float64Array; value: Float64Array; window: number } {
  const measurable = rules.target !== null;
  const target = rules.target ?? 0;
  const build = rules.kind === 'build';
  const { numerator, denominator } = frequencyOf(rules.schedule);
  const frequency = numerator / denominator;
  const multiplier = 0.5 ** (Math.sqrt(frequency) / 13);

  const startDay = resume ? resume.startDay : build ? ix.earliest : beginning;
  if (!Number.isFinite(startDay) || startDay > last) {
    return { startDay: null, base: last + 1, scores: new Float64Array(0), value: new Float64Array(0), window: 0 };
  }

  let windowReps = numerator;
  let window = denominator;
  // Loop doubles the window of yes/no habits below once a day, to smooth irregular weeks.
  if (!measurable && frequency < 1) {
    windowReps *= 2;
    window *= 2;
  }
  // Day indices count from `startDay`; arrays from `base`.
  const base = resume ? Math.max(startDay, resume.day + 1 - window) : startDay;
  const offset = base - startDay;
  const length = last - base + 1;
  const entry = entriesByDay(ix, base, length);
  // Per day: the amount (measurable) or 1 for a repetition, 0 otherwise; skipped days apart.
  const value = new Float64Array(length);
  const skipped = new Uint8Array(length);
  // A habit to break only keeps (or loses) the days its schedule names: on a fixed schedule, a free
  // day is neither kept nor does a slip on it count.
  // `every N days` names no day: like a per-period schedule, every day without a slip is kept.
  const everyDay = isPerPeriod(rules.schedule) || rules.schedule.type === 'every';
  const counts = (i: number) => build || everyDay || isScheduledDay(rules.schedule, base + i);
  for (let i = 0; i < length; i++) {
    const e = entry[i];
    if (e?.status === 'skipped') {
      skipped[i] = 1;
      if (measurable && counts(i)) value[i] = LOOP_SKIP_AMOUNT;
    } else if (measurable) value[i] = e && counts(i) ? Math.max(0, e.amount ?? 0) : 0;
    else if (e?.status === 'done') value[i] = 1;
    else if (!build && !e && counts(i)) value[i] = 1;
  }

  // A measurable target is per repetition; the window's sum is compared with N of them.
  const windowTarget = target * numerator;
  const atMost = measurable && !build;

  const scores = new Float64Array(length);
  let previous = atMost ? 1 : 0;
  let rolling = 0;
  let i0 = offset;
  if (resume) {
    previous = resume.score;
    i0 = resume.day + 1 - startDay;
    for (let j = 0; j < i0 - offset; j++) {
      value[j] = resume.window[j]!;
      rolling += value[j]!;
      scores[j] = NaN; // before the resumed day: not computed here
    }
  }
  for (let i = i0; i < offset + length; i++) {
    const j = i - offset;
    // The window holds the last `window` calendar days; skipped days sit in it too, with nothing
    // (yes/no) or Loop's 0.003 (measurable).
    rolling += value[j]!;
    if (i >= window) rolling -= value[j - window]!;
    if (!skipped[j]) {
      let p: number;
      if (!measurable) p = Math.min(1, rolling / windowReps);
      else if (!atMost) p = windowTarget > 0 ? Math.min(1, rolling / windowTarget) : 1;
      else if (windowTarget > 0) p = Math.min(1, Math.max(0, 1 - (rolling - windowTarget) / windowTarget));
      else p = rolling > EPSILON ? 0 : 1;
      previous = previous * multiplier + p * (1 - multiplier);
    }
    scores[j] = previous;
  }
  return { startDay, base, scores, value, window };
}

function completion(table: DayTable, last: number, days: number): number | null {
  let success = 0;
  let failure = 0;
  const from = Math.max(table.from, last - days + 1);
  for (let day = from; day <= last; day++) {
    const o = table.outcome[day - table.from];
    if (o === Outcome.Success) success++;
    else if (o === Outcome.Failure) failure++;
  }
  return success + failure === 0 ? null : success / (success + failure);
}

/** The numbers the daily commands show: everything but the completion rates. */
export type DailyStats = Omit<HabitStats, 'completion30' | 'completion365'>;

/**
 * Everything the daily numbers need from the days up to `day`, so that they can be carried on from
 * there without the history before it. Day numbers (see calendar.ts), plain JSON.
 */
export interface StatsSnapshot {
  /** Settled through this day: no entry after it can change anything up to it. */
  day: number;
  /** The day the habit began (see DayTable.first). */
  first: number;
  /** The strength series' start and its score at the end of `day`; null before the series began. */
  seriesStart: number | null;
  score: number | null;
  /** The strength window's daily values up to `day` (see strengthOf). */
  window: number[];
  /** The streak running at the end of `day` (null: none), and the best one so far. */
  runStart: number | null;
  runEnd: number | null;
  bestStreak: number;
  /** The last two decided outcomes up to `day`, most recent first (Outcome values). */
  recent: number[];
}

/**
 * The last day whose outcome no later entry can change, as of `last`: the day before it for fixed
 * schedules, the end of the previous period for per-period ones (a period's days depend on its
 * whole quota). Below `first` when nothing has settled yet.
 */
function settledDay(rules: HabitRules, last: number): number {
  const schedule = rules.schedule;
  // A repetition of `every N days` covers days before it too (Loop slides overlapping coverage
  // back), and such slides can chain back through a run of close repetitions: nothing settles.
  if (schedule.type === 'every') return -Infinity;
  if (!isPerPeriod(schedule)) return last - 1;
  if (schedule.type === 'per-week') return last - weekdayOfDay(last) - 1;
  const anchor = anchorOf(rules);
  return anchor + Math.floor((last - anchor) / schedule.days) * schedule.days - 1;
}

/** The first day whose check-in carrying `snapshot` on needs: the day after it. */
export function checkInsNeededFrom(snapshot: StatsSnapshot): IsoDate {
  return fromDayNumber(snapshot.day + 1);
}

function statsOf(
  rules: HabitRules,
  ix: Indexed,
  last: number,
  resume: StatsSnapshot | null,
): { stats: DailyStats; table: DayTable; snapshot: StatsSnapshot | null } {
  // Nothing of `every N days` settles (see settledDay): it is always counted from its beginning.
  if (rules.schedule.type === 'every') resume = null;
  const first = resume ? resume.first : beginningOf(rules, ix);
  const from = resume ? resume.day + 1 : first;
  const table = classifyDays(rules, ix, last, first, from);
  const strengthResume =
    resume && resume.seriesStart !== null && resume.score !== null
      ? { day: resume.day, startDay: resume.seriesStart, score: resume.score, window: resume.window }
      : undefined;
  const series = strengthOf(rules, ix, last, first, strengthResume);
  const scores = series.scores;
  // No series: nothing entered yet, or an as-of day before the habit began.
  const strength = scores.length > 0 ? scores[scores.length - 1]! : 0;
  const settled = settledDay(rules, last);

  // A streak starts on a success; neutral days (skipped, not required) keep it alive and count
  // as calendar days; an undecided as-of day neither extends nor breaks it.
  let bestStreak = resume?.bestStreak ?? 0;
  let runStart = resume?.runStart ?? null;
  let runEnd = resume?.runEnd ?? null;
  let recent = resume?.recent ?? [];
  let snapshot: StatsSnapshot | null = resume && settled <= resume.day ? resume : null;
  for (let i = 0; i < table.outcome.length; i++) {
    const day = from + i;
    const o = table.outcome[i];
    if (o === Outcome.Success) {
      if (runStart === null) runStart = day;
      runEnd = day;
    } else if (o === Outcome.Neutral) {
      if (runStart !== null) runEnd = day;
    } else if (o === Outcome.Covered) {
      if (runStart === null) runStart = day;
      runEnd = day;
    } else if (o === Outcome.Failure) {
      runStart = null;
      runEnd = null;
    }
    if (o === Outcome.Success || o === Outcome.Failure) recent = [o, ...recent.slice(0, 1)];
    if (runStart !== null) bestStreak = Math.max(bestStreak, runEnd! - runStart + 1);
    if (day === settled) {
      const seriesStart = series.startDay !== null && series.startDay <= day ? series.startDay : null;
      const windowFrom = seriesStart === null ? day + 1 : Math.max(seriesStart, day + 1 - series.window);
      snapshot = {
        day,
        first,
        seriesStart,
        score: seriesStart === null ? null : scores[day - series.base]!,
        window: Array.from(series.value.subarray(windowFrom - series.base, day + 1 - series.base)),
        runStart,
        runEnd,
        bestStreak,
        recent,
      };
    }
  }
  const streak = runStart !== null ? runEnd! - runStart + 1 : 0;

  // Never miss twice: look at the two most recent decided days that counted.
  const neverMissTwice: NeverMissTwice = recent[0] !== Outcome.Failure ? 'ok' : recent[1] === Outcome.Failure ? 'missed-twice' : 'missed-once';

  // Due: a habit to build with nothing entered on the as-of day, which its schedule names (fixed),
  // whose period still wants repetitions (per-period), or that no repetition covers (every N
  // days). Never before the habit began.
  const todayIndex = last - table.from;
  let dueToday = false;
  if (rules.kind === 'build' && last >= table.first && todayIndex >= 0 && !table.entry[todayIndex]) {
    dueToday = isPerPeriod(rules.schedule) || rules.schedule.type === 'every' ? table.quotaOpen : isScheduledDay(rules.schedule, last);
  }

  return { stats: { strength, streak, bestStreak, neverMissTwice, dueToday }, table, snapshot };
}

export function computeHabitStats(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): HabitStats {
  const last = toDayNumber(asOf);
  const { stats, table } = statsOf(rules, indexCheckIns(checkIns), last, null);
  return { ...stats, completion30: completion(table, last, 30), completion365: completion(table, last, 365) };
}

/**
 * The daily numbers as of `asOf`, carried on from `snapshot` (null: from the beginning), and the
 * snapshot to keep for next time. With a snapshot, `checkIns` need only hold the days from
 * `checkInsNeededFrom(rules, snapshot)` on; the numbers equal computeHabitStats' on the whole history.
 * The snapshot must have been taken from these rules and check-ins up to its day.
 */
export function advanceHabitStats(
  rules: HabitRules,
  snapshot: StatsSnapshot | null,
  checkIns: readonly CheckIn[],
  asOf: IsoDate,
): { stats: DailyStats; snapshot: StatsSnapshot | null } {
  const last = toDayNumber(asOf);
  // A snapshot beyond the as-of day cannot be carried backwards: start from the beginning.
  const usable = snapshot && snapshot.day < last ? snapshot : null;
  const { stats, snapshot: next } = statsOf(rules, indexCheckIns(checkIns), last, usable);
  return { stats, snapshot: next };
}

/** Every day that has something to say, oldest first. */
export function habitHistory(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): HistoryDay[] {
  const table = classifyDays(rules, indexCheckIns(checkIns), toDayNumber(asOf));
  const days: HistoryDay[] = [];
  for (let i = 0; i < table.status.length; i++) {
    const status = table.status[i];
    if (!status) continue;
    const e = table.entry[i];
    days.push({ date: fromDayNumber(table.from + i), status, amount: e?.amount ?? null, note: e?.note ?? null });
  }
  return days;
}

/** What the habit's schedule counts from as of a day (null for schedules without an anchor). */
export function scheduleAnchor(rules: HabitRules, checkIns: readonly CheckIn[], asOf: IsoDate): ScheduleAnchor | null {
  const schedule = rules.schedule;
  const last = toDayNumber(asOf);
  if (schedule.type === 'every') {
    const table = classifyDays(rules, indexCheckIns(checkIns), last);
    const done = table.lastRepetition;
    if (Number.isNaN(done)) return { rule: 'last-done', date: null, nextDue: fromDayNumber(table.first) };
    return { rule: 'last-done', date: fromDayNumber(done), nextDue: fromDayNumber(done + schedule.days) };
  }
  if (schedule.type === 'per-days') {
    const anchor = anchorOf(rules);
    const start = anchor + Math.floor((last - anchor) / schedule.days) * schedule.days;
    return { rule: 'fixed', date: fromDayNumber(anchor), periodStart: fromDayNumber(start), periodEnd: fromDayNumber(start + schedule.days - 1) };
  }
  return null;
}
