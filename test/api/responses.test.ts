import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { stringify } from 'yaml';
import { describeEachDialect } from '../support/stores.js';
import { loopDb } from '../support/loop-fixtures.js';
import { type Api, apiOver } from './api.helpers.js';

type Json = any;

/** A route's declared success response, as the route definition (not a copy) gives it. */
interface Declared {
  status: number;
  mediaType: string;
  schema: unknown;
}

/** Every route the app registers, keyed "METHOD /path/{param}", with its 200/201 response. */
function declaredResponses(api: Api): Map<string, Declared> {
  const out = new Map<string, Declared>();
  for (const definition of api.app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, responses } = definition.route;
    for (const status of [200, 201]) {
      const response = (responses as Record<number, { content?: Record<string, { schema: unknown }> }>)[status];
      if (!response) continue;
      const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? ['none', { schema: undefined }];
      out.set(`${method.toUpperCase()} ${path}`, { status, mediaType, schema: content.schema });
    }
  }
  return out;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describeEachDialect('HTTP responses match their OpenAPI schemas', (db) => {
  let api: Api;
  let declared: Map<string, Declared>;
  const checked = new Set<string>();

  beforeEach(async () => {
    api = await apiOver(db);
    declared = declaredResponses(api);
    checked.clear();
  });

  /**
   * Calls a route and checks the real body against the schema its definition declares: a missing
   * or wrongly typed field fails to parse, and a field the schema does not declare is stripped by
   * the parse, so the parsed body no longer equals the one sent.
   */
  async function check(method: string, template: string, params: Record<string, string> = {}, body?: unknown, headers?: Record<string, string>): Promise<Json> {
    const key = `${method} /api/v1${template}`;
    const route = declared.get(key);
    expect(route, `${key} is not a route of the OpenAPI document`).toBeDefined();
    let path = `/api/v1${template}`;
    for (const [name, value] of Object.entries(params)) path = name === '?' ? `${path}?${value}` : path.replace(`{${name}}`, encodeURIComponent(value));
    const response =
      body instanceof Uint8Array
        ? await api.app.request(path, { method, body: body as BodyInit, headers: { host: 'localhost', authorization: `Bearer ${api.token}`, ...headers } })
        : await api.call(method, path, body, headers);
    const text = await response.text();
    expect(response.status, `${key}: ${text}`).toBe(route!.status);
    expect(route!.mediaType).toBe('application/json');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json: Json = JSON.parse(text);
    const result = (route!.schema as ZodType).safeParse(json);
    expect(result.success ? null : result.error.issues, `${key}: the body misses or mistypes a declared field`).toBeNull();
    expect(result.data, `${key}: the body has a field its schema does not declare`).toEqual(json);
    checked.add(key);
    return json;
  }

  const upload = (bytes: Uint8Array | string, type = 'application/octet-stream') => [bytes, { 'content-type': type }] as const;

  it('every JSON route, called on real data, answers exactly the shape the document declares', async () => {
    // A restore needs an empty database: round-trip the first backup before anything is written.
    await check('POST', '/import/json', {}, ...upload(JSON.stringify(await check('GET', '/export/json')), 'application/json'));

    // Habits with check-ins, a scorecard, settings.
    const read = await check('POST', '/habits', {}, { name: 'Read', target: 20, unit: 'pages', identity: 'I am someone who reads' });
    await check('POST', '/habits', {}, { name: 'Doomscroll', kind: 'break' });
    await check('POST', '/habits/{ref}/done', { ref: read.slug }, { date: '2026-11-21', amount: 25, note: 'a good chapter' });
    await check('POST', '/habits/{ref}/done', { ref: read.slug }, { date: '2026-11-23', amount: 12.5 });
    await check('POST', '/habits/{ref}/skip', { ref: read.slug }, { date: '2026-11-22', note: 'sick' });
    await check('POST', '/habits/{ref}/slip', { ref: 'doomscroll' });
    await check('DELETE', '/habits/{ref}/check-ins/{date}', { ref: read.slug, date: '2026-11-23' });
    await check('PATCH', '/habits/{ref}', { ref: read.slug }, { when: 'after dinner' });
    await check('GET', '/habits');
    await check('GET', '/habits/{ref}', { ref: read.slug });
    await check('GET', '/habits/{ref}/chart', { ref: read.slug });
    const line = await check('POST', '/scorecard', {}, { text: 'Check phone', rating: '-' });
    await check('POST', '/scorecard', {}, { text: 'Stretch', rating: '+' });
    await check('GET', '/scorecard');
    await check('POST', '/scorecard/{id}/habit', { id: line.id }, { kind: 'break' });
    const other = (await check('GET', '/scorecard')).find((item: Json) => item.id !== line.id);
    await check('DELETE', '/scorecard/{id}', { id: other.id });
    await check('GET', '/settings');
    await check('PATCH', '/settings', {}, { technicalRatio: 0.6 });

    // Frameworks, skills, target, evidence, facets.
    await check('GET', '/frameworks');
    await check('GET', '/frameworks/{id}', { id: 'grow' });
    const level = (n: number) => ({ summary: `Level ${n}`, behaviours: [`Does ${n}`] });
    const acme = stringify({
      id: 'acme',
      name: 'Acme ladder',
      version: '2',
      description: 'ours',
      skills: [
        { id: 'build', name: 'Build', kind: 'technical', description: 'ships', levels: { 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) } },
      ],
      tracks: [{ id: 'builder', name: 'Builder', type: 'ladder', description: 'builds', levels: [{ id: 'one', name: 'One', expects: { build: 2 } }] }],
    });
    await check('POST', '/frameworks', {}, ...upload(acme, 'application/yaml'));
    await check('POST', '/frameworks/{id}/use', { id: 'acme' });
    await check('POST', '/frameworks/{id}/use', { id: 'grow' });
    await check('POST', '/skills/{id}/assessments', { id: 'testing' }, { level: 4, evidence: 'designed the suite', date: '2026-11-01' });
    await check('POST', '/skills/{id}/assessments', { id: 'debugging' }, { level: 2 });
    await check('PUT', '/target', {}, { track: 'ic', level: 'mid' });
    await check('GET', '/target');
    await check('GET', '/skills');
    await check('GET', '/skills/{id}', { id: 'testing' });
    await check('GET', '/tracks/{id}', { id: 'ic' });
    await check('POST', '/evidence', {}, { text: 'Fixed the flaky suite', skills: 'testing', date: '2026-11-02' });
    await check('GET', '/evidence');
    const facets: Json[] = await check('GET', '/facets');
    await check('PUT', '/facets/{id}', { id: facets[0].id }, { status: 'exploring' });

    // Practice, paths, plan, calendar.
    await check('POST', '/activities', {}, { text: 'Paired on a flaky test', minutes: 45, skills: ['testing'], energy: 2, ease: 4, date: '2026-11-20' });
    await check('GET', '/activities');
    await check('GET', '/balance');
    const experiment = await check(
      'POST',
      '/experiments',
      {},
      { title: 'Lead the standup', track: 'manager', hypothesis: 'I like it', start: '2026-10-01', until: '2026-10-31' },
    );
    await check('POST', '/experiments/{id}/close', { id: experiment.id }, { outcome: 'negative', note: 'drained', on: '2026-10-31' });
    await check('POST', '/experiments', {}, { title: 'Threat model a service', track: 'security', hypothesis: 'maybe', until: '2026-12-31' });
    await check('GET', '/experiments');
    await check('GET', '/path/fit');
    await check('POST', '/plan/week', {}, { hours: 4, days: 'mon,wed,fri' });
    const week = await check('GET', '/plan/week');
    await check('GET', '/plan/settings');
    await check('POST', '/plan/sessions/{id}/done', { id: week.sessions[0].id }, { minutes: 30, energy: 1 });
    await check('POST', '/plan/sessions/{id}/skip', { id: week.sessions[1].id });
    await check('POST', '/calendar/tokens', {}, { label: 'phone' });
    await check('DELETE', '/calendar/tokens', {}, {});

    // The library: items, notes, takeaways, highlights, cards, review.
    const book = await check('POST', '/learning', {}, { title: 'Deep Work', authors: ['Cal Newport'], pages: 300, skills: ['testing'] });
    await check('POST', '/learning', {}, { title: 'The Phoenix Project', kind: 'book' });
    await check('PATCH', '/learning/{id}', { id: book.slug }, { recommendedBy: 'a mentor' });
    await check('POST', '/learning/{id}/progress', { id: book.slug }, { page: 32 });
    await check('POST', '/learning/{id}/notes', { id: book.slug }, { text: 'Time-block the day' });
    const takeaway = await check('POST', '/learning/{id}/takeaways', { id: book.slug }, { text: 'Depth beats breadth' });
    await check('POST', '/learning/{id}/finish', { id: book.slug }, { rating: 3.75, date: '2026-11-22' });
    await check('POST', '/import/goodreads', {}, ...upload(fixture('library/goodreads_library_export-2026.csv'), 'text/csv'));
    await check('POST', '/import/storygraph', {}, ...upload(fixture('library/storygraph.csv'), 'text/csv'));
    await check('POST', '/import/readwise', {}, ...upload(fixture('library/readwise.csv'), 'text/csv'));
    await check('POST', '/import/kindle', {}, ...upload(fixture('library/My Clippings.txt'), 'text/plain'));
    await check('GET', '/learning');
    const withHighlights = (await check('GET', '/learning')).find((item: Json) => item.source === 'kindle' || item.source === 'readwise');
    const detail = await check('GET', '/learning/{id}', { id: withHighlights.id });
    const highlight = detail.highlights[0];
    const card = await check('POST', '/highlights/{id}/card', { id: highlight.id }, { front: 'What does it say?' });
    await check('GET', '/learning/{id}', { id: book.slug });
    await check('GET', '/review');
    await check('POST', '/review/{id}/grade', { id: takeaway.id }, { rating: 'good' });
    await check('DELETE', '/cards/{id}', { id: card.id });
    await check('DELETE', '/learning/{id}', { id: 'the-phoenix-project' });

    // The journal, reflections, Jekyll.
    const entry = await check('POST', '/journal', {}, { title: 'On feedback', body: '# Feedback\n\nAsked *early*.\n', tags: ['feedback'], date: '2026-11-20' });
    await check('POST', '/journal', {}, { title: 'Script', body: '<script>alert(1)</script>', date: '2026-11-21' });
    await check('PATCH', '/journal/{id}', { id: entry.id }, { tags: 'feedback, growth' });
    await check('POST', '/journal/weekly', {}, { week: '2026-W47', grew: 'patience' });
    await check(
      'POST',
      '/import/jekyll',
      { '?': 'name=2020-08-21-what-i-learned-pairing.md' },
      ...upload(fixture('jekyll/_posts/2020-08-21-what-i-learned-pairing.md'), 'text/markdown'),
    );
    await check('POST', '/reflections', {}, { from: '2026-11-01', to: '2026-11-23', title: 'November' });
    await check('GET', '/reflections');
    await check('GET', '/reflections/period');
    await check('GET', '/journal');
    await check('GET', '/journal/search', { '?': 'text=feedback' });
    await check('GET', '/journal/{id}', { id: entry.id });
    await check('DELETE', '/journal/{id}', { id: entry.id });

    // Backups, Loop, and the end of the session; a habit removed last, once nothing needs it.
    await check('GET', '/export/json');
    await check('POST', '/import/loop', {}, ...upload(new Uint8Array(loopDb([{ name: 'Meditate', entries: [{ date: '2026-11-22', value: 2 }] }]))));
    await check('POST', '/habits/{ref}/archive', { ref: read.slug }, {});
    await check('DELETE', '/habits/{ref}', { ref: read.slug });
    await check('GET', '/today');
    await check('POST', '/logout');

    // A JSON route added without a check here fails this line.
    const jsonRoutes = [...declared].filter(([, route]) => route.mediaType === 'application/json').map(([key]) => key);
    expect([...checked].sort()).toEqual(jsonRoutes.sort());
  });

  it('a body with a field its schema does not declare, or missing a required one, fails the check', async () => {
    const schema = declared.get('GET /api/v1/settings')!.schema as ZodType;
    const real = (await api.json('GET', '/api/v1/settings')).body;
    expect(schema.parse(real)).toEqual(real);
    expect(schema.parse({ ...real, secret: 1 })).not.toEqual({ ...real, secret: 1 });
    const { name: _name, ...missing } = real;
    expect(schema.safeParse(missing).success).toBe(false);
  });

  it('every route declares its success response, with a media type', () => {
    const routes = api.app.openAPIRegistry.definitions.filter((d) => d.type === 'route');
    expect(routes.length).toBeGreaterThan(70);
    for (const { route } of routes as Json[]) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      expect(declared.get(key), key).toBeDefined();
      expect(declared.get(key)!.mediaType, key).not.toBe('none');
      expect(declared.get(key)!.schema, key).toBeDefined();
    }
  });
});
