import { performance } from 'node:perf_hooks';
import type { Insertable } from 'kysely';
import { type Store, inTransaction, openStore } from '../src/store/database.js';
import { insertRows } from '../src/store/import.repository.js';
import type { Database } from '../src/store/schema.js';

/** The value below which `p` (0..1) of the values fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs baseline and subject alternately, so load on the machine falls on both alike. */
export async function compare(runs: number, baseline: () => unknown, subject: () => unknown) {
  const base: number[] = [];
  const measured: number[] = [];
  await baseline();
  await subject();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await baseline();
    base.push(performance.now() - t);
    t = performance.now();
    await subject();
    measured.push(performance.now() - t);
  }
  const baselineMs = median(base);
  const subjectMs = median(measured);
  // The 95th percentile shows the slow runs a median hides (a rare query, a cold cache).
  return { baselineMs: round(baselineMs), subjectMs: round(subjectMs), ratio: round(subjectMs / baselineMs), subjectP95Ms: round(percentile(measured, 0.95)) };
}

/**
 * A seeded 32-bit LCG, so every run builds the same history. Integer arithmetic on purpose: in doubles,
 * seed * 1103515245 loses its low bits and the sequence falls into a short cycle.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

export interface BenchResult {
  name: string;
  target: string;
  pass: boolean;
  [key: string]: unknown;
}

export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * The baseline of an import: the time to write, into a fresh database at `path`, exactly the rows the
 * import wrote into `from` (read back from the tables named, parents first), in one transaction and
 * multi-row statements. What an import costs beyond it is reading, checking and planning.
 */
export async function bareWrite(from: Store, path: string, tables: readonly (keyof Database)[]): Promise<number> {
  const rows = new Map<keyof Database, unknown[]>();
  for (const table of tables) rows.set(table, await from.db.selectFrom(table).selectAll().execute());
  const person = await from.db.selectFrom('person').selectAll().execute();
  const into = await openStore(path);
  try {
    await into.db.insertInto('person').values(person).execute();
    const t = performance.now();
    await inTransaction(into, async (trx) => {
      for (const table of tables) await insertRows(trx, table, rows.get(table) as Insertable<Database[typeof table]>[]);
    });
    return performance.now() - t;
  } finally {
    await into.close();
  }
}
