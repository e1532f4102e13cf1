import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { createReflection, gatherReflectionFacts, listReflections, suggestReflectionPeriod } from '../../src/services/reflection.service.js';
import { exportJekyll } from '../../src/services/jekyll.service.js';
import { addHabit, archiveHabit, checkIn } from '../../src/services/habit.service.js';
import { assessSkill } from '../../src/services/skill.service.js';
import { logActivity } from '../../src/services/activity.service.js';
import { addExperiment, closeExperiment, pathFit } from '../../src/services/path.service.js';
import { addTakeaway } from '../../src/services/review.service.js';
import type { Context } from '../../src/services/context.js';
import type { Framework } from '../../src/core/framework.js';
import { insertExperiment } from '../../src/store/experiment.repository.js';
import { newId } from '../../src/store/ids.js';
import { insertLearningItem } from '../../src/store/learning.repository.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { expectAppError } from './service.helpers.js';

/** Loop's daily multiplier m = 0.5^(1/13). */
const m = 0.5 ** (1 / 13);
const percent = (x: number) => Math.round(x * 100);

const level = (n: number) => ({ summary: `level ${n}`, behaviours: [] });
const levels = { 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) };
const SMALL: Framework = {
  id: 'small',
  name: 'Small',
  version: '1',
  description: 'test framework',
  skills: [
    { id: 'code-craft', name: 'Code craft', kind: 'technical', description: '', levels },
    { id: 'testing', name: 'Testing', kind: 'technical', description: '', levels },
    { id: 'empathy', name: 'Empathy', kind: 'soft', description: '', levels },
    { id: 'hiring', name: 'Hiring', kind: 'soft', description: '', levels },
  ],
  tracks: [
    {
      id: 'manager',
      name: 'Manager',
      type: 'ladder',
      description: '',
      levels: [{ id: 'lead', name: 'Lead', expects: { 'code-craft': 2, empathy: 3, hiring: 1 } }],
      facets: [],
    },
    {
      id: 'ic',
      name: 'Individual contributor',
      type: 'ladder',
      description: '',
      levels: [{ id: 'senior', name: 'Senior', expects: { 'code-craft': 4, testing: 3 } }],
      facets: [],
    },
  ],
};

describeEachDialect('period reflections', (db) => {
  const entryRows = () => db.store.db.selectFrom('journal_entry').selectAll().orderBy('id').execute();

  /**
   * A person's November: the period is 2026-11-09 … 2026-11-15 (a Monday to a Sunday); today is
   * 2026-11-23. Data before and after the period is there to be left out.
   */
  async function seed(): Promise<Context> {
    const ctx = await db.ctx();
    await db.store.db
      .insertInto('framework')
      .values({ id: 'small', person_id: ctx.personId, name: 'Small', version: '1', content: JSON.stringify(SMALL), created_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    await updatePerson(db.store.db, ctx.personId, { active_framework_id: 'small' });

    const first = await db.ctx('2026-11-01');
    await addHabit(first, { name: 'Read 20 pages' });
    await addHabit(first, { name: 'No phone in bed', kind: 'break' });
    await addHabit(first, { name: 'Old habit' });
    await archiveHabit(ctx, 'old-habit');
    await addHabit(await db.ctx('2026-11-20'), { name: 'Started later' });
    for (const day of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15'])
      await checkIn(ctx, 'read-20-pages', 'done', { date: `2026-11-${day}` });
    await checkIn(ctx, 'read-20-pages', 'skip', { date: '2026-11-14' });
    await checkIn(ctx, 'read-20-pages', 'done', { date: '2026-11-20' });
    await checkIn(ctx, 'no-phone-in-bed', 'slip', { date: '2026-11-10' });

    await assessSkill(ctx, 'testing', { level: 2, date: '2026-11-01' });
    await assessSkill(ctx, 'testing', { level: 3, date: '2026-11-10' });
    await assessSkill(ctx, 'empathy', { level: 2, date: '2026-11-12' });
    await assessSkill(ctx, 'code-craft', { level: 4, date: '2026-11-20' });

    await logActivity(ctx, { text: 'Before', minutes: 20, skills: ['testing'], date: '2026-11-08' });
    await logActivity(ctx, { text: 'Wrote tests', minutes: 60, skills: ['testing'], date: '2026-11-09', energy: 1 });
    await logActivity(ctx, { text: '1:1 practice', minutes: 30, skills: ['empathy'], date: '2026-11-10', energy: 2 });
    await logActivity(ctx, { text: 'Pairing', minutes: 45, skills: ['testing', 'empathy'], date: '2026-11-12' });
    await logActivity(ctx, { text: 'After', minutes: 90, skills: ['code-craft'], date: '2026-11-20' });

    const item = (title: string, fields: Record<string, unknown>) => ({
      id: newId(),
      person_id: ctx.personId,
      kind: 'book' as const,
      title,
      authors: '["Kim Scott"]',
      status: 'read' as const,
      match_key: title.toLowerCase(),
      shelves: '[]',
      skills: '[]',
      added_at: '2026-10-01T00:00:00.000Z',
      created_at: '2026-10-01T00:00:00.000Z',
      updated_at: '2026-10-01T00:00:00.000Z',
      ...fields,
    });
    const candor = item('Radical Candor', { rating: 4, finished_at: '2026-11-11' });
    await insertLearningItem(db.store.db, candor);
    await insertLearningItem(db.store.db, item('The SRE Book', { kind: 'course', authors: '[]', rating: null, finished_at: '2026-11-15T22:00:00.000Z' }));
    await insertLearningItem(db.store.db, item('Later Book', { rating: 5, finished_at: '2026-11-16' }));
    await insertLearningItem(db.store.db, item('Unfinished', { status: 'reading', finished_at: null }));
    // Takeaways are listed in the order they were written.
    await addTakeaway(await db.ctx('2026-11-12'), candor.id, { text: 'Care personally, challenge directly' });
    await addTakeaway(ctx, candor.id, { text: 'Praise in public' });

    const experiment = (title: string, fields: Record<string, unknown>) => ({
      id: newId(),
      person_id: ctx.personId,
      title,
      track: 'manager',
      hypothesis: `${title}: I will enjoy it`,
      outcome: null,
      note: null,
      closed_on: null,
      created_at: '2026-10-01T00:00:00.000Z',
      ...fields,
    });
    await insertExperiment(
      db.store.db,
      experiment('Run planning', { started_on: '2026-11-02', until: '2026-11-12', closed_on: '2026-11-13', outcome: 'positive', note: 'Liked it' }) as never,
    );
    await insertExperiment(db.store.db, experiment('Threat model', { track: 'ic', started_on: '2026-11-10', until: '2026-11-30' }) as never);
    await insertExperiment(
      db.store.db,
      experiment('Long ago', { started_on: '2026-10-01', until: '2026-10-15', closed_on: '2026-10-20', outcome: 'negative' }) as never,
    );
    await insertExperiment(db.store.db, experiment('Later', { started_on: '2026-11-20', until: '2026-12-20' }) as never);
    return ctx;
  }

  it('writes a draft reflection for a seeded period, every number checked', async () => {
    const ctx = await seed();
    const entry = await createReflection(ctx, { from: '2026-11-09', to: '2026-11-15' });
    expect(entry).toMatchObject({
      title: 'Reflection 2026-11-09 – 2026-11-15',
      date: '2026-11-15',
      time: null,
      kind: 'reflection',
      periodFrom: '2026-11-09',
      periodTo: '2026-11-15',
      visibility: 'private',
      tags: [],
      jekyll: null,
    });
    const lines = entry.body.split('\n');
    const sectionOf = (heading: string) => {
      const start = lines.indexOf(`## ${heading}`) + 2;
      return lines.slice(start, lines.indexOf('**Your words:**', start) - 1);
    };
    expect(lines[0]).toBe('Facts gathered by grow on 2026-11-23 for 2026-11-09 – 2026-11-15 (7 days).');

    // Read 20 pages: done 1..11, missed 12, done 13, skipped 14, done 15. In the period 5 done of 6 due.
    const readStart = 1 - m ** 8;
    const s13 = (1 - m ** 11) * m * m + (1 - m);
    const readEnd = s13 * m + (1 - m);
    // No phone in bed: kept 1..9, slipped 10, kept 11..15: 6 of 7.
    const phoneStart = 1 - m ** 8;
    const phoneEnd = (1 - m ** 9) * m * m ** 5 + (1 - m ** 5);
    expect(sectionOf('Habits')).toEqual([
      `- **Read 20 pages** (to build, daily): done on 5 of 6 due days (83%); strength ${percent(readStart)}% → ${percent(readEnd)}% (+${percent(readEnd) - percent(readStart)} points)`,
      `- **No phone in bed** (to break, daily): kept on 6 of 7 due days (86%); strength ${percent(phoneStart)}% → ${percent(phoneEnd)}% (+${percent(phoneEnd) - percent(phoneStart)} points)`,
    ]);
    expect([percent(readStart), percent(readEnd), percent(phoneStart), percent(phoneEnd)]).toEqual([35, 48, 35, 51]);

    expect(sectionOf('Skills that moved')).toEqual([
      '- **Testing** (technical): 2 → 3 (+1 level), last assessed 2026-11-10',
      '- **Empathy** (soft): unrated → 2 (+2 levels), last assessed 2026-11-12',
    ]);
    // 60 technical; 30 soft; 45 split over testing and empathy: 23 technical (22.5 rounds up), 22 soft.
    expect(sectionOf('Practice time')).toEqual([
      '- Technical practice: 83 min (1 h 23 min)',
      '- Soft practice: 52 min',
      '- Logged: 3 activities, 135 min (2 h 15 min) in all',
      '- Technical share: 61% against your target of 50% (11 points more technical than the target)',
    ]);
    expect(sectionOf('Learning')).toEqual([
      '- **Radical Candor** (book by Kim Scott): finished 2026-11-11, rated 4/5',
      '  - 2 takeaways:',
      '    - Care personally, challenge directly',
      '    - Praise in public',
      '- **The SRE Book** (course): finished 2026-11-15, not rated',
      '  - No takeaways recorded.',
    ]);
    expect(sectionOf('Experiments')).toEqual([
      '- **Run planning** (Manager): started 2026-11-02, until 2026-11-12; closed 2026-11-13, outcome positive',
      '  - Hypothesis: Run planning: I will enjoy it',
      '  - Note: Liked it',
      '- **Threat model** (Individual contributor): started 2026-11-10, until 2026-11-30; still open on 2026-11-23',
      '  - Hypothesis: Threat model: I will enjoy it',
    ]);
    const fits = await pathFit(ctx);
    const names: Record<string, string> = { manager: 'Manager', ic: 'Individual contributor' };
    expect(sectionOf('Path fit now')).toEqual([
      'As of 2026-11-23, best fit first (a fit of 50% is neutral; the confidence is how much evidence stands behind it):',
      '',
      ...fits.flatMap((f, i) => [
        // Percent, as on the Paths page and in grow path fit: never a raw score such as 0.56.
        `${i + 1}. **${names[f.track]}**: fit ${f.score === null ? 'not enough evidence' : `${Math.round(f.score * 100)}%`}, confidence ${Math.round(f.confidence * 100)}%`,
        ...f.reasons.map((r) => `   - ${r}`),
      ]),
    ]);
    expect(fits.map((f) => f.track).sort()).toEqual(['ic', 'manager']);

    // Saved as written, listed, and exported as a draft post.
    expect(await listReflections(ctx)).toEqual([entry]);
    const post = await exportJekyll(ctx, entry.id);
    expect(post.fileName).toBe('2026-11-15-reflection-2026-11-09-2026-11-15.md');
    expect(post.text).toBe(`---\nlayout: post\ntitle: Reflection 2026-11-09 – 2026-11-15\ndate: 2026-11-15\npublished: false\n---\n${entry.body}`);
  });

  it('says plainly when the period has nothing; a period running past today counts up to today', async () => {
    const ctx = await db.ctx();
    const entry = await createReflection(ctx, { from: '2026-11-16', to: '2026-11-30', title: '  Second half  ' });
    expect(entry).toMatchObject({ title: 'Second half', date: '2026-11-23', periodFrom: '2026-11-16', periodTo: '2026-11-30' });
    expect(entry.body).toContain('Facts gathered by grow on 2026-11-23 for 2026-11-16 – 2026-11-30 (15 days; counted up to 2026-11-23).');
    for (const empty of [
      'No active habits in this period.',
      'No skills assessed in this period.',
      'No practice logged in this period.',
      'No books, articles, courses or talks finished in this period.',
      'No experiments started or closed in this period.',
    ]) {
      expect(entry.body).toContain(`\n${empty}\n\n**Your words:**\n`);
    }
    expect(entry.body.match(/\*\*Your words:\*\*/g)).toHaveLength(6);
  });

  it('gathers each kind of data once, whatever the number of habits and items', async () => {
    const ctx = await seed();
    const queries: string[] = [];
    const original = db.store.db.getExecutor();
    const spy = original.executeQuery.bind(original);
    original.executeQuery = ((query: { sql: string }, ...rest: unknown[]) => {
      queries.push(query.sql);
      return (spy as (...args: unknown[]) => unknown)(query, ...rest);
    }) as never;
    try {
      await gatherReflectionFacts(ctx, '2026-11-09', '2026-11-15');
    } finally {
      original.executeQuery = spy as never;
    }
    const on = (table: string) => queries.filter((q) => new RegExp(`from "${table}"`).test(q)).length;
    expect(on('habit_check_in')).toBe(1);
    expect(on('card')).toBe(1);
    expect(on('learning_item')).toBe(1);
  });

  it('suggests the latest week with anything recorded, each kind of fact counting, nothing after today', async () => {
    // Wednesday 2026-11-25: last week is 2026-11-16 … 2026-11-22.
    const ctx = await db.ctx('2026-11-25');
    expect(await suggestReflectionPeriod(ctx)).toBeNull();
    const week = (from: string, to: string, basis: string) => ({ from, to, basis });

    const experiment = await addExperiment(await db.ctx('2026-10-01'), {
      title: 'Run planning',
      track: 'manager',
      hypothesis: 'I enjoy it',
      until: '2026-10-15',
    });
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-09-28', '2026-10-04', 'latest-week'));
    await closeExperiment(await db.ctx('2026-10-20'), experiment.id, { outcome: 'positive' });
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-10-19', '2026-10-25', 'latest-week'));

    // Finished at an instant, as some importers give it.
    await insertLearningItem(db.store.db, {
      id: newId(),
      person_id: ctx.personId,
      kind: 'book',
      title: 'Radical Candor',
      authors: '[]',
      status: 'read',
      match_key: 'radical candor',
      shelves: '[]',
      skills: '[]',
      rating: null,
      finished_at: '2026-11-03T22:00:00.000Z',
      added_at: '2026-10-01T00:00:00.000Z',
      created_at: '2026-10-01T00:00:00.000Z',
      updated_at: '2026-10-01T00:00:00.000Z',
    } as never);
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-11-02', '2026-11-08', 'latest-week'));

    await assessSkill(ctx, 'testing', { level: 2, date: '2026-11-10' });
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-11-09', '2026-11-15', 'latest-week'));

    await logActivity(ctx, { text: 'Wrote tests', minutes: 30, skills: ['testing'], date: '2026-11-24' });
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-11-23', '2026-11-25', 'this-week'));
    // Seen from an earlier day, what came later does not count.
    expect(await suggestReflectionPeriod(await db.ctx('2026-11-12'))).toEqual(week('2026-11-02', '2026-11-08', 'last-week'));
    expect(await suggestReflectionPeriod(await db.ctx('2026-10-27'))).toEqual(week('2026-10-19', '2026-10-25', 'last-week'));
    expect(await suggestReflectionPeriod(await db.ctx('2026-11-04'))).toEqual(week('2026-11-02', '2026-11-04', 'this-week'));

    await addHabit(await db.ctx('2026-11-01'), { name: 'Read' });
    await checkIn(ctx, 'read', 'done', { date: '2026-11-18' });
    expect(await suggestReflectionPeriod(ctx)).toEqual(week('2026-11-16', '2026-11-22', 'last-week'));
  });

  it('lists reflections the most recent period first', async () => {
    const ctx = await db.ctx();
    const october = await createReflection(ctx, { from: '2026-10-01', to: '2026-10-31' });
    const week = await createReflection(await db.ctx('2026-11-22'), { from: '2026-11-16', to: '2026-11-22' });
    // The same end as the week's, written later: first.
    const november = await createReflection(ctx, { from: '2026-11-01', to: '2026-11-22' });
    expect((await listReflections(ctx)).map((r) => r.id)).toEqual([november.id, week.id, october.id]);
  });

  it('refuses a bad period with a clear message, writing nothing', async () => {
    const ctx = await db.ctx();
    await createReflection(ctx, { from: '2026-11-01', to: '2026-11-07' });
    const before = await entryRows();
    const refused = async (raw: unknown, message: string) => {
      await expectAppError(createReflection(ctx, raw), 'validation_failed', message);
      expect(await entryRows()).toEqual(before);
    };
    await refused({ from: '2026-11-10', to: '2026-11-09' }, 'from: must not be after to');
    await refused({ from: '2026-11-31', to: '2026-12-01' }, 'from: expected a date YYYY-MM-DD');
    await refused({ from: '2026-11-01', to: 'soon' }, 'to: expected a date YYYY-MM-DD');
    await refused({ to: '2026-11-01' }, 'from: expected a date YYYY-MM-DD');
    await refused({ from: '2026-11-24', to: '2026-11-30' }, 'from: 2026-11-24 is after today (2026-11-23): a reflection looks back on days that have begun');
    await refused({ from: '2026-11-01', to: '2026-11-02', title: 'x'.repeat(201) }, 'title: at most 200 characters');
    await refused({ from: '2026-11-01', to: '2026-11-02', mood: 'good' }, 'mood: unknown field');
  });
});
