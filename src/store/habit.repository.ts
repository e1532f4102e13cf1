import type { Kysely, Transaction } from 'kysely';
import type { CheckInRow, Database, HabitRow, HabitSnapshotRow, HabitUpdate, NewHabitRow } from './schema.js';
import { newId } from './ids.js';

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * How habit names compare: case folded, in JS so that both databases agree (SQLite's lower() folds
 * ASCII only). Migration 0005 holds a copy of this rule.
 */
export function habitNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A habit by its slug (any case), its id, or its name (any case), in that order. */
export async function findHabitByRef(db: Db, personId: string, ref: string): Promise<HabitRow | undefined> {
  const byKey = await db
    .selectFrom('habit')
    .selectAll()
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('slug', '=', ref.toLowerCase()), eb('id', '=', ref)]))
    .executeTakeFirst();
  return byKey ?? findHabitByName(db, personId, ref);
}

/** The habit with this name, whatever its case ("read" finds "Read"). */
export async function findHabitByName(db: Db, personId: string, name: string): Promise<HabitRow | undefined> {
  return db.selectFrom('habit').selectAll().where('person_id', '=', personId).where('name_key', '=', habitNameKey(name)).executeTakeFirst();
}

export async function findHabitsByLoopUuid(db: Db, personId: string, uuids: string[]): Promise<HabitRow[]> {
  // Guard against running an invalid query when the list is empty.
  if (uuids.length === 0) return [];
  return db.selectFrom('habit').selectAll().where('person_id', '=', personId).where('loop_uuid', 'in', uuids).execute();
}

export async function listHabitRows(db: Db, personId: string, options: { includeArchived?: boolean } = {}): Promise<HabitRow[]> {
  let query = db.selectFrom('habit').selectAll().where('person_id', '=', personId);
  if (!options.includeArchived) query = query.where('archived', '=', 0);
  return query.orderBy('position').orderBy('name').execute();
}

export async function slugsStartingWith(db: Db, personId: string, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('habit').select('slug').where('person_id', '=', personId).where('slug', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.slug);
}

export async function nextHabitPosition(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom('habit')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.max ?? -1) + 1;
}

export async function insertHabit(db: Db, row: Omit<NewHabitRow, 'id'> & { id?: string }): Promise<HabitRow> {
  // The name key follows the name; the anchor starts on the start date and then stays put.
  const full = { ...row, id: row.id ?? newId(), name_key: habitNameKey(row.name), anchor_date: row.anchor_date ?? row.start_date } as NewHabitRow;
  await db.insertInto('habit').values(full).execute();
  return (await db.selectFrom('habit').selectAll().where('id', '=', full.id).executeTakeFirstOrThrow()) as HabitRow;
}

export async function updateHabit(db: Db, id: string, update: HabitUpdate): Promise<HabitRow> {
  const set = update.name !== undefined ? { ...update, name_key: habitNameKey(update.name) } : update;
  await db.updateTable('habit').set(set).where('id', '=', id).execute();
  return db.selectFrom('habit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function deleteHabit(db: Db, id: string): Promise<void> {
  await db.deleteFrom('habit').where('id', '=', id).execute();
}

/** Check-ins of many habits in one query, oldest first (no query per habit). */
export async function listCheckIns(db: Db, habitIds: string[], options: { to?: string } = {}): Promise<CheckInRow[]> {
  if (habitIds.length === 0) return [];
  let query = db.selectFrom('habit_check_in').selectAll().where('habit_id', 'in', habitIds);
  if (options.to) query = query.where('date', '<=', options.to);
  return query.orderBy('habit_id').orderBy('date').execute();
}

export type CheckInCore = Pick<CheckInRow, 'habit_id' | 'date' | 'status' | 'amount'>;

/**
 * The check-ins of many habits up to a day, each habit's from its own day (null: its whole
 * history), without notes and ids (what the numbers need). One query; habits that share a day
 * share a condition.
 */
export async function listCheckInsSince(db: Db, fromByHabit: Map<string, string | null>, to: string): Promise<CheckInCore[]> {
  if (fromByHabit.size === 0) return [];
  const groups = new Map<string | null, string[]>();
  for (const [id, from] of fromByHabit) {
    const ids = groups.get(from);
    if (ids) ids.push(id);
    else groups.set(from, [id]);
  }
  return db
    .selectFrom('habit_check_in')
    .select(['habit_id', 'date', 'status', 'amount'])
    .where((eb) =>
      eb.or([...groups].map(([from, ids]) => (from === null ? eb('habit_id', 'in', ids) : eb.and([eb('habit_id', 'in', ids), eb('date', '>=', from)])))),
    )
    .where('date', '<=', to)
    .orderBy('habit_id')
    .orderBy('date')
    .execute();
}

export async function listSnapshots(db: Db, habitIds: string[]): Promise<HabitSnapshotRow[]> {
  if (habitIds.length === 0) return [];
  return db.selectFrom('habit_snapshot').selectAll().where('habit_id', 'in', habitIds).execute();
}

/** Writes each habit's snapshot, replacing the one it had. */
export async function putSnapshots(db: Db, rows: HabitSnapshotRow[]): Promise<void> {
  const chunk = 2000;
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto('habit_snapshot')
      .values(rows.slice(i, i + chunk))
      .onConflict((oc) => oc.column('habit_id').doUpdateSet((eb) => ({ rules_key: eb.ref('excluded.rules_key'), state: eb.ref('excluded.state') })))
      .execute();
  }
}

export async function findCheckIn(db: Db, habitId: string, date: string): Promise<CheckInRow | undefined> {
  return db.selectFrom('habit_check_in').selectAll().where('habit_id', '=', habitId).where('date', '=', date).executeTakeFirst();
}

export interface CheckInValues {
  status: CheckInRow['status'];
  amount: number | null;
  note: string | null;
}

/** One check-in per habit and date: a second one replaces the first. */
export async function putCheckIn(db: Db, habitId: string, date: string, values: CheckInValues, createdAt: string): Promise<void> {
  await db
    .insertInto('habit_check_in')
    .values({ id: newId(), habit_id: habitId, date, ...values, created_at: createdAt })
    .onConflict((oc) => oc.columns(['habit_id', 'date']).doUpdateSet(values))
    .execute();
}

export async function insertCheckIns(db: Db, rows: CheckInRow[]): Promise<void> {
  // Large imports go in chunks: both databases cap the bound parameters of a statement (SQLite
  // at 32,766, PostgreSQL at 65,535); 2,000 rows of 7 columns stay well below both.
  const chunk = 2000;
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto('habit_check_in')
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

export async function deleteCheckIn(db: Db, habitId: string, date: string): Promise<number> {
  const result = await db.deleteFrom('habit_check_in').where('habit_id', '=', habitId).where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function earliestCheckInDate(db: Db, habitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('habit_check_in')
    .select((eb) => eb.fn.min<string | null>('date').as('first'))
    .where('habit_id', '=', habitId)
    .executeTakeFirst();
  return row?.first ?? undefined;
}

export async function habitSlugsById(db: Db, personId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('habit').select(['id', 'slug']).where('person_id', '=', personId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.slug]));
}

/** The habit's descriptive fields by their names in grow's API, and the columns that hold them. */
export const HABIT_FIELD_COLUMNS = {
  name: 'name',
  kind: 'kind',
  schedule: 'schedule',
  target: 'target',
  unit: 'unit',
  identity: 'identity',
  when: 'when_text',
  where: 'where_text',
  twoMinute: 'two_minute',
  bundle: 'bundle',
  lawObvious: 'law_obvious',
  lawAttractive: 'law_attractive',
  lawEasy: 'law_easy',
  lawSatisfying: 'law_satisfying',
  group: 'group_name',
} as const satisfies Record<string, keyof HabitRow>;

type FieldColumns = typeof HABIT_FIELD_COLUMNS;
export type HabitFields = { [K in keyof FieldColumns]: HabitRow[FieldColumns[K]] };

export function habitFieldsOf(row: HabitRow): HabitFields {
  const fields: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(HABIT_FIELD_COLUMNS)) fields[field] = row[column];
  return fields as HabitFields;
}

/** The columns for the fields given; fields left undefined are left out. */
export function habitColumnsOf(fields: Partial<HabitFields>): HabitUpdate {
  const update: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(HABIT_FIELD_COLUMNS)) {
    const value = (fields as Record<string, unknown>)[field];
    if (value !== undefined) update[column] = value;
  }
  return update as HabitUpdate;
}
