import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { builtinFramework } from '../../src/services/framework.service.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const expectsOf = (track: string, level: string): Record<string, number> =>
  builtinFramework()
    .tracks.find((t) => t.id === track)!
    .levels.find((l) => l.id === level)!.expects;

describeEachDialect('HTTP skills, target, tracks, evidence, facets', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  /** Everything this slice shows, for "nothing changed" checks. */
  const snapshot = async () => ({
    skills: (await api.json('GET', '/api/v1/skills')).body,
    testing: (await api.json('GET', '/api/v1/skills/testing')).body,
    target: (await api.json('GET', '/api/v1/target')).body,
    evidence: (await api.json('GET', '/api/v1/evidence')).body,
    facets: (await api.json('GET', '/api/v1/facets')).body,
  });
  async function refused(method: string, path: string, body: unknown, status: number, code: string, message: string) {
    const before = await snapshot();
    await expectError(await api.call(method, path, body), status, code, message);
    expect(await snapshot()).toEqual(before);
  }

  describe('skills', () => {
    it('POST /skills/{id}/assessments appends (201); GET /skills and /skills/{id} show it', async () => {
      const first = await api.json('POST', '/api/v1/skills/testing/assessments', { level: 2, date: '2026-11-01', note: 'start' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id: 'testing', name: 'Testing', kind: 'technical', level: 2, target: null, gap: null });
      await api.call('POST', '/api/v1/skills/testing/assessments', { level: 3, evidence: 'designed the suite' });
      const shown = await api.json('GET', '/api/v1/skills/testing');
      expect(shown.status).toBe(200);
      expect(shown.body.level).toBe(3);
      expect(shown.body.history).toEqual([
        { date: '2026-11-01', level: 2, note: 'start', evidence: null },
        { date: '2026-11-23', level: 3, note: null, evidence: 'designed the suite' },
      ]);
      expect(shown.body.levels).toHaveLength(5);
      const list = await api.json('GET', '/api/v1/skills');
      expect(list.status).toBe(200);
      expect(list.body.find((s: { id: string }) => s.id === 'testing')).toEqual({
        id: 'testing',
        name: 'Testing',
        kind: 'technical',
        level: 3,
        target: null,
        gap: null,
      });
    });

    it('refuses bad assessments with 400/404 and changes nothing', async () => {
      await api.call('POST', '/api/v1/skills/testing/assessments', { level: 1 });
      await refused('POST', '/api/v1/skills/juggling/assessments', { level: 2 }, 404, 'not_found', 'skill: unknown skill "juggling"');
      for (const level of [6, -1, 1.5, 'three']) {
        await refused('POST', '/api/v1/skills/testing/assessments', { level }, 400, 'validation_failed', 'level: expected an integer from 0 to 5');
      }
      await refused(
        'POST',
        '/api/v1/skills/testing/assessments',
        { level: 2, date: '2026-11-24' },
        400,
        'validation_failed',
        'date: 2026-11-24 is after today (2026-11-23)',
      );
      await refused(
        'POST',
        '/api/v1/skills/testing/assessments',
        { level: 2, date: '2026-13-01' },
        400,
        'validation_failed',
        'date: expected a date YYYY-MM-DD',
      );
      await refused('POST', '/api/v1/skills/testing/assessments', { level: 2, extra: 1 }, 400, 'validation_failed', 'extra: unknown field');
      const before = await snapshot();
      const broken = await api.call('POST', '/api/v1/skills/testing/assessments', '{not json', { 'content-type': 'application/json' });
      await expectError(broken, 400, 'validation_failed', 'body: not valid JSON');
      expect(await snapshot()).toEqual(before);
      await expectError(await api.call('GET', '/api/v1/skills/juggling'), 404, 'not_found', 'skill: unknown skill "juggling"');
    });
  });

  describe('target and tracks', () => {
    it('GET /target is null until PUT /target sets it; list gives target and gap', async () => {
      expect(await api.json('GET', '/api/v1/target')).toEqual({ status: 200, body: null });
      const put = await api.json('PUT', '/api/v1/target', { track: 'ic', level: 'senior', by: '2027-12-31' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ track: 'ic', level: 'senior', by: '2027-12-31', trackName: 'Individual contributor' });
      expect((await api.json('GET', '/api/v1/target')).body).toEqual(put.body);
      await api.call('POST', '/api/v1/skills/testing/assessments', { level: 1 });
      const expected = expectsOf('ic', 'senior').testing!;
      const testing = (await api.json('GET', '/api/v1/skills')).body.find((s: { id: string }) => s.id === 'testing');
      expect(testing).toMatchObject({ level: 1, target: expected, gap: Math.max(0, expected - 1) });
    });

    it('refuses an unknown track or level and a bad date, changing nothing', async () => {
      await api.call('PUT', '/api/v1/target', { track: 'ic', level: 'mid' });
      await refused('PUT', '/api/v1/target', { track: 'astronaut', level: 'mid' }, 400, 'validation_failed', 'track: unknown track "astronaut"');
      await refused(
        'PUT',
        '/api/v1/target',
        { track: 'manager', level: 'mid' },
        400,
        'validation_failed',
        'level: unknown level "mid" of track "manager" (levels: team-lead, engineering-manager, senior-manager, director)',
      );
      await refused('PUT', '/api/v1/target', { track: 'ic', level: 'senior', by: '31/12/2027' }, 400, 'validation_failed', 'by: expected a date YYYY-MM-DD');
    });

    it('GET /tracks/{id}?level= tries on any role; without a level, the target or the next level', async () => {
      const asked = await api.json('GET', '/api/v1/tracks/manager?level=team-lead');
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ track: 'manager', level: 'team-lead', basis: 'asked' });
      expect(asked.body.skills.map((s: { id: string }) => s.id).sort()).toEqual(Object.keys(expectsOf('manager', 'team-lead')).sort());
      expect((await api.json('GET', '/api/v1/tracks/ic')).body).toMatchObject({ level: 'junior', basis: 'next' });
      await api.call('PUT', '/api/v1/target', { track: 'ic', level: 'staff' });
      expect((await api.json('GET', '/api/v1/tracks/ic')).body).toMatchObject({ level: 'staff', basis: 'target' });
      await expectError(await api.call('GET', '/api/v1/tracks/astronaut'), 404, 'not_found', 'track: unknown track "astronaut"');
      await expectError(await api.call('GET', '/api/v1/tracks/ic?level=director'), 400, 'validation_failed', /^level: unknown level "director" of track "ic"/);
    });
  });

  describe('evidence', () => {
    it('POST /evidence records (201), GET /evidence lists, ?skill= filters', async () => {
      const created = await api.json('POST', '/api/v1/evidence', {
        text: 'Ran the postmortem',
        skills: ['communication', 'handling-conflict'],
        link: 'https://example.com/pm',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        text: 'Ran the postmortem',
        skills: ['communication', 'handling-conflict'],
        date: '2026-11-23',
        link: 'https://example.com/pm',
      });
      await api.call('POST', '/api/v1/evidence', { text: 'Fixed the flaky suite', skills: 'testing', date: '2026-11-02' });
      expect((await api.json('GET', '/api/v1/evidence')).body.map((e: { text: string }) => e.text)).toEqual(['Fixed the flaky suite', 'Ran the postmortem']);
      expect((await api.json('GET', '/api/v1/evidence?skill=testing')).body.map((e: { text: string }) => e.text)).toEqual(['Fixed the flaky suite']);
      await expectError(await api.call('GET', '/api/v1/evidence?skill=juggling'), 400, 'validation_failed', 'skill: unknown skill "juggling"');
    });

    it('refuses unknown skills, future dates and non-http links, changing nothing', async () => {
      await refused('POST', '/api/v1/evidence', { text: 'x', skills: ['testing', 'juggling'] }, 400, 'validation_failed', 'skills: unknown skill "juggling"');
      await refused(
        'POST',
        '/api/v1/evidence',
        { text: 'x', skills: ['testing'], date: '2026-12-01' },
        400,
        'validation_failed',
        'date: 2026-12-01 is after today (2026-11-23)',
      );
      await refused(
        'POST',
        '/api/v1/evidence',
        { text: 'x', skills: ['testing'], link: 'file:///etc/passwd' },
        400,
        'validation_failed',
        'link: expected an http(s) URL',
      );
      await refused('POST', '/api/v1/evidence', { skills: ['testing'] }, 400, 'validation_failed', 'text: required');
    });
  });

  describe('facets', () => {
    it('GET /facets lists; PUT /facets/{id} sets, breadth first', async () => {
      const list = await api.json('GET', '/api/v1/facets');
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(9);
      const put = await api.json('PUT', '/api/v1/facets/privacy', { status: 'exploring' });
      expect(put).toEqual({ status: 200, body: { id: 'privacy', name: 'Privacy', track: 'security', status: 'exploring' } });
      await refused(
        'PUT',
        '/api/v1/facets/privacy',
        { status: 'specializing' },
        400,
        'validation_failed',
        'status: explore at least 3 facets before specializing (breadth first); explored so far: privacy',
      );
      await refused('PUT', '/api/v1/facets/astrology', { status: 'exploring' }, 404, 'not_found', 'facet: unknown facet "astrology"');
      await refused('PUT', '/api/v1/facets/privacy', { status: 'done' }, 400, 'validation_failed', 'status: expected unexplored, exploring or specializing');
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes the skill routes with their request schemas', async () => {
    const { createApp } = await import('../../src/api/app.js');
    const { openTestStore } = await import('../support/stores.js');
    const { createContext } = await import('../../src/services/context.js');
    const { createApiToken } = await import('../../src/services/auth.service.js');
    const store = await openTestStore('sqlite');
    try {
      const token = await createApiToken(store, (await createContext(store)).personId, 'tests');
      const doc = (await (
        await createApp({ store }).request('/api/openapi.json', { headers: { host: 'localhost', authorization: `Bearer ${token}` } })
      ).json()) as any;
      for (const [path, method] of [
        ['/api/v1/skills', 'get'],
        ['/api/v1/skills/{id}', 'get'],
        ['/api/v1/skills/{id}/assessments', 'post'],
        ['/api/v1/target', 'get'],
        ['/api/v1/target', 'put'],
        ['/api/v1/tracks/{id}', 'get'],
        ['/api/v1/evidence', 'get'],
        ['/api/v1/evidence', 'post'],
        ['/api/v1/facets', 'get'],
        ['/api/v1/facets/{id}', 'put'],
      ] as const) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
      const assess = doc.paths['/api/v1/skills/{id}/assessments'].post.requestBody.content['application/json'].schema;
      expect(assess.properties.level).toMatchObject({ type: 'integer', minimum: 0, maximum: 5 });
      expect(doc.paths['/api/v1/tracks/{id}'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['id', 'level']);
    } finally {
      await store.close();
    }
  });
});
