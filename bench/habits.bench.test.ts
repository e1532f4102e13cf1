import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { openStore, type Store } from '../src/store/database.js';
import { insertCheckIns } from '../src/store/habit.repository.js';
import { newId } from '../src/store/ids.js';
import { createContext } from '../src/services/context.js';
import { addHabit, listHabits } from '../src/services/habit.service.js';
import { today } from '../src/services/today.service.js';
import type { CheckInRow } from '../src/store/schema.js';
import { compare, report, seededRandom } from './support.js';

const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** 100 habits with `days` + 1 days of daily history, done on about four days in five. */
async function seed(store: Store, days: number): Promise<void> {
  const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
  const start = addDays(TODAY, -days);
  const random = seededRandom(42);
  for (let h = 0; h < 100; h++) {
    const habit = await addHabit(ctx, { name: `Habit ${h}`, schedule: ['daily', '3/week', 'weekdays', '2/3days'][h % 4] });
    const rows: CheckInRow[] = [];
    for (let d = 0; d <= days; d++) {
      const r = random();
      if (r < 0.8)
        rows.push({
          id: newId(),
          habit_id: habit.id,
          date: addDays(start, d),
          status: r < 0.78 ? 'done' : 'skipped',
          amount: null,
          note: null,
          created_at: '2026-01-01T00:00:00.000Z',
        });
    }
    // Written below the services, as a database from before snapshots: the first read fills them.
    await store.db.transaction().execute((trx) => insertCheckIns(trx, rows));
  }
}

/** A GROW_HOME whose database holds 100 habits × `days` + 1 days, snapshots filled as after the first command. */
async function homeWith(name: string, days: number): Promise<{ env: NodeJS.ProcessEnv; store: Store }> {
  const dir = join(home, name);
  mkdirSync(dir, { recursive: true });
  const store = await openStore(join(dir, 'grow.db'));
  await seed(store, days);
  await listHabits(await createContext(store, { env: { GROW_TODAY: TODAY } }));
  return { env: { ...process.env, GROW_HOME: dir, GROW_TODAY: TODAY, GROW_DATABASE_URL: '' }, store };
}

it('grow habit list and grow today over 100 habits × 10 years: at most 1.5× the same commands over 100 habits × 1 day', async () => {
  const big = await homeWith('cli-10y', 3650);
  const small = await homeWith('cli-1d', 0);
  await big.store.close();
  await small.store.close();
  const run = (env: NodeJS.ProcessEnv, args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/grow.js', ...args, '--json'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const results = [];
  for (const args of [['habit', 'list'], ['today']]) {
    const result = await compare(
      11,
      () => run(small.env, args),
      () => run(big.env, args),
    );
    results.push(result);
    report({
      name: `grow ${args.join(' ')} (wall time, 100 habits × 10 years vs × 1 day, SQLite)`,
      target: 'ratio ≤ 1.5',
      pass: result.ratio <= 1.5,
      ...result,
    });
  }
  for (const result of results) expect(result.ratio).toBeLessThanOrEqual(1.5);
});

it('habit list and today in a running server: 10 years of history cost no more than 1 year', async () => {
  // In one process, once warm (as `grow serve` is): the time a read takes must not follow the
  // length of the history. The 1-day home is shown beside them, not judged: with nothing settled
  // yet it has no snapshot, a cheaper path that says nothing about growth.
  const stores = { day: await homeWith('warm-1d', 0), year: await homeWith('warm-1y', 365), decade: await homeWith('warm-10y', 3650) };
  const ctx = async (s: { store: Store }) => createContext(s.store, { env: { GROW_TODAY: TODAY } });
  const [dayCtx, yearCtx, decadeCtx] = [await ctx(stores.day), await ctx(stores.year), await ctx(stores.decade)];
  const results = [];
  for (const [name, read] of [
    ['habit list', listHabits],
    ['today', today],
  ] as const) {
    for (let i = 0; i < 40; i++) await Promise.all([read(dayCtx), read(yearCtx), read(decadeCtx)]);
    const growth = await compare(
      60,
      () => read(yearCtx),
      () => read(decadeCtx),
    );
    const fromOneDay = await compare(
      60,
      () => read(dayCtx),
      () => read(decadeCtx),
    );
    results.push(growth);
    report({
      name: `${name} (in-process, warm: 100 habits × 10 years vs × 1 year, SQLite)`,
      target: 'ratio ≤ 1.2',
      pass: growth.ratio <= 1.2,
      ...growth,
      oneDayMs: fromOneDay.baselineMs,
      ratioToOneDay: fromOneDay.ratio,
    });
  }
  for (const s of Object.values(stores)) await s.store.close();
  for (const result of results) expect(result.ratio).toBeLessThanOrEqual(1.2);
});
