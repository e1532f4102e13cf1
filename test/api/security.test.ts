import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestStore } from '../support/stores.js';
import { createApp } from '../../src/api/app.js';
import { createApiToken, createLoginToken } from '../../src/services/auth.service.js';
import { type Api, TODAY, apiOver, expectError } from './api.helpers.js';

const NOT_SIGNED_IN = 'session: sign in with the link `grow serve` printed, or send Authorization: Bearer <token>';

/** The headers every response carries, refusals included. */
function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describeEachDialect('HTTP security', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  /** A request with exactly these headers: no bearer token unless given. */
  const bare = (path: string, init: RequestInit = {}) => Promise.resolve(api.app.request(path, init));

  /** Signs a browser in through /login?token=… and returns its session cookie. */
  async function signIn(): Promise<{ cookie: string; setCookie: string }> {
    const token = await createLoginToken(db.store, api.personId);
    const response = await bare(`/login?token=${token}`, { headers: { host: 'localhost' } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const setCookie = response.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).toMatch(/^grow_session=[A-Za-z0-9_-]{20,}$/);
    return { cookie, setCookie };
  }

  describe('authentication', () => {
    it('answers GET /healthz and GET /readyz without a sign-in, by any host name, telling nothing of the data', async () => {
      for (const host of ['localhost', '10.0.0.7:4870']) {
        const health = await bare('/healthz', { headers: { host } });
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });
        expectSecurityHeaders(health);
        const ready = await bare('/readyz', { headers: { host } });
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready' });
      }
      // Other paths keep the host check.
      expect((await bare('/api/v1/habits', { headers: { host: '10.0.0.7:4870' } })).status).toBe(403);
    });

    it('GET /readyz answers 503 when the database does not', async () => {
      const gone = await openTestStore(db.dialect);
      const app = createApp({ store: gone, env: { GROW_TODAY: TODAY } });
      await gone.close();
      const ready = await app.request('/readyz', { headers: { host: 'localhost' } });
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database: unreachable, or its migrations are not current' });
      expect((await app.request('/healthz', { headers: { host: 'localhost' } })).status).toBe(200);
    });

    it('refuses /api requests without a session or a bearer token: 401', async () => {
      for (const path of ['/api/v1/habits', '/api/v1/today', '/api/v1/export/json', '/api/v1/nothing-here']) {
        await expectError(await bare(path, { headers: { host: 'localhost' } }), 401, 'unauthenticated', NOT_SIGNED_IN);
      }
      await expectError(
        await bare('/api/v1/habits', {
          method: 'POST',
          headers: { host: 'localhost', 'content-type': 'application/json', origin: 'http://localhost' },
          body: '{"name":"Read"}',
        }),
        401,
        'unauthenticated',
        NOT_SIGNED_IN,
      );
      await expectError(
        await bare('/api/v1/habits', { headers: { host: 'localhost', authorization: 'Bearer not-a-token' } }),
        401,
        'unauthenticated',
        NOT_SIGNED_IN,
      );
      await expectError(await bare('/api/v1/habits', { headers: { host: 'localhost', cookie: 'grow_session=forged' } }), 401, 'unauthenticated', NOT_SIGNED_IN);
      // A login token is not a session: it must be traded at /login first.
      const login = await createLoginToken(db.store, api.personId);
      await expectError(
        await bare('/api/v1/habits', { headers: { host: 'localhost', authorization: `Bearer ${login}` } }),
        401,
        'unauthenticated',
        NOT_SIGNED_IN,
      );
      // The OpenAPI document maps every route: it too answers only with a session or a token.
      await expectError(await bare('/api/openapi.json', { headers: { host: 'localhost' } }), 401, 'unauthenticated', NOT_SIGNED_IN);
      await expectError(
        await bare('/api/openapi.json', { headers: { host: 'localhost', authorization: 'Bearer not-a-token' } }),
        401,
        'unauthenticated',
        NOT_SIGNED_IN,
      );
      const document = await api.call('GET', '/api/openapi.json');
      expect(document.status).toBe(200);
      expect(((await document.json()) as { openapi: string }).openapi).toMatch(/^3\.1\./);
      // Nothing was written by the refused POST.
      expect((await api.json('GET', '/api/v1/habits')).body).toEqual([]);
    });

    it('accepts a bearer token, for reads and for changes without an Origin', async () => {
      expect((await api.call('GET', '/api/v1/habits')).status).toBe(200);
      expect((await api.call('POST', '/api/v1/habits', { name: 'Read' })).status).toBe(201);
      expect((await api.call('GET', '/api/v1/habits', undefined, { authorization: `bearer ${api.token}` })).status).toBe(200);
    });

    it('/login?token= signs a browser in once, with an HttpOnly SameSite=Strict cookie that then authenticates', async () => {
      const token = await createLoginToken(db.store, api.personId);
      const first = await bare(`/login?token=${token}`, { headers: { host: 'localhost' } });
      expect(first.status).toBe(303);
      expectSecurityHeaders(first);
      const setCookie = first.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^grow_session=[A-Za-z0-9_-]+;/);
      expect(setCookie).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(setCookie).toMatch(/;\s*SameSite=Strict(;|$)/i);
      expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
      const cookie = setCookie.split(';')[0]!;

      // One time only.
      const again = await bare(`/login?token=${token}`, { headers: { host: 'localhost' } });
      await expectError(again, 401, 'unauthenticated', 'token: unknown, expired or already used; run `grow login-link` for a new sign-in link');
      expect(again.headers.get('set-cookie')).toBe(null);
      await expectError(await bare('/login', { headers: { host: 'localhost' } }), 401, 'unauthenticated', 'token: missing; open the link `grow serve` printed');
      await expectError(await bare('/login?token=made-up', { headers: { host: 'localhost' } }), 401, 'unauthenticated');

      await api.call('POST', '/api/v1/habits', { name: 'Read' });
      const list = await bare('/api/v1/habits', { headers: { host: 'localhost', cookie } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { slug: string }[]).map((h) => h.slug)).toEqual(['read']);
      // The signed-in browser reads the OpenAPI document too.
      expect((await bare('/api/openapi.json', { headers: { host: 'localhost', cookie } })).status).toBe(200);
    });

    it('an expired sign-in link is refused', async () => {
      const old = await createLoginToken(db.store, api.personId, new Date(Date.now() - 25 * 3600_000));
      await expectError(
        await bare(`/login?token=${old}`, { headers: { host: 'localhost' } }),
        401,
        'unauthenticated',
        'token: unknown, expired or already used; run `grow login-link` for a new sign-in link',
      );
    });

    it('a state-changing request with the session cookie needs a same-origin Origin: 403 otherwise, nothing written', async () => {
      const { cookie } = await signIn();
      const post = (headers: Record<string, string>) =>
        bare('/api/v1/habits', {
          method: 'POST',
          headers: { host: 'localhost', cookie, 'content-type': 'application/json', ...headers },
          body: '{"name":"Read"}',
        });
      await expectError(await post({}), 403, 'forbidden', 'origin: "" may not change data here');
      await expectError(await post({ origin: 'http://evil.example' }), 403, 'forbidden', 'origin: "http://evil.example" may not change data here');
      await expectError(await post({ origin: 'null' }), 403, 'forbidden', 'origin: "null" may not change data here');
      await expectError(await post({ origin: 'http://localhost:9999' }), 403, 'forbidden', 'origin: "http://localhost:9999" may not change data here');
      for (const [method, path] of [
        ['DELETE', '/api/v1/habits/read'],
        ['PATCH', '/api/v1/settings'],
        ['POST', '/api/v1/import/json'],
        ['POST', '/api/v1/logout'],
      ] as const) {
        await expectError(await bare(path, { method, headers: { host: 'localhost', cookie, origin: 'http://evil.example' } }), 403, 'forbidden');
      }
      expect((await api.json('GET', '/api/v1/habits')).body).toEqual([]);
      // From the same origin it goes through.
      const ok = await post({ origin: 'http://localhost' });
      expect(ok.status).toBe(201);
      // Reads need no Origin.
      expect((await bare('/api/v1/habits', { headers: { host: 'localhost', cookie } })).status).toBe(200);
    });

    it("behind a proxy that terminates HTTPS, the public host's https origin may change data", async () => {
      api = await apiOver(db, { publicHost: 'grow.example.com' });
      const { cookie } = await signIn();
      const post = (origin: string) =>
        bare('/api/v1/habits', {
          method: 'POST',
          headers: { host: 'grow.example.com', cookie, origin, 'content-type': 'application/json' },
          body: '{"name":"Read"}',
        });
      await expectError(await post('https://evil.example'), 403, 'forbidden', 'origin: "https://evil.example" may not change data here');
      expect((await post('https://grow.example.com')).status).toBe(201);
    });

    it('POST /logout ends the session', async () => {
      const { cookie } = await signIn();
      const out = await bare('/api/v1/logout', { method: 'POST', headers: { host: 'localhost', cookie, origin: 'http://localhost' } });
      expect(out.status).toBe(200);
      expect(await out.json()).toEqual({ signedOut: true });
      expect(out.headers.get('set-cookie')).toMatch(/^grow_session=;/);
      await expectError(await bare('/api/v1/habits', { headers: { host: 'localhost', cookie } }), 401, 'unauthenticated', NOT_SIGNED_IN);
    });
  });

  describe('host check (DNS rebinding)', () => {
    it('accepts localhost, 127.0.0.1 and [::1], with or without a port', async () => {
      for (const host of ['localhost', 'localhost:4870', 'LOCALHOST:4870', '127.0.0.1', '127.0.0.1:4870', '[::1]', '[::1]:4870']) {
        expect((await api.call('GET', '/api/v1/habits', undefined, { host })).status, host).toBe(200);
      }
    });

    it('refuses any other Host with 403, on every path, before authentication', async () => {
      for (const host of ['evil.example', 'evil.example:4870', 'localhost.evil.example', '127.0.0.2', '[::2]', '0.0.0.0:4870']) {
        const response = await api.call('GET', '/api/v1/habits', undefined, { host });
        await expectError(response, 403, 'forbidden', `host: ${JSON.stringify(host)} is not allowed; use localhost or set --public-host`);
      }
      await expectError(await bare('/api/v1/habits', { headers: { host: 'evil.example' } }), 403, 'forbidden');
      await expectError(await bare('/api/openapi.json', { headers: { host: 'evil.example' } }), 403, 'forbidden');
      const token = await createLoginToken(db.store, api.personId);
      await expectError(await bare(`/login?token=${token}`, { headers: { host: 'evil.example' } }), 403, 'forbidden');
      // The refused request did not use up the sign-in link.
      expect((await bare(`/login?token=${token}`, { headers: { host: 'localhost' } })).status).toBe(303);
      await expectError(await bare('/api/v1/habits'), 403, 'forbidden', 'host: "" is not allowed; use localhost or set --public-host');
    });

    it('accepts the configured public host', async () => {
      const ctx = await db.ctx();
      const token = await createApiToken(db.store, ctx.personId, 'proxy');
      const app = createApp({ store: db.store, env: { GROW_TODAY: TODAY }, publicHost: 'grow.example.com' });
      const get = (host: string) => Promise.resolve(app.request('/api/v1/habits', { headers: { host, authorization: `Bearer ${token}` } }));
      expect((await get('grow.example.com')).status).toBe(200);
      expect((await get('grow.example.com:8443')).status).toBe(200);
      expect((await get('localhost')).status).toBe(200);
      await expectError(await get('evil.example'), 403, 'forbidden');
      await expectError(await get('other.example.com'), 403, 'forbidden');
    });
  });

  describe('security headers', () => {
    it('are on successful responses and on every kind of error', async () => {
      const responses: [string, Response][] = [
        ['200', await api.call('GET', '/api/v1/habits')],
        ['201', await api.call('POST', '/api/v1/habits', { name: 'Read' })],
        ['400', await api.call('POST', '/api/v1/habits', { name: '' })],
        ['401', await bare('/api/v1/habits', { headers: { host: 'localhost' } })],
        ['403 host', await api.call('GET', '/api/v1/habits', undefined, { host: 'evil.example' })],
        ['404', await api.call('GET', '/api/v1/habits/nope')],
        ['404 route', await api.call('GET', '/api/v1/nothing')],
        ['409', await api.call('POST', '/api/v1/habits', { name: 'Read' })],
        ['openapi', await api.call('GET', '/api/openapi.json')],
        ['openapi 401', await bare('/api/openapi.json', { headers: { host: 'localhost' } })],
        ['export', await api.call('GET', '/api/v1/export/json')],
      ];
      expect(responses.map(([, r]) => r.status)).toEqual([200, 201, 400, 401, 403, 404, 404, 409, 200, 401, 200]);
      for (const [label, response] of responses) {
        try {
          expectSecurityHeaders(response);
        } catch (error) {
          throw new Error(`${label}: ${(error as Error).message}`);
        }
      }
    });
  });
});
