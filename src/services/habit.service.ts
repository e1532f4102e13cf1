import { type IsoDate, addDays, dateInZone, fromDayNumber, toDayNumber } from '../core/calendar.js';
import type { HabitKind } from '../core/vocabulary.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import {
  type CheckIn,
  type CheckInStatus,
  type DailyStats,
  type HabitRules,
  type HabitStats,
  type HistoryDay,
  type ScheduleAnchor,
  type StatsSnapshot,
  advanceHabitStats,
  checkInsNeededFrom,
  computeHabitStats,
  habitHistory,
  scheduleAnchor,
  strengthSeries,
} from '../core/habit-stats.js';
import { parseSchedule } from '../core/schedule.js';
import { slugify, uniqueSlug } from '../core/slug.js';
import { groupBy } from '../core/collections.js';
import {
  type Db,
  type HabitFields,
  deleteCheckIn,
  deleteHabit,
  earliestCheckInDate,
  findCheckIn,
  findHabitByName,
  findHabitByRef,
  habitColumnsOf,
  habitFieldsOf,
  insertHabit,
  listCheckIns,
  listCheckInsSince,
  listHabitRows,
  listSnapshots,
  nextHabitPosition,
  putCheckIn,
  putSnapshots,
  slugsStartingWith,
  updateHabit,
} from '../store/habit.repository.js';
import type { CheckInRow, HabitRow, HabitSnapshotRow, HabitUpdate } from '../store/schema.js';
import { inTransaction, isUniqueViolation } from '../store/database.js';
import type { HabitCreateInput, HabitUpdateInput } from '../schemas/habit.schema.js';
import { type CheckInInput, checkInSchema } from '../schemas/check-in.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';

export interface Habit {
  id: string;
  slug: string;
  name: string;
  kind: HabitKind;
  schedule: string;
  target: number | null;
  unit: string | null;
  identity: string | null;
  when: string | null;
  where: string | null;
  after: string | null;
  twoMinute: string | null;
  bundle: string | null;
  lawObvious: string | null;
  lawAttractive: string | null;
  lawEasy: string | null;
  lawSatisfying: string | null;
  group: string | null;
  skills: string[];
  archived: boolean;
  startDate: IsoDate;
}

export type HabitSummary = Pick<Habit, 'id' | 'slug' | 'name' | 'kind' | 'schedule' | 'group' | 'target' | 'unit' | 'archived'> &
  Pick<HabitStats, 'strength' | 'streak' | 'bestStreak' | 'dueToday' | 'neverMissTwice'> & {
    /** Today's check-in, when there is one. */
    today: { status: CheckInStatus; amount: number | null } | null;
  };

/** `anchor`: what the schedule's days count from (every N days, N in M days), null for others. */
export type HabitDetail = Habit & HabitStats & { asOf: IsoDate; anchor: ScheduleAnchor | null; history: HistoryDay[] };

export function rulesOf(row: Pick<HabitRow, 'kind' | 'schedule' | 'target' | 'start_date'> & { anchor_date?: string }): HabitRules {
  // A row written before the anchor existed (or by a path that left it empty) counts from its start.
  const anchorDate = row.anchor_date || row.start_date;
  return { kind: row.kind, schedule: parseSchedule(row.schedule), target: row.target, startDate: row.start_date, anchorDate };
}

function toCheckIn(row: Pick<CheckInRow, 'date' | 'status' | 'amount'> & { note?: string | null }): CheckIn {
  return { date: row.date, status: row.status, amount: row.amount, note: row.note ?? null };
}

function toHabit(row: HabitRow, afterSlug: string | undefined): Habit {
  return {
    id: row.id,
    slug: row.slug,
    ...habitFieldsOf(row),
    after: afterSlug ?? row.after_text,
    skills: JSON.parse(row.skills) as string[],
    archived: row.archived === 1,
    startDate: row.start_date,
  };
}

export async function getHabitRow(db: Db, ctx: Context, ref: string): Promise<HabitRow> {
  const row = await findHabitByRef(db, ctx.personId, ref);
  if (!row) throw notFound('habit', ref);
  return row;
}

function checkDate(ctx: Context, date: IsoDate | undefined): IsoDate {
  const day = date ?? ctx.today;
  if (day > ctx.today) throw invalid('date', `${day} is after today (${ctx.today})`);
  return day;
}

/** `--after` names another habit (slug or id) when one matches; otherwise it is free text. */
async function resolveAfter(db: Db, ctx: Context, after: string | null | undefined, selfId?: string) {
  if (after === undefined) return {};
  if (after === null) return { after_habit_id: null, after_text: null };
  const other = await findHabitByRef(db, ctx.personId, after);
  if (other && other.id === selfId) throw invalid('after', 'a habit cannot be stacked after itself');
  return other ? { after_habit_id: other.id, after_text: null } : { after_habit_id: null, after_text: after };
}

function fieldsToRow(input: HabitUpdateInput): HabitUpdate {
  const update: HabitUpdate = habitColumnsOf(input as Partial<HabitFields>);
  if (input.skills !== undefined) update.skills = JSON.stringify(input.skills);
  if (input.archived !== undefined) update.archived = input.archived ? 1 : 0;
  return update;
}

async function afterSlugOf(db: Db, ctx: Context, row: HabitRow): Promise<string | undefined> {
  if (!row.after_habit_id) return undefined;
  const other = await findHabitByRef(db, ctx.personId, row.after_habit_id);
  return other?.slug;
}

/** Creates a habit inside the caller's transaction, so other use cases can compose it. */
/** Names are compared without case: "read" is taken when "Read" exists. */
const nameTaken = (name: string, existing: string) =>
  conflict(
    'name',
    existing === name ? `a habit named "${name}" already exists` : `a habit named "${existing}" already exists (names are compared without case)`,
  );

export async function createHabit(trx: Db, ctx: Context, input: HabitCreateInput): Promise<HabitRow> {
  const clash = await findHabitByName(trx, ctx.personId, input.name);
  if (clash) throw nameTaken(input.name, clash.name);
  const base = slugify(input.name);
  const slug = uniqueSlug(base, await slugsStartingWith(trx, ctx.personId, base));
  const now = ctx.now().toISOString();
  const inserting = insertHabit(trx, {
    ...fieldsToRow({ ...input, target: input.target ?? null }),
    ...(await resolveAfter(trx, ctx, input.after)),
    person_id: ctx.personId,
    slug,
    name: input.name,
    kind: input.kind,
    schedule: input.schedule,
    skills: JSON.stringify(input.skills ?? []),
    archived: 0,
    position: await nextHabitPosition(trx, ctx.personId),
    start_date: ctx.today,
    created_at: now,
    updated_at: now,
  } as Parameters<typeof insertHabit>[1]);
  // Two requests adding the same name at once: the database's unique constraint decides.
  return inserting.catch((error: unknown) => {
    throw isUniqueViolation(error) ? nameTaken(input.name, input.name) : error;
  });
}

// The habit schemas load on use: a check-in, the command run most, needs none of them.
const habitSchemas = () => import('../schemas/habit.schema.js');

export async function addHabit(ctx: Context, raw: unknown): Promise<HabitDetail> {
  const { habitCreateSchema } = await habitSchemas();
  const input: HabitCreateInput = parseInput(habitCreateSchema, raw);
  const row = await inTransaction(ctx.store, (trx) => createHabit(trx, ctx, input));
  return detailOf(ctx, row, ctx.today);
}

/** The full view of a habit as of a day: fields, numbers and history. */
export async function habitDetail(ctx: Context, ref: string): Promise<HabitDetail> {
  return detailOf(ctx, await getHabitRow(ctx.store.db, ctx, ref), ctx.today);
}

export async function editHabit(ctx: Context, ref: string, raw: unknown): Promise<HabitDetail> {
  const { habitUpdateSchema } = await habitSchemas();
  const input: HabitUpdateInput = parseInput(habitUpdateSchema, raw);
  const row = await inTransaction(ctx.store, async (trx) => {
    const habit = await getHabitRow(trx, ctx, ref);
    if (input.name !== undefined && input.name !== habit.name) {
      const clash = await findHabitByName(trx, ctx.personId, input.name);
      if (clash && clash.id !== habit.id) throw nameTaken(input.name, clash.name);
    }
    const target = input.target !== undefined ? input.target : habit.target;
    const unit = input.unit !== undefined ? input.unit : habit.unit;
    if (unit && target === null) throw invalid('unit', 'a unit needs a target');
    const update: HabitUpdate = {
      ...fieldsToRow(input),
      ...(await resolveAfter(trx, ctx, input.after, habit.id)),
      updated_at: ctx.now().toISOString(),
    };
    const updated = await updateHabit(trx, habit.id, update);
    // A new schedule or target changes every day's numbers: the snapshot's key no longer matches.
    await refreshSnapshots(trx, [updated], ctx.today);
    return updated;
  });
  return detailOf(ctx, row, ctx.today);
}

export async function archiveHabit(ctx: Context, ref: string, archived = true): Promise<HabitDetail> {
  return editHabit(ctx, ref, { archived });
}

export async function removeHabit(ctx: Context, ref: string): Promise<{ id: string; slug: string; removed: true }> {
  return inTransaction(ctx.store, async (trx) => {
    const habit = await getHabitRow(trx, ctx, ref);
    await deleteHabit(trx, habit.id);
    return { id: habit.id, slug: habit.slug, removed: true as const };
  });
}

export type CheckInAction = 'done' | 'skip' | 'slip';

/** Records what happened to a habit on a day: done, skipped, or a slip. Replaces that day's entry. */
export async function checkIn(ctx: Context, ref: string, action: CheckInAction, raw: unknown): Promise<HabitDetail> {
  const input: CheckInInput = parseInput(checkInSchema, raw);
  const date = checkDate(ctx, input.date);
  const row = await inTransaction(ctx.store, async (trx) => {
    const habit = await getHabitRow(trx, ctx, ref);
    const measurable = habit.target !== null;
    if (action === 'slip' && habit.kind === 'build') throw invalid('slip', `"${habit.slug}" is a habit to build; only a habit to break records slips`);
    if (action === 'done' && habit.kind === 'break') throw invalid('done', `"${habit.slug}" is a habit to break; a day without a slip is already kept`);
    if (input.amount !== undefined && !measurable) throw invalid('amount', `"${habit.slug}" is a yes/no habit and takes no amount`);
    if (action === 'skip' && input.amount !== undefined) throw invalid('amount', 'a skipped day takes no amount');
    let amount: number | null = null;
    if (measurable && action === 'done') amount = input.amount ?? habit.target;
    if (measurable && action === 'slip') {
      if (input.amount === undefined) throw invalid('amount', `"${habit.slug}" is measurable: give the amount of the slip`);
      amount = input.amount;
    }
    const status: CheckInStatus = action === 'skip' ? 'skipped' : action;
    await putCheckIn(trx, habit.id, date, { status, amount, note: input.note ?? null }, ctx.now().toISOString());
    const updated = date < habit.start_date ? await updateHabit(trx, habit.id, { start_date: date }) : habit;
    await refreshSnapshots(trx, [updated], ctx.today, new Map([[habit.id, date]]));
    return updated;
  });
  return detailOf(ctx, row, ctx.today);
}

export async function undoCheckIn(ctx: Context, ref: string, date?: IsoDate): Promise<HabitDetail> {
  const day = checkDate(ctx, date);
  const row = await inTransaction(ctx.store, async (trx) => {
    const habit = await getHabitRow(trx, ctx, ref);
    if (!(await findCheckIn(trx, habit.id, day))) throw notFound('check-in', `${habit.slug} on ${day}`);
    await deleteCheckIn(trx, habit.id, day);
    // A habit begins on its creation or its first check-in when that is earlier: undoing that
    // check-in must not leave the days before the creation as misses.
    if (day === habit.start_date) {
      const createdAt = new Date(habit.created_at);
      const created = Number.isNaN(createdAt.getTime()) ? ctx.today : dateInZone(createdAt, ctx.timeZone);
      const earliest = await earliestCheckInDate(trx, habit.id);
      let start = created < ctx.today ? created : ctx.today;
      if (earliest !== undefined && earliest < start) start = earliest;
      if (start !== habit.start_date) {
        const updated = await updateHabit(trx, habit.id, { start_date: start });
        await refreshSnapshots(trx, [updated], ctx.today, new Map([[habit.id, day]]));
        return updated;
      }
    }
    await refreshSnapshots(trx, [habit], ctx.today, new Map([[habit.id, day]]));
    return habit;
  });
  return detailOf(ctx, row, ctx.today);
}

/**
 * Part of every snapshot's key: bump it when the rules behind the numbers change (core), so that
 * every stored snapshot is recomputed from history on its next read.
 */
const SNAPSHOT_VERSION = 1;

/** What a snapshot was taken under: when the habit's rules differ, the snapshot is stale. */
function rulesKeyOf(row: Pick<HabitRow, 'kind' | 'schedule' | 'target' | 'start_date'>): string {
  return JSON.stringify([SNAPSHOT_VERSION, row.kind, row.schedule, row.target, row.start_date]);
}

interface DailyNumbers {
  stats: DailyStats;
  /** Today's check-in, when there is one. */
  today: CheckIn | undefined;
}

/**
 * The daily numbers of these habits as of `today`, carried on from each habit's snapshot: only the
 * check-ins after the snapshot (and the strength window before it) are read. A habit without a
 * usable snapshot (none yet, rules changed, or `changed` names a day the snapshot covers) is
 * computed from its whole history. With `save`, the new snapshots are written (call it inside the
 * transaction that changed the habit); `stale` lists the habits that had no usable snapshot.
 */
async function dailyNumbersOf(
  db: Db,
  rows: HabitRow[],
  today: IsoDate,
  options: { save: boolean; changed?: Map<string, IsoDate>; histories?: Map<string, CheckIn[]> },
): Promise<{ numbers: Map<string, DailyNumbers>; stale: HabitRow[] }> {
  const stored = new Map(
    (
      await listSnapshots(
        db,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.habit_id, s]),
  );
  const todayDay = toDayNumber(today);
  const carried = new Map<string, StatsSnapshot>();
  const stale: HabitRow[] = [];
  const from = new Map<string, IsoDate | null>(rows.map((r) => [r.id, null]));
  for (const row of rows) {
    const saved = stored.get(row.id);
    if (!saved || saved.rules_key !== rulesKeyOf(row)) {
      stale.push(row);
      continue;
    }
    const state = JSON.parse(saved.state) as StatsSnapshot | null;
    const changed = options.changed?.get(row.id);
    if (!state || state.day >= todayDay) continue; // nothing settled yet, or the clock went back
    if (changed !== undefined && toDayNumber(changed) <= state.day) {
      stale.push(row);
      continue;
    }
    carried.set(row.id, state);
    from.set(row.id, checkInsNeededFrom(state));
  }
  // Habits whose whole history the caller holds (created by an import) need no query.
  for (const id of options.histories?.keys() ?? []) from.delete(id);
  const checkIns = await listCheckInsSince(db, from, today);
  const byHabit = groupBy(checkIns, (c) => c.habit_id);
  const numbers = new Map<string, DailyNumbers>();
  const writes: HabitSnapshotRow[] = [];
  for (const row of rows) {
    const given = options.histories?.get(row.id);
    const entries = given ? given.filter((c) => c.date <= today) : (byHabit.get(row.id) ?? []).map(toCheckIn);
    const { stats, snapshot } = advanceHabitStats(rulesOf(row), given ? null : (carried.get(row.id) ?? null), entries, today);
    const last = entries[entries.length - 1];
    numbers.set(row.id, { stats, today: last && last.date === today ? last : undefined });
    if (!options.save) continue;
    const saved = stored.get(row.id);
    const state = JSON.stringify(snapshot);
    const key = rulesKeyOf(row);
    if (saved?.rules_key !== key || saved.state !== state) writes.push({ habit_id: row.id, rules_key: key, state });
  }
  if (writes.length > 0) await putSnapshots(db, writes);
  return { numbers, stale };
}

/**
 * Brings the snapshots of these habits up to date after a change, inside the caller's transaction.
 * `changed` gives, per habit, the earliest day whose check-in changed (a back-dated check-in, a
 * deletion, an import): a snapshot that covers that day is recomputed from history. `histories`
 * gives the whole history (by date) of habits the caller just created, so it is not read back.
 */
export async function refreshSnapshots(
  trx: Db,
  rows: HabitRow[],
  today: IsoDate,
  changed?: Map<string, IsoDate>,
  histories?: Map<string, CheckIn[]>,
): Promise<void> {
  await dailyNumbersOf(trx, rows, today, { save: true, changed, histories });
}

export async function listHabits(ctx: Context, options: { includeArchived?: boolean } = {}): Promise<HabitSummary[]> {
  const db = ctx.store.db;
  const rows = await listHabitRows(db, ctx.personId, options);
  const { numbers, stale } = await dailyNumbersOf(db, rows, ctx.today, { save: false });
  if (stale.length > 0) {
    // Missing or stale snapshots (habits from before snapshots, rules changed since): compute them
    // from history and keep them, in one transaction so that no check-in slips in between.
    const fresh = await inTransaction(ctx.store, (trx) => dailyNumbersOf(trx, stale, ctx.today, { save: true }));
    for (const [id, n] of fresh.numbers) numbers.set(id, n);
  }
  return rows.map((row) => {
    const { stats, today: last } = numbers.get(row.id)!;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      schedule: row.schedule,
      group: row.group_name,
      target: row.target,
      unit: row.unit,
      archived: row.archived === 1,
      strength: stats.strength,
      streak: stats.streak,
      bestStreak: stats.bestStreak,
      dueToday: row.archived === 1 ? false : stats.dueToday,
      neverMissTwice: stats.neverMissTwice,
      today: last ? { status: last.status, amount: last.amount } : null,
    };
  });
}

/**
 * What each habit's schedule counts from on a day (null for schedules with fixed days). Only every-N-days
 * habits read their check-ins (their next day follows the last done); one query for all of them.
 */
export async function scheduleAnchors(ctx: Context, rows: readonly HabitRow[], asOf: IsoDate): Promise<Map<string, ScheduleAnchor | null>> {
  const every = rows.filter((row) => parseSchedule(row.schedule).type === 'every').map((row) => row.id);
  const byHabit = groupBy(await listCheckIns(ctx.store.db, every, { to: asOf }), (c) => c.habit_id);
  return new Map(rows.map((row) => [row.id, scheduleAnchor(rulesOf(row), (byHabit.get(row.id) ?? []).map(toCheckIn), asOf)]));
}

async function detailOf(ctx: Context, row: HabitRow, asOf: IsoDate): Promise<HabitDetail> {
  const db = ctx.store.db;
  const entries = (await listCheckIns(db, [row.id], { to: asOf })).map(toCheckIn);
  const rules = rulesOf(row);
  const stats = computeHabitStats(rules, entries, asOf);
  return {
    ...toHabit(row, await afterSlugOf(db, ctx, row)),
    ...stats,
    asOf,
    anchor: scheduleAnchor(rules, entries, asOf),
    history: habitHistory(rules, entries, asOf),
  };
}

export async function showHabit(ctx: Context, ref: string, asOf?: IsoDate): Promise<HabitDetail> {
  const day = asOf ?? ctx.today;
  if (day > ctx.today) throw invalid('asOf', `${day} is after today (${ctx.today})`);
  const row = await getHabitRow(ctx.store.db, ctx, ref);
  return detailOf(ctx, row, day);
}

export interface HabitChart {
  /** Strength at the end of each day of the last `days` days (0 before the habit's first entry). */
  strength: { date: IsoDate; value: number }[];
  /** Every check-in of the last `days` days, for a heatmap. */
  checkIns: { date: IsoDate; status: CheckInStatus; amount: number | null }[];
}

export async function habitChart(ctx: Context, ref: string, days = 365): Promise<HabitChart> {
  const db = ctx.store.db;
  const row = await getHabitRow(db, ctx, ref);
  const entries = (await listCheckIns(db, [row.id], { to: ctx.today })).map(toCheckIn);
  const { startDay, scores } = strengthSeries(rulesOf(row), entries, ctx.today);
  const from = addDays(ctx.today, -(days - 1));
  const strength: HabitChart['strength'] = [];
  if (startDay !== null) {
    for (let i = 0; i < scores.length; i++) {
      const date = fromDayNumber(startDay + i);
      if (date >= from) strength.push({ date, value: scores[i]! });
    }
  }
  return {
    strength,
    checkIns: entries.filter((e) => e.date >= from).map((e) => ({ date: e.date, status: e.status, amount: e.amount })),
  };
}
