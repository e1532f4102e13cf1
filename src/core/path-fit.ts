/**
 * Path fit: how well each track of a framework fits a person, from their own evidence only.
 * Pure and deterministic; today is a parameter. The model is described in docs/path-fit.md.
 *
 * Four signals per track, each a value in 0..1 with a strength (how much evidence stands behind
 * it) in 0..1:
 *   readiness    how close the latest rating of each skill is to the track's next level;
 *   energy       how energized (+2) or drained (−2) activities on the track's own skills left them;
 *   ease         how naturally (1..5) those activities came;
 *   experiments  the outcomes of the person's closed experiments on the track.
 * score = (PRIOR · 0.5 + Σ weight·strength·value) / (PRIOR + Σ weight·strength): with no evidence
 * every track sits at 0.5, and evidence moves it. confidence = Σ weight·strength / Σ weight.
 * One pass over each history: linear in the number of assessments, activities and experiments.
 */
import { type IsoDate, addDays } from './calendar.js';
import type { Framework, Skill, Track, TrackLevel } from './framework.js';

export interface AssessmentFact {
  id: string;
  skillId: string;
  level: number;
  date: IsoDate;
  /** Breaks ties between assessments of the same day: the later one wins. */
  createdAt: string;
}

export interface ActivityFact {
  id: string;
  date: IsoDate;
  minutes: number;
  skills: readonly string[];
  energy: number | null;
  ease: number | null;
}

export type { Outcome } from './vocabulary.js';
import { OUTCOMES, type Outcome } from './vocabulary.js';

export interface ExperimentFact {
  id: string;
  title: string;
  track: string;
  until: IsoDate;
  outcome: Outcome | null;
  closedOn: IsoDate | null;
}

export interface PathFit {
  track: string;
  /** 0..1: 0.5 is neutral; above it the evidence leans toward the track, below it away. */
  score: number;
  /** 0..1: how much evidence stands behind the score. */
  confidence: number;
  reasons: string[];
  /** Ids of the assessments, activities and experiments the reasons cite, in the reasons' order. */
  evidence: string[];
}

/** Weights of the signals; they sum to 1. */
export const WEIGHTS = { readiness: 0.25, energy: 0.3, ease: 0.15, experiments: 0.3 } as const;
/** Weight of the neutral prior (0.5) that little evidence cannot outvote. */
export const PRIOR = 0.3;
/** A skill belongs to a track when its emphasis there beats every other track's by this much. */
export const BELONGS_MARGIN = 0.2;
/** Activities with energy (or ease) on a track's skills at which that signal reaches half strength. */
export const ACTIVITY_HALF = 5;
/** Closed experiments on a track at which that signal reaches half strength. */
export const EXPERIMENT_HALF = 1;
/** Below this confidence the track's reasons end with a suggested experiment. */
export const LOW_CONFIDENCE = 0.5;
/** At most this many ids are cited for one reason about activities: the most recent. */
export const CITED_ACTIVITIES = 5;

const OUTCOME_VALUE: Record<Outcome, number> = { positive: 1, neutral: 0.5, negative: 0 };

const round = (n: number, places = 3): number => Math.round(n * 10 ** places) / 10 ** places;
const pct = (n: number): string => `${Math.round(n * 100)}%`;
const signed = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(1)}`;
const hours = (minutes: number): string => (minutes >= 600 ? `${Math.round(minutes / 60)} h` : `${round(minutes / 60, 1)} h`);
const listOf = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const activities = (n: number): string => plural(n, 'activity', 'activities');

/**
 * How strongly each track asks for each skill: its top level's expectation, divided by the top
 * level's highest expectation (so a track that tops out at 4 compares fairly with one at 5).
 */
function emphasis(track: Track): Map<string, number> {
  const top = track.levels[track.levels.length - 1];
  const out = new Map<string, number>();
  if (!top) return out;
  const max = Math.max(0, ...Object.values(top.expects));
  if (max === 0) return out;
  for (const [skill, expected] of Object.entries(top.expects)) out.set(skill, expected / max);
  return out;
}

/**
 * The skills that belong to each track: those its top level emphasizes at least BELONGS_MARGIN
 * more than any other track's top level does (a skill a track does not name counts as 0 there).
 * A skill all tracks ask for alike belongs to none: practising it says nothing about which fits.
 */
export function trackSkills(framework: Framework): Map<string, string[]> {
  const emphases = framework.tracks.map((t) => emphasis(t));
  const out = new Map<string, string[]>();
  framework.tracks.forEach((track, i) => {
    const own: string[] = [];
    for (const skill of framework.skills) {
      const mine = emphases[i]!.get(skill.id) ?? 0;
      const others = Math.max(0, ...emphases.filter((_, j) => j !== i).map((e) => e.get(skill.id) ?? 0));
      if (mine > 0 && mine - others >= BELONGS_MARGIN - 1e-9) own.push(skill.id);
    }
    out.set(track.id, own);
  });
  return out;
}

/** The latest assessment of each skill (by date, then creation, then id), in one pass. */
export function latestAssessments(assessments: Iterable<AssessmentFact>): Map<string, AssessmentFact> {
  const latest = new Map<string, AssessmentFact>();
  for (const a of assessments) {
    const seen = latest.get(a.skillId);
    if (
      !seen ||
      a.date > seen.date ||
      (a.date === seen.date && (a.createdAt > seen.createdAt || (a.createdAt === seen.createdAt && a.id > seen.id)))
    ) {
      latest.set(a.skillId, a);
    }
  }
  return latest;
}

/** The first level whose expectations the ratings do not all meet; the top level when all are met. */
function nextLevel(track: Track, rating: (skill: string) => number): TrackLevel | undefined {
  for (const level of track.levels) {
    if (Object.entries(level.expects).some(([skill, expected]) => rating(skill) < expected)) return level;
  }
  return track.levels[track.levels.length - 1];
}

interface Signal {
  value: number;
  strength: number;
}

/** Minutes-weighted sums of energy and ease over the activities touching one track's skills. */
interface Feeling {
  energySum: number;
  energyMinutes: number;
  energyCount: number;
  easeSum: number;
  easeMinutes: number;
  easeCount: number;
  minutes: number;
  count: number;
  /** The most recent contributing activities (by date, then id), newest first, at most CITED_ACTIVITIES. */
  recent: ActivityFact[];
}

const newFeeling = (): Feeling => ({ energySum: 0, energyMinutes: 0, energyCount: 0, easeSum: 0, easeMinutes: 0, easeCount: 0, minutes: 0, count: 0, recent: [] });

const newer = (a: ActivityFact, b: ActivityFact) => a.date > b.date || (a.date === b.date && a.id > b.id);

function keepRecent(recent: ActivityFact[], activity: ActivityFact): void {
  if (recent.length === CITED_ACTIVITIES && !newer(activity, recent[recent.length - 1]!)) return;
  let i = recent.length;
  while (i > 0 && newer(activity, recent[i - 1]!)) i--;
  recent.splice(i, 0, activity);
  if (recent.length > CITED_ACTIVITIES) recent.pop();
}

export interface PathFitInput {
  framework: Framework;
  assessments: Iterable<AssessmentFact>;
  activities: Iterable<ActivityFact>;
  experiments: readonly ExperimentFact[];
  today: IsoDate;
}

/** Path fit for every track of the framework, best first (score, then confidence, then the framework's order). */
export function computePathFit(input: PathFitInput): PathFit[] {
  const { framework, today } = input;
  const skillsById = new Map<string, Skill>(framework.skills.map((s) => [s.id, s]));
  const skillName = (id: string) => (skillsById.get(id)?.name ?? id).toLowerCase();
  const own = trackSkills(framework);

  // Which tracks each skill belongs to, so each activity is read once.
  const tracksOfSkill = new Map<string, number[]>();
  framework.tracks.forEach((track, i) => {
    for (const skill of own.get(track.id) ?? []) {
      const list = tracksOfSkill.get(skill) ?? [];
      list.push(i);
      tracksOfSkill.set(skill, list);
    }
  });

  const feelings = framework.tracks.map(() => newFeeling());
  const touched = new Set<number>();
  for (const activity of input.activities) {
    touched.clear();
    for (const skill of activity.skills) for (const i of tracksOfSkill.get(skill) ?? []) touched.add(i);
    if (touched.size === 0) continue;
    const minutes = Math.max(1, activity.minutes);
    for (const i of touched) {
      const f = feelings[i]!;
      f.count++;
      f.minutes += minutes;
      if (activity.energy !== null) {
        f.energySum += activity.energy * minutes;
        f.energyMinutes += minutes;
        f.energyCount++;
      }
      if (activity.ease !== null) {
        f.easeSum += activity.ease * minutes;
        f.easeMinutes += minutes;
        f.easeCount++;
      }
      keepRecent(f.recent, activity);
    }
  }

  const latest = latestAssessments(input.assessments);
  const rating = (skill: string) => latest.get(skill)?.level ?? 0;

  const fits = framework.tracks.map((track, i): PathFit & { order: number } => {
    const reasons: string[] = [];
    const evidence: string[] = [];
    const cite = (ids: Iterable<string>) => {
      for (const id of ids) if (!evidence.includes(id)) evidence.push(id);
    };
    const signals: Partial<Record<keyof typeof WEIGHTS, Signal>> = {};
    const ownSkills = own.get(track.id) ?? [];
    const ownNames =
      ownSkills.length > 4 ? `${ownSkills.slice(0, 3).map(skillName).join(', ')} and ${ownSkills.length - 3} more` : listOf(ownSkills.map(skillName));

    // Readiness: the share of the next level's expectations the latest ratings already meet, on
    // the skills that set the track apart (all the level's skills when none does).
    const level = nextLevel(track, rating);
    if (level) {
      const all = Object.entries(level.expects).filter(([, e]) => e > 0);
      const distinctive = all.filter(([skill]) => ownSkills.includes(skill));
      const expected = distinctive.length > 0 ? distinctive : all;
      const which = distinctive.length > 0 ? `on ${ownNames}` : 'on its skills';
      const rated = expected.filter(([skill]) => latest.has(skill));
      if (rated.length === 0) {
        reasons.push(`Ratings: none of the skills ${level.name} (${level.id}) expects ${which.replace(/^on /, 'among ')} is rated yet.`);
      } else {
        const total = expected.reduce((s, [, e]) => s + e, 0);
        const met = expected.reduce((s, [skill, e]) => s + Math.min(rating(skill), e), 0);
        const closeness = total === 0 ? 1 : met / total;
        signals.readiness = { value: closeness, strength: rated.length / expected.length };
        const gaps = expected
          .map(([skill, e]) => ({ skill, gap: e - rating(skill), e }))
          .filter((g) => g.gap > 0)
          .sort((a, b) => b.gap - a.gap || a.skill.localeCompare(b.skill))
          .slice(0, 3)
          .map((g) => `${skillName(g.skill)} ${rating(g.skill)}/${g.e}`);
        reasons.push(
          `Ratings: ${which}, you reach ${pct(closeness)} of what ${level.name} (${level.id}) expects` +
            (gaps.length === 0 ? '' : `; largest gaps: ${gaps.join(', ')}`) +
            ` (${rated.length} of ${plural(expected.length, 'skill')} rated).`,
        );
        cite(rated.map(([skill]) => latest.get(skill)!.id));
      }
    }

    // Energy and ease of the activities on the track's own skills.
    const f = feelings[i]!;
    const recentIds = f.recent.map((a) => a.id);
    if (ownSkills.length === 0) {
      reasons.push('Activities: no skill belongs to this track more than to the others, so energy and ease say nothing about it.');
    } else if (f.count === 0) {
      reasons.push(`Activities: nothing logged yet on ${ownNames}, the skills that set this track apart.`);
    } else {
      if (f.energyCount > 0) {
        const mean = f.energySum / f.energyMinutes;
        signals.energy = { value: (mean + 2) / 4, strength: f.energyCount / (f.energyCount + ACTIVITY_HALF) };
        const feeling = mean >= 0.5 ? 'energized you' : mean <= -0.5 ? 'drained you' : 'left you neither drained nor energized';
        reasons.push(
          `Energy: work on ${ownNames} ${feeling}: ${signed(mean)} on −2..+2 over ${activities(f.energyCount)} (${hours(f.energyMinutes)}).`,
        );
      }
      if (f.easeCount > 0) {
        const mean = f.easeSum / f.easeMinutes;
        signals.ease = { value: (mean - 1) / 4, strength: f.easeCount / (f.easeCount + ACTIVITY_HALF) };
        const how = mean >= 3.5 ? 'came easily' : mean <= 2.5 ? 'came hard' : 'came neither easy nor hard';
        reasons.push(`Ease: it ${how}: ${mean.toFixed(1)} of 5 over ${activities(f.easeCount)}.`);
      }
      if (f.energyCount === 0 && f.easeCount === 0) {
        reasons.push(`Activities: ${activities(f.count)} on ${ownNames}, but none records energy or ease.`);
      }
      cite(recentIds);
    }

    // Experiments on the track.
    const mine = input.experiments.filter((e) => e.track === track.id);
    const closed = mine.filter((e): e is ExperimentFact & { outcome: Outcome } => e.outcome !== null);
    if (closed.length > 0) {
      const value = closed.reduce((s, e) => s + OUTCOME_VALUE[e.outcome], 0) / closed.length;
      signals.experiments = { value, strength: closed.length / (closed.length + EXPERIMENT_HALF) };
      const counts = OUTCOMES
        .map((o) => [o, closed.filter((e) => e.outcome === o).length] as const)
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${n} ${o}`);
      reasons.push(`Experiments: ${plural(closed.length, 'closed experiment')} (${counts.join(', ')}): ${closed.map((e) => `"${e.title}" ${e.outcome}`).join('; ')}.`);
      cite(closed.map((e) => e.id));
    }
    for (const e of mine.filter((x) => x.outcome === null)) {
      reasons.push(
        e.until < today
          ? `Experiment "${e.title}" ended on ${e.until}: close it with its outcome so it counts.`
          : `Experiment "${e.title}" runs until ${e.until}; its outcome will count once you close it.`,
      );
      cite([e.id]);
    }

    let weight = 0;
    let weighted = 0;
    for (const key of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) {
      const s = signals[key];
      if (!s) continue;
      weight += WEIGHTS[key] * s.strength;
      weighted += WEIGHTS[key] * s.strength * s.value;
    }
    const score = (PRIOR * 0.5 + weighted) / (PRIOR + weight);
    const confidence = weight; // the weights sum to 1

    if (confidence < LOW_CONFIDENCE && !mine.some((e) => e.outcome === null)) {
      const focus = ownSkills.length > 0 ? listOf(ownSkills.slice(0, 2).map(skillName)) : 'the work this track asks for';
      reasons.push(
        `Little evidence yet (confidence ${pct(confidence)}): try an experiment, e.g. for four weeks practise ${focus} on real work, ` +
          `log each session's energy and ease, then close it: grow experiment add "Try ${track.name.toLowerCase()} work" --track ${track.id} --until ${addDays(today, 28)} --hypothesis "…".`,
      );
    }

    return { track: track.id, score: round(score), confidence: round(confidence), reasons, evidence, order: i };
  });

  fits.sort((a, b) => b.score - a.score || b.confidence - a.confidence || a.order - b.order);
  return fits.map(({ order: _order, ...fit }) => fit);
}
