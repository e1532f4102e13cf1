import { describe, expect, it } from 'vitest';
import type { Framework, Skill, Track } from '../../src/core/framework.js';
import {
  type Assessment,
  type FacetStatus,
  checkFacetChange,
  currentLevels,
  gapTo,
  gapsAt,
  meetsLevel,
  nextLevel,
  ratingShape,
} from '../../src/core/skills.js';

const skill = (id: string, kind: Skill['kind']): Skill => {
  const level = { summary: '', behaviours: [] };
  return { id, name: id, kind, description: '', levels: { 1: level, 2: level, 3: level, 4: level, 5: level } };
};

// A small framework: three skills, a track of three levels.
//   junior: a≥1, b≥1         mid: a≥2, b≥2, c≥1         senior: a≥3, b≥3, c≥2
const track: Track = {
  id: 'ic',
  name: 'IC',
  type: 'ladder',
  description: '',
  facets: [],
  levels: [
    { id: 'junior', name: 'Junior', expects: { a: 1, b: 1 } },
    { id: 'mid', name: 'Mid', expects: { a: 2, b: 2, c: 1 } },
    { id: 'senior', name: 'Senior', expects: { c: 2, a: 3, b: 3 } },
  ],
};
const framework: Framework = {
  id: 'f',
  name: 'f',
  version: '1',
  description: '',
  skills: [skill('a', 'technical'), skill('b', 'soft'), skill('c', 'technical')],
  tracks: [track],
};
const levels = (entries: Record<string, number>) => new Map(Object.entries(entries));

const at = (skillId: string, level: number, date: string, createdAt = `${date}T12:00:00.000Z`): Assessment => ({ skillId, level, date, createdAt });

describe('current level', () => {
  it('is the latest assessment by date, whatever order they were recorded in', () => {
    // Recorded: 3 on the 10th, then 1 back-dated to the 5th: the 10th is later, so 3.
    const current = currentLevels([at('a', 3, '2026-11-10', '2026-11-10T09:00:00.000Z'), at('a', 1, '2026-11-05', '2026-11-11T09:00:00.000Z')]);
    expect(current.get('a')).toBe(3);
  });

  it('breaks a tie of dates by creation: the later correction wins', () => {
    const morning = at('a', 4, '2026-11-10', '2026-11-10T08:00:00.000Z');
    const evening = at('a', 2, '2026-11-10', '2026-11-10T20:00:00.000Z');
    expect(currentLevels([morning, evening]).get('a')).toBe(2);
    expect(currentLevels([evening, morning]).get('a')).toBe(2);
  });

  it('keeps the last of equal date and creation, and leaves unrated skills out (rating 0)', () => {
    const current = currentLevels([at('a', 1, '2026-11-10'), at('a', 5, '2026-11-10'), at('b', 0, '2026-11-01')]);
    expect(current).toEqual(levels({ a: 5, b: 0 }));
    expect(current.has('c')).toBe(false);
  });
});

describe('gaps', () => {
  it('gap = max(0, target − level), null without a target', () => {
    expect(gapTo(3, 1)).toBe(2);
    expect(gapTo(2, 4)).toBe(0);
    expect(gapTo(0, 0)).toBe(0);
    expect(gapTo(null, 2)).toBeNull();
    expect(gapTo(undefined, 2)).toBeNull();
  });

  it('lists what a level expects in the framework order of skills, unrated as 0', () => {
    // senior names c first; the framework orders a, b, c. Ratings a=4, c=1, b unrated.
    expect(gapsAt(framework, track.levels[2]!, levels({ a: 4, c: 1 }))).toEqual([
      { id: 'a', expected: 3, current: 4, gap: 0 },
      { id: 'b', expected: 3, current: 0, gap: 3 },
      { id: 'c', expected: 2, current: 1, gap: 1 },
    ]);
  });

  it('leaves out skills the level does not name', () => {
    expect(gapsAt(framework, track.levels[0]!, levels({ c: 5 })).map((g) => g.id)).toEqual(['a', 'b']);
  });
});

describe('the next level on a track', () => {
  it('is the lowest level with an unmet expectation', () => {
    expect(nextLevel(track, levels({}))?.id).toBe('junior');
    // a=1, b=1 meets junior; mid needs a=2.
    expect(nextLevel(track, levels({ a: 1, b: 1 }))?.id).toBe('mid');
    // Meeting mid but not junior cannot happen with ordered expectations, but the rule is "lowest unmet":
    expect(nextLevel(track, levels({ a: 2, b: 2, c: 1 }))?.id).toBe('senior');
  });

  it('is the top level when every expectation is met', () => {
    expect(nextLevel(track, levels({ a: 5, b: 3, c: 2 }))?.id).toBe('senior');
  });

  it('is the lowest unmet even when a higher one is met in part', () => {
    // b=0 leaves junior unmet although a and c exceed senior.
    expect(nextLevel(track, levels({ a: 5, c: 5 }))?.id).toBe('junior');
    expect(meetsLevel(track.levels[0]!, levels({ a: 5, c: 5 }))).toBe(false);
  });
});

describe('the shape of ratings', () => {
  it('sums and averages technical and soft skills apart, unrated counting 0', () => {
    // technical a=4, c unrated → total 4 over 2 skills, average 2, rated 1; soft b=3.
    expect(ratingShape(framework.skills, levels({ a: 4, b: 3 }))).toEqual({
      technical: { skills: 2, rated: 1, total: 4, average: 2 },
      soft: { skills: 1, rated: 1, total: 3, average: 3 },
    });
    expect(ratingShape([], levels({})).soft.average).toBe(0);
  });
});

describe('security facets: breadth first, then a T shape', () => {
  const statuses = (entries: Record<string, FacetStatus>) => new Map(Object.entries(entries));
  const refusal = (s: Map<string, FacetStatus>, id: string) => {
    try {
      checkFacetChange(s, id, 'specializing');
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('always allows moving towards breadth', () => {
    const all = statuses({ x: 'specializing', y: 'specializing' });
    expect(() => checkFacetChange(all, 'x', 'exploring')).not.toThrow();
    expect(() => checkFacetChange(all, 'z', 'exploring')).not.toThrow();
    expect(() => checkFacetChange(new Map(), 'z', 'unexplored')).not.toThrow();
  });

  it('refuses specializing in a facet not explored yet', () => {
    expect(refusal(statuses({ a: 'exploring', b: 'exploring', c: 'exploring' }), 'd')).toBe('status: explore "d" before specializing in it (breadth first)');
  });

  it('needs 3 facets explored, the facet among them', () => {
    expect(refusal(statuses({ b: 'exploring', a: 'exploring' }), 'a')).toBe(
      'status: explore at least 3 facets before specializing (breadth first); explored so far: a, b',
    );
    expect(refusal(statuses({ a: 'exploring', b: 'exploring', c: 'exploring' }), 'a')).toBeNull();
    // An unexplored entry does not count.
    expect(refusal(statuses({ a: 'exploring', b: 'exploring', c: 'unexplored' }), 'a')).toMatch(/explored so far: a, b$/);
  });

  it('allows at most 2 specializing at once', () => {
    const two = statuses({ a: 'specializing', b: 'specializing', c: 'exploring', d: 'exploring' });
    expect(refusal(two, 'c')).toBe(
      'status: at most 2 facets specializing at once (a T shape); already specializing in "a" and "b": set one back to exploring first',
    );
    // The second one is fine; setting a specializing facet again is too.
    expect(refusal(statuses({ a: 'specializing', c: 'exploring', d: 'exploring' }), 'c')).toBeNull();
    expect(refusal(two, 'a')).toBeNull();
  });
});
