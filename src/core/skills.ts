/**
 * Skills: current ratings from an append-only history of assessments, gaps against a track level,
 * the level a person fits on a track, the shape of their ratings, and the rules of security facets.
 * Pure: no clock, no I/O.
 */
import { invalid } from './errors.js';
import { type Framework, type Skill, type SkillKind, type Track, type TrackLevel, MAX_RATING } from './framework.js';

export interface Assessment {
  skillId: string;
  level: number;
  /** The day the rating is about, YYYY-MM-DD. */
  date: string;
  /** When it was recorded (ISO instant): breaks ties between assessments of the same day. */
  createdAt: string;
}

/**
 * The current rating of each assessed skill: its latest assessment by date, then by creation
 * (a correction made later the same day wins). Assessments of equal date and creation keep their
 * input order, the last one winning. Skills never assessed are absent (their rating is 0).
 */
export function currentLevels(assessments: Iterable<Assessment>): Map<string, number> {
  const latest = new Map<string, Assessment>();
  for (const a of assessments) {
    const seen = latest.get(a.skillId);
    if (!seen || a.date > seen.date || (a.date === seen.date && a.createdAt >= seen.createdAt)) latest.set(a.skillId, a);
  }
  return new Map([...latest].map(([id, a]) => [id, a.level]));
}

/** The rating of a skill, 0 when never assessed. */
export const levelOf = (current: ReadonlyMap<string, number>, skillId: string): number => current.get(skillId) ?? 0;

/** How far a rating is below an expectation: never negative; null when nothing is expected. */
export function gapTo(expected: number | null | undefined, current: number): number | null {
  if (expected === null || expected === undefined) return null;
  return Math.max(0, expected - current);
}

export interface SkillGap {
  id: string;
  expected: number;
  current: number;
  gap: number;
}

/** Each skill a track level expects, in the framework's order of skills, with the person's rating and gap. */
export function gapsAt(framework: Framework, level: TrackLevel, current: ReadonlyMap<string, number>): SkillGap[] {
  const named = new Set(Object.keys(level.expects));
  // The framework's order first; an expectation naming a skill the framework lacks still shows, last.
  const ids = [...framework.skills.map((s) => s.id).filter((id) => named.has(id)), ...[...named].filter((id) => !framework.skills.some((s) => s.id === id))];
  return ids.map((id) => {
    const expected = level.expects[id]!;
    const have = levelOf(current, id);
    return { id, expected, current: have, gap: Math.max(0, expected - have) };
  });
}

/** Whether every expectation of a level is met. */
export function meetsLevel(level: TrackLevel, current: ReadonlyMap<string, number>): boolean {
  return Object.entries(level.expects).every(([id, expected]) => levelOf(current, id) >= expected);
}

/**
 * The level to grow towards on a track: the lowest level whose expectations are not all met,
 * else the top level (everything met). Undefined only for a track without levels.
 */
export function nextLevel(track: Track, current: ReadonlyMap<string, number>): TrackLevel | undefined {
  return track.levels.find((l) => !meetsLevel(l, current)) ?? track.levels[track.levels.length - 1];
}

export interface KindShape {
  /** Skills of this kind in the framework. */
  skills: number;
  /** How many of them have a rating above 0. */
  rated: number;
  /** Sum of ratings, and the average over all skills of the kind (0 when there are none). */
  total: number;
  average: number;
}

/** The shape of a person's ratings: technical against soft, side by side. */
export function ratingShape(skills: readonly Skill[], current: ReadonlyMap<string, number>): Record<SkillKind, KindShape> {
  const shape: Record<SkillKind, KindShape> = {
    technical: { skills: 0, rated: 0, total: 0, average: 0 },
    soft: { skills: 0, rated: 0, total: 0, average: 0 },
  };
  for (const skill of skills) {
    const s = shape[skill.kind];
    const level = levelOf(current, skill.id);
    s.skills += 1;
    s.total += level;
    if (level > 0) s.rated += 1;
  }
  for (const s of Object.values(shape)) s.average = s.skills === 0 ? 0 : s.total / s.skills;
  return shape;
}

export const isRating = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= MAX_RATING;

// Security facets: breadth first, then a T shape.
export { FACET_STATUSES, type FacetStatus } from './vocabulary.js';
import type { FacetStatus } from './vocabulary.js';

/** Facets explored (exploring or specializing, the facet itself included) before any specializing. */
export const BREADTH_BEFORE_SPECIALIZING = 3;
/** At most this many facets specializing at once: the stem of the T (two allow a change of focus). */
export const MAX_SPECIALIZING = 2;

/**
 * Checks a change of one facet's status against the others (facets absent from `statuses` are
 * unexplored). Moving towards breadth (to exploring or unexplored) is always allowed; becoming
 * specializing needs the facet explored first, at least BREADTH_BEFORE_SPECIALIZING facets explored,
 * and fewer than MAX_SPECIALIZING other facets specializing. Throws `status: problem`.
 */
export function checkFacetChange(statuses: ReadonlyMap<string, FacetStatus>, facetId: string, next: FacetStatus): void {
  if (next !== 'specializing') return;
  const now = statuses.get(facetId) ?? 'unexplored';
  if (now === 'specializing') return;
  if (now === 'unexplored') throw invalid('status', `explore "${facetId}" before specializing in it (breadth first)`);
  const explored = [...statuses].filter(([, s]) => s !== 'unexplored').map(([id]) => id);
  if (explored.length < BREADTH_BEFORE_SPECIALIZING) {
    throw invalid(
      'status',
      `explore at least ${BREADTH_BEFORE_SPECIALIZING} facets before specializing (breadth first); explored so far: ${explored.sort().join(', ')}`,
    );
  }
  const specializing = [...statuses].filter(([id, s]) => s === 'specializing' && id !== facetId).map(([id]) => id);
  if (specializing.length >= MAX_SPECIALIZING) {
    throw invalid(
      'status',
      `at most ${MAX_SPECIALIZING} facets specializing at once (a T shape); already specializing in ${specializing
        .sort()
        .map((id) => `"${id}"`)
        .join(' and ')}: set one back to exploring first`,
    );
  }
}
