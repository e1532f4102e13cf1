import { describe, expect, it } from 'vitest';
import { instantInZone } from '../../src/core/calendar.js';
import { createContext, noonOf, pinnedToday } from '../../src/services/context.js';
import { updatePerson } from '../../src/store/person.repository.js';
import { describeEachDialect } from '../support/stores.js';

/** The wall clock in `timeZone` at `instant`: `2027-03-01 12:00`. */
const wallClock = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
};

describe('the pinned clock', () => {
  it('is noon of the pinned day on the wall clock of any zone, across daylight-saving changes', () => {
    expect(instantInZone('2027-03-01', 12, 'America/Los_Angeles').toISOString()).toBe('2027-03-01T20:00:00.000Z');
    expect(instantInZone('2027-07-01', 12, 'America/Los_Angeles').toISOString()).toBe('2027-07-01T19:00:00.000Z');
    expect(instantInZone('2027-03-01', 12, 'Asia/Kolkata').toISOString()).toBe('2027-03-01T06:30:00.000Z');
    expect(instantInZone('2027-03-01', 12, 'Pacific/Kiritimati').toISOString()).toBe('2027-02-28T22:00:00.000Z');
    // The day the clocks go forward in Los Angeles (14 March 2027) and back (7 November 2027).
    for (const day of ['2027-03-14', '2027-11-07', '2027-03-13', '2027-11-06']) {
      expect(wallClock(instantInZone(day, 12, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe(`${day} 12:00`);
    }
  });

  it('reads the system zone from the Date object when the person has none', () => {
    const noon = noonOf('2027-03-01', null);
    expect([noon.getFullYear(), noon.getMonth(), noon.getDate(), noon.getHours(), noon.getMinutes()]).toEqual([2027, 2, 1, 12, 0]);
  });

  it('refuses a GROW_TODAY that is not a date, naming it', () => {
    expect(pinnedToday({})).toBeNull();
    expect(pinnedToday({ GROW_TODAY: '' })).toBeNull();
    expect(pinnedToday({ GROW_TODAY: '2028-02-29' })).toBe('2028-02-29');
    for (const bad of ['2027-02-29', 'tomorrow', '2027-3-1', '2027-03-01T12:00']) {
      expect(() => pinnedToday({ GROW_TODAY: bad })).toThrow(`GROW_TODAY: expected a date YYYY-MM-DD, got ${JSON.stringify(bad)}`);
    }
  });
});

describeEachDialect('createContext under GROW_TODAY', (db) => {
  for (const [zone, expected] of [
    ['America/Los_Angeles', '2027-03-01T20:00:00.000Z'],
    ['Asia/Kolkata', '2027-03-01T06:30:00.000Z'],
  ] as const) {
    it(`now() is 12:00 on the pinned day in the person's zone (${zone})`, async () => {
      const { personId } = await db.ctx();
      await updatePerson(db.store.db, personId, { time_zone: zone });
      const ctx = await createContext(db.store, { personId, env: { GROW_TODAY: '2027-03-01' } });
      expect(ctx.today).toBe('2027-03-01');
      expect(ctx.timeZone).toBe(zone);
      expect(ctx.now().toISOString()).toBe(expected);
      expect(wallClock(ctx.now(), zone)).toBe('2027-03-01 12:00');
      // Another pinned day moves the clock by whole days.
      const next = await createContext(db.store, { personId, env: { GROW_TODAY: '2027-03-08' } });
      expect(next.now().getTime() - ctx.now().getTime()).toBe(7 * 86_400_000);
    });
  }

  it('follows the wall clock when nothing pins it, and an injected clock over GROW_TODAY', async () => {
    const { personId } = await db.ctx();
    const before = Date.now();
    const ctx = await createContext(db.store, { personId, env: {} });
    expect(ctx.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(ctx.now().getTime()).toBeLessThanOrEqual(Date.now());
    const injected = await createContext(db.store, { personId, env: { GROW_TODAY: '2027-03-01' }, now: () => new Date('2027-03-01T08:15:00Z') });
    expect(injected.now().toISOString()).toBe('2027-03-01T08:15:00.000Z');
  });
});
