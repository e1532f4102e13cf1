/**
 * A career framework: skills, and tracks whose ordered levels expect a rating per skill.
 * Frameworks are data (frameworks/*.yaml, or a person's own import); this module only reads them.
 */
export type { SkillKind } from './vocabulary.js';
import type { SkillKind, TrackType } from './vocabulary.js';

export interface SkillLevel {
  /** What this level looks like, in a sentence. */
  summary: string;
  /** Examples of behaviour at this level. */
  behaviours: string[];
}

export interface Skill {
  id: string;
  name: string;
  kind: SkillKind;
  description: string;
  /** Level descriptions for ratings 1..5 (0 means not yet started). */
  levels: Record<1 | 2 | 3 | 4 | 5, SkillLevel>;
}

export interface TrackLevel {
  id: string;
  name: string;
  /** What the level means, in a sentence or two; optional in imported files. */
  description?: string;
  /** Expected rating (0..5) per skill id; a skill not named is not expected at this level. */
  expects: Record<string, number>;
}

export interface Facet {
  id: string;
  name: string;
  description: string;
  /** Skills this facet leans on. */
  skills: string[];
}

export interface Track {
  id: string;
  name: string;
  /** A ladder one climbs (ic, manager) or a specialization one adds (security). */
  type: TrackType;
  description: string;
  levels: TrackLevel[];
  facets: Facet[];
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  description: string;
  skills: Skill[];
  tracks: Track[];
}

export const MAX_RATING = 5;

export function findSkill(framework: Framework, id: string): Skill | undefined {
  return framework.skills.find((s) => s.id === id);
}

export function findTrack(framework: Framework, id: string): Track | undefined {
  return framework.tracks.find((t) => t.id === id);
}

export function findLevel(track: Track, id: string): TrackLevel | undefined {
  return track.levels.find((l) => l.id === id);
}
