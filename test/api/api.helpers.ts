import { expect } from 'vitest';
import { createApp, type GrowApp } from '../../src/api/app.js';
import { createApiToken } from '../../src/services/auth.service.js';
import type { TestDb } from '../support/stores.js';

export const TODAY = '2026-11-23';

export interface Api {
  app: GrowApp;
  token: string;
  personId: string;
  /** A request as a script makes it: Host localhost, Authorization: Bearer <token>, JSON body. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The same, returning status and parsed JSON body. */
  json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
}

/** The whole app in-process over the test database, with a bearer token for the test's person. */
export async function apiOver(db: TestDb, options: { publicHost?: string } = {}): Promise<Api> {
  const ctx = await db.ctx();
  const token = await createApiToken(db.store, ctx.personId, 'tests');
  const app = createApp({ store: db.store, env: { GROW_TODAY: TODAY }, publicHost: options.publicHost });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = {
      method,
      headers: {
        host: 'localhost',
        authorization: `Bearer ${token}`,
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(app.request(path, init));
  };
  return {
    app,
    token,
    personId: ctx.personId,
    call,
    async json(method, path, body, headers) {
      const response = await call(method, path, body, headers);
      return { status: response.status, body: await response.json() };
    },
  };
}

/** An error response: the status, and the body {error: {code, message}} with exactly these values. */
export async function expectError(response: Response, status: number, code: string, message?: string | RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; details?: { path: string; message: string }[]; hint?: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(['code', 'message', 'details', 'more', 'hint']).toEqual(expect.arrayContaining(Object.keys(body.error)));
  // Details, when given, name every problem; the message begins with the first.
  if (body.error.details) {
    expect(body.error.details.length).toBeGreaterThan(0);
    const first = body.error.details[0]!;
    expect(body.error.message).toContain(first.message);
  }
  // A hint, when given, is what the message ends with: it holds for every problem.
  if (body.error.hint) expect(body.error.message).toContain(body.error.hint);
  expect(body.error.code).toBe(code);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else if (message) expect(body.error.message).toMatch(message);
}
