import { expect, it, describe } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { addExperiment, closeExperiment, listExperiments, pathFit } from '../../src/services/path.service.js';
import type { Context } from '../../src/services/context.js';
import { builder, generalist, insertPersona, securityCurious, teacher, technicalPerson } from '../support/path-data.js';
import { expectAppError } from './service.helpers.js';

const ADD = { title: 'Run sprint planning', track: 'manager', until: '2026-12-21', hypothesis: 'Facilitating planning energizes me' };

describeEachDialect('path service', (db) => {
  /** Every experiment row of every person, to show a refused call wrote nothing. */
  const allRows = () => db.store.db.selectFrom('experiment').selectAll().orderBy('id').execute();

  async function expectRefused(call: () => Promise<unknown>, code: string, message: string): Promise<void> {
    const before = await allRows();
    await expectAppError(call(), code, message);
    expect(await allRows()).toEqual(before);
  }

  describe('path fit from stored evidence', () => {
    it('with nothing stored: no fit (not a neutral 50%), no confidence, an experiment to try', async () => {
      const fits = await pathFit(await db.ctx());
      expect(fits.map((f) => [f.track, f.score, f.confidence])).toEqual([
        ['ic', null, 0],
        ['manager', null, 0],
        ['security', null, 0],
      ]);
      for (const f of fits) expect(f.reasons.at(-1)).toMatch(/^Little evidence yet/);
      for (const f of fits) expect(f.suggestion).toMatchObject({ track: f.track });
    });

    it('persona energized by teaching: manager first, citing stored assessment and activity ids', async () => {
      const ctx = await db.ctx();
      const data = teacher();
      await insertPersona(db.store.db, ctx.personId, data);
      const fits = await pathFit(ctx);
      expect(fits.map((f) => f.track)).toEqual(['manager', 'security', 'ic']);
      const ids = new Set([...data.assessments.map((a) => a.id), ...data.activities.map((a) => a.id)]);
      for (const f of fits) for (const id of f.evidence) expect(ids.has(id)).toBe(true);
      // The old code-craft rating is replaced by the latest.
      const oldest = data.assessments[0]!.id;
      expect(fits.flatMap((f) => f.evidence)).not.toContain(oldest);
    });

    it('persona energized by deep solo work: ic first', async () => {
      const ctx = await db.ctx();
      await insertPersona(db.store.db, ctx.personId, builder());
      expect((await pathFit(ctx)).map((f) => f.track)).toEqual(['ic', 'security', 'manager']);
    });

    it('persona curious about security: security practice and a positive experiment lift it to first', async () => {
      const ctx = await db.ctx();
      await insertPersona(db.store.db, ctx.personId, generalist());
      const before = (await pathFit(ctx)).find((f) => f.track === 'security')!;
      // The same person, now with the curious persona's history instead.
      await db.store.db.deleteFrom('activity').where('person_id', '=', ctx.personId).execute();
      await db.store.db.deleteFrom('skill_assessment').where('person_id', '=', ctx.personId).execute();
      const curious = ctx;
      await insertPersona(db.store.db, curious.personId, securityCurious());
      const shadow = await addExperiment(curious, { ...ADD, title: 'Shadow the security team', track: 'security' });
      await closeExperiment(curious, shadow.id, { outcome: 'positive', note: 'loved the threat modelling' });
      const after = await pathFit(curious);
      expect(after[0]!.track).toBe('security');
      expect(after[0]!.score!).toBeGreaterThan(before.score! + 0.15);
      expect(after[0]!.confidence).toBeGreaterThan(before.confidence);
      expect(after[0]!.evidence).toContain(shadow.id);
    });

    it('technical skills rated highest and practised with energy, a manager try gone badly, no security practice: ic first, security not', async () => {
      const ctx = await db.ctx();
      const data = technicalPerson();
      await insertPersona(db.store.db, ctx.personId, data);
      const acting = await addExperiment(ctx, { ...ADD, title: 'Act as team lead', track: 'manager' });
      await closeExperiment(ctx, acting.id, { outcome: 'negative', note: 'the meetings wore me out' });
      const fits = await pathFit(ctx);
      expect(fits.map((f) => f.track)).toEqual(['ic', 'security', 'manager']);
      const manager = fits.find((f) => f.track === 'manager')!;
      expect(manager.score).toBeLessThan(0.5);
      expect(manager.reasons).toContain('Their effect: "Act as team lead" went badly, which lowers this track.');
      const ids = new Set([...data.assessments.map((a) => a.id), ...data.activities.map((a) => a.id), acting.id]);
      for (const f of fits) for (const id of f.evidence) expect(ids.has(id)).toBe(true);
    });

    it("another person's evidence and experiments are not read", async () => {
      const ctx = await db.ctx();
      const { insertPerson } = await import('../../src/store/person.repository.js');
      await insertPerson(db.store.db, { id: 'someone-else', name: 'other', time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' });
      await insertPersona(db.store.db, 'someone-else', teacher());
      const fits = await pathFit(ctx);
      expect(fits.every((f) => f.confidence === 0 && f.evidence.length === 0)).toBe(true);
    });

    it('evidence dated after today is not read yet', async () => {
      const ctx = await db.ctx('2026-01-01');
      await insertPersona(db.store.db, ctx.personId, teacher()); // all in autumn 2026
      expect((await pathFit(ctx)).every((f) => f.confidence === 0)).toBe(true);
    });
  });

  describe('experiments', () => {
    it('add, list and close', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, ADD);
      expect(added).toEqual({
        id: added.id,
        title: 'Run sprint planning',
        track: 'manager',
        hypothesis: 'Facilitating planning energizes me',
        startedOn: '2026-11-23',
        until: '2026-12-21',
        status: 'open',
        outcome: null,
        note: null,
        closedOn: null,
      });
      const second = await addExperiment(await db.ctx('2026-11-24'), { ...ADD, title: 'Pair on a threat model', track: 'security', until: '2026-11-24' });
      expect((await listExperiments(await db.ctx('2026-11-24'))).map((e) => e.title)).toEqual(['Pair on a threat model', 'Run sprint planning']);

      const closed = await closeExperiment(await db.ctx('2026-12-22'), added.id, { outcome: 'neutral', note: '  ' });
      expect(closed).toMatchObject({ status: 'closed', outcome: 'neutral', note: null, closedOn: '2026-12-22' });
      const later = await listExperiments(await db.ctx('2026-12-22'));
      expect(later.map((e) => [e.id, e.status])).toEqual([
        [second.id, 'overdue'],
        [added.id, 'closed'],
      ]);
    });

    it('an experiment under way shows in path fit; closed, its outcome counts', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, ADD);
      let manager = (await pathFit(ctx)).find((f) => f.track === 'manager')!;
      expect(manager.reasons).toContain('Experiment "Run sprint planning" runs until 2026-12-21; its outcome will count once you close it.');
      expect(manager.score).toBeNull(); // an open experiment is no evidence yet
      await closeExperiment(ctx, added.id, { outcome: 'negative' });
      manager = (await pathFit(ctx)).find((f) => f.track === 'manager')!;
      expect(manager.score).toBeLessThan(0.5);
      expect(manager.reasons).toContain('Experiments: 1 closed experiment (1 negative): "Run sprint planning" negative.');
      expect(manager.reasons).toContain('Their effect: "Run sprint planning" went badly, which lowers this track.');
    });

    it('recorded after the fact: start, until and closing day in the past', async () => {
      const ctx = await db.ctx('2026-11-23');
      const added = await addExperiment(ctx, { ...ADD, start: '2026-09-01', until: '2026-09-28' });
      expect(added).toMatchObject({ startedOn: '2026-09-01', until: '2026-09-28', status: 'overdue', closedOn: null });
      const closed = await closeExperiment(ctx, added.id, { outcome: 'negative', note: 'planning drained me', on: '2026-09-28' });
      expect(closed).toMatchObject({ startedOn: '2026-09-01', status: 'closed', outcome: 'negative', closedOn: '2026-09-28' });
      expect((await listExperiments(ctx))[0]).toMatchObject({ id: added.id, startedOn: '2026-09-01', until: '2026-09-28', closedOn: '2026-09-28' });
      // Its outcome counts for path fit like any other.
      const manager = (await pathFit(ctx)).find((f) => f.track === 'manager')!;
      expect(manager.score).toBeLessThan(0.5);
      expect(manager.evidence).toContain(added.id);
    });

    it('a one-day experiment and one planned to start later are both accepted', async () => {
      const ctx = await db.ctx('2026-11-23');
      expect(await addExperiment(ctx, { ...ADD, start: '2026-10-05', until: '2026-10-05' })).toMatchObject({ startedOn: '2026-10-05', until: '2026-10-05' });
      expect(await addExperiment(ctx, { ...ADD, start: '2026-12-01', until: '2026-12-21' })).toMatchObject({ startedOn: '2026-12-01', status: 'open' });
      // Closed on its first day: the start itself is a valid closing day.
      const [later] = await listExperiments(ctx);
      expect(await closeExperiment(ctx, later!.id, { outcome: 'neutral', on: '2026-12-01' })).toMatchObject({ closedOn: '2026-12-01' });
    });

    it('two closes at once: one closes, the other is refused', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, ADD);
      const results = await Promise.allSettled([
        closeExperiment(await db.ctx(), added.id, { outcome: 'positive' }),
        closeExperiment(await db.ctx(), added.id, { outcome: 'negative' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({ code: 'conflict' });
      expect((await listExperiments(ctx)).map((e) => e.status)).toEqual(['closed']);
    });
  });

  describe('bad input: a clear error and nothing written', () => {
    const refusedAdd = (input: Record<string, unknown>, message: string) => async () => {
      const ctx: Context = await db.ctx();
      await expectRefused(() => addExperiment(ctx, input), 'validation_failed', message);
    };
    it('unknown track', refusedAdd({ ...ADD, track: 'astronaut' }, 'track: unknown track "astronaut"; expected one of ic, manager, security'));
    it('--until not a date', refusedAdd({ ...ADD, until: 'next week' }, 'until: expected a date YYYY-MM-DD'));
    it('--until not a real day', refusedAdd({ ...ADD, until: '2026-02-30' }, 'until: expected a date YYYY-MM-DD'));
    it('until before the start', refusedAdd({ ...ADD, start: '2026-11-10', until: '2026-11-09' }, 'until: 2026-11-09 is before the start (2026-11-10)'));
    it('until before today, with no start (which is today)', refusedAdd({ ...ADD, until: '2026-11-22' }, 'until: 2026-11-22 is before the start (2026-11-23)'));
    it('start not a date', refusedAdd({ ...ADD, start: 'last week' }, 'start: expected a date YYYY-MM-DD'));
    it('empty title', refusedAdd({ ...ADD, title: '   ' }, 'title: must not be empty'));
    it('missing title', refusedAdd({ track: 'ic', until: '2026-12-01', hypothesis: 'x' }, 'title: required'));
    it('empty hypothesis', refusedAdd({ ...ADD, hypothesis: '' }, 'hypothesis: must not be empty'));
    it('missing hypothesis', refusedAdd({ title: 'x', track: 'ic', until: '2026-12-01' }, 'hypothesis: required'));
    it('an unknown field', refusedAdd({ ...ADD, outcome: 'positive' }, 'outcome: unknown field'));

    it('outcome not one of the three', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, ADD);
      await expectRefused(() => closeExperiment(ctx, added.id, { outcome: 'great' }), 'validation_failed', 'outcome: expected positive, neutral or negative');
      await expectRefused(() => closeExperiment(ctx, added.id, {}), 'validation_failed', 'outcome: expected positive, neutral or negative');
      expect((await listExperiments(ctx))[0]!.status).toBe('open');
    });

    it('closing before the start: refused naming on, the experiment stays open', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, { ...ADD, start: '2026-11-02', until: '2026-11-20' });
      await expectRefused(
        () => closeExperiment(ctx, added.id, { outcome: 'positive', on: '2026-11-01' }),
        'validation_failed',
        "on: 2026-11-01 is before the experiment's start (2026-11-02)",
      );
      await expectRefused(() => closeExperiment(ctx, added.id, { outcome: 'positive', on: '1 Nov' }), 'validation_failed', 'on: expected a date YYYY-MM-DD');
      expect((await listExperiments(ctx))[0]).toMatchObject({ status: 'overdue', outcome: null, closedOn: null });
    });

    it('closing an unknown experiment', async () => {
      const ctx = await db.ctx();
      await addExperiment(ctx, ADD);
      await expectRefused(() => closeExperiment(ctx, 'nope', { outcome: 'positive' }), 'not_found', 'experiment: no experiment "nope"');
    });

    it('closing an already closed experiment', async () => {
      const ctx = await db.ctx();
      const added = await addExperiment(ctx, ADD);
      await closeExperiment(ctx, added.id, { outcome: 'positive', note: 'good' });
      const later = await db.ctx('2026-11-30');
      await expectRefused(
        () => closeExperiment(later, added.id, { outcome: 'negative' }),
        'conflict',
        'experiment: "Run sprint planning" was already closed on 2026-11-23 (positive)',
      );
      expect((await listExperiments(ctx))[0]).toMatchObject({ outcome: 'positive', note: 'good' });
    });

    it("closing another person's experiment: not found", async () => {
      const ctx = await db.ctx();
      const { insertPerson } = await import('../../src/store/person.repository.js');
      await insertPerson(db.store.db, { id: 'someone-else', name: 'other', time_zone: 'UTC', created_at: '2026-01-01T00:00:00.000Z' });
      const { createContext } = await import('../../src/services/context.js');
      const theirs = await addExperiment(await createContext(db.store, { personId: 'someone-else', env: { GROW_TODAY: '2026-11-23' } }), ADD);
      await expectRefused(() => closeExperiment(ctx, theirs.id, { outcome: 'positive' }), 'not_found', `experiment: no experiment "${theirs.id}"`);
    });
  });
});
