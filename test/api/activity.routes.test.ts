import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

describeEachDialect('HTTP practice log and balance', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  /** Everything the log and balance show, for "nothing changed" checks. */
  const snapshot = async () => ({
    log: (await api.json('GET', '/api/v1/activities')).body,
    balance: (await api.json('GET', '/api/v1/balance?weeks=104')).body,
    settings: (await api.json('GET', '/api/v1/settings')).body,
  });

  const refused = async (body: unknown, message: string) => {
    const before = await snapshot();
    await expectError(await api.call('POST', '/api/v1/activities', body), 400, 'validation_failed', message);
    expect(await snapshot()).toEqual(before);
  };

  describe('the log', () => {
    it('POST /activities logs a practice (201); GET /activities lists it, by dates', async () => {
      const created = await api.json('POST', '/api/v1/activities', {
        text: 'Ran the incident review',
        minutes: 60,
        skills: ['operations-and-reliability', 'communication'],
        energy: -1,
        ease: 2,
        date: '2026-11-20',
      });
      expect(created).toEqual({
        status: 201,
        body: {
          id: expect.any(String),
          date: '2026-11-20',
          text: 'Ran the incident review',
          minutes: 60,
          skills: ['operations-and-reliability', 'communication'],
          energy: -1,
          ease: 2,
        },
      });
      const today = await api.json('POST', '/api/v1/activities', { text: 'Code review', minutes: 30, skills: 'code-craft' });
      expect(today.body).toMatchObject({ date: '2026-11-23', energy: null, ease: null });

      expect((await api.json('GET', '/api/v1/activities')).body).toEqual([created.body, today.body]);
      expect((await api.json('GET', '/api/v1/activities?from=2026-11-21')).body).toEqual([today.body]);
      expect((await api.json('GET', '/api/v1/activities?from=2026-11-20&to=2026-11-20')).body).toEqual([created.body]);
      await expectError(await api.call('GET', '/api/v1/activities?from=2026-11-22&to=2026-11-21'), 400, 'validation_failed', 'from: must not be after to');
      await expectError(await api.call('GET', '/api/v1/activities?to=soon'), 400, 'validation_failed', 'to: expected a date YYYY-MM-DD');
    });

    it('refuses each bad input with a clear message, writing nothing', async () => {
      await api.call('POST', '/api/v1/activities', { text: 'kept', minutes: 10, skills: 'testing' });
      const base = { text: 'x', minutes: 30, skills: ['testing'] };
      await refused({ ...base, skills: ['testing', 'juggling'] }, 'skills: unknown skill "juggling" (see grow skill list)');
      await refused({ ...base, energy: 3 }, 'energy: expected a whole number from -2 (drained) to 2 (energized)');
      await refused({ ...base, energy: -3 }, 'energy: expected a whole number from -2 (drained) to 2 (energized)');
      await refused({ ...base, ease: 0 }, 'ease: expected a whole number from 1 (hard) to 5 (natural)');
      await refused({ ...base, ease: 6 }, 'ease: expected a whole number from 1 (hard) to 5 (natural)');
      await refused({ ...base, minutes: 0 }, 'minutes: must be more than 0');
      await refused({ ...base, minutes: 1441 }, 'minutes: at most 1440 (a day)');
      await refused({ ...base, minutes: 2.5 }, 'minutes: expected a whole number of minutes');
      await refused({ ...base, date: '2026-11-24' }, 'date: 2026-11-24 is after today (2026-11-23)');
      await refused({ ...base, date: '23/11/2026' }, 'date: expected a date YYYY-MM-DD');
      await refused({ ...base, how: 'fun' }, 'how: unknown field');
      expect((await api.json('GET', '/api/v1/activities')).body.map((a: { text: string }) => a.text)).toEqual(['kept']);
    });
  });

  describe('balance', () => {
    it('GET /balance gives minutes per ISO week, the technical share, the target and what is neglected', async () => {
      await api.call('POST', '/api/v1/activities', { text: 'design review', minutes: 60, skills: 'system-design', date: '2026-11-17' });
      await api.call('POST', '/api/v1/activities', { text: 'mentoring', minutes: 40, skills: 'coaching-and-teaching,code-craft', date: '2026-11-23' });
      await api.call('PATCH', '/api/v1/settings', { technicalRatio: 0.6 });
      const got = await api.json('GET', '/api/v1/balance?weeks=2');
      expect(got).toEqual({
        status: 200,
        body: {
          weeks: [
            { week: '2026-W47', technicalMinutes: 60, softMinutes: 0, finished: [] },
            { week: '2026-W48', technicalMinutes: 20, softMinutes: 20, finished: [] },
          ],
          ratio: 0.8,
          targetRatio: 0.6,
          neglected: [],
        },
      });
      expect((await api.json('GET', '/api/v1/balance')).body.weeks.map((w: { week: string }) => w.week)).toEqual([
        '2026-W45',
        '2026-W46',
        '2026-W47',
        '2026-W48',
      ]);
    });

    it('refuses weeks outside 1..104', async () => {
      for (const weeks of ['0', '105', 'x', '1.5']) {
        await expectError(await api.call('GET', `/api/v1/balance?weeks=${weeks}`), 400, 'validation_failed', 'weeks: expected a whole number from 1 to 104');
      }
    });

    it('GET /today carries the balance warnings', async () => {
      await api.call('POST', '/api/v1/activities', { text: 'tests', minutes: 30, skills: 'testing', date: '2026-11-05' });
      await api.call('POST', '/api/v1/activities', { text: 'listening', minutes: 30, skills: 'empathy' });
      expect((await api.json('GET', '/api/v1/today')).body.neglected).toEqual([{ kind: 'technical', daysSince: 18 }]);
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the log and balance with their shared schemas', async () => {
      const doc = (await api.json('GET', '/api/openapi.json')).body;
      const post = doc.paths['/api/v1/activities'].post;
      expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Activity');
      expect(Object.keys(post.requestBody.content['application/json'].schema.properties).sort()).toEqual([
        'date',
        'ease',
        'energy',
        'minutes',
        'skills',
        'text',
      ]);
      const list = doc.paths['/api/v1/activities'].get;
      expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(['query:from', 'query:to']);
      const bal = doc.paths['/api/v1/balance'].get;
      expect(bal.parameters.map((p: { name: string }) => p.name)).toEqual(['weeks']);
      expect(bal.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Balance');
      expect(Object.keys(doc.components.schemas.Balance.properties).sort()).toEqual(['neglected', 'ratio', 'targetRatio', 'weeks']);
      expect(doc.components.schemas.Today.properties.neglected).toBeDefined();
      expect(doc.components.schemas.Settings.properties.technicalRatio).toBeDefined();
    });
  });
});
