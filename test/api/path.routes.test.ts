import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { builder, insertPersona, teacher } from '../support/path-data.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const ADD = { title: 'Run sprint planning', track: 'manager', until: '2026-12-21', hypothesis: 'Facilitating planning energizes me' };

describeEachDialect('HTTP paths', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  const experiments = async () => (await api.json('GET', '/api/v1/experiments')).body;

  it('GET /path/fit: one entry per track, best first, in the contract shape', async () => {
    await insertPersona(db.store.db, api.personId, teacher());
    const { status, body } = await api.json('GET', '/api/v1/path/fit');
    expect(status).toBe(200);
    expect(body.map((f: any) => f.track)).toEqual(['manager', 'security', 'ic']);
    for (const fit of body) {
      expect(Object.keys(fit)).toEqual(['track', 'score', 'confidence', 'reasons', 'evidence', 'suggestion']);
      expect(fit.score).toBeGreaterThanOrEqual(0);
      expect(fit.score).toBeLessThanOrEqual(1);
      expect(fit.reasons.length).toBeGreaterThan(0);
    }
  });

  it('GET /path/fit for the opposite persona: ic first', async () => {
    await insertPersona(db.store.db, api.personId, builder());
    expect((await api.json('GET', '/api/v1/path/fit')).body.map((f: any) => f.track)).toEqual(['ic', 'security', 'manager']);
  });

  it('POST /experiments (201), GET /experiments, POST /experiments/{id}/close, and the fit moves', async () => {
    const created = await api.json('POST', '/api/v1/experiments', ADD);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...ADD, startedOn: '2026-11-23', status: 'open', outcome: null, closedOn: null });
    expect(await experiments()).toEqual([created.body]);

    const closed = await api.json('POST', `/api/v1/experiments/${created.body.id}/close`, { outcome: 'positive', note: 'the team liked it' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: created.body.id, status: 'closed', outcome: 'positive', note: 'the team liked it', closedOn: '2026-11-23' });

    const fit = (await api.json('GET', '/api/v1/path/fit')).body;
    expect(fit[0]).toMatchObject({ track: 'manager', evidence: [created.body.id] });
    expect(fit[0].score).toBeGreaterThan(0.5);
  });

  it('an experiment recorded after the fact: start and until in the past, closed on a past day', async () => {
    const created = await api.json('POST', '/api/v1/experiments', { ...ADD, start: '2026-09-07', until: '2026-10-02' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ startedOn: '2026-09-07', until: '2026-10-02', status: 'overdue' });
    const closed = await api.json('POST', `/api/v1/experiments/${created.body.id}/close`, { outcome: 'negative', on: '2026-10-02' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ startedOn: '2026-09-07', status: 'closed', outcome: 'negative', closedOn: '2026-10-02' });
    expect(await experiments()).toEqual([closed.body]);
  });

  describe('bad input: 400/404/409, the message names the field, nothing written', () => {
    const refusedAdd = (body: unknown, message: string) => async () => {
      await expectError(await api.call('POST', '/api/v1/experiments', body), 400, 'validation_failed', message);
      expect(await experiments()).toEqual([]);
    };
    it('unknown track', refusedAdd({ ...ADD, track: 'astronaut' }, 'track: unknown track "astronaut"; expected one of ic, manager, security'));
    it('until not a date', refusedAdd({ ...ADD, until: 'soon' }, 'until: expected a date YYYY-MM-DD'));
    it('until before today, the default start', refusedAdd({ ...ADD, until: '2026-11-01' }, 'until: 2026-11-01 is before the start (2026-11-23)'));
    it('until before start', refusedAdd({ ...ADD, start: '2026-10-05', until: '2026-10-04' }, 'until: 2026-10-04 is before the start (2026-10-05)'));
    it('start not a date', refusedAdd({ ...ADD, start: 20261005 }, 'start: expected a date YYYY-MM-DD'));

    it('closing before the start: 400 naming on, still open', async () => {
      const { body } = await api.json('POST', '/api/v1/experiments', { ...ADD, start: '2026-10-05', until: '2026-10-30' });
      await expectError(
        await api.call('POST', `/api/v1/experiments/${body.id}/close`, { outcome: 'positive', on: '2026-10-04' }),
        400,
        'validation_failed',
        "on: 2026-10-04 is before the experiment's start (2026-10-05)",
      );
      expect((await experiments())[0]).toMatchObject({ status: 'overdue', outcome: null, closedOn: null });
    });
    it('empty title', refusedAdd({ ...ADD, title: '' }, 'title: must not be empty'));
    it('empty hypothesis', refusedAdd({ ...ADD, hypothesis: ' ' }, 'hypothesis: must not be empty'));
    it('title not a string', refusedAdd({ ...ADD, title: 3 }, 'title: required'));

    it('outcome not one of the three', async () => {
      const { body } = await api.json('POST', '/api/v1/experiments', ADD);
      await expectError(
        await api.call('POST', `/api/v1/experiments/${body.id}/close`, { outcome: 'meh' }),
        400,
        'validation_failed',
        'outcome: expected positive, neutral or negative',
      );
      expect((await experiments())[0]).toMatchObject({ status: 'open', outcome: null });
    });

    it('closing an unknown experiment: 404', async () => {
      await expectError(
        await api.call('POST', '/api/v1/experiments/nope/close', { outcome: 'positive' }),
        404,
        'not_found',
        'experiment: no experiment "nope"',
      );
    });

    it('closing an already closed experiment: 409', async () => {
      const { body } = await api.json('POST', '/api/v1/experiments', ADD);
      await api.json('POST', `/api/v1/experiments/${body.id}/close`, { outcome: 'neutral' });
      const before = await experiments();
      await expectError(
        await api.call('POST', `/api/v1/experiments/${body.id}/close`, { outcome: 'positive' }),
        409,
        'conflict',
        'experiment: "Run sprint planning" was already closed on 2026-11-23 (neutral)',
      );
      expect(await experiments()).toEqual(before);
    });
  });

  it('the OpenAPI document describes the routes with the shared schemas', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/path/fit', '/api/v1/experiments', '/api/v1/experiments/{id}/close']));
    const addBody = doc.paths['/api/v1/experiments'].post.requestBody.content['application/json'].schema;
    expect(addBody.properties).toHaveProperty('hypothesis');
    expect(addBody.properties.start).toMatchObject({ type: 'string', description: expect.stringContaining('default today') });
    expect(addBody.required).not.toContain('start');
    const closeBody = doc.paths['/api/v1/experiments/{id}/close'].post.requestBody.content['application/json'].schema;
    expect(closeBody.properties.on).toMatchObject({ type: 'string', description: expect.stringContaining("not before the experiment's start") });
    expect(closeBody.required).toEqual(['outcome']);
    expect(doc.paths['/api/v1/experiments/{id}/close'].post.requestBody.content['application/json'].schema.properties.outcome.enum).toEqual([
      'positive',
      'neutral',
      'negative',
    ]);
    expect(doc.components.schemas).toHaveProperty('PathFit');
    expect(doc.components.schemas).toHaveProperty('Experiment');
  });
});
