import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Grow, requireBuiltCli, tempDir } from './cli.helpers.js';

const root = tempDir();
beforeAll(() => requireBuiltCli());
afterAll(() => root.remove());

it('eight grow processes checking in at once all succeed: writers queue instead of failing with "database is locked"', { timeout: 120_000 }, async () => {
  const grow = new Grow(join(root.path, 'grow'));
  await grow.json('habit', 'add', 'Read');
  const days = Array.from({ length: 8 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
  const runs = await Promise.all(days.map((day) => grow.run('habit', 'done', 'read', '--date', day, '--json')));
  expect(runs.map((r) => [r.code, r.stderr])).toEqual(days.map(() => [0, '']));
  const shown = (await grow.json('habit', 'show', 'read')) as { history: { date: string; status: string }[] };
  expect(shown.history.filter((d) => d.status === 'done').map((d) => d.date)).toEqual(days);
});
