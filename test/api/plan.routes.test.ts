import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { apiOver, expectError } from './api.helpers.js';

describeEachDialect('plan and calendar API', (db) => {
  it('GET /plan/week gives the same plan as the service, with the CLI’s errors', async () => {
    const api = await apiOver(db);
    const { status, body } = await api.json('GET', '/api/v1/plan/week?hours=2&days=mon,wed');
    expect(status).toBe(200);
    expect(body.start).toBe('2026-11-23');
    expect(body.sessions.map((s: { date: string }) => s.date)).toEqual(['2026-11-23', '2026-11-25']);
    expect(body.sessions.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0)).toBe(120);
    await expectError(await api.call('GET', '/api/v1/plan/week?hours=0'), 400, 'validation_failed', 'hours: must be greater than 0');
    await expectError(await api.call('GET', '/api/v1/plan/week?hours=41'), 400, 'validation_failed', 'hours: at most 40 hours a week');
    await expectError(await api.call('GET', '/api/v1/plan/week?days='), 400, 'validation_failed', 'days: name at least one day, e.g. mon,wed,fri');
    await expectError(await api.call('GET', '/api/v1/plan/week?days=mon,xyz'), 400, 'validation_failed', /^days: unknown day "xyz"/);
    await expectError(await api.call('GET', '/api/v1/plan/week?start=soon'), 400, 'validation_failed', 'start: expected a date YYYY-MM-DD');
  });

  it('serves the calendar to a session, and to a feed token in the URL; the token opens nothing else', async () => {
    const api = await apiOver(db);
    const own = await api.call('GET', '/api/v1/calendar.ics?weeks=1');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await own.text();
    expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')).toHaveLength(5);
    await expectError(
      await api.call('GET', '/api/v1/calendar.ics?weeks=13'),
      400,
      'validation_failed',
      /^weeks: expected a whole number of weeks from 1 to 12/,
    );

    const created = await api.json('POST', '/api/v1/calendar/tokens', { label: 'phone' });
    expect(created.status).toBe(201);
    const { token, path } = created.body as { token: string; path: string };
    expect(path).toBe(`/api/v1/calendar.ics?token=${token}`);

    // A calendar app: no cookie, no Authorization header.
    const feed = await api.app.request(path, { headers: { host: 'localhost' } });
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/UID:plan-2026-11-23-/);

    // Read-only: the token authenticates no other route, in the URL or as a bearer.
    await expectError(await api.app.request(`/api/v1/habits?token=${token}`, { headers: { host: 'localhost' } }), 401, 'unauthenticated');
    await expectError(await api.app.request('/api/v1/habits', { headers: { host: 'localhost', authorization: `Bearer ${token}` } }), 401, 'unauthenticated');
    await expectError(
      await api.app.request('/api/v1/calendar/tokens', { method: 'DELETE', headers: { host: 'localhost', authorization: `Bearer ${token}` } }),
      401,
      'unauthenticated',
    );
    await expectError(await api.app.request(`/api/v1/plan/week?token=${token}`, { headers: { host: 'localhost' } }), 401, 'unauthenticated');

    // Revoked: the feed is closed.
    expect(await api.json('DELETE', '/api/v1/calendar/tokens', { token })).toEqual({ status: 200, body: { revoked: 1 } });
    await expectError(await api.app.request(path, { headers: { host: 'localhost' } }), 401, 'unauthenticated', /^token: unknown or revoked calendar token/);
    // An API token is no feed token either.
    await expectError(await api.app.request(`/api/v1/calendar.ics?token=${api.token}`, { headers: { host: 'localhost' } }), 401, 'unauthenticated');
  });

  it('revokes every feed token at once', async () => {
    const api = await apiOver(db);
    const a = (await api.json('POST', '/api/v1/calendar/tokens')).body.token as string;
    await api.json('POST', '/api/v1/calendar/tokens', {});
    expect((await api.json('DELETE', '/api/v1/calendar/tokens')).body).toEqual({ revoked: 2 });
    expect((await api.app.request(`/api/v1/calendar.ics?token=${a}`, { headers: { host: 'localhost' } })).status).toBe(401);
    await expectError(await api.call('POST', '/api/v1/calendar/tokens', { label: 'x', extra: 1 }), 400, 'validation_failed', 'extra: unknown field');
  });
});
