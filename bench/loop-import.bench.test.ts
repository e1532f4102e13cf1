import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { openStore } from '../src/store/database.js';
import { createContext } from '../src/services/context.js';
import { bareWrite, median, report, round } from './support.js';

// A file of its own: a process of its own, so that what another bench left on the heap does not weigh on it.
const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

it('grow import loop: a backup of 100 habits × 3 years at most 3× the bare write of its rows, as every import', async () => {
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
  const bare: number[] = [];
  for (let run = 0; run < 3; run++) {
    const store = await openStore(join(home, `loop-${run}.db`));
    const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
    const t = performance.now();
    const summary = await importLoop(ctx, { bytes });
    durations.push(performance.now() - t);
    expect(summary.habitsCreated).toBe(100);
    bare.push(await bareWrite(store, join(home, `loop-bare-${run}.db`), ['habit', 'habit_check_in', 'habit_snapshot', 'journal_entry']));
    await store.close();
  }
  const ms = round(median(durations));
  const baselineMs = round(median(bare));
  const ratio = round(ms / baselineMs);
  const pass = ratio <= 3;
  report({ name: 'import loop (100 habits × 3 years, SQLite)', target: 'ratio ≤ 3 vs the bare write of its rows', pass, baselineMs, subjectMs: ms, ratio });
  expect(pass).toBe(true);
});
