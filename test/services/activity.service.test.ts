import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { balance, listActivities, logActivity } from '../../src/services/activity.service.js';
import { updateSettings } from '../../src/services/settings.service.js';
import type { Context } from '../../src/services/context.js';
import type { Framework } from '../../src/core/framework.js';
import { findPerson, updatePerson } from '../../src/store/person.repository.js';
import { putCareerTarget } from '../../src/store/target.repository.js';
import { expectAppError } from './service.helpers.js';

/** A small framework of our own, so that the target's needs do not depend on the built-in data. */
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
      levels: [{ id: 'lead', name: 'Lead', expects: { 'code-craft': 2, testing: 0, empathy: 3, hiring: 1 } }],
      facets: [],
    },
  ],
};

describeEachDialect('activity service', (db) => {
  /** The whole activity table and the person's row: what "nothing written" compares. */
  const snapshot = async (ctx: Context) => ({
    rows: await db.store.db.selectFrom('activity').selectAll().orderBy('id').execute(),
    person: await findPerson(db.store.db, ctx.personId),
  });

  const expectRefused = async (ctx: Context, raw: unknown, message: string) => {
    const before = await snapshot(ctx);
    await expectAppError(logActivity(ctx, raw), 'validation_failed', message);
    expect(await snapshot(ctx)).toEqual(before);
  };

  const activateSmallFramework = async (ctx: Context) => {
    await db.store.db
      .insertInto('framework')
      .values({ id: 'small', person_id: ctx.personId, name: 'Small', version: '1', content: JSON.stringify(SMALL), created_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    await updatePerson(db.store.db, ctx.personId, { active_framework_id: 'small' });
  };

  it('logs a practice with every field and lists it', async () => {
    const ctx = await db.ctx();
    const logged = await logActivity(ctx, {
      text: '  Paired on the flaky test ',
      minutes: 45,
      skills: 'Testing, communication,testing',
      energy: 2,
      ease: 4,
      date: '2026-11-20',
    });
    expect(logged).toEqual({
      id: expect.any(String),
      date: '2026-11-20',
      text: 'Paired on the flaky test',
      minutes: 45,
      skills: ['testing', 'communication'],
      energy: 2,
      ease: 4,
    });
    const plain = await logActivity(ctx, { text: 'Wrote a design doc', minutes: 90, skills: ['system-design'] });
    expect(plain).toMatchObject({ date: '2026-11-23', energy: null, ease: null, skills: ['system-design'] });
    expect(await listActivities(ctx)).toEqual([logged, plain]);
  });

  it('lists between two dates, both included, oldest first', async () => {
    const ctx = await db.ctx();
    for (const date of ['2026-11-23', '2026-11-01', '2026-11-10', '2026-11-15']) {
      await logActivity(ctx, { text: `on ${date}`, minutes: 10, skills: 'debugging', date });
    }
    const dates = async (range: object) => (await listActivities(ctx, range)).map((a) => a.date);
    expect(await dates({})).toEqual(['2026-11-01', '2026-11-10', '2026-11-15', '2026-11-23']);
    expect(await dates({ from: '2026-11-10', to: '2026-11-15' })).toEqual(['2026-11-10', '2026-11-15']);
    expect(await dates({ from: '2026-11-11' })).toEqual(['2026-11-15', '2026-11-23']);
    expect(await dates({ to: '2026-11-09' })).toEqual(['2026-11-01']);
    await expectAppError(listActivities(ctx, { from: '2026-11-15', to: '2026-11-10' }), 'validation_failed', 'from: must not be after to');
    await expectAppError(listActivities(ctx, { from: '15.11.2026' }), 'validation_failed', 'from: expected a date YYYY-MM-DD');
  });

  it('refuses an unknown skill, writing nothing', async () => {
    const ctx = await db.ctx();
    await logActivity(ctx, { text: 'kept', minutes: 10, skills: 'testing' });
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing,juggling' }, 'skills: unknown skill "juggling" (see grow skill list)');
    await expectRefused(
      ctx,
      { text: 'x', minutes: 10, skills: ['juggling', 'knitting'] },
      'skills: unknown skills "juggling", "knitting" (see grow skill list)',
    );
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: ' , ' }, 'skills: choose at least one skill');
    await expectRefused(ctx, { text: 'x', minutes: 10 }, 'skills: expected skill ids, e.g. testing,empathy');
  });

  it('refuses energy outside -2..2 and ease outside 1..5, writing nothing', async () => {
    const ctx = await db.ctx();
    const energy = 'energy: expected a whole number from -2 (drained) to 2 (energized)';
    const ease = 'ease: expected a whole number from 1 (hard) to 5 (natural)';
    for (const value of [3, -3, 1.5, 'lots']) await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', energy: value }, energy);
    for (const value of [0, 6, 2.5]) await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', ease: value }, ease);
    // The edges are fine.
    await logActivity(ctx, { text: 'drained', minutes: 10, skills: 'testing', energy: -2, ease: 1 });
    await logActivity(ctx, { text: 'energized', minutes: 10, skills: 'testing', energy: '+2', ease: '5' });
    // Same day, same pinned instant: the order between them is the ids', so compare sorted.
    expect((await listActivities(ctx)).map((a) => [a.energy, a.ease]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [-2, 1],
      [2, 5],
    ]);
  });

  it('refuses minutes of 0 or less, over 1440, or not whole, writing nothing', async () => {
    const ctx = await db.ctx();
    await expectRefused(ctx, { text: 'x', minutes: 0, skills: 'testing' }, 'minutes: must be more than 0');
    await expectRefused(ctx, { text: 'x', minutes: -30, skills: 'testing' }, 'minutes: must be more than 0');
    await expectRefused(ctx, { text: 'x', minutes: 1441, skills: 'testing' }, 'minutes: at most 1440 (a day)');
    await expectRefused(ctx, { text: 'x', minutes: 12.5, skills: 'testing' }, 'minutes: expected a whole number of minutes');
    await expectRefused(ctx, { text: 'x', minutes: '1h', skills: 'testing' }, 'minutes: expected a whole number of minutes');
    await expectRefused(ctx, { text: 'x', skills: 'testing' }, 'minutes: expected a whole number of minutes');
    await logActivity(ctx, { text: 'a whole day', minutes: 1440, skills: 'testing' });
    expect(await listActivities(ctx)).toHaveLength(1);
  });

  it('refuses a malformed date or one after today, empty text and unknown fields, writing nothing', async () => {
    const ctx = await db.ctx();
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', date: '2026-11-24' }, 'date: 2026-11-24 is after today (2026-11-23)');
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', date: '2026-02-30' }, 'date: expected a date YYYY-MM-DD');
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', date: 'yesterday' }, 'date: expected a date YYYY-MM-DD');
    await expectRefused(ctx, { text: '   ', minutes: 10, skills: 'testing' }, 'text: must not be empty');
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'testing', mood: 'good' }, 'mood: unknown field');
  });

  it('balance: minutes per ISO week, the technical share, and the target ratio setting', async () => {
    // 2026-11-23 is a Monday of 2026-W48.
    const ctx = await db.ctx();
    await logActivity(ctx, { text: 'refactor', minutes: 60, skills: 'code-craft', date: '2026-11-01' }); // W44: before the 4 weeks
    await logActivity(ctx, { text: 'tests', minutes: 60, skills: 'testing', date: '2026-11-09' }); // W46
    await logActivity(ctx, { text: 'pairing', minutes: 90, skills: 'code-craft,testing,empathy', date: '2026-11-15' }); // W46: 60 + 30
    await logActivity(ctx, { text: '1:1 prep', minutes: 45, skills: 'feedback', date: '2026-11-18' }); // W47
    await logActivity(ctx, { text: 'debug with a junior', minutes: 45, skills: 'debugging,coaching-and-teaching', date: '2026-11-23' }); // W48: 23 + 22
    const b = await balance(ctx);
    expect(b).toEqual({
      weeks: [
        { week: '2026-W45', technicalMinutes: 0, softMinutes: 0, finished: [] },
        { week: '2026-W46', technicalMinutes: 120, softMinutes: 30, finished: [] },
        { week: '2026-W47', technicalMinutes: 0, softMinutes: 45, finished: [] },
        { week: '2026-W48', technicalMinutes: 23, softMinutes: 22, finished: [] },
      ],
      ratio: 143 / 240,
      targetRatio: 0.5,
      neglected: [],
    });
    const three = await balance(ctx, { weeks: 3 });
    expect(three.weeks.map((w) => w.week)).toEqual(['2026-W46', '2026-W47', '2026-W48']);

    await updateSettings(ctx, { technicalRatio: 0.7 });
    expect((await balance(ctx, { weeks: '1' })).targetRatio).toBe(0.7);
  });

  it('balance refuses weeks outside 1..104', async () => {
    const ctx = await db.ctx();
    const message = 'weeks: expected a whole number from 1 to 104';
    for (const weeks of [0, 105, -1, 2.5, 'four']) await expectAppError(balance(ctx, { weeks }), 'validation_failed', message);
    expect((await balance(ctx, { weeks: 104 })).weeks).toHaveLength(104);
    expect((await balance(ctx, { weeks: 104 })).weeks[0]!.week).toBe('2024-W49');
  });

  it('warns about a kind, or a skill the target needs, not practised for 14 days or more', async () => {
    const ctx = await db.ctx();
    await activateSmallFramework(ctx);
    // Without practice or a target: both kinds, never.
    expect((await balance(ctx)).neglected).toEqual([
      { kind: 'technical', daysSince: null },
      { kind: 'soft', daysSince: null },
    ]);
    await putCareerTarget(db.store.db, { person_id: ctx.personId, track: 'manager', level: 'lead', by_date: null, set_at: '2026-11-01T00:00:00.000Z' });
    await logActivity(ctx, { text: 'interview', minutes: 60, skills: 'hiring', date: '2026-11-03' }); // 20 days
    await logActivity(ctx, { text: 'review', minutes: 30, skills: 'code-craft', date: '2026-11-09' }); // 14 days
    await logActivity(ctx, { text: 'write tests', minutes: 30, skills: 'testing', date: '2026-11-20' }); // 3 days
    expect((await balance(ctx)).neglected).toEqual([
      { kind: 'soft', daysSince: 20 },
      // testing is expected at 0: not needed. empathy never, hiring 20 days, code-craft 14 days.
      { skill: 'empathy', daysSince: null },
      { skill: 'hiring', daysSince: 20 },
      { skill: 'code-craft', daysSince: 14 },
    ]);
    await logActivity(ctx, { text: 'listened', minutes: 20, skills: 'empathy', date: '2026-11-10' }); // 13 days
    expect((await balance(ctx)).neglected).toEqual([
      { skill: 'hiring', daysSince: 20 },
      { skill: 'code-craft', daysSince: 14 },
    ]);
    // Skills unknown to the framework are refused.
    await expectRefused(ctx, { text: 'x', minutes: 10, skills: 'debugging' }, 'skills: unknown skill "debugging" (see grow skill list)');
  });

  it('sums a long history (400 days) into the weeks asked for', async () => {
    const ctx = await db.ctx();
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: `a-${String(i).padStart(4, '0')}`,
      person_id: ctx.personId,
      text: 'practice',
      date: new Date(Date.UTC(2025, 9, 20) + i * 86_400_000).toISOString().slice(0, 10),
      minutes: 30,
      skills: JSON.stringify(i % 2 === 0 ? ['testing'] : ['empathy']),
      energy: null,
      ease: null,
      created_at: '2026-11-23T00:00:00.000Z',
    }));
    await db.store.db.insertInto('activity').values(rows).execute();
    const b = await balance(ctx, { weeks: 2 });
    // 2025-10-20 + 399 days = 2026-11-23; W47 and W48 (Monday only): 8 days, alternating kinds.
    expect(b.weeks).toEqual([
      { week: '2026-W47', technicalMinutes: 120, softMinutes: 90, finished: [] },
      { week: '2026-W48', technicalMinutes: 0, softMinutes: 30, finished: [] },
    ]);
    expect(b.neglected).toEqual([]);
  });
});
