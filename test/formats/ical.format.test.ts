import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/core/schedule.js';
import { type CalendarHabit, type CalendarSession, habitRecurrence, parseTimeOfDay, renderCalendar } from '../../src/formats/ical.format.js';

const STAMP = new Date('2026-11-23T12:00:00Z');

function habit(id: string, schedule: string, extra: Partial<CalendarHabit> = {}): CalendarHabit {
  return {
    id,
    name: `Habit ${id}`,
    kind: 'build',
    schedule: parseSchedule(schedule),
    scheduleText: schedule,
    startDate: '2026-11-25', // a Wednesday
    countsFrom: extra.countsFrom ?? extra.startDate ?? '2026-11-25',
    when: null,
    where: null,
    identity: null,
    twoMinute: null,
    ...extra,
  };
}

const session = (date: string, skill: string, kind: 'technical' | 'soft' = 'technical'): CalendarSession => ({
  date,
  skill,
  kind,
  minutes: 35,
  why: `Because ${skill}`,
  skillName: skill.toUpperCase(),
});

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { component, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

/** The first n occurrences' start times as text: dates (YYYY-MM-DD) or local date-times. */
function occurrences(event: ICAL.Event, n: number): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toString());
  return out;
}

describe('parseTimeOfDay', () => {
  it('reads times of day and nothing else', () => {
    expect(parseTimeOfDay('7:30')).toEqual({ hour: 7, minute: 30 });
    expect(parseTimeOfDay('at 19:05')).toEqual({ hour: 19, minute: 5 });
    expect(parseTimeOfDay('7am')).toEqual({ hour: 7, minute: 0 });
    expect(parseTimeOfDay('12:15 pm')).toEqual({ hour: 12, minute: 15 });
    expect(parseTimeOfDay('12am')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('noon')).toEqual({ hour: 12, minute: 0 });
    for (const text of ['after breakfast', '7', '25:00', '7:75', '13pm', '', null]) expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe('renderCalendar', () => {
  const text = renderCalendar({
    name: 'grow',
    stamp: STAMP,
    sessions: [session('2026-11-30', 'testing'), session('2026-12-01', 'empathy', 'soft'), session('2026-12-01', 'empathy', 'soft')],
    habits: [
      habit('h1', 'daily', { when: '7:30', where: 'kitchen table' }),
      habit('h2', 'weekdays', { when: 'after lunch', where: 'the office' }),
      habit('h3', 'mon,fri', { when: '6pm' }),
      habit('h4', '3/week', { when: '8:00' }),
      habit('h5', 'every 3 days', { countsFrom: '2026-11-27' }),
      habit('h6', '2/3days', { countsFrom: '2026-11-26' }),
      habit('h7', 'daily', { kind: 'break', name: 'Doomscrolling' }),
    ],
  });
  const { component, events, byUid } = parse(text);

  it('is RFC 5545: VERSION, PRODID, CRLF line ends, every event with UID, DTSTAMP and DTSTART', () => {
    expect(component.getFirstPropertyValue('version')).toBe('2.0');
    expect(component.getFirstPropertyValue('prodid')).toBe('-//grow//grow//EN');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(events).toHaveLength(10);
    for (const e of events) {
      expect(e.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-23T12:00:00Z');
      expect(e.startDate).toBeTruthy();
    }
  });

  it('holds each planned session as an all-day event with a UID from its date and skill', () => {
    const e = byUid.get('plan-2026-11-30-testing@grow')!;
    expect(e.summary).toBe('Practice TESTING (technical, 35 min)');
    expect(e.description).toBe('Because testing');
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2026-11-30');
    expect(e.isRecurring()).toBe(false);
    // A second session of one skill on one day keeps a distinct, stable UID.
    expect([...byUid.keys()].filter((uid) => uid.startsWith('plan-2026-12-01-empathy'))).toEqual([
      'plan-2026-12-01-empathy@grow',
      'plan-2026-12-01-empathy-2@grow',
    ]);
  });

  it('times a habit whose "when" is a time: floating local time, 30 minutes, the place as LOCATION, FREQ=DAILY', () => {
    const e = byUid.get('habit-h1@grow')!;
    expect(e.startDate.isDate).toBe(false);
    expect(e.startDate.zone?.tzid).toBe('floating');
    expect(e.location).toBe('kitchen table');
    expect(e.duration.toSeconds()).toBe(30 * 60);
    expect(e.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY');
    expect(occurrences(e, 3)).toEqual(['2026-11-25T07:30:00', '2026-11-26T07:30:00', '2026-11-27T07:30:00']);
  });

  it('makes other habits all-day, the intention in the description; weekdays recur MO..FR from the first such day', () => {
    const e = byUid.get('habit-h2@grow')!;
    expect(e.startDate.isDate).toBe(true);
    expect(e.description).toBe('Schedule: weekdays.\nWhen: after lunch\nWhere: the office');
    expect(e.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(occurrences(e, 4)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30']);
  });

  it('recurs on named days, starting on the first of them', () => {
    const e = byUid.get('habit-h3@grow')!;
    expect(e.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
    expect(occurrences(e, 3)).toEqual(['2026-11-27T18:00:00', '2026-11-30T18:00:00', '2026-12-04T18:00:00']);
  });

  it('gives N/week a weekly all-day reminder on Mondays, even with a time', () => {
    const e = byUid.get('habit-h4@grow')!;
    expect(e.startDate.isDate).toBe(true);
    expect(e.description).toMatch(/3 times this week, on days you choose\./);
    expect(occurrences(e, 2)).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('repeats every N days from the next day due, and marks each block of N/M days from its anchor', () => {
    const every = byUid.get('habit-h5@grow')!;
    expect(every.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY;INTERVAL=3');
    expect(occurrences(every, 3)).toEqual(['2026-11-27', '2026-11-30', '2026-12-03']);
    const period = byUid.get('habit-h6@grow')!;
    expect(period.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=DAILY;INTERVAL=3');
    expect(occurrences(period, 2)).toEqual(['2026-11-26', '2026-11-29']);
    expect(period.description).toMatch(/2 times in the 3 days from today/);
  });

  it('names a habit to break as such', () => {
    expect(byUid.get('habit-h7@grow')!.summary).toBe('Break: Doomscrolling');
  });

  it('keeps UIDs stable across exports: the same data gives the same events', () => {
    const again = renderCalendar({
      name: 'grow',
      stamp: new Date('2026-12-01T08:00:00Z'),
      sessions: [session('2026-11-30', 'testing')],
      habits: [habit('h1', 'daily')],
    });
    expect([...parse(again).byUid.keys()]).toEqual(['plan-2026-11-30-testing@grow', 'habit-h1@grow']);
  });
});

describe('habitRecurrence', () => {
  it('starts a weekly rule on its first matching day', () => {
    expect(habitRecurrence(parseSchedule('tue'), '2026-11-25').first).toBe('2026-12-01');
    expect(habitRecurrence(parseSchedule('daily'), '2026-11-25').first).toBe('2026-11-25');
  });
});
