import { describe, expect, it } from 'vitest';
import type { HabitRules, CheckIn } from '../../src/core/habit-stats.js';
import { parseSchedule } from '../../src/core/schedule.js';
import {
  type ReflectionFacts,
  daysIn,
  defaultReflectionTitle,
  habitOverPeriod,
  lastWeekOf,
  reflectionMarkdown,
  skillMoves,
  suggestPeriod,
} from '../../src/core/reflection.js';

/** Loop's daily multiplier m = 0.5^(1/13): strength after k done days in a row is 1 − m^k. */
const m = 0.5 ** (1 / 13);
const daily = (kind: 'build' | 'break' = 'build', target: number | null = null): HabitRules => ({
  kind,
  schedule: parseSchedule('daily'),
  target,
  startDate: '2026-11-01',
});
const done = (date: string, amount: number | null = null): CheckIn => ({ date, status: 'done', amount, note: null });
const at = (date: string, status: CheckIn['status'], amount: number | null = null): CheckIn => ({ date, status, amount, note: null });

describe('a habit over a period', () => {
  it('counts days done and due in the period only, and the strength before and after it', () => {
    const checkIns = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((d) => done(d));
    const result = habitOverPeriod(daily(), checkIns, '2026-11-03', '2026-11-05', '2026-11-05');
    expect(result.done).toBe(3);
    expect(result.due).toBe(3);
    expect(result.strengthStart).toBeCloseTo(1 - m ** 2, 12);
    expect(result.strengthEnd).toBeCloseTo(1 - m ** 5, 12);
  });

  it('a missed day is due and not done; a skipped day counts for neither; strength drops on the miss', () => {
    const checkIns = [done('2026-11-01'), done('2026-11-02'), at('2026-11-04', 'skipped'), done('2026-11-05')];
    const result = habitOverPeriod(daily(), checkIns, '2026-11-01', '2026-11-05', '2026-11-23');
    expect(result).toMatchObject({ done: 3, due: 4, strengthStart: 0 });
    // 1−m, 1−m², then ×m for the miss, the skipped day keeps it, then one more done day.
    expect(result.strengthEnd).toBeCloseTo((1 - m ** 2) * m * m + (1 - m), 12);
  });

  it('a measurable habit done short of its target is due and not done', () => {
    const result = habitOverPeriod(
      daily('build', 20),
      [done('2026-11-01', 25), done('2026-11-02', 10), done('2026-11-03', 20)],
      '2026-11-01',
      '2026-11-03',
      '2026-11-03',
    );
    expect(result).toMatchObject({ done: 2, due: 3 });
  });

  it('a habit to break keeps the days without a slip; today is not over yet', () => {
    const result = habitOverPeriod(daily('break'), [at('2026-11-03', 'slip')], '2026-11-01', '2026-11-05', '2026-11-05');
    expect(result).toMatchObject({ done: 3, due: 4 });
    expect(result.strengthStart).toBe(0);
    // A period that ended before today: its last day is over, and kept.
    expect(habitOverPeriod(daily('break'), [at('2026-11-03', 'slip')], '2026-11-01', '2026-11-05', '2026-11-23')).toMatchObject({ done: 4, due: 5 });
    // Not done on the last day of a past period: missed.
    expect(habitOverPeriod(daily(), [done('2026-11-01')], '2026-11-01', '2026-11-02', '2026-11-23')).toMatchObject({ done: 1, due: 2 });
    expect(habitOverPeriod(daily(), [done('2026-11-01')], '2026-11-01', '2026-11-02', '2026-11-02')).toMatchObject({ done: 1, due: 1 });
  });

  it('a habit begun after the period starts has strength 0 at the start', () => {
    expect(habitOverPeriod({ ...daily(), startDate: '2026-11-10' }, [done('2026-11-10')], '2026-11-01', '2026-11-10', '2026-11-10')).toMatchObject({
      done: 1,
      due: 1,
      strengthStart: 0,
    });
  });
});

describe('skills that moved', () => {
  it('gives the rating before the period and the latest in it, for skills assessed in it only', () => {
    const a = (skillId: string, level: number, date: string, createdAt = `${date}T10:00:00Z`) => ({ skillId, level, date, createdAt });
    const moves = skillMoves(
      [
        a('testing', 2, '2026-10-01'),
        a('testing', 3, '2026-11-05'),
        a('testing', 4, '2026-11-20'),
        a('empathy', 1, '2026-11-10'),
        a('hiring', 2, '2026-10-01'),
        a('ops', 3, '2026-12-01'),
        a('ops', 2, '2026-11-30'),
        a('ops', 1, '2026-11-30', '2026-11-30T09:00:00Z'),
      ],
      '2026-11-01',
      '2026-11-30',
    );
    expect(Object.fromEntries(moves)).toEqual({
      testing: { from: 2, to: 4, date: '2026-11-20' },
      empathy: { from: null, to: 1, date: '2026-11-10' },
      // Two the same day: the later recorded one wins.
      ops: { from: null, to: 2, date: '2026-11-30' },
    });
  });
});

const EMPTY: ReflectionFacts = {
  from: '2026-11-01',
  to: '2026-11-30',
  asOf: '2026-12-02',
  habits: [],
  skills: [],
  practice: { technicalMinutes: 0, softMinutes: 0, activities: 0, targetRatio: 0.5 },
  learning: [],
  experiments: [],
  pathFit: [],
};

describe('the reflection draft', () => {
  it('has a default title and counts the days of the period', () => {
    expect(defaultReflectionTitle('2026-11-01', '2026-11-30')).toBe('Reflection 2026-11-01 – 2026-11-30');
    expect(daysIn('2026-11-01', '2026-11-30')).toBe(30);
    expect(daysIn('2026-11-23', '2026-11-23')).toBe(1);
  });

  it('says plainly when a section has nothing, and leaves room for your words under each', () => {
    expect(reflectionMarkdown(EMPTY)).toBe(
      [
        'Facts gathered by grow on 2026-12-02 for 2026-11-01 – 2026-11-30 (30 days).',
        'Under each heading, the room after "Your words" is yours: grow writes none of it.',
        '',
        '## Habits',
        '',
        'No active habits in this period.',
        '',
        '**Your words:**',
        '',
        '',
        '## Skills that moved',
        '',
        'No skills assessed in this period.',
        '',
        '**Your words:**',
        '',
        '',
        '## Practice time',
        '',
        'No practice logged in this period.',
        '',
        '**Your words:**',
        '',
        '',
        '## Learning',
        '',
        'No books, articles, courses or talks finished in this period.',
        '',
        '**Your words:**',
        '',
        '',
        '## Experiments',
        '',
        'No experiments started or closed in this period.',
        '',
        '**Your words:**',
        '',
        '',
        '## Path fit now',
        '',
        'No career tracks to compare: the framework has none.',
        '',
        '**Your words:**',
        '',
      ].join('\n'),
    );
  });

  it('writes every fact with its numbers', () => {
    const text = reflectionMarkdown({
      ...EMPTY,
      to: '2026-12-31',
      habits: [
        { name: 'Read 20 pages', kind: 'build', schedule: 'daily', done: 18, due: 20, strengthStart: 0.404, strengthEnd: 0.626 },
        { name: 'Doomscrolling', kind: 'break', schedule: 'daily', done: 28, due: 30, strengthStart: 0.9, strengthEnd: 0.87 },
        { name: 'Run', kind: 'build', schedule: '3/week', done: 0, due: 0, strengthStart: 0.5, strengthEnd: 0.5 },
      ],
      skills: [
        { name: 'Testing', kind: 'technical', from: 2, to: 3, date: '2026-11-12' },
        { name: 'Empathy', kind: 'soft', from: null, to: 2, date: '2026-11-20' },
        { name: 'Hiring', kind: 'soft', from: 3, to: 1, date: '2026-11-21' },
      ],
      practice: { technicalMinutes: 300, softMinutes: 125, activities: 7, targetRatio: 0.6 },
      learning: [
        {
          title: 'Radical Candor',
          kind: 'book',
          authors: ['Kim Scott'],
          finishedOn: '2026-11-10',
          rating: 4.5,
          takeaways: ['Care personally,\nchallenge directly', 'Praise in public'],
        },
        { title: 'SLOs', kind: 'article', authors: [], finishedOn: '2026-11-11', rating: null, takeaways: [] },
      ],
      experiments: [
        {
          title: 'Run sprint planning',
          track: 'Manager',
          hypothesis: 'I enjoy facilitating',
          startedOn: '2026-10-20',
          until: '2026-11-17',
          closedOn: '2026-11-18',
          outcome: 'positive',
          note: 'Energized',
        },
        {
          title: 'Threat model a service',
          track: 'Security',
          hypothesis: 'It fits',
          startedOn: '2026-11-02',
          until: '2026-11-30',
          closedOn: null,
          outcome: null,
          note: null,
        },
        {
          title: 'Mentor an intern',
          track: 'Manager',
          hypothesis: 'Teaching energizes me',
          startedOn: '2026-11-02',
          until: '2026-12-31',
          closedOn: null,
          outcome: null,
          note: null,
        },
      ],
      pathFit: [
        { track: 'Manager', score: 0.6234, confidence: 0.4, reasons: ['soft practice energizes you (+1.5 on average over 4 activities)'] },
        { track: 'Individual contributor', score: 0.5, confidence: 0.1, reasons: [] },
        { track: 'Security', score: null, confidence: 0, reasons: [] },
      ],
    });
    expect(text.split('\n').slice(0, 1)).toEqual(['Facts gathered by grow on 2026-12-02 for 2026-11-01 – 2026-12-31 (61 days; counted up to 2026-12-02).']);
    const lines = text.split('\n');
    const sectionOf = (heading: string) => {
      const start = lines.indexOf(`## ${heading}`) + 2;
      return lines.slice(start, lines.indexOf('**Your words:**', start) - 1);
    };
    expect(sectionOf('Habits')).toEqual([
      '- **Read 20 pages** (to build, daily): done on 18 of 20 due days (90%); strength 40% → 63% (+23 points)',
      '- **Doomscrolling** (to break, daily): kept on 28 of 30 due days (93%); strength 90% → 87% (−3 points)',
      '- **Run** (to build, 3/week): no days due in this period; strength 50% → 50% (no change)',
    ]);
    expect(sectionOf('Skills that moved')).toEqual([
      '- **Testing** (technical): 2 → 3 (+1 level), last assessed 2026-11-12',
      '- **Empathy** (soft): unrated → 2 (+2 levels), last assessed 2026-11-20',
      '- **Hiring** (soft): 3 → 1 (−2 levels), last assessed 2026-11-21',
    ]);
    expect(sectionOf('Practice time')).toEqual([
      '- Technical practice: 300 min (5 h)',
      '- Soft practice: 125 min (2 h 5 min)',
      '- Logged: 7 activities, 425 min (7 h 5 min) in all',
      // 300 / 425 = 70.6% → 71%, target 60%.
      '- Technical share: 71% against your target of 60% (11 points more technical than the target)',
    ]);
    expect(sectionOf('Learning')).toEqual([
      '- **Radical Candor** (book by Kim Scott): finished 2026-11-10, rated 4.5/5',
      '  - 2 takeaways:',
      '    - Care personally, challenge directly',
      '    - Praise in public',
      '- **SLOs** (article): finished 2026-11-11, not rated',
      '  - No takeaways recorded.',
    ]);
    expect(sectionOf('Experiments')).toEqual([
      '- **Run sprint planning** (Manager): started 2026-10-20, until 2026-11-17; closed 2026-11-18, outcome positive',
      '  - Hypothesis: I enjoy facilitating',
      '  - Note: Energized',
      '- **Threat model a service** (Security): started 2026-11-02, until 2026-11-30; still open on 2026-12-02, past its end',
      '  - Hypothesis: It fits',
      '- **Mentor an intern** (Manager): started 2026-11-02, until 2026-12-31; still open on 2026-12-02',
      '  - Hypothesis: Teaching energizes me',
    ]);
    expect(sectionOf('Path fit now')).toEqual([
      'As of 2026-12-02, best fit first (a fit of 50% is neutral; the confidence is how much evidence stands behind it):',
      '',
      '1. **Manager**: fit 62%, confidence 40%',
      '   - soft practice energizes you (+1.5 on average over 4 activities)',
      '2. **Individual contributor**: fit 50%, confidence 10%',
      '3. **Security**: fit not enough evidence, confidence 0%',
    ]);
    expect(reflectionMarkdown({ ...EMPTY, practice: { technicalMinutes: 30, softMinutes: 30, activities: 2, targetRatio: 0.5 } })).toContain(
      '- Technical share: 50% against your target of 50% (on target)',
    );
  });
});

describe('the period a reflection starts from', () => {
  // 2026-11-25 is a Wednesday: last week is 2026-11-16 … 2026-11-22.
  const today = '2026-11-25';

  it('is last week, Monday to Sunday, when anything was recorded in it', () => {
    expect(lastWeekOf(today)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(suggestPeriod(today, '2026-11-16', '2026-11-25')).toEqual({ from: '2026-11-16', to: '2026-11-22', basis: 'last-week' });
    expect(suggestPeriod(today, '2026-11-22', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22', basis: 'last-week' });
  });

  it('is this week so far when only this week holds anything', () => {
    expect(suggestPeriod(today, null, '2026-11-24')).toEqual({ from: '2026-11-23', to: '2026-11-25', basis: 'this-week' });
    expect(suggestPeriod(today, '2026-10-01', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-25', basis: 'this-week' });
  });

  it('is the latest week that held anything when neither last week nor this week does', () => {
    // 2026-10-01 is a Thursday.
    expect(suggestPeriod(today, '2026-10-01', '2026-10-01')).toEqual({ from: '2026-09-28', to: '2026-10-04', basis: 'latest-week' });
    // Across a year's end: 2026-12-31 is a Thursday of the week 2026-12-28 … 2027-01-03.
    expect(suggestPeriod('2027-02-10', '2026-12-31', '2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03', basis: 'latest-week' });
  });

  it('is none when nothing was ever recorded', () => {
    expect(suggestPeriod(today, null, null)).toBeNull();
  });

  it('counts from Monday on a Monday and on a Sunday', () => {
    expect(lastWeekOf('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(lastWeekOf('2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
});
