import { CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from './habit.repository.js';
import type { Database } from './schema.js';

/**
 * The one write of every import: what an importer planned (rows to add, rows to write again whole,
 * columns to set on single rows) is written here, in multi-row statements, inside the caller's
 * transaction. One code path for SQLite and PostgreSQL.
 */

type Table = keyof Database;

/** Rows to add to one table. */
export type PlannedInsert = { [T in Table]: { table: T; rows: readonly Insertable<Database[T]>[] } }[Table];

/** Tables whose rows are found by an `id` column, so that a row can be written again whole. */
type TableWithId = { [T in Table]: 'id' extends keyof Database[T] ? T : never }[Table];

/** Rows of one table written again whole, found by their id; each exists already. */
export type PlannedRewrite = { [T in TableWithId]: { table: T; rows: readonly Selectable<Database[T]>[] } }[TableWithId];

/** Columns set on one row, found by its key columns (`{ id }`, or `{ person_id, id }`). */
export type PlannedUpdate = {
  [T in Table]: { table: T; where: Partial<Record<keyof Database[T] & string, string>>; set: Updateable<Database[T]> };
}[Table];

/**
 * How far an import is, in the units its progress bar counts (items of a library file, habits of a
 * Loop file): `done` before anything is written, and for each further unit the number of rows of
 * `table` written (added, then rewritten) once it is complete.
 */
export interface PlannedProgress {
  table: Table;
  total: number;
  done: number;
  ends: readonly number[];
}

export interface WritePlan {
  /** Written first, in this order (a table's parents before it). */
  inserts: PlannedInsert[];
  /** Written after the inserts. */
  rewrites: PlannedRewrite[];
  /** Written last, one statement each. */
  updates: PlannedUpdate[];
  progress?: PlannedProgress;
}

export const emptyWritePlan = (): WritePlan => ({ inserts: [], rewrites: [], updates: [] });

/**
 * Both databases cap the bound parameters of one statement (SQLite at 32,766, PostgreSQL at
 * 65,535): multi-row writes go in chunks of at most this many parameters.
 */
export const PARAMETERS_PER_STATEMENT = 30_000;

/** As many rows as fit one statement, never more than `most` (a statement's SQL grows with its rows). */
export function rowsPerStatement(columns: number, most = 2_000): number {
  return Math.max(1, Math.min(most, Math.floor(PARAMETERS_PER_STATEMENT / Math.max(1, columns))));
}

/** Writes rows a chunk at a time, telling `onChunk` how many each chunk held. */
async function inStatements<T extends object>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>, onChunk?: (written: number) => void) {
  if (rows.length === 0) return;
  const size = rowsPerStatement(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await write(chunk);
    onChunk?.(chunk.length);
  }
}

/**
 * Adds rows to a table in multi-row statements. Kysely writes the SQL of each statement shape (table,
 * columns, number of rows) once, in the database's own dialect; every chunk of that shape then runs
 * it with its values, without building a query tree of its every value (a Loop import's 100,000
 * check-ins made 700,000 nodes). Rows that leave out a column (or leave it undefined) go through
 * Kysely whole, which gives the column its default.
 */
export async function insertRows<T extends Table>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], onChunk?: (n: number) => void) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const whole = rows.every((row) => Object.keys(row).length === columns.length && columns.every((c) => (row as Record<string, unknown>)[c] !== undefined));
  const compiled = new Map<number, string>();
  await inStatements(
    rows as readonly Record<string, unknown>[],
    async (chunk) => {
      // One generic path for every table: Kysely's types cannot follow a table chosen at run time.
      if (!whole)
        return db
          .insertInto(table)
          .values(chunk as never)
          .execute();
      let text = compiled.get(chunk.length);
      if (text === undefined) {
        text = db
          .insertInto(table)
          .values(chunk as never)
          .compile().sql;
        compiled.set(chunk.length, text);
      }
      const parameters: unknown[] = new Array(chunk.length * columns.length);
      let i = 0;
      for (const row of chunk) for (const column of columns) parameters[i++] = row[column];
      return db.executeQuery(CompiledQuery.raw(text, parameters));
    },
    onChunk,
  );
}

/**
 * Writes existing rows again whole, by id. An upsert on the primary key is the one multi-row
 * UPDATE both databases share (INSERT … ON CONFLICT (id) DO UPDATE); every row given exists.
 */
export async function rewriteRows<T extends TableWithId>(db: Db, table: T, rows: readonly Selectable<Database[T]>[], onChunk?: (n: number) => void) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  await inStatements(
    rows as readonly object[],
    (chunk) =>
      db
        .insertInto(table)
        .values(chunk as never)
        .onConflict((oc) =>
          (oc as unknown as { column(c: string): typeof oc })
            .column('id')
            .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, (eb as unknown as { ref(c: string): unknown }).ref(`excluded.${c}`)])) as never),
        )
        .execute(),
    onChunk,
  );
}

/** Writes an import's plan: inserts, then rewrites, then single-row updates, reporting progress as rows are written. */
export async function writePlan(db: Db, plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const progress = plan.progress;
  let written = 0;
  let unit = 0;
  const report = (table: Table) => (n: number) => {
    if (!progress || !onProgress || table !== progress.table) return;
    written += n;
    while (unit < progress.ends.length && progress.ends[unit]! <= written) onProgress(progress.done + ++unit, progress.total);
  };
  if (progress && onProgress) {
    onProgress(progress.done, progress.total);
    report(progress.table)(0);
  }
  for (const { table, rows } of plan.inserts) await insertRows(db, table, rows as never, report(table));
  for (const { table, rows } of plan.rewrites) await rewriteRows(db, table, rows as never, report(table));
  for (const { table, where, set } of plan.updates) {
    let update = db.updateTable(table).set(set as never);
    for (const [column, value] of Object.entries(where)) update = update.where(column as never, '=', value as never);
    await update.execute();
  }
}
