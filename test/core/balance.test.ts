import { describe, expect, it } from 'vitest';
import { type PracticeEntry, computeBalance, isoWeek, lastWeeks, splitMinutes, weekStart, windowStart } from '../../src/core/balance.js';
import type { SkillKind } from '../../src/core/framework.js';

const KINDS = new Map<string, SkillKind>([
  ['code-craft', 'technical'],
  ['testing', 'technical'],
  ['debugging', 'technical'],
  ['communication', 'soft'],
  ['empathy', 'soft'],
  ['feedback', 'soft'],
  ['hiring', 'soft'],
]);

const entry = (date: string, minutes: number, ...skills: string[]): PracticeEntry => ({ date, minutes, skills });

describe('ISO weeks', () => {
  it('names the week by the year of its Thursday, across year boundaries', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // its Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    // 2026 begins on a Thursday, so it has 53 weeks; 2027-01-01..03 still belong to its last one.
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    // 2025-01-01 is a Wednesday: the week of Monday 2024-12-30 is 2025's first.
    expect(isoWeek('2024-12-29')).toBe('2024-W52');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    // 2021-01-01 is a Friday: its first days close 2020-W53 (2020 began on a Wednesday, leap year).
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2020-01-01')).toBe('2020-W01');
    expect(isoWeek('2026-01-05')).toBe('2026-W02');
  });

  it('finds the Monday of a week and the last N weeks ending with the current one', () => {
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(lastWeeks('2027-01-06', 3)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(windowStart('2027-01-06', 3)).toBe('2026-12-21');
    expect(lastWeeks('2026-11-23', 1)).toEqual(['2026-W48']);
    expect(lastWeeks('2025-01-02', 2)).toEqual(['2024-W52', '2025-W01']);
  });
});

describe('splitting minutes between the kinds', () => {
  it('gives all minutes to the one kind an activity touches', () => {
    expect(splitMinutes(45, ['code-craft', 'testing'], KINDS)).toEqual({ technical: 45, soft: 0 });
    expect(splitMinutes(30, ['empathy'], KINDS)).toEqual({ technical: 0, soft: 30 });
  });

  it('splits evenly across the skills when both kinds are touched', () => {
    // 60 minutes over code-craft, testing, empathy: 20 each, so 40 technical and 20 soft.
    expect(splitMinutes(60, ['code-craft', 'testing', 'empathy'], KINDS)).toEqual({ technical: 40, soft: 20 });
    expect(splitMinutes(50, ['code-craft', 'empathy'], KINDS)).toEqual({ technical: 25, soft: 25 });
    // 50 over three skills, two technical: 33.3 rounds to 33, soft keeps the rest, 17.
    expect(splitMinutes(50, ['code-craft', 'testing', 'empathy'], KINDS)).toEqual({ technical: 33, soft: 17 });
    // An odd minute split in halves: 22.5 rounds up to technical.
    expect(splitMinutes(45, ['debugging', 'communication'], KINDS)).toEqual({ technical: 23, soft: 22 });
  });

  it('leaves out skills the framework does not know, and counts a repeated skill once', () => {
    expect(splitMinutes(30, ['empathy', 'juggling'], KINDS)).toEqual({ technical: 0, soft: 30 });
    expect(splitMinutes(30, ['juggling'], KINDS)).toEqual({ technical: 0, soft: 0 });
    expect(splitMinutes(60, ['testing', 'testing', 'empathy'], KINDS)).toEqual({ technical: 30, soft: 30 });
  });
});

describe('balance over weeks', () => {
  it('sums minutes per ISO week across a year boundary and gives the technical share', () => {
    const b = computeBalance({
      entries: [
        entry('2026-12-20', 30, 'empathy'), // 2026-W51: before the window
        entry('2026-12-21', 60, 'code-craft'), // W52: 60 technical
        entry('2026-12-31', 90, 'code-craft', 'testing', 'empathy'), // W53: 60 technical, 30 soft
        entry('2027-01-03', 45, 'debugging', 'communication'), // W53: 23 technical, 22 soft
        entry('2027-01-06', 20, 'feedback'), // 2027-W01: 20 soft
        entry('2027-01-07', 100, 'code-craft'), // after today: ignored
      ],
      kindOf: KINDS,
      today: '2027-01-06',
      weeks: 3,
      targetRatio: 0.5,
      neededSkills: [],
    });
    expect(b.weeks).toEqual([
      { week: '2026-W52', technicalMinutes: 60, softMinutes: 0, finished: [] },
      { week: '2026-W53', technicalMinutes: 83, softMinutes: 52, finished: [] },
      { week: '2027-W01', technicalMinutes: 0, softMinutes: 20, finished: [] },
    ]);
    // 143 technical of 215 minutes.
    expect(b.ratio).toBe(143 / 215);
    expect(b.targetRatio).toBe(0.5);
    expect(b.neglected).toEqual([]);
  });

  it('has weeks of zero and a null ratio without practice; never practised kinds are neglected', () => {
    const b = computeBalance({ entries: [], kindOf: KINDS, today: '2026-11-23', weeks: 2, targetRatio: 0.6, neededSkills: [] });
    expect(b).toEqual({
      weeks: [
        { week: '2026-W47', technicalMinutes: 0, softMinutes: 0, finished: [] },
        { week: '2026-W48', technicalMinutes: 0, softMinutes: 0, finished: [] },
      ],
      ratio: null,
      targetRatio: 0.6,
      neglected: [
        { kind: 'technical', daysSince: null },
        { kind: 'soft', daysSince: null },
      ],
    });
  });
});

describe('neglect', () => {
  const entries = [
    entry('2026-11-09', 30, 'code-craft'), // 14 days before 2026-11-23
    entry('2026-11-10', 30, 'empathy'), // 13 days
    entry('2026-11-03', 30, 'testing'), // 20 days
    entry('2026-11-01', 30, 'hiring'), // 22 days
  ];

  it('warns from 14 days on, for a kind and for each skill the target needs, the longest neglected first', () => {
    const b = computeBalance({
      entries,
      kindOf: KINDS,
      today: '2026-11-23',
      weeks: 4,
      targetRatio: 0.5,
      neededSkills: ['code-craft', 'testing', 'empathy', 'hiring', 'feedback', 'debugging'],
    });
    expect(b.neglected).toEqual([
      { kind: 'technical', daysSince: 14 },
      // soft: empathy 13 days ago, not yet
      { skill: 'feedback', daysSince: null },
      { skill: 'debugging', daysSince: null },
      { skill: 'hiring', daysSince: 22 },
      { skill: 'testing', daysSince: 20 },
      { skill: 'code-craft', daysSince: 14 },
    ]);
  });

  it('a day later the soft kind is neglected too; practice today clears a warning', () => {
    const later = computeBalance({ entries, kindOf: KINDS, today: '2026-11-24', weeks: 4, targetRatio: 0.5, neededSkills: ['empathy'] });
    expect(later.neglected).toEqual([
      { kind: 'technical', daysSince: 15 },
      { kind: 'soft', daysSince: 14 },
      { skill: 'empathy', daysSince: 14 },
    ]);
    const practised = computeBalance({
      entries: [...entries, entry('2026-11-24', 10, 'code-craft', 'empathy')],
      kindOf: KINDS,
      today: '2026-11-24',
      weeks: 4,
      targetRatio: 0.5,
      neededSkills: ['empathy'],
    });
    expect(practised.neglected).toEqual([]);
  });

  it('ignores a kind the target ratio gives no share, or the framework has no skill of', () => {
    const base = { entries: [], today: '2026-11-23', weeks: 1, neededSkills: [] };
    expect(computeBalance({ ...base, kindOf: KINDS, targetRatio: 1 }).neglected).toEqual([{ kind: 'technical', daysSince: null }]);
    expect(computeBalance({ ...base, kindOf: KINDS, targetRatio: 0 }).neglected).toEqual([{ kind: 'soft', daysSince: null }]);
    const technicalOnly = new Map<string, SkillKind>([['testing', 'technical']]);
    expect(computeBalance({ ...base, kindOf: technicalOnly, targetRatio: 0.5 }).neglected).toEqual([{ kind: 'technical', daysSince: null }]);
  });

  it('ignores needed skills the framework does not know, and practice after today', () => {
    const b = computeBalance({
      entries: [entry('2026-11-20', 30, 'testing', 'empathy'), entry('2026-11-25', 30, 'hiring')],
      kindOf: KINDS,
      today: '2026-11-23',
      weeks: 1,
      targetRatio: 0.5,
      neededSkills: ['juggling', 'hiring', 'testing'],
    });
    expect(b.neglected).toEqual([{ skill: 'hiring', daysSince: null }]);
    // 2026-11-20 is in W47, before the one week asked for.
    expect(b.weeks).toEqual([{ week: '2026-W48', technicalMinutes: 0, softMinutes: 0, finished: [] }]);
    expect(b.ratio).toBeNull();
  });
});

describe('finished learning items', () => {
  const finished = (date: string, id: string, title: string, ...skills: string[]) => ({ id, title, skills, date });

  it('lists each item in the week it was finished, without adding minutes; items naming no skills or finished later are left out', () => {
    const b = computeBalance({
      entries: [entry('2026-11-18', 30, 'testing')],
      finished: [
        finished('2026-11-01', 'old', 'Before the window', 'empathy'), // 2026-W44
        finished('2026-11-17', 'b1', 'Crucial Conversations', 'feedback', 'communication'), // W47
        finished('2026-11-19', 'b2', 'No skills named'),
        finished('2026-11-23', 'b3', 'Working Effectively with Legacy Code', 'code-craft', 'juggling'), // W48
        finished('2026-11-24', 'b4', 'Tomorrow', 'hiring'),
      ],
      kindOf: KINDS,
      today: '2026-11-23',
      weeks: 2,
      targetRatio: 0.5,
      neededSkills: [],
    });
    expect(b.weeks).toEqual([
      {
        week: '2026-W47',
        technicalMinutes: 30,
        softMinutes: 0,
        finished: [{ id: 'b1', title: 'Crucial Conversations', skills: ['feedback', 'communication'] }],
      },
      // A skill the framework does not know stays listed: the item says what it names.
      {
        week: '2026-W48',
        technicalMinutes: 0,
        softMinutes: 0,
        finished: [{ id: 'b3', title: 'Working Effectively with Legacy Code', skills: ['code-craft', 'juggling'] }],
      },
    ]);
    expect(b.ratio).toBe(1);
  });

  it('counts as practice of its skills on its finish date for the neglect warnings', () => {
    const base = {
      entries: [entry('2026-11-20', 30, 'testing')],
      kindOf: KINDS,
      today: '2026-11-23',
      weeks: 4,
      targetRatio: 0.5,
      neededSkills: ['empathy', 'hiring'],
    };
    expect(computeBalance(base).neglected).toEqual([
      { kind: 'soft', daysSince: null },
      { skill: 'empathy', daysSince: null },
      { skill: 'hiring', daysSince: null },
    ]);
    // A book on empathy finished 5 days ago: empathy, and soft practice, were not neglected.
    const withBook = computeBalance({ ...base, finished: [finished('2026-11-18', 'b', 'Nonviolent Communication', 'empathy')] });
    expect(withBook.neglected).toEqual([{ skill: 'hiring', daysSince: null }]);
    // Finished long ago, it is the last practice: 30 days.
    const longAgo = computeBalance({ ...base, finished: [finished('2026-10-24', 'b', 'Nonviolent Communication', 'empathy')] });
    expect(longAgo.neglected).toEqual([
      { kind: 'soft', daysSince: 30 },
      { skill: 'hiring', daysSince: null },
      { skill: 'empathy', daysSince: 30 },
    ]);
    // Finished after today: not yet.
    expect(computeBalance({ ...base, finished: [finished('2026-11-24', 'b', 'Later', 'empathy', 'hiring')] }).neglected).toEqual(
      computeBalance(base).neglected,
    );
  });
});
