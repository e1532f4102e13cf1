import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { openStore, type Store } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import { createContext } from '../src/services/context.js';
import { builtinFramework } from '../src/services/framework.service.js';
import { setTarget } from '../src/services/skill.service.js';
import { planWeekFor, showWeek } from '../src/services/plan.service.js';
import type { ActivityRow, SkillAssessmentRow } from '../src/store/schema.js';
import { compare, report, seededRandom } from './support.js';

const TODAY = '2026-11-23';
const home = mkdtempSync(join(tmpdir(), 'grow-bench-plan-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Five years of daily practice (about 5,000 activities) and 500 assessments. */
async function seed(store: Store): Promise<string> {
  const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
  await setTarget(ctx, { track: 'ic', level: 'senior' });
  const skills = builtinFramework().skills.map((s) => s.id);
  const random = seededRandom(7);
  const activities: ActivityRow[] = [];
  const start = addDays(TODAY, -5 * 365);
  for (let d = 0; d < 5 * 365; d++) {
    const count = random() < 0.75 ? 3 : 2;
    for (let i = 0; i < count && activities.length < 5000; i++) {
      const a = skills[Math.floor(random() * skills.length)]!;
      const b = skills[Math.floor(random() * skills.length)]!;
      activities.push({
        id: newId(),
        person_id: ctx.personId,
        text: `practice ${d}.${i}`,
        date: addDays(start, d),
        minutes: 15 + Math.floor(random() * 90),
        skills: JSON.stringify(random() < 0.5 ? [a] : [...new Set([a, b])]),
        energy: Math.floor(random() * 5) - 2,
        ease: 1 + Math.floor(random() * 5),
        created_at: '2026-01-01T00:00:00.000Z',
      });
    }
  }
  const assessments: SkillAssessmentRow[] = Array.from({ length: 500 }, (_, i) => ({
    id: newId(),
    person_id: ctx.personId,
    skill_id: skills[i % skills.length]!,
    level: Math.floor(random() * 6),
    date: addDays(start, Math.floor((i * 5 * 365) / 500)),
    evidence: null,
    note: null,
    created_at: '2026-01-01T00:00:00.000Z',
  }));
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < activities.length; i += 500)
      await trx
        .insertInto('activity')
        .values(activities.slice(i, i + 500))
        .execute();
    for (let i = 0; i < assessments.length; i += 250)
      await trx
        .insertInto('skill_assessment')
        .values(assessments.slice(i, i + 250))
        .execute();
  });
  return ctx.personId;
}

it('grow plan week over 5,000 activities and 500 assessments: each path at most 2× a plain SELECT of those rows', async () => {
  const store = await openStore(join(home, 'plan.db'));
  const personId = await seed(store);
  const ctx = await createContext(store, { personId, env: { GROW_TODAY: TODAY } });
  const plan = await planWeekFor(ctx);
  expect(plan.sessions).toHaveLength(5);
  const baseline = () =>
    Promise.all([
      store.db.selectFrom('activity').selectAll().where('person_id', '=', personId).execute(),
      store.db.selectFrom('skill_assessment').selectAll().where('person_id', '=', personId).execute(),
    ]);
  // The kept week read back; the week ahead planned as a preview (every rule of core/plan over the
  // history, as each week was before it was kept); the week under way replanned and written again.
  const paths = [
    ['plan week (kept week read back)', () => planWeekFor(ctx)],
    ['plan week (next week, a preview)', () => showWeek(ctx, { start: '2026-11-30' })],
    ['plan week --replan (planned and written)', () => planWeekFor(ctx, { replan: true })],
  ] as const;
  let pass = true;
  for (const [name, subject] of paths) {
    const result = await compare(25, baseline, subject);
    const ok = result.ratio <= 2;
    pass &&= ok;
    report({ name: `${name}, 5,000 activities, 500 assessments, SQLite`, target: 'ratio ≤ 2 vs plain SELECT', pass: ok, ...result });
  }
  await store.close();
  expect(pass).toBe(true);
});
