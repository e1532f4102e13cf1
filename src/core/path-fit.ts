/**
 * Path fit: how well each track of a framework fits a person, from their own evidence only.
 * Pure and deterministic; today is a parameter. The model is described in docs/path-fit.md.
 *
 * Four signals per track, each a lean in −1..+1 (for or against the track, already scaled by how
 * much evidence stands behind it) and a strength in 0..1:
 *   ratings      the track's own skills rated above or below the person's own average;
 *   energy       how energized (+2) or drained (−2) activities on the track's own skills left them;
 *   ease         how naturally (1..5) those activities came;
 *   experiments  the outcomes of the person's closed experiments on the track.
 * score = 0.5 + 0.5 · Σ weight·lean, confidence = Σ weight·strength. Each lean only grows with
 * evidence for the track, so adding such evidence never lowers its score. Activities and
 * experiments count less as they age (half-life HALF_LIFE_DAYS). Readiness for the next level
 * only breaks ties and names the gaps to try on.
 * One pass over each history: linear in the number of assessments, activities and experiments.
 */
import { type IsoDate, addDays, toDayNumber } from './calendar.js';
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
  /** When it started; optional: the model ages an experiment by when it closed (or was due). */
  start?: IsoDate;
  until: IsoDate;
  outcome: Outcome | null;
  closedOn: IsoDate | null;
}

export interface PathFit {
  track: string;
  /**
   * 0..1: 0.5 is neutral; above it the evidence leans toward the track, below it away. Null when
   * nothing at all speaks for or against the track (confidence 0): "not enough evidence", never a 50% fit.
   */
  score: number | null;
  /** 0..1: how much evidence stands behind the score. */
  confidence: number;
  reasons: string[];
  /** Ids of the assessments, activities and experiments the reasons cite, in the reasons' order. */
  evidence: string[];
  /** With little evidence and no experiment open on the track: an experiment to try, for a form or a command to fill in. */
  suggestion: ExperimentSuggestion | null;
}

export interface ExperimentSuggestion {
  title: string;
  track: string;
  /** Four weeks from today. */
  until: IsoDate;
}

/** Weights of the signals; they sum to 1. Readiness is not among them: it only breaks ties. */
export const WEIGHTS = { ratings: 0.25, energy: 0.3, ease: 0.15, experiments: 0.3 } as const;
/**
 * A skill is one of a track's own skills when the track's top level emphasizes it at most this much
 * less than the track that emphasizes it most (half a rating point of five): a skill several tracks
 * rely on alike counts for each of them.
 */
export const RELY_MARGIN = 0.1;
/** Rated own skills (as a share of the framework's skills) at which the ratings signal reaches full strength. */
export const RATING_SHARE = 1 / 3;
/** Rating points above (below) one's own average at which the ratings signal is fully for (against) a track. */
export const RATING_SCALE = 2;
/** Hours of activity (recency-weighted) at which energy or ease reaches half strength. */
export const ACTIVITY_HALF_HOURS = 5;
/** One activity counts for at most this many minutes, so one mistyped entry cannot outweigh weeks. */
export const MAX_ACTIVITY_MINUTES = 240;
/** Closed experiments (recency-weighted) at which that signal reaches half strength. */
export const EXPERIMENT_HALF = 1;
/** Evidence this many days old counts half as much as today's; ratings are not aged (the latest counts). */
export const HALF_LIFE_DAYS = 365;
/** Below this confidence the track's reasons end with a suggested experiment. */
export const LOW_CONFIDENCE = 0.5;
/** At most this many ids are cited for one reason about activities: the most recent. */
export const CITED_ACTIVITIES = 5;

const OUTCOME_VALUE: Record<Outcome, number> = { positive: 1, neutral: 0, negative: -1 };

const round = (n: number, places = 3): number => Math.round(n * 10 ** places) / 10 ** places;
const pct = (n: number): string => `${Math.round(n * 100)}%`;
const signed = (n: number): string => {
  const r = Math.round(n * 10) / 10; // so that −0.04 reads 0.0, not −0.0
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}`;
};
const hours = (minutes: number): string => (minutes >= 600 ? `${Math.round(minutes / 60)} h` : `${round(minutes / 60, 1)} h`);
const listOf = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const activities = (n: number): string => plural(n, 'activity', 'activities');
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

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
 * Each track's own skills: those its top level emphasizes within RELY_MARGIN of the track that
 * emphasizes them most (a skill a track does not name counts as 0 there). A skill two tracks rely
 * on alike is one of each's; a skill one track asks for clearly less than another is not its own.
 * Membership is all or nothing so that the ratings comparison stays monotone (docs/path-fit.md).
 */
export function trackSkills(framework: Framework): Map<string, string[]> {
  const emphases = framework.tracks.map((t) => emphasis(t));
  const out = new Map<string, string[]>();
  framework.tracks.forEach((track, i) => {
    const own: string[] = [];
    for (const skill of framework.skills) {
      const mine = emphases[i]!.get(skill.id) ?? 0;
      const most = Math.max(0, ...emphases.map((e) => e.get(skill.id) ?? 0));
      if (mine > 0 && most - mine <= RELY_MARGIN + 1e-9) own.push(skill.id);
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
    if (!seen || a.date > seen.date || (a.date === seen.date && (a.createdAt > seen.createdAt || (a.createdAt === seen.createdAt && a.id > seen.id)))) {
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

/**
 * Signed evidence from feelings (energy or ease, scaled to −1..+1), each weighted by hours and
 * recency: what is for the track (plus), against it (minus), neutral, and all of it.
 */
interface Feeling {
  plus: number;
  minus: number;
  neutral: number;
  /** Σ weight · feeling, for the mean the reason reports. */
  signed: number;
  weight: number;
  count: number;
  minutes: number;
}

const newFeeling = (): Feeling => ({ plus: 0, minus: 0, neutral: 0, signed: 0, weight: 0, count: 0, minutes: 0 });

function feel(f: Feeling, value: number, weight: number, minutes: number): void {
  if (value > 0) f.plus += weight * value;
  else if (value < 0) f.minus -= weight * value;
  else f.neutral += weight;
  f.signed += weight * value;
  f.weight += weight;
  f.count++;
  f.minutes += minutes;
}

/**
 * −1..+1: net evidence over all evidence plus the half-strength mass. More evidence for the track
 * (a larger `plus`) always raises it, whatever came before: ∂/∂plus = (2·minus + neutral + half) / (…)² > 0.
 */
const direction = (f: Feeling, half: number): number => (f.plus - f.minus) / (f.plus + f.minus + f.neutral + half);

/** Per track: both feelings, all activities counted, and the most recent for citing. */
interface Practice {
  energy: Feeling;
  ease: Feeling;
  count: number;
  minutes: number;
  newest: IsoDate | null;
  /** The track's own skills these activities practised. */
  practised: Set<string>;
  /** The most recent contributing activities (by date, then id), newest first, at most CITED_ACTIVITIES. */
  recent: ActivityFact[];
}

const newPractice = (): Practice => ({ energy: newFeeling(), ease: newFeeling(), count: 0, minutes: 0, newest: null, practised: new Set(), recent: [] });

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

/** A signal's part of the score: direction·strength in −1..+1, and its strength in 0..1 for confidence. */
interface Signal {
  lean: number;
  strength: number;
}

/** How a fit reads wherever it is shown: a percent, or this when there is no evidence at all. */
export const NO_EVIDENCE = 'not enough evidence';

export function fitText(score: number | null): string {
  return score === null ? NO_EVIDENCE : pct(score);
}

/**
 * Path fit for every track of the framework, best first: tracks with evidence by score, then readiness,
 * then confidence; after them the tracks with no evidence at all; ties in the framework's order.
 */
export function computePathFit(input: PathFitInput): PathFit[] {
  const { framework, today } = input;
  const todayNumber = toDayNumber(today);
  const recency = (date: IsoDate): number => 0.5 ** (Math.max(0, todayNumber - toDayNumber(date)) / HALF_LIFE_DAYS);
  const isOld = (date: IsoDate): boolean => todayNumber - toDayNumber(date) > HALF_LIFE_DAYS;
  const skillsById = new Map<string, Skill>(framework.skills.map((s) => [s.id, s]));
  const skillName = (id: string) => (skillsById.get(id)?.name ?? id).toLowerCase();
  const own = trackSkills(framework);

  // Which tracks each skill is one of the own skills of, so each activity is read once.
  const tracksOfSkill = new Map<string, number[]>();
  framework.tracks.forEach((track, i) => {
    for (const skill of own.get(track.id) ?? []) {
      const list = tracksOfSkill.get(skill) ?? [];
      list.push(i);
      tracksOfSkill.set(skill, list);
    }
  });

  const practices = framework.tracks.map(() => newPractice());
  const touched = new Set<number>();
  for (const activity of input.activities) {
    touched.clear();
    for (const skill of activity.skills) {
      for (const i of tracksOfSkill.get(skill) ?? []) {
        touched.add(i);
        practices[i]!.practised.add(skill);
      }
    }
    if (touched.size === 0) continue;
    const minutes = Math.max(1, activity.minutes);
    const weight = (Math.min(minutes, MAX_ACTIVITY_MINUTES) / 60) * recency(activity.date);
    for (const i of touched) {
      const p = practices[i]!;
      p.count++;
      p.minutes += minutes;
      if (p.newest === null || activity.date > p.newest) p.newest = activity.date;
      if (activity.energy !== null) feel(p.energy, clamp(activity.energy, -2, 2) / 2, weight, minutes);
      if (activity.ease !== null) feel(p.ease, (clamp(activity.ease, 1, 5) - 3) / 2, weight, minutes);
      keepRecent(p.recent, activity);
    }
  }

  // Ratings: the latest of each skill of the framework, and the person's own average over them.
  const latest = latestAssessments(input.assessments);
  for (const skill of [...latest.keys()]) if (!skillsById.has(skill)) latest.delete(skill);
  const rating = (skill: string) => latest.get(skill)?.level ?? 0;
  let ratingSum = 0;
  for (const a of latest.values()) ratingSum += a.level;
  const rated = latest.size;
  const ownAverage = rated === 0 ? 0 : ratingSum / rated;
  const ratingCap = Math.max(1, RATING_SHARE * framework.skills.length);

  const fits = framework.tracks.map((track, i) => {
    const reasons: string[] = [];
    const evidence: string[] = [];
    const cite = (ids: Iterable<string>) => {
      for (const id of ids) if (!evidence.includes(id)) evidence.push(id);
    };
    const signals: Partial<Record<keyof typeof WEIGHTS, Signal>> = {};
    const ownSkills = own.get(track.id) ?? [];
    const namesOf = (skills: string[]) =>
      skills.length > 4 ? `${skills.slice(0, 3).map(skillName).join(', ')} and ${skills.length - 3} more` : listOf(skills.map(skillName));
    const ownNames = namesOf(ownSkills);

    // Ratings relative to the person's own profile: the mean of the track's rated own skills
    // against the mean of every rated skill. Strength grows with the own skills rated (up to a
    // share of the framework) and with the other skills rated (something to compare with).
    const ownRated = ownSkills.filter((s) => latest.has(s));
    if (ownSkills.length === 0) {
      reasons.push('Ratings: no skill is more this track’s than another’s, so ratings say nothing about it.');
    } else if (ownRated.length === 0) {
      reasons.push(`Ratings: none of ${ownNames}, the skills this track relies on most, is rated yet.`);
    } else if (ownRated.length === rated) {
      reasons.push(
        `Ratings: only ${listOf(ownRated.map(skillName))} ${ownRated.length === 1 ? 'is' : 'are'} rated, so there is nothing to compare ${ownRated.length === 1 ? 'it' : 'them'} with.`,
      );
      cite(ownRated.map((s) => latest.get(s)!.id));
    } else {
      const mean = ownRated.reduce((s, skill) => s + rating(skill), 0) / ownRated.length;
      const relative = mean - ownAverage;
      const strength = Math.min(1, ownRated.length / ratingCap) * Math.min(1, (rated - ownRated.length) / ratingCap);
      signals.ratings = { lean: strength * clamp(relative / RATING_SCALE, -1, 1), strength };
      const verdict = relative >= 0.25 ? 'a relative strength' : relative <= -0.25 ? 'a relative weakness' : 'in line with the rest';
      const byRating = [...ownRated].sort((a, b) => rating(b) - rating(a) || a.localeCompare(b));
      const above = byRating.filter((s) => rating(s) > ownAverage).slice(0, 3);
      const below = byRating
        .filter((s) => rating(s) < ownAverage)
        .reverse()
        .slice(0, 3);
      const named = (list: string[]) => list.map((s) => `${skillName(s)} ${rating(s)}`).join(', ');
      reasons.push(
        `Ratings: its skills you rated (${ownRated.length === ownSkills.length ? ownNames : `${plural(ownRated.length, 'skill')} of ${ownNames}`}) average ${mean.toFixed(1)} ` +
          `against your own ${ownAverage.toFixed(1)} over ${plural(rated, 'rated skill')}: ${verdict} (${signed(relative)})` +
          (above.length > 0 ? `; above your average: ${named(above)}` : '') +
          (below.length > 0 ? `; below it: ${named(below)}` : '') +
          (ownSkills.length < ratingCap
            ? `; a narrow track of ${plural(ownSkills.length, 'skill')}, so ratings count for less`
            : ownRated.length < ratingCap
              ? `; only ${plural(ownRated.length, 'skill')} of this track rated, so ratings count for less`
              : '') +
          (rated - ownRated.length < ratingCap ? `; few other skills rated to compare with, so ratings count for less` : '') +
          '.',
      );
      cite(byRating.map((s) => latest.get(s)!.id));
    }

    // Readiness: the share of the next level's expectations the latest ratings already meet, on
    // the track's own skills (all the level's skills when it has none). A tie-breaker and the
    // source of the gaps to try on, never part of the score.
    let readiness = 0;
    let gapSkills: string[] = [];
    const level = nextLevel(track, rating);
    if (level) {
      const all = Object.entries(level.expects).filter(([, e]) => e > 0);
      const distinctive = all.filter(([skill]) => ownSkills.includes(skill));
      const expected = distinctive.length > 0 ? distinctive : all;
      const ratedExpected = expected.filter(([skill]) => latest.has(skill));
      const total = expected.reduce((s, [, e]) => s + e, 0);
      const met = expected.reduce((s, [skill, e]) => s + Math.min(rating(skill), e), 0);
      readiness = total === 0 ? 1 : met / total;
      const gaps = expected
        .map(([skill, e]) => ({ skill, gap: e - rating(skill), e }))
        .filter((g) => g.gap > 0)
        .sort((a, b) => b.gap - a.gap || a.skill.localeCompare(b.skill))
        .slice(0, 3);
      gapSkills = gaps.map((g) => g.skill);
      if (ratedExpected.length > 0) {
        reasons.push(
          `Next level: you reach ${pct(readiness)} of what ${level.name} (${level.id}) expects of ${distinctive.length > 0 ? ownNames : 'its skills'}` +
            (gaps.length === 0 ? '' : `; to try on: ${gaps.map((g) => `${skillName(g.skill)} ${rating(g.skill)}/${g.e}`).join(', ')}`) +
            ' (this orders tracks only when the evidence ties).',
        );
        cite(ratedExpected.map(([skill]) => latest.get(skill)!.id));
      }
    }

    // Energy and ease of the activities on the track's own skills.
    const p = practices[i]!;
    if (ownSkills.length > 0 && p.count === 0) {
      reasons.push(`Activities: nothing logged yet on ${ownNames}, the skills this track relies on most.`);
    } else if (p.count > 0) {
      const practisedNames = namesOf(ownSkills.filter((s) => p.practised.has(s)));
      const old = p.newest !== null && isOld(p.newest) ? `; the latest was on ${p.newest}, and older evidence counts less` : '';
      if (p.energy.count > 0) {
        const mean = (2 * p.energy.signed) / p.energy.weight;
        signals.energy = { lean: direction(p.energy, ACTIVITY_HALF_HOURS), strength: p.energy.weight / (p.energy.weight + ACTIVITY_HALF_HOURS) };
        const feeling = mean >= 0.5 ? 'energized you' : mean <= -0.5 ? 'drained you' : 'left you neither drained nor energized';
        reasons.push(
          `Energy: work on ${practisedNames} ${feeling}: ${signed(mean)} on −2..+2 over ${activities(p.energy.count)} (${hours(p.energy.minutes)})${old}.`,
        );
      }
      if (p.ease.count > 0) {
        const mean = 3 + (2 * p.ease.signed) / p.ease.weight;
        signals.ease = { lean: direction(p.ease, ACTIVITY_HALF_HOURS), strength: p.ease.weight / (p.ease.weight + ACTIVITY_HALF_HOURS) };
        const how = mean >= 3.5 ? 'came easily' : mean <= 2.5 ? 'came hard' : 'came neither easy nor hard';
        reasons.push(`Ease: it ${how}: ${mean.toFixed(1)} of 5 over ${activities(p.ease.count)}.`);
      }
      if (p.energy.count === 0 && p.ease.count === 0) {
        reasons.push(`Activities: ${activities(p.count)} on ${practisedNames}, but none records energy or ease.`);
      }
      cite(p.recent.map((a) => a.id));
    }

    // Experiments on the track: a positive outcome raises it, a negative one lowers it.
    const mine = input.experiments.filter((e) => e.track === track.id);
    const closed = mine.filter((e): e is ExperimentFact & { outcome: Outcome } => e.outcome !== null);
    if (closed.length > 0) {
      let weight = 0;
      let sum = 0;
      for (const e of closed) {
        const w = recency(e.closedOn ?? e.until);
        weight += w;
        sum += w * OUTCOME_VALUE[e.outcome];
      }
      signals.experiments = { lean: sum / (weight + EXPERIMENT_HALF), strength: weight / (weight + EXPERIMENT_HALF) };
      const counts = OUTCOMES.map((o) => [o, closed.filter((e) => e.outcome === o).length] as const)
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${n} ${o}`);
      const effect = {
        positive: 'went well, which raises this track',
        neutral: 'was neutral, which leaves it where it is',
        negative: 'went badly, which lowers this track',
      } as const;
      const told = closed.map((e) => {
        const on = e.closedOn ?? e.until;
        return `"${e.title}" ${effect[e.outcome]}${isOld(on) ? ` (closed ${on}, so it counts less now)` : ''}`;
      });
      reasons.push(
        `Experiments: ${plural(closed.length, 'closed experiment')} (${counts.join(', ')}): ${closed.map((e) => `"${e.title}" ${e.outcome}`).join('; ')}.`,
      );
      reasons.push(`Their effect: ${told.join('; ')}.`);
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

    let lean = 0;
    let confidence = 0;
    for (const key of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) {
      const s = signals[key];
      if (!s) continue;
      lean += WEIGHTS[key] * s.lean;
      confidence += WEIGHTS[key] * s.strength;
    }
    const score = clamp(0.5 + 0.5 * lean, 0, 1);

    let suggestion: ExperimentSuggestion | null = null;
    if (confidence < LOW_CONFIDENCE && !mine.some((e) => e.outcome === null)) {
      const tryOn = gapSkills.filter((s) => ownSkills.includes(s));
      const focus =
        tryOn.length > 0
          ? listOf(tryOn.slice(0, 2).map(skillName))
          : ownSkills.length > 0
            ? listOf(ownSkills.slice(0, 2).map(skillName))
            : 'the work this track asks for';
      reasons.push(
        `Little evidence yet (confidence ${pct(confidence)}): try an experiment, e.g. for four weeks practise ${focus} on real work, ` +
          `log each session's energy and ease, then close it with its outcome.`,
      );
      suggestion = { title: `Try ${track.name.toLowerCase()} work`, track: track.id, until: addDays(today, 28) };
    }

    return {
      track: track.id,
      score: confidence > 0 ? round(score) : null,
      confidence: round(confidence),
      reasons,
      evidence,
      suggestion,
      order: i,
      readiness: round(readiness),
    };
  });

  const ranked = (f: (typeof fits)[number]) => (f.score === null ? -1 : f.score);
  fits.sort((a, b) => ranked(b) - ranked(a) || b.readiness - a.readiness || b.confidence - a.confidence || a.order - b.order);
  return fits.map(({ order: _order, readiness: _readiness, ...fit }) => fit);
}
