import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { compare, report } from './support.js';

const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

it('grow habit done: wall time at most 2× `node -e 0`', async () => {
  const env = { ...process.env, GROW_HOME: join(home, 'cli'), GROW_TODAY: TODAY };
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  run(['bin/grow.js', 'habit', 'add', 'Read']);
  // A check-in on each of the last 30 days in turn: every run writes, as a person's would.
  let day = 0;
  const result = await compare(
    21,
    () => run(['-e', '0']),
    () => run(['bin/grow.js', 'habit', 'done', 'read', '--date', addDays(TODAY, -(day++ % 30)), '--json']),
  );
  const pass = result.ratio <= 2;
  report({ name: 'grow habit done (wall time)', target: 'ratio ≤ 2 vs node -e 0', pass, ...result });
  expect(pass).toBe(true);
});
