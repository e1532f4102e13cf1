import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createApiToken } from '../../src/services/auth.service.js';
import { createContext } from '../../src/services/context.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore } from '../support/stores.js';

type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every route the API serves, as the issue and the route files name them. */
const EXPECTED_ROUTES = [
  'GET /api/v1/habits',
  'POST /api/v1/habits',
  'GET /api/v1/habits/{ref}',
  'PATCH /api/v1/habits/{ref}',
  'DELETE /api/v1/habits/{ref}',
  'POST /api/v1/habits/{ref}/archive',
  'POST /api/v1/habits/{ref}/done',
  'POST /api/v1/habits/{ref}/skip',
  'POST /api/v1/habits/{ref}/slip',
  'DELETE /api/v1/habits/{ref}/check-ins/{date}',
  'GET /api/v1/habits/{ref}/chart',
  'GET /api/v1/today',
  'GET /api/v1/scorecard',
  'POST /api/v1/scorecard',
  'DELETE /api/v1/scorecard/{id}',
  'POST /api/v1/scorecard/{id}/habit',
  'GET /api/v1/settings',
  'PATCH /api/v1/settings',
  'GET /api/v1/export/json',
  'POST /api/v1/import/json',
  'POST /api/v1/import/loop',
  'POST /api/v1/logout',
  'POST /api/v1/activities',
  'GET /api/v1/activities',
  'GET /api/v1/balance',
  'GET /api/v1/skills',
  'GET /api/v1/skills/{id}',
  'POST /api/v1/skills/{id}/assessments',
  'GET /api/v1/target',
  'PUT /api/v1/target',
  'GET /api/v1/tracks/{id}',
  'GET /api/v1/evidence',
  'POST /api/v1/evidence',
  'GET /api/v1/facets',
  'PUT /api/v1/facets/{id}',
  'GET /api/v1/frameworks',
  'GET /api/v1/frameworks/{id}',
  'POST /api/v1/frameworks',
  'POST /api/v1/frameworks/{id}/use',
  'GET /api/v1/path/fit',
  'GET /api/v1/experiments',
  'POST /api/v1/experiments',
  'POST /api/v1/experiments/{id}/close',
  'GET /api/v1/plan/week',
  'POST /api/v1/plan/week',
  'GET /api/v1/plan/settings',
  'POST /api/v1/plan/sessions/{id}/done',
  'POST /api/v1/plan/sessions/{id}/skip',
  'GET /api/v1/calendar.ics',
  'POST /api/v1/calendar/tokens',
  'DELETE /api/v1/calendar/tokens',
  'GET /api/v1/learning',
  'POST /api/v1/learning',
  'GET /api/v1/learning/{id}',
  'PATCH /api/v1/learning/{id}',
  'DELETE /api/v1/learning/{id}',
  'POST /api/v1/learning/{id}/progress',
  'POST /api/v1/learning/{id}/finish',
  'POST /api/v1/learning/{id}/notes',
  'GET /api/v1/review',
  'POST /api/v1/review/{id}/grade',
  'POST /api/v1/learning/{id}/takeaways',
  'POST /api/v1/highlights/{id}/card',
  'DELETE /api/v1/cards/{id}',
  'POST /api/v1/import/goodreads',
  'POST /api/v1/import/storygraph',
  'POST /api/v1/import/kindle',
  'POST /api/v1/import/readwise',
  'GET /api/v1/journal',
  'POST /api/v1/journal',
  'GET /api/v1/journal/search',
  'POST /api/v1/journal/weekly',
  'GET /api/v1/journal/{id}',
  'PATCH /api/v1/journal/{id}',
  'DELETE /api/v1/journal/{id}',
  'POST /api/v1/import/jekyll',
  'GET /api/v1/journal/{id}/jekyll',
  'POST /api/v1/reflections',
  'GET /api/v1/reflections',
  'GET /api/v1/reflections/period',
];

/** Resolves a local reference such as #/components/schemas/Error. */
function resolve(doc: Json, ref: string): Json {
  expect(ref.startsWith('#/'), ref).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: Json, key) => (node === undefined ? undefined : node[key]), doc);
}

function collectRefs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  let store: Store;
  let doc: Json;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    app = createApp({ store, env: { GROW_TODAY: '2026-11-23' } });
    const token = await createApiToken(store, (await createContext(store)).personId, 'tests');
    const response = await app.request('/api/openapi.json', { headers: { host: 'localhost', authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = await response.json();
    return () => store.close();
  });

  it('is an OpenAPI 3.1 document with the required top-level fields', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info?.title).toBe('string');
    expect(typeof doc.info?.version).toBe('string');
    expect(typeof doc.paths).toBe('object');
    expect(doc.components?.securitySchemes?.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('has well-formed operations: responses, declared path parameters, unique operation ids', () => {
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const where = `${method.toUpperCase()} ${path}`;
        expect(Object.keys(op.responses ?? {}).length, where).toBeGreaterThan(0);
        for (const [status, response] of Object.entries<Json>(op.responses)) {
          expect(status, where).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof (response.$ref ? resolve(doc, response.$ref) : response).description, `${where} ${status}`).toBe('string');
        }
        const params: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => (p.$ref ? resolve(doc, p.$ref) : p));
        for (const p of params) {
          expect(['query', 'header', 'path', 'cookie'], where).toContain(p.in);
          expect(typeof p.name, where).toBe('string');
          if (p.in === 'path') expect(p.required, `${where} ${p.name}`).toBe(true);
        }
        const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
        expect(pathParams.sort(), where).toEqual([...templated].sort());
        if (op.requestBody) expect(Object.keys(op.requestBody.content ?? {}).length, where).toBeGreaterThan(0);
        if (op.operationId) {
          expect(operationIds.has(op.operationId), op.operationId).toBe(false);
          operationIds.add(op.operationId);
        }
      }
    }
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeDefined();
  });

  it('lists every route the API serves', () => {
    const documented = Object.entries<Json>(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
    expect([...documented].sort()).toEqual([...EXPECTED_ROUTES].sort());
    // And the routes the app really has under /api/v1 are all documented.
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, '{$1}')}`),
    );
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('documents the error body {error: {code, message}} for the error statuses', () => {
    const error = doc.components.schemas.Error;
    expect(error.properties.error.properties.code.enum).toEqual(
      expect.arrayContaining(['validation_failed', 'not_found', 'conflict', 'forbidden', 'unauthenticated']),
    );
    const create = doc.paths['/api/v1/habits'].post;
    for (const status of ['400', '401', '403', '404', '409']) {
      expect(create.responses[status].content['application/json'].schema.$ref, status).toBe('#/components/schemas/Error');
    }
  });
});
