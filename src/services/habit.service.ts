import { type IsoDate, addDays, dateInZone, fromDayNumber } from '../core/calendar.js';
import type { HabitKind } from '../core/vocabulary.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import {
  type CheckIn,
  type CheckInStatus,
  type HabitRules,
  type HabitStats,
  type HistoryDay,
  type ScheduleAnchor,
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
  listHabitRows,
  nextHabitPosition,
  putCheckIn,
  slugsStartingWith,
  updateHabit,
} from '../store/habit.repository.js';
import type { CheckInRow, HabitRow, HabitUpdate } from '../store/schema.js';
import { isUniqueViolation } from '../store/database.js';
import {
  type CheckInInput,
  type HabitCreateInput,
  type HabitUpdateInput,
  checkInSchema,
  habitCreateSchema,
  habitUpdateSchema,
} from '../schemas/habit.schema.js';
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
  conflict('name', existing === name ? `a habit named "${name}" already exists` : `a habit named "${existing}" already exists (names are compared without case)`);

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

export async function addHabit(ctx: Context, raw: unknown): Promise<HabitDetail> {
  const input: HabitCreateInput = parseInput(habitCreateSchema, raw);
  const row = await ctx.store.db.transaction().execute((trx) => createHabit(trx, ctx, input));
  return detailOf(ctx, row, ctx.today);
}

/** The full view of a habit as of a day: fields, numbers and history. */
export async function habitDetail(ctx: Context, ref: string): Promise<HabitDetail> {
  return detailOf(ctx, await getHabitRow(ctx.store.db, ctx, ref), ctx.today);
}

export async function editHabit(ctx: Context, ref: string, raw: unknown): Promise<HabitDetail> {
  const input: HabitUpdateInput = parseInput(habitUpdateSchema, raw);
  const row = await ctx.store.db.transaction().execute(async (trx) => {
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
    return updateHabit(trx, habit.id, update);
  });
  return detailOf(ctx, row, ctx.today);
}

export async function archiveHabit(ctx: Context, ref: string, archived = true): Promise<HabitDetail> {
  return editHabit(ctx, ref, { archived });
}

export async function removeHabit(ctx: Context, ref: string): Promise<{ id: string; slug: string; removed: true }> {
  return ctx.store.db.transaction().execute(async (trx) => {
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
  const row = await ctx.store.db.transaction().execute(async (trx) => {
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
    if (date < habit.start_date) return updateHabit(trx, habit.id, { start_date: date });
    return habit;
  });
  return detailOf(ctx, row, ctx.today);
}

export async function undoCheckIn(ctx: Context, ref: string, date?: IsoDate): Promise<HabitDetail> {
  const day = checkDate(ctx, date);
  const row = await ctx.store.db.transaction().execute(async (trx) => {
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
      if (start !== habit.start_date) return updateHabit(trx, habit.id, { start_date: start });
    }
    return habit;
  });
  return detailOf(ctx, row, ctx.today);
}

export async function listHabits(ctx: Context, options: { includeArchived?: boolean } = {}): Promise<HabitSummary[]> {
  const db = ctx.store.db;
  const rows = await listHabitRows(db, ctx.personId, options);
  const checkIns = await listCheckIns(db, rows.map((r) => r.id), { to: ctx.today });
  const byHabit = groupBy(checkIns, (c) => c.habit_id);
  return rows.map((row) => {
    const entries = (byHabit.get(row.id) ?? []).map(toCheckIn);
    const stats = computeHabitStats(rulesOf(row), entries, ctx.today);
    const last = entries[entries.length - 1];
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
      today: last && last.date === ctx.today ? { status: last.status, amount: last.amount } : null,
    };
  });
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

