import { mkdtempSync, rmSync } from 'node:fs';
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
import { compare, median, report, round, seededRandom } from './support.js';

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

it('grow habit list and grow today over 100 habits × 10 years: at most 1.5× the same over 100 habits × 1 day', async () => {
  const big = await openStore(join(home, 'list-10y.db'));
  const small = await openStore(join(home, 'list-1d.db'));
  await seed(big, 3650);
  await seed(small, 0);
  const bigCtx = await createContext(big, { env: { GROW_TODAY: TODAY } });
  const smallCtx = await createContext(small, { env: { GROW_TODAY: TODAY } });
  const results = [
    {
      name: 'habit list',
      ...(await compare(
        15,
        () => listHabits(smallCtx),
        () => listHabits(bigCtx),
      )),
    },
    {
      name: 'today',
      ...(await compare(
        15,
        () => today(smallCtx),
        () => today(bigCtx),
      )),
    },
  ];
  for (const result of results) {
    report({ ...result, name: `${result.name} (100 habits × 10 years vs × 1 day, SQLite)`, target: 'ratio ≤ 1.5', pass: result.ratio <= 1.5 });
  }
  await big.close();
  await small.close();
  for (const result of results) expect(result.ratio).toBeLessThanOrEqual(1.5);
});

it('grow import loop: a backup of 100 habits × 3 years in under 1 s', async () => {
  const { loopDb } = await import('../test/support/loop-fixtures.js');
  const { importLoop } = await import('../src/services/loop-import.service.js');
  const start = addDays(TODAY, -3 * 365);
  const habits = Array.from({ length: 100 }, (_, h) => ({
    name: `Loop habit ${h}`,
    numerator: h % 3 === 0 ? 3 : 1,
    denominator: h % 3 === 0 ? 7 : 1,
    entries: Array.from({ length: 3 * 365 }, (_, d) => ({ date: addDays(start, d), value: d % 5 === 4 ? 0 : 2 })),
  }));
  const bytes = loopDb(habits);
  const durations: number[] = [];
  for (let run = 0; run < 3; run++) {
    const store = await openStore(join(home, `loop-${run}.db`));
    const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
    const t = performance.now();
    const summary = await importLoop(ctx, { bytes });
    durations.push(performance.now() - t);
    expect(summary.habitsCreated).toBe(100);
    await store.close();
  }
  const ms = round(median(durations));
  const pass = ms < 1000;
  report({ name: 'import loop (100 habits × 3 years, SQLite)', target: 'under 1000 ms', pass, subjectMs: ms });
  expect(pass).toBe(true);
});
