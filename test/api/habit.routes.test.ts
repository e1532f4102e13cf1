import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { SCHEDULE_HELP } from '../../src/core/schedule.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const M = 0.5 ** (1 / 13);

describeEachDialect('HTTP habits', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  /** The list as the API gives it, for "nothing changed" checks. */
  const snapshot = async () => ({
    habits: (await api.json('GET', '/api/v1/habits?archived=true')).body,
    scorecard: (await api.json('GET', '/api/v1/scorecard')).body,
  });

  describe('habits', () => {
    it('POST /habits adds a habit (201) and GET /habits lists it', async () => {
      const created = await api.json('POST', '/api/v1/habits', {
        name: 'Read 20 pages',
        schedule: '3 / week',
        identity: 'I am someone who reads',
        skills: ['reading'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        slug: 'read-20-pages',
        name: 'Read 20 pages',
        kind: 'build',
        schedule: '3/week',
        identity: 'I am someone who reads',
        skills: ['reading'],
        strength: 0,
      });
      const list = await api.json('GET', '/api/v1/habits');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          id: created.body.id,
          slug: 'read-20-pages',
          kind: 'build',
          schedule: '3/week',
          group: null,
          strength: 0,
          streak: 0,
          bestStreak: 0,
          dueToday: true,
          neverMissTwice: 'ok',
        }),
      ]);
    });

    it('GET /habits/{ref} shows a habit by slug or id, as of a day', async () => {
      const { body: habit } = await api.json('POST', '/api/v1/habits', { name: 'Read' });
      for (const date of ['2026-11-21', '2026-11-22', '2026-11-23']) {
        expect((await api.call('POST', '/api/v1/habits/read/done', { date })).status).toBe(200);
      }
      const bySlug = await api.json('GET', '/api/v1/habits/read');
      expect(bySlug.status).toBe(200);
      expect(bySlug.body.strength).toBeCloseTo(1 - M ** 3, 12);
      expect(bySlug.body.streak).toBe(3);
      expect((await api.json('GET', `/api/v1/habits/${habit.id}`)).body.slug).toBe('read');
      const then = await api.json('GET', '/api/v1/habits/read?asOf=2026-11-22');
      expect(then.body).toMatchObject({ asOf: '2026-11-22', streak: 2 });
      expect(then.body.strength).toBeCloseTo(1 - M ** 2, 12);
      expect(then.body.history.map((h: { date: string }) => h.date)).toEqual(['2026-11-21', '2026-11-22']);
      await expectError(await api.call('GET', '/api/v1/habits/read?asOf=2026-11-24'), 400, 'validation_failed', 'asOf: 2026-11-24 is after today (2026-11-23)');
      await expectError(await api.call('GET', '/api/v1/habits/read?asOf=yesterday'), 400, 'validation_failed', 'asOf: expected a date YYYY-MM-DD');
    });

    it('PATCH /habits/{ref} edits, POST …/archive archives and restores, DELETE removes', async () => {
      await api.call('POST', '/api/v1/habits', { name: 'Read' });
      const edited = await api.json('PATCH', '/api/v1/habits/read', { name: 'Read books', group: 'evening' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ slug: 'read', name: 'Read books', group: 'evening' });

      const archived = await api.json('POST', '/api/v1/habits/read/archive');
      expect(archived.status).toBe(200);
      expect(archived.body.archived).toBe(true);
      expect((await api.json('GET', '/api/v1/habits')).body).toEqual([]);
      expect((await api.json('GET', '/api/v1/habits?archived=true')).body.map((h: { slug: string }) => h.slug)).toEqual(['read']);
      const restored = await api.json('POST', '/api/v1/habits/read/archive', { archived: false });
      expect(restored.body.archived).toBe(false);

      const removed = await api.json('DELETE', '/api/v1/habits/read');
      expect(removed).toEqual({ status: 200, body: { id: edited.body.id, slug: 'read', removed: true } });
      await expectError(await api.call('GET', '/api/v1/habits/read'), 404, 'not_found', 'habit: no habit "read"');
      await expectError(await api.call('DELETE', '/api/v1/habits/read'), 404, 'not_found', 'habit: no habit "read"');
    });

    it('refuses bad habits: 400 with the field and the problem, 409 for a duplicate name; nothing written', async () => {
      await api.call('POST', '/api/v1/habits', { name: 'Read' });
      const before = await snapshot();
      await expectError(await api.call('POST', '/api/v1/habits', { name: 'Read' }), 409, 'conflict', 'name: a habit named "Read" already exists');
      await expectError(
        await api.call('POST', '/api/v1/habits', { name: 'Run', schedule: 'sometimes' }),
        400,
        'validation_failed',
        `schedule: ${SCHEDULE_HELP}`,
      );
      await expectError(await api.call('POST', '/api/v1/habits', { name: '' }), 400, 'validation_failed', 'name: must not be empty');
      await expectError(await api.call('POST', '/api/v1/habits', { name: 'Run', kind: 'maybe' }), 400, 'validation_failed', 'kind: expected build or break');
      await expectError(await api.call('POST', '/api/v1/habits', { name: 'Run', target: 'lots' }), 400, 'validation_failed', 'target: expected a number');
      await expectError(
        await api.call('POST', '/api/v1/habits', '{"name": "Run"', { 'content-type': 'application/json' }),
        400,
        'validation_failed',
        'body: not valid JSON',
      );
      await expectError(await api.call('PATCH', '/api/v1/habits/nope', { name: 'X' }), 404, 'not_found', 'habit: no habit "nope"');
      await expectError(await api.call('PATCH', '/api/v1/habits/read', { schedule: '9/week' }), 400, 'validation_failed', `schedule: ${SCHEDULE_HELP}`);
      await expectError(await api.call('POST', '/api/v1/habits/nope/archive'), 404, 'not_found', 'habit: no habit "nope"');
      await expectError(
        await api.call('POST', '/api/v1/habits/read/archive', { archived: 'yes' }),
        400,
        'validation_failed',
        'archived: Invalid input: expected boolean, received string',
      );
      await expectError(await api.call('GET', '/api/v1/habits?archived=maybe'), 400, 'validation_failed');
      expect(await snapshot()).toEqual(before);
    });

    it('a body with several bad fields: 400 naming every field in details; nothing written', async () => {
      const before = await snapshot();
      const response = await api.call('POST', '/api/v1/habits', { name: '', kind: 'maybe', target: 'lots', colour: 'red' });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string; details: { path: string; message: string }[] } };
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'must not be empty' },
          { path: 'kind', message: 'expected build or break' },
          { path: 'target', message: 'expected a number' },
          { path: 'colour', message: 'unknown field' },
        ]),
      );
      expect(error.details).toHaveLength(4);
      expect(error.message).toMatch(/ \(and 3 more problems\)$/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('check-ins', () => {
    beforeEach(async () => {
      await api.call('POST', '/api/v1/habits', { name: 'Read' });
      await api.call('POST', '/api/v1/habits', { name: 'Pages', target: 20, unit: 'pages' });
      await api.call('POST', '/api/v1/habits', { name: 'Doomscroll', kind: 'break' });
    });

    it('done, skip, slip and undo, with or without a body', async () => {
      const done = await api.json('POST', '/api/v1/habits/read/done');
      expect(done.status).toBe(200);
      expect(done.body.history).toEqual([{ date: '2026-11-23', status: 'done', amount: null, note: null }]);
      const skip = await api.json('POST', '/api/v1/habits/read/skip', { date: '2026-11-22', note: 'sick' });
      expect(skip.body.history[0]).toEqual({ date: '2026-11-22', status: 'skipped', amount: null, note: 'sick' });
      const pages = await api.json('POST', '/api/v1/habits/pages/done', { amount: 12.5 });
      expect(pages.body.history).toEqual([{ date: '2026-11-23', status: 'done', amount: 12.5, note: null }]);
      const slip = await api.json('POST', '/api/v1/habits/doomscroll/slip', { note: 'bored' });
      expect(slip.body.history.at(-1)).toEqual({ date: '2026-11-23', status: 'slip', amount: null, note: 'bored' });
      const undone = await api.json('DELETE', '/api/v1/habits/read/check-ins/2026-11-23');
      expect(undone.status).toBe(200);
      expect(undone.body.history.map((h: { date: string }) => h.date)).toEqual(['2026-11-22']);
      const list = (await api.json('GET', '/api/v1/habits')).body as { slug: string; today: unknown }[];
      expect(list.map((h) => [h.slug, h.today])).toEqual([
        ['read', null],
        ['pages', { status: 'done', amount: 12.5 }],
        ['doomscroll', { status: 'slip', amount: null }],
      ]);
    });

    it('refuses every bad check-in with the field and the problem; nothing written', async () => {
      await api.call('POST', '/api/v1/habits/read/done', { date: '2026-11-20' });
      const before = await snapshot();
      const cases: [string, string, unknown, number, string, string][] = [
        ['POST', '/api/v1/habits/nope/done', {}, 404, 'not_found', 'habit: no habit "nope"'],
        ['POST', '/api/v1/habits/read/done', { date: '20.11.2026' }, 400, 'validation_failed', 'date: expected a date YYYY-MM-DD'],
        ['POST', '/api/v1/habits/read/done', { date: '2026-11-24' }, 400, 'validation_failed', 'date: 2026-11-24 is after today (2026-11-23)'],
        ['POST', '/api/v1/habits/pages/done', { amount: -5 }, 400, 'validation_failed', 'amount: must not be negative'],
        ['POST', '/api/v1/habits/read/done', { amount: 5 }, 400, 'validation_failed', 'amount: "read" is a yes/no habit and takes no amount'],
        ['POST', '/api/v1/habits/read/slip', {}, 400, 'validation_failed', 'slip: "read" is a habit to build; only a habit to break records slips'],
        ['POST', '/api/v1/habits/read/done', { mood: 'great' }, 400, 'validation_failed', 'mood: unknown field'],
        ['POST', '/api/v1/habits/read/done', '{"date":', 400, 'validation_failed', 'body: not valid JSON'],
        ['DELETE', '/api/v1/habits/read/check-ins/2026-11-21', undefined, 404, 'not_found', 'check-in: no check-in "read on 2026-11-21"'],
        ['DELETE', '/api/v1/habits/read/check-ins/someday', undefined, 400, 'validation_failed', 'date: expected a date YYYY-MM-DD'],
      ];
      for (const [method, path, body, status, code, message] of cases) {
        const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};
        await expectError(await api.call(method, path, body, headers), status, code, message);
      }
      // A body of another type is refused as such (415), with the error shape.
      await expectError(
        await api.call('POST', '/api/v1/habits/read/done', 'date=2026-11-22', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'validation_failed',
        'content-type: "application/x-www-form-urlencoded" is not accepted; send application/json',
      );
      await expectError(
        await api.call('POST', '/api/v1/habits', 'name=Run', { 'content-type': 'text/plain' }),
        415,
        'validation_failed',
        'content-type: "text/plain" is not accepted; send application/json',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('GET /habits/{ref}/chart gives strength per day and the check-ins', async () => {
      await api.call('POST', '/api/v1/habits/read/done', { date: '2026-11-22' });
      const chart = await api.json('GET', '/api/v1/habits/read/chart');
      expect(chart.status).toBe(200);
      expect(chart.body.strength.map((s: { date: string }) => s.date)).toEqual(['2026-11-22', '2026-11-23']);
      expect(chart.body.strength[0].value).toBeCloseTo(1 - M, 12);
      expect(chart.body.checkIns).toEqual([{ date: '2026-11-22', status: 'done', amount: null }]);
      await expectError(await api.call('GET', '/api/v1/habits/nope/chart'), 404, 'not_found', 'habit: no habit "nope"');
    });
  });

  it('GET /today gives what is due', async () => {
    await api.call('POST', '/api/v1/habits', { name: 'Read' });
    await api.call('POST', '/api/v1/habits', { name: 'Run' });
    await api.call('POST', '/api/v1/habits', { name: 'Doomscroll', kind: 'break' });
    await api.call('POST', '/api/v1/habits/run/done');
    const today = await api.json('GET', '/api/v1/today');
    expect(today.status).toBe(200);
    expect(today.body.date).toBe('2026-11-23');
    expect(today.body.due.map((h: { slug: string }) => h.slug)).toEqual(['read']);
    expect(today.body.done.map((h: { slug: string }) => h.slug)).toEqual(['run']);
    expect(today.body.avoid.map((h: { slug: string }) => h.slug)).toEqual(['doomscroll']);
    expect(today.body.atRisk).toEqual([]);
  });

  describe('scorecard', () => {
    it('adds (201), lists, turns a line into a habit (201) and removes it', async () => {
      const added = await api.json('POST', '/api/v1/scorecard', { text: 'Check phone', rating: '-', time: '07:00' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ text: 'Check phone', rating: '-', time: '07:00', habit: null });
      await api.call('POST', '/api/v1/scorecard', { text: 'Drink water', rating: '+' });
      const list = await api.json('GET', '/api/v1/scorecard');
      expect(list.status).toBe(200);
      expect(list.body.map((i: { text: string }) => i.text)).toEqual(['Check phone', 'Drink water']);
      const habit = await api.json('POST', `/api/v1/scorecard/${added.body.id}/habit`);
      expect(habit.status).toBe(201);
      expect(habit.body).toMatchObject({ slug: 'check-phone', kind: 'break' });
      expect((await api.json('GET', '/api/v1/scorecard')).body[0].habit).toBe('check-phone');
      const removed = await api.json('DELETE', `/api/v1/scorecard/${added.body.id}`);
      expect(removed).toEqual({ status: 200, body: { id: added.body.id, removed: true } });
      expect((await api.json('GET', '/api/v1/scorecard')).body.map((i: { text: string }) => i.text)).toEqual(['Drink water']);
    });

    it('refuses bad lines; nothing written', async () => {
      const { body: line } = await api.json('POST', '/api/v1/scorecard', { text: 'Check phone', rating: '-' });
      await api.call('POST', '/api/v1/habits', { name: 'Check phone' });
      const before = await snapshot();
      await expectError(await api.call('POST', '/api/v1/scorecard', { text: 'Nap', rating: 'meh' }), 400, 'validation_failed', 'rating: expected +, - or =');
      await expectError(await api.call('POST', '/api/v1/scorecard', { rating: '+' }), 400, 'validation_failed', 'text: required');
      await expectError(await api.call('DELETE', '/api/v1/scorecard/nope'), 404, 'not_found', 'scorecard item: no scorecard item "nope"');
      await expectError(await api.call('POST', '/api/v1/scorecard/nope/habit'), 404, 'not_found', 'scorecard item: no scorecard item "nope"');
      await expectError(
        await api.call('POST', `/api/v1/scorecard/${line.id}/habit`, { kind: 'keep' }),
        400,
        'validation_failed',
        'kind: expected build or break',
      );
      await expectError(await api.call('POST', `/api/v1/scorecard/${line.id}/habit`), 409, 'conflict', 'name: a habit named "Check phone" already exists');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('settings', () => {
    it('GET and PATCH /settings', async () => {
      expect(await api.json('GET', '/api/v1/settings')).toEqual({
        status: 200,
        body: { name: 'me', timeZone: 'UTC', timeZoneIsSystem: false, today: '2026-11-23', technicalRatio: 0.5 },
      });
      const changed = await api.json('PATCH', '/api/v1/settings', { timeZone: 'Europe/Berlin', name: 'Ada' });
      expect(changed).toEqual({
        status: 200,
        body: { name: 'Ada', timeZone: 'Europe/Berlin', timeZoneIsSystem: false, today: '2026-11-23', technicalRatio: 0.5 },
      });
      await expectError(
        await api.call('PATCH', '/api/v1/settings', { timeZone: 'Nowhere/Special' }),
        400,
        'validation_failed',
        'timeZone: expected an IANA time zone such as Europe/Berlin',
      );
      expect((await api.json('GET', '/api/v1/settings')).body).toMatchObject({ name: 'Ada', timeZone: 'Europe/Berlin' });
    });
  });

  it('an unknown API path is a 404 with the error shape', async () => {
    await expectError(await api.call('GET', '/api/v1/nothing-here'), 404, 'not_found', 'path: no API route GET /api/v1/nothing-here');
    await expectError(await api.call('PUT', '/api/v1/habits'), 404, 'not_found');
  });
});
