import type { IsoDate } from '../core/calendar.js';
import { inTransaction } from '../store/database.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import { type WritePlan, writePlan } from '../store/import.repository.js';
import type { Context } from './context.js';

/**
 * How every import runs (see import.registry.ts): the file is read completely first, so a bad file
 * is refused naming each problem and nothing is written; then, in one transaction, what the store
 * holds is loaded, a pure plan of inserts, rewrites and skips is made from the two, and the plan is
 * written in one go (src/store/import.repository.ts).
 */

/** What a plan may use besides the file and the store: the person, their day, and fresh ids. */
export interface PlanEnv {
  personId: string;
  today: IsoDate;
  timeZone: string;
  /** The import's instant, ISO-8601 UTC, for created_at and updated_at. */
  now: string;
  newId(): string;
}

/** What an import writes, what it answers, and what `settle` derives from the rows written. */
export interface ImportPlan<Result, Derived = undefined> extends WritePlan {
  result: Result;
  derived?: Derived;
}

export interface Importer<Input, Read, Known, Result, Options = Record<string, never>, Derived = undefined> {
  /** Reads the file (or files) into plain data, refusing a bad one with every problem named. Pure. */
  read(input: Input, options: Options, ctx: Context): Read;
  /** What the store holds that the plan compares the file with, read inside the import's transaction. */
  load(db: Db, ctx: Context, file: Read, options: Options): Promise<Known>;
  /** The rows the file adds and changes, and what it leaves as it is: pure, given the file and what is known. */
  plan(file: Read, known: Known, env: PlanEnv, options: Options): ImportPlan<Result, Derived>;
  /** Brings up to date, in the same transaction, what is derived from the rows written (habit snapshots). */
  settle?(db: Db, ctx: Context, plan: ImportPlan<Result, Derived>): Promise<void>;
}

export interface RunOptions {
  /** Called as the import writes, in the units of its progress (items, habits). */
  onProgress?: (done: number, total: number) => void;
}

/** Runs an importer: read the whole file, then load, plan and write in one transaction. */
export async function runImport<Input, Read, Known, Result, Options, Derived>(
  ctx: Context,
  importer: Importer<Input, Read, Known, Result, Options, Derived>,
  input: Input,
  options: Options,
  run: RunOptions = {},
): Promise<Result> {
  const file = importer.read(input, options, ctx);
  return inTransaction(ctx.store, async (trx) => {
    const known = await importer.load(trx, ctx, file, options);
    const env: PlanEnv = {
      personId: ctx.personId,
      today: ctx.today,
      timeZone: ctx.timeZone,
      now: ctx.now().toISOString(),
      newId: () => newId(),
    };
    const plan = importer.plan(file, known, env, options);
    await writePlan(trx, plan, run.onProgress);
    await importer.settle?.(trx, ctx, plan);
    return plan.result;
  });
}
