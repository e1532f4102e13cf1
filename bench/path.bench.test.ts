import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import type { ActivityFact, AssessmentFact } from '../src/core/path-fit.js';
import { openStore } from '../src/store/database.js';
import { createContext } from '../src/services/context.js';
import { builtinFramework } from '../src/services/framework.service.js';
import { addExperiment, closeExperiment, pathFit } from '../src/services/path.service.js';
import { newId } from '../src/store/ids.js';
import { insertPersona } from '../test/support/path-data.js';
import { compare, report, seededRandom } from './support.js';

const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

it('grow path fit over 5,000 activities (5 years) and 500 assessments: at most 2× a plain SELECT of the same rows', async () => {
  const store = await openStore(join(home, 'path.db'));
  const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
  const skills = builtinFramework().skills.map((s) => s.id);
  const random = seededRandom(7);
  const pick = () => skills[Math.floor(random() * skills.length)]!;
  const start = addDays(TODAY, -5 * 365);

  const activities: ActivityFact[] = [];
  for (let i = 0; i < 5000; i++) {
    const date = addDays(start, Math.floor((i * 5 * 365) / 5000));
    activities.push({
      id: newId(),
      date,
      minutes: 15 + Math.floor(random() * 120),
      skills: [pick(), pick()],
      energy: Math.floor(random() * 5) - 2,
      ease: 1 + Math.floor(random() * 5),
    });
  }
  const assessments: AssessmentFact[] = [];
  for (let i = 0; i < 500; i++) {
    const date = addDays(start, Math.floor((i * 5 * 365) / 500));
    assessments.push({
      id: newId(),
      skillId: skills[i % skills.length]!,
      level: Math.min(5, Math.floor(i / 100) + Math.floor(random() * 2)),
      date,
      createdAt: `${date}T09:00:00.000Z`,
    });
  }
  await store.db.transaction().execute((trx) => insertPersona(trx, ctx.personId, { activities, assessments }));
  for (const track of ['ic', 'manager', 'security']) {
    const e = await addExperiment(ctx, { title: `Try ${track}`, track, until: TODAY, hypothesis: 'we will see' });
    await closeExperiment(ctx, e.id, { outcome: 'neutral' });
  }

  const fits = await pathFit(ctx);
  expect(fits).toHaveLength(3);
  expect(fits.every((f) => f.confidence > 0.5)).toBe(true);

  const result = await compare(
    25,
    () =>
      Promise.all([
        store.db.selectFrom('activity').selectAll().where('person_id', '=', ctx.personId).execute(),
        store.db.selectFrom('skill_assessment').selectAll().where('person_id', '=', ctx.personId).execute(),
      ]),
    () => pathFit(ctx),
  );
  // For candour: the same against a SELECT of only the columns path fit reads (no text, no evidence).
  const narrow = await compare(
    25,
    () =>
      Promise.all([
        store.db.selectFrom('activity').select(['id', 'date', 'minutes', 'skills', 'energy', 'ease']).where('person_id', '=', ctx.personId).execute(),
        store.db.selectFrom('skill_assessment').select(['id', 'skill_id', 'level', 'date', 'created_at']).where('person_id', '=', ctx.personId).execute(),
      ]),
    () => pathFit(ctx),
  );
  const pass = result.ratio <= 2;
  report({
    name: 'path fit (5,000 activities × 5 years, 500 assessments, SQLite)',
    target: 'ratio ≤ 2 vs plain SELECT',
    pass,
    ...result,
    ratioVsSameColumns: narrow.ratio,
  });
  await store.close();
  expect(pass).toBe(true);
});
