import { describe, expect, it } from 'vitest';
import type { Framework, Skill, Track } from '../../src/core/framework.js';
import { AppError } from '../../src/core/errors.js';
import {
  type PlanInput,
  chooseAim,
  hoursFrom,
  mondayOf,
  parsePlanDays,
  planDates,
  planWeek,
  restOfWeek,
  sessionLengths,
  viewStatus,
  weekEndOf,
} from '../../src/core/plan.js';

const skill = (id: string, kind: Skill['kind']): Skill => {
  const level = { summary: '', behaviours: [] };
  return { id, name: id.toUpperCase(), kind, description: '', levels: { 1: level, 2: level, 3: level, 4: level, 5: level } };
};

// Technical: t1, t2, t3. Soft: s1, s2.
const ic: Track = {
  id: 'ic',
  name: 'IC',
  type: 'ladder',
  description: '',
  facets: [],
  levels: [
    { id: 'junior', name: 'Junior', expects: { t1: 1, t2: 1, t3: 1, s1: 1, s2: 1 } },
    { id: 'senior', name: 'Senior', expects: { t1: 4, t2: 3, t3: 2, s1: 3, s2: 2 } },
  ],
};
const manager: Track = {
  id: 'manager',
  name: 'Manager',
  type: 'ladder',
  description: '',
  facets: [],
  levels: [{ id: 'lead', name: 'Lead', expects: { t1: 1, s1: 4, s2: 4 } }],
};
const framework: Framework = {
  id: 'f',
  name: 'F',
  version: '1',
  description: '',
  skills: [skill('t1', 'technical'), skill('t2', 'technical'), skill('t3', 'technical'), skill('s1', 'soft'), skill('s2', 'soft')],
  tracks: [ic, manager],
};

const MONDAY = '2026-11-30';
const junior = new Map([
  ['t1', 1],
  ['t2', 1],
  ['t3', 1],
  ['s1', 1],
  ['s2', 1],
]);

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  const current = overrides.current ?? junior;
  return {
    framework,
    current,
    aim: chooseAim(framework, current, { track: 'ic', level: 'senior' }),
    lastPractice: new Map([
      ['t1', '2026-11-25'],
      ['s1', '2026-11-26'],
    ]),
    start: MONDAY,
    days: [0, 1, 2, 3, 4],
    hours: 3,
    technicalRatio: 0.5,
    ...overrides,
  };
}

describe('plan dates and lengths', () => {
  it('runs weeks from Monday to Sunday', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekEndOf('2026-11-23')).toBe('2026-11-29');
  });

  it('parses days and refuses an unknown or missing day', () => {
    expect(parsePlanDays('fri, mon,wed,mon')).toEqual([0, 2, 4]);
    expect(() => parsePlanDays('')).toThrow(new AppError('validation_failed', 'days: name at least one day, e.g. mon,wed,fri'));
    expect(() => parsePlanDays('mon,funday')).toThrow('days: unknown day "funday"; expected mon, tue, wed, thu, fri, sat or sun');
  });

  it('takes the chosen weekdays of the 7 days from the start, in date order', () => {
    expect(planDates('2026-12-02', [0, 2])).toEqual(['2026-12-02', '2026-12-07']);
    // Up to an end: the rest of a week, from Wednesday to its Sunday, never next week's Monday.
    expect(planDates('2026-12-02', [0, 2, 6], weekEndOf(MONDAY))).toEqual(['2026-12-02', '2026-12-06']);
  });

  it("shares a week's hours evenly over its chosen days, so the rest of a week gets the rest's share", () => {
    expect(hoursFrom(3, [0, 1, 2, 3, 4], MONDAY, MONDAY)).toBe(3);
    expect(sessionLengths(hoursFrom(3, [0, 1, 2, 3, 4], MONDAY, '2026-12-02'), 3)).toEqual([35, 35, 35]);
    expect(hoursFrom(4, [0, 2, 4], MONDAY, '2026-12-05')).toBe(0); // Saturday: no chosen day left
    expect(hoursFrom(4, [], MONDAY, MONDAY)).toBe(0);
  });

  it('plans the rest of a week with its share of the hours, less the sessions that stay on the days left', () => {
    const settings = { hours: 3, days: [0, 1, 2, 3, 4] };
    const wednesday = '2026-12-02';
    // Monday's session, done, is of a day gone by: the days from Wednesday get 3/5 of the hours.
    expect(restOfWeek(settings, MONDAY, wednesday, [{ date: MONDAY, minutes: 40 }])).toEqual({
      start: wednesday,
      end: '2026-12-06',
      days: [2, 3, 4],
      hours: 1.8,
    });
    // Thursday's, skipped ahead of time, uses its minutes and keeps its day free of new sessions.
    const rest = restOfWeek(settings, MONDAY, wednesday, [{ date: '2026-12-03', minutes: 35 }]);
    expect(rest.days).toEqual([2, 4]);
    expect(sessionLengths(rest.hours, rest.days.length)).toEqual([35, 35]);
    // A session on a day no longer chosen uses nothing of the new days' share.
    expect(restOfWeek({ hours: 4, days: [0, 2, 4] }, MONDAY, wednesday, [{ date: '2026-12-03', minutes: 35 }]).hours).toBeCloseTo(8 / 3);
    // Every day left holds a session that stays: they may take more, if any minutes are left.
    expect(restOfWeek({ hours: 1, days: [4] }, MONDAY, wednesday, [{ date: '2026-12-04', minutes: 60 }])).toMatchObject({ days: [4], hours: 0 });
  });

  it('shows a planned session whose day has passed as missed', () => {
    expect(viewStatus('planned', '2026-11-30', '2026-12-01')).toBe('missed');
    expect(viewStatus('planned', '2026-12-01', '2026-12-01')).toBe('planned');
    expect(viewStatus('skipped', '2026-11-30', '2026-12-01')).toBe('skipped');
    expect(viewStatus('done', '2026-11-30', '2026-12-01')).toBe('done');
  });

  it('splits the hours in 5-minute steps, at most 60 minutes a session, one a day while each lasts 20', () => {
    expect(sessionLengths(3, 5)).toEqual([40, 35, 35, 35, 35]);
    expect(sessionLengths(10, 5)).toEqual(Array(10).fill(60));
    expect(sessionLengths(1, 5)).toEqual([20, 20, 20]);
    expect(sessionLengths(0.25, 5)).toEqual([15]);
    expect(sessionLengths(40, 7).reduce((a, b) => a + b)).toBe(2400);
  });
});

describe('chooseAim', () => {
  it("is the target's level when the framework has it", () => {
    expect(chooseAim(framework, junior, { track: 'ic', level: 'senior' })).toMatchObject({ track: { id: 'ic' }, level: { id: 'senior' }, basis: 'target' });
  });

  it('without a target: the next level of the ladder with the fewest rating points missing', () => {
    // ic: junior met, senior misses 3+2+1+2+1 = 9; manager lead misses 0+3+3 = 6.
    expect(chooseAim(framework, junior, undefined)).toMatchObject({ track: { id: 'manager' }, level: { id: 'lead' }, basis: 'closest' });
    // Nothing rated: ic junior misses 5, manager lead 9.
    expect(chooseAim(framework, new Map(), undefined)).toMatchObject({ track: { id: 'ic' }, level: { id: 'junior' } });
    // A target the framework no longer has falls back too.
    expect(chooseAim(framework, new Map(), { track: 'gone', level: 'x' })?.basis).toBe('closest');
  });
});

describe('planWeek', () => {
  it('fits the hours and days, alternates kinds and aims at the largest gaps', () => {
    const plan = planWeek(input());
    expect(plan.start).toBe(MONDAY);
    expect(plan.sessions.map((s) => s.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(plan.sessions.reduce((sum, s) => sum + s.minutes, 0)).toBe(180);
    // Gaps weighed by the sessions they already have: t1 3, t2 2 (then t1 3/2); s1 2, then s1 2/2
    // against s2 1/1, a tie the larger gap wins.
    expect(plan.sessions.map((s) => [s.kind, s.skill])).toEqual([
      ['technical', 't1'],
      ['soft', 's1'],
      ['technical', 't2'],
      ['soft', 's1'],
      ['technical', 't1'],
    ]);
    expect(plan.sessions[0]!.why).toBe(
      'Largest technical gap open: T1 is at 1, Senior (your target) expects 4 (gap 3). Last practised 5 days before the week. Alternates with soft practice so both grow side by side.',
    );
  });

  it('never puts two sessions of the same kind in a row when both are planned', () => {
    for (const hours of [0.5, 1, 3, 7.5, 12, 40]) {
      for (const days of [[0], [0, 3], [0, 1, 2, 3, 4, 5, 6]]) {
        const sessions = planWeek(input({ hours, days })).sessions;
        for (let i = 1; i < sessions.length; i++) expect(sessions[i]!.kind).not.toBe(sessions[i - 1]!.kind);
        expect(sessions.reduce((sum, s) => sum + s.minutes, 0)).toBe(Math.floor(hours * 12) * 5);
      }
    }
  });

  it('repairs a neglected kind first: 14 days or more without practice', () => {
    const plan = planWeek(
      input({
        lastPractice: new Map([
          ['t1', '2026-11-29'],
          ['s2', '2026-11-16'],
        ]),
      }),
    );
    expect(plan.sessions[0]).toMatchObject({ kind: 'soft', skill: 's1' });
    expect(plan.sessions[0]!.why).toMatch(/^No soft practice for 14 days: the week starts by repairing it\./);
    expect(plan.sessions[1]!.kind).toBe('technical');
    // Thirteen days is not neglect: the larger gap (technical) leads.
    expect(
      planWeek(
        input({
          lastPractice: new Map([
            ['t1', '2026-11-29'],
            ['s2', '2026-11-17'],
          ]),
        }),
      ).sessions[0]!.kind,
    ).toBe('technical');
  });

  it('with both kinds neglected, the longer neglected (never practised) comes first', () => {
    const plan = planWeek(input({ lastPractice: new Map([['s1', '2026-10-01']]) }));
    expect(plan.sessions[0]!.kind).toBe('technical');
    expect(plan.sessions[0]!.why).toMatch(/^No technical practice yet: the week starts by repairing it\./);
  });

  it('is stable: the same data gives the same plan, ties broken by id', () => {
    const flat = new Map([
      ['t1', 0],
      ['t2', 0],
      ['t3', 0],
      ['s1', 0],
      ['s2', 0],
    ]);
    const aim = { track: ic, level: { id: 'even', name: 'Even', expects: { t3: 2, t2: 2, t1: 2, s2: 2, s1: 2 } }, basis: 'target' as const };
    const a = planWeek(input({ current: flat, aim, lastPractice: new Map() }));
    const b = planWeek(input({ current: flat, aim, lastPractice: new Map() }));
    expect(a).toEqual(b);
    expect(a.sessions.map((s) => s.skill)).toEqual(['t1', 's1', 't2', 's2', 't3']);
  });

  it('keeps to one session per skill a day while another skill of the kind is free', () => {
    const plan = planWeek(input({ hours: 10, days: [0] }));
    const technical = plan.sessions.filter((s) => s.kind === 'technical').map((s) => s.skill);
    expect(new Set(technical).size).toBe(3);
    expect(plan.sessions).toHaveLength(10);
  });

  it('leaves out a kind whose share of practice is 0', () => {
    const plan = planWeek(input({ technicalRatio: 1 }));
    expect(plan.sessions.every((s) => s.kind === 'technical')).toBe(true);
    expect(plan.sessions[0]!.why).not.toMatch(/Alternates/);
  });

  it('once every gap is closed, keeps practising the longest unpractised expected skills', () => {
    const senior = new Map([
      ['t1', 4],
      ['t2', 3],
      ['t3', 2],
      ['s1', 3],
      ['s2', 2],
    ]);
    const plan = planWeek(input({ current: senior }));
    expect(plan.sessions[0]).toMatchObject({ skill: 't2' }); // never practised, before t1 (5 days)
    expect(plan.sessions[0]!.why).toMatch(/^T2 meets Senior \(your target\) \(3 of 3 expected\); practice keeps it there\./);
  });

  it("carries last week's missed sessions: their skills first within their kind, with a why that says so", () => {
    const missed = [
      { id: 'm1', date: '2026-11-25', skill: 't3' },
      { id: 'm2', date: '2026-11-26', skill: 's2' },
      { id: 'm3', date: '2026-11-27', skill: 'gone' }, // no longer in the framework: dropped
    ];
    const plan = planWeek(input({ missed }));
    // The kinds still alternate, technical first (the larger gap); each kind starts with its miss.
    expect(plan.sessions.map((s) => [s.kind, s.skill, s.carriedFrom])).toEqual([
      ['technical', 't3', 'm1'],
      ['soft', 's2', 'm2'],
      ['technical', 't1', null],
      ['soft', 's1', null],
      ['technical', 't2', null],
    ]);
    expect(plan.sessions[0]!.why).toBe(
      'Missed on 2026-11-25: carried into this week. Largest technical gap open: T3 is at 1, Senior (your target) expects 2 (gap 1). Not practised yet. Alternates with soft practice so both grow side by side.',
    );
    // More misses than sessions of the kind: as many as fit, oldest first.
    const many = planWeek(input({ hours: 0.75, days: [0, 1, 2], missed: [missed[0]!, { id: 'm4', date: '2026-11-28', skill: 't2' }, missed[1]!] }));
    expect(many.sessions.map((s) => s.carriedFrom)).toEqual(['m1', 'm2']);
    // A kind not planned carries nothing.
    expect(
      planWeek(input({ technicalRatio: 1, missed }))
        .sessions.filter((s) => s.carriedFrom !== null)
        .map((s) => s.skill),
    ).toEqual(['t3']);
  });

  it('replans from midweek: only the days left, the kept sessions counted, the kinds going on from them', () => {
    const wednesday = '2026-12-02';
    const kept = [
      { date: '2026-11-30', skill: 't1', kind: 'technical' as const },
      { date: '2026-12-01', skill: 's1', kind: 'soft' as const },
    ];
    const days = [0, 1, 2, 3, 4];
    const rest = planWeek(input({ start: wednesday, end: weekEndOf(MONDAY), days, hours: hoursFrom(3, days, MONDAY, wednesday), kept }));
    expect(rest.sessions.map((s) => s.date)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04']);
    expect(rest.sessions.map((s) => s.minutes)).toEqual([35, 35, 35]);
    // After soft on Tuesday, technical; t1 has had its session, so t2 (gap 2 against t1's 3/2) comes
    // first; s1 had one too (2/2), which ties with s2 (1/1), and the larger gap wins.
    expect(rest.sessions.map((s) => [s.kind, s.skill])).toEqual([
      ['technical', 't2'],
      ['soft', 's1'],
      ['technical', 't1'],
    ]);
    // Pure: the same input, the same plan.
    expect(planWeek(input({ start: wednesday, end: weekEndOf(MONDAY), days, hours: 1.8, kept }))).toEqual(rest);
  });
});
