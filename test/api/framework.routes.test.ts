import { beforeEach, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeEachDialect } from '../support/stores.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

function frameworkData(id = 'acme', name = 'Acme ladder'): any {
  const level = (n: number) => ({ summary: `Level ${n}`, behaviours: [`Does ${n}`] });
  const levels = () => ({ 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) });
  return {
    id,
    name,
    version: '2',
    skills: [
      { id: 'coding', name: 'Coding', kind: 'technical', description: 'Writing code.', levels: levels() },
      { id: 'listening', name: 'Listening', kind: 'soft', description: 'Hearing people out.', levels: levels() },
    ],
    tracks: [{ id: 'builder', name: 'Builder', levels: [{ id: 'one', name: 'One', expects: { coding: 1, listening: 2 } }] }],
  };
}

const ACME = { id: 'acme', name: 'Acme ladder', version: '2', builtin: false, skills: 2, tracks: ['builder'] };
const GROW = { id: 'grow', name: 'grow engineering framework', version: '1', builtin: true, skills: 19, tracks: ['ic', 'manager', 'security'] };

describeEachDialect('HTTP frameworks', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  const post = (body: string, type: string, query = '') => api.call('POST', `/api/v1/frameworks${query}`, body, { 'content-type': type });
  const raw = (body: BodyInit, type: string) =>
    Promise.resolve(
      api.app.request('/api/v1/frameworks', {
        method: 'POST',
        body,
        headers: { host: 'localhost', authorization: `Bearer ${api.token}`, 'content-type': type },
      }),
    );
  const unchanged = async (call: () => Promise<Response>, status: number, code: string, message: string | RegExp) => {
    const before = (await api.json('GET', '/api/v1/frameworks')).body;
    await expectError(await call(), status, code, message);
    expect((await api.json('GET', '/api/v1/frameworks')).body).toEqual(before);
  };

  it('GET /frameworks lists the built-in framework, active', async () => {
    expect(await api.json('GET', '/api/v1/frameworks')).toEqual({ status: 200, body: [{ ...GROW, active: true }] });
  });

  it('GET /frameworks/grow gives the whole built-in framework', async () => {
    const { status, body } = await api.json('GET', '/api/v1/frameworks/grow');
    expect(status).toBe(200);
    expect(body.skills).toHaveLength(19);
    expect(body.skills[0].levels['3'].behaviours.length).toBeGreaterThanOrEqual(2);
    expect(body.tracks[2].facets).toHaveLength(9);
  });

  it('POST /frameworks takes YAML, JSON or raw bytes; ?use=true makes it active', async () => {
    const yaml = await post(stringify(frameworkData()), 'application/yaml');
    expect(yaml.status).toBe(201);
    expect(await yaml.json()).toEqual({ ...ACME, active: false, replaced: false });

    const json = await post(JSON.stringify(frameworkData('json-one', 'From JSON')), 'application/json', '?use=true');
    expect(json.status).toBe(201);
    expect(await json.json()).toMatchObject({ id: 'json-one', active: true });

    const bytes = await raw(new TextEncoder().encode(stringify(frameworkData('raw'))), 'application/octet-stream');
    expect(bytes.status).toBe(201);

    const form = new FormData();
    form.set('file', new Blob([stringify(frameworkData('form'))]), 'form.yaml');
    const multipart = await api.app.request('/api/v1/frameworks', {
      method: 'POST',
      body: form,
      headers: { host: 'localhost', authorization: `Bearer ${api.token}` },
    });
    expect(multipart.status).toBe(201);

    const list = (await api.json('GET', '/api/v1/frameworks')).body as { id: string; active: boolean }[];
    // Imported in the order they were imported, ties by id: under the pinned clock all were imported at its noon.
    expect(list.map((f) => [f.id, f.active])).toEqual([
      ['grow', false],
      ['acme', false],
      ['form', false],
      ['json-one', true],
      ['raw', false],
    ]);
    expect((await api.json('GET', '/api/v1/frameworks/acme')).body.tracks[0].levels[0].expects).toEqual({ coding: 1, listening: 2 });
  });

  it('POST /frameworks/{id}/use switches the active framework', async () => {
    await post(stringify(frameworkData()), 'text/yaml');
    expect(await api.json('POST', '/api/v1/frameworks/acme/use')).toEqual({ status: 200, body: { ...ACME, active: true } });
    expect((await api.json('GET', '/api/v1/frameworks')).body.map((f: any) => f.active)).toEqual([false, true]);
    expect(await api.json('POST', '/api/v1/frameworks/grow/use')).toEqual({ status: 200, body: { ...GROW, active: true } });
  });

  it('an id already imported: 409 unless ?replace=true', async () => {
    await post(stringify(frameworkData()), 'application/yaml');
    await unchanged(
      () => post(stringify(frameworkData('acme', 'Second')), 'application/yaml'),
      409,
      'conflict',
      'id: a framework "acme" already exists; import it with replace to overwrite it',
    );
    const replaced = await post(stringify(frameworkData('acme', 'Second')), 'application/yaml', '?replace=true');
    expect(replaced.status).toBe(201);
    expect(await replaced.json()).toMatchObject({ name: 'Second', replaced: true });
  });

  it('the built-in framework cannot be replaced', async () => {
    await unchanged(
      () => post(stringify(frameworkData('grow')), 'application/yaml', '?replace=true'),
      409,
      'conflict',
      'id: "grow" is the built-in framework and cannot be replaced',
    );
  });

  it('a bad file: 400 with the path in the file, nothing imported', async () => {
    const data = frameworkData();
    data.tracks[0].levels[0].expects.empathy = 3;
    await unchanged(
      () => post(stringify(data), 'application/yaml', '?use=true'),
      400,
      'validation_failed',
      'tracks[0].levels[0].expects.empathy: unknown skill',
    );
    await unchanged(
      () => post('id: acme\nname: [oops\n', 'application/yaml'),
      400,
      'validation_failed',
      'file: not YAML or JSON (line 3: Flow sequence in block collection must be sufficiently indented and end with a ])',
    );
    await unchanged(() => post('{"id": "acme",', 'application/json'), 400, 'validation_failed', /^file: not YAML or JSON \(line 1: /);
    await unchanged(() => post('', 'application/yaml'), 400, 'validation_failed', 'file: empty');
    await unchanged(() => post(`# ${'x'.repeat(1024 * 1024)}\n`, 'application/yaml'), 400, 'validation_failed', 'file: larger than the 1 MiB limit');
    await unchanged(() => raw(new Uint8Array([0x69, 0x64, 0x3a, 0xff, 0xfe]), 'application/octet-stream'), 400, 'validation_failed', 'file: not UTF-8 text');
    await unchanged(() => post(stringify(frameworkData()), 'application/yaml', '?use=maybe'), 400, 'validation_failed', 'use: expected true or false');
  });

  it('a file with three problems: 400 naming all three with their paths, nothing imported', async () => {
    const data = frameworkData();
    data.skills[1].kind = 'hard';
    data.tracks[0].levels[0].expects.empathy = 3;
    data.tracks[0].levels.push({ id: 'two', name: 'Two', expects: { coding: 9 } });
    const before = (await api.json('GET', '/api/v1/frameworks')).body;
    const response = await post(stringify(data), 'application/yaml');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; details: { path: string; message: string }[] } };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('skills[1].kind: expected technical or soft (and 2 more problems)');
    expect(error.details).toEqual([
      { path: 'skills[1].kind', message: 'expected technical or soft' },
      { path: 'tracks[0].levels[1].expects.coding', message: 'expected a whole number from 0 to 5' },
      { path: 'tracks[0].levels[0].expects.empathy', message: 'unknown skill' },
    ]);
    expect((await api.json('GET', '/api/v1/frameworks')).body).toEqual(before);
  });

  it('unknown ids: 404', async () => {
    await expectError(await api.call('GET', '/api/v1/frameworks/nope'), 404, 'not_found', 'framework: no framework "nope"');
    await expectError(await api.call('POST', '/api/v1/frameworks/nope/use'), 404, 'not_found', 'framework: no framework "nope"');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await api.json('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/frameworks'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/frameworks/{id}'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/frameworks/{id}/use'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/frameworks'].post.requestBody.content)).toEqual([
      'application/yaml',
      'text/yaml',
      'application/json',
      'application/octet-stream',
      'multipart/form-data',
    ]);
    expect(doc.components.schemas).toHaveProperty('Framework');
    expect(doc.components.schemas).toHaveProperty('FrameworkSummary');
  });
});
