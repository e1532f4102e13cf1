import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { apiOver, expectError } from './api.helpers.js';

describeEachDialect('plan and calendar API', (db) => {
  it('GET /plan/week with hours and days shows what they would plan (a preview), with the CLI’s errors', async () => {
    const api = await apiOver(db);
    const { status, body } = await api.json('GET', '/api/v1/plan/week?hours=2&days=mon,wed');
    expect(status).toBe(200);
    expect(body).toMatchObject({ start: '2026-11-23', kept: false });
    expect(body.sessions.every((s: { id: string | null }) => s.id === null)).toBe(true);
    expect(body.sessions.map((s: { date: string }) => s.date)).toEqual(['2026-11-23', '2026-11-25']);
    expect(body.sessions.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0)).toBe(120);
    await expectError(await api.call('GET', '/api/v1/plan/week?hours=0'), 400, 'validation_failed', 'hours: must be greater than 0');
    await expectError(await api.call('GET', '/api/v1/plan/week?hours=41'), 400, 'validation_failed', 'hours: at most 40 hours a week');
    await expectError(await api.call('GET', '/api/v1/plan/week?days='), 400, 'validation_failed', 'days: name at least one day, e.g. mon,wed,fri');
    await expectError(await api.call('GET', '/api/v1/plan/week?days=mon,xyz'), 400, 'validation_failed', /^days: unknown day "xyz"/);
    await expectError(await api.call('GET', '/api/v1/plan/week?start=soon'), 400, 'validation_failed', 'start: expected a date YYYY-MM-DD');
  });

  it('keeps the week: POST /plan/week saves hours and days, sessions are done or skipped by id', async () => {
    const api = await apiOver(db);
    expect((await api.json('PUT', '/api/v1/target', { track: 'ic', level: 'senior' })).status).toBe(200);
    const saved = await api.json('POST', '/api/v1/plan/week', { hours: 4, days: ['mon', 'wed', 'fri'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ start: '2026-11-23', kept: true });
    expect(await api.json('GET', '/api/v1/plan/settings')).toEqual({ status: 200, body: { hours: 4, days: ['mon', 'wed', 'fri'] } });
    // Read again: the same kept sessions, each with its id and status.
    const week = (await api.json('GET', '/api/v1/plan/week')).body;
    expect(week).toEqual(saved.body);
    const [first, second] = week.sessions as { id: string; minutes: number; skill: string }[];

    const done = await api.json('POST', `/api/v1/plan/sessions/${first!.id}/done`, { energy: 1 });
    expect(done.status).toBe(200);
    expect(done.body.session).toMatchObject({ id: first!.id, status: 'done', activityId: done.body.activity.id });
    expect(done.body.activity).toMatchObject({ minutes: first!.minutes, skills: [first!.skill], energy: 1, date: '2026-11-23' });
    // No body at all: the session's minutes.
    const skipped = await api.json('POST', `/api/v1/plan/sessions/${second!.id}/skip`);
    expect(skipped).toMatchObject({ status: 200, body: { id: second!.id, status: 'skipped' } });

    const activities = (await api.json('GET', '/api/v1/activities')).body;
    await expectError(
      await api.call('POST', `/api/v1/plan/sessions/${first!.id}/done`, {}),
      409,
      'conflict',
      'session: already done: its practice is logged once',
    );
    await expectError(await api.call('POST', `/api/v1/plan/sessions/${second!.id}/skip`), 409, 'conflict', 'session: already skipped');
    await expectError(await api.call('POST', '/api/v1/plan/sessions/nope/done', {}), 404, 'not_found', 'session: no session "nope"');
    await expectError(
      await api.call('POST', `/api/v1/plan/sessions/${second!.id}/done`, { minutes: 0 }),
      400,
      'validation_failed',
      'minutes: must be more than 0',
    );
    await expectError(
      await api.call('POST', `/api/v1/plan/sessions/${second!.id}/done`, { minutes: 20, date: '2026-11-20' }),
      400,
      'validation_failed',
      'date: unknown field',
    );
    await expectError(
      await api.call('POST', `/api/v1/plan/sessions/${second!.id}/done`, '{"minutes":', { 'content-type': 'application/json' }),
      400,
      'validation_failed',
    );
    await expectError(
      await api.call('POST', '/api/v1/plan/week', { hours: 'lots' }),
      400,
      'validation_failed',
      'hours: expected a number of hours, got "lots"',
    );
    await expectError(await api.call('POST', '/api/v1/plan/week', { replan: 'yes' }), 400, 'validation_failed', 'replan: expected true or false');
    // Refused: nothing logged, nothing changed.
    expect((await api.json('GET', '/api/v1/activities')).body).toEqual(activities);
    expect((await api.json('GET', '/api/v1/plan/week')).body.sessions[1]).toMatchObject({ status: 'skipped' });
    expect((await api.json('GET', '/api/v1/plan/settings')).body).toEqual({ hours: 4, days: ['mon', 'wed', 'fri'] });

    // Replan: the done and skipped sessions stay, the rest of the week is made again with what is
    // left of its hours (4 hours less Monday's two hours), on the other days.
    const replanned = (await api.json('POST', '/api/v1/plan/week', { replan: true })).body;
    expect(replanned.sessions.map((s: { id: string; date: string; minutes: number }) => [s.date, s.minutes])).toEqual([
      ['2026-11-23', 60],
      ['2026-11-23', 60],
      ['2026-11-25', 60],
      ['2026-11-27', 60],
    ]);
    expect(replanned.sessions.slice(0, 2).map((s: { id: string }) => s.id)).toEqual([first!.id, second!.id]);
    // Today shows today's sessions with their status.
    const today = (await api.json('GET', '/api/v1/today')).body;
    expect(today.planned.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [first!.id, 'done'],
      [second!.id, 'skipped'],
    ]);
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
