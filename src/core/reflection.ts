/**
 * A period reflection: facts with numbers, gathered from the person's data, under headings, each
 * followed by room for the person's own words. Pure: the service gathers, this counts and writes.
 *
 * It never writes prose in the person's voice: every line is a fact ("done on 18 of 20 due days")
 * or says plainly that there is none ("No practice logged in this period.").
 */
import { type IsoDate, addDays, fromDayNumber, toDayNumber, weekdayOfDay } from './calendar.js';
import type { HabitKind, Outcome } from './vocabulary.js';
import { type CheckIn, type HabitRules, habitHistory, strengthSeries } from './habit-stats.js';
import type { SkillKind } from './framework.js';
import { type Assessment, currentLevels } from './skills.js';
import { fitText } from './path-fit.js';

export const YOUR_WORDS = '**Your words:**';

/** A period to reflect on, and why it was chosen. */
export interface SuggestedPeriod {
  from: IsoDate;
  to: IsoDate;
  /** last-week: the week before this one had data; this-week: only this week so far has; latest-week: the last week that had any. */
  basis: 'last-week' | 'this-week' | 'latest-week';
}

/** Monday to Sunday of the week that holds a day. */
export function weekAround(day: IsoDate): { from: IsoDate; to: IsoDate } {
  const monday = addDays(day, -weekdayOfDay(toDayNumber(day)));
  return { from: monday, to: addDays(monday, 6) };
}

/** Monday to Sunday of the week before today's. */
export const lastWeekOf = (today: IsoDate): { from: IsoDate; to: IsoDate } => weekAround(addDays(weekAround(today).from, -7));

/**
 * The period a reflection starts from: the week just past when it holds anything, else this week
 * so far when it does, else the last week that held anything; null when nothing was ever recorded.
 * `latestByLastWeek` and `latestByToday` are the last days with a fact on or before the end of last
 * week and on or before today.
 */
export function suggestPeriod(today: IsoDate, latestByLastWeek: IsoDate | null, latestByToday: IsoDate | null): SuggestedPeriod | null {
  const last = lastWeekOf(today);
  if (latestByLastWeek !== null && latestByLastWeek >= last.from) return { ...last, basis: 'last-week' };
  if (latestByToday !== null && latestByToday > last.to) return { from: weekAround(today).from, to: today, basis: 'this-week' };
  if (latestByLastWeek !== null) return { ...weekAround(latestByLastWeek), basis: 'latest-week' };
  return null;
}

export const defaultReflectionTitle = (from: IsoDate, to: IsoDate): string => `Reflection ${from} – ${to}`;

export interface HabitFact {
  name: string;
  kind: HabitKind;
  schedule: string;
  /** Days that counted as done (build) or kept (break) in the period. */
  done: number;
  /** Days the schedule asked for: the days done plus the days missed (or slipped). */
  due: number;
  /** Strength at the end of the day before the period, and at the end of its last day (0..1). */
  strengthStart: number;
  strengthEnd: number;
}

export interface SkillMove {
  name: string;
  kind: SkillKind;
  /** The rating before the period; null when never rated before it. */
  from: number | null;
  to: number;
  /** The day of the last assessment in the period. */
  date: IsoDate;
}

export interface PracticeFact {
  technicalMinutes: number;
  softMinutes: number;
  activities: number;
  /** The person's target share of technical practice, 0..1. */
  targetRatio: number;
}

export interface LearningFact {
  title: string;
  kind: string;
  authors: string[];
  finishedOn: IsoDate;
  /** 0..5; null when unrated. */
  rating: number | null;
  takeaways: string[];
}

export interface ExperimentFact {
  title: string;
  track: string;
  hypothesis: string;
  startedOn: IsoDate;
  until: IsoDate;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
  note: string | null;
}

export interface PathFitFact {
  track: string;
  score: number | null;
  confidence: number;
  reasons: string[];
}

export interface ReflectionFacts {
  from: IsoDate;
  to: IsoDate;
  /** The day the facts were gathered; counts stop there when the period runs past it. */
  asOf: IsoDate;
  habits: HabitFact[];
  skills: SkillMove[];
  practice: PracticeFact;
  learning: LearningFact[];
  experiments: ExperimentFact[];
  pathFit: PathFitFact[];
}

/**
 * A habit over a period ending on `end` (at most `today`): days done and due, and its strength
 * before and after. A day counts as in completion: done (with at least the target, measurable) or
 * kept is done; missed, slipped (beyond the limit) or done short of the target is due and not done;
 * skipped days and days the schedule did not require count for neither.
 */
export function habitOverPeriod(
  rules: HabitRules,
  checkIns: readonly CheckIn[],
  from: IsoDate,
  end: IsoDate,
  today: IsoDate,
): Pick<HabitFact, 'done' | 'due' | 'strengthStart' | 'strengthEnd'> {
  const build = rules.kind === 'build';
  const measurable = rules.target !== null;
  const target = rules.target ?? 0;
  let done = 0;
  let due = 0;
  // The history's as-of day is still open (it can yet be done or kept); a period that ended before
  // today is over, so its last day is classified as any other past day.
  const asOf = end < today ? fromDayNumber(toDayNumber(end) + 1) : end;
  for (const day of habitHistory(rules, checkIns, asOf)) {
    if (day.date < from || day.date > end) continue;
    let success: boolean | null = null;
    if (day.status === 'done') success = !(build && measurable) || (day.amount ?? 0) >= target;
    else if (day.status === 'missed') success = false;
    else if (day.status === 'slip') success = !build && measurable && (day.amount ?? 0) <= target;
    if (success === null) continue;
    due++;
    if (success) done++;
  }
  const { startDay, scores } = strengthSeries(rules, checkIns, end);
  const at = (day: number) => (startDay === null || day < startDay ? 0 : (scores[day - startDay] ?? 0));
  return { done, due, strengthStart: at(toDayNumber(from) - 1), strengthEnd: at(toDayNumber(end)) };
}

/** Skills assessed in the period: the rating before it and the latest in it, in the order given. */
export function skillMoves<T extends Assessment>(assessments: readonly T[], from: IsoDate, to: IsoDate): Map<string, Omit<SkillMove, 'name' | 'kind'>> {
  const before = currentLevels(assessments.filter((a) => a.date < from));
  const inPeriod = assessments.filter((a) => a.date >= from && a.date <= to);
  const after = currentLevels(inPeriod);
  const lastDay = new Map<string, IsoDate>();
  for (const a of inPeriod) if ((lastDay.get(a.skillId) ?? '') < a.date) lastDay.set(a.skillId, a.date);
  const moves = new Map<string, Omit<SkillMove, 'name' | 'kind'>>();
  for (const [skillId, level] of after) moves.set(skillId, { from: before.get(skillId) ?? null, to: level, date: lastDay.get(skillId)! });
  return moves;
}

/** Days from `from` to `to`, both included. */
export const daysIn = (from: IsoDate, to: IsoDate): number => toDayNumber(to) - toDayNumber(from) + 1;

const pct = (value: number) => `${Math.round(value * 100)}%`;
const signed = (n: number, unit: string) => (n === 0 ? 'no change' : `${n > 0 ? '+' : '−'}${Math.abs(n)} ${unit}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function hours(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${minutes} min (${h} h${m ? ` ${m} min` : ''})`;
}

function habitLine(h: HabitFact): string {
  const verb = h.kind === 'build' ? 'done' : 'kept';
  const days = h.due === 0 ? 'no days due in this period' : `${verb} on ${h.done} of ${plural(h.due, 'due day')} (${pct(h.done / h.due)})`;
  const start = Math.round(h.strengthStart * 100);
  const end = Math.round(h.strengthEnd * 100);
  return `- **${h.name}** (${h.kind === 'build' ? 'to build' : 'to break'}, ${h.schedule}): ${days}; strength ${start}% → ${end}% (${signed(end - start, 'points')})`;
}

function skillLine(s: SkillMove): string {
  const from = s.from === null ? 'unrated' : String(s.from);
  const change = signed(s.to - (s.from ?? 0), s.to - (s.from ?? 0) === 1 || s.to - (s.from ?? 0) === -1 ? 'level' : 'levels');
  return `- **${s.name}** (${s.kind}): ${from} → ${s.to} (${change}), last assessed ${s.date}`;
}

function practiceLines(p: PracticeFact): string[] {
  const total = p.technicalMinutes + p.softMinutes;
  if (p.activities === 0) return ['No practice logged in this period.'];
  const lines = [
    `- Technical practice: ${hours(p.technicalMinutes)}`,
    `- Soft practice: ${hours(p.softMinutes)}`,
    `- Logged: ${plural(p.activities, 'activity', 'activities')}, ${hours(total)} in all`,
  ];
  if (total === 0) lines.push('- Technical share: none of the logged skills is in the framework');
  else {
    const share = p.technicalMinutes / total;
    const diff = Math.round(share * 100) - Math.round(p.targetRatio * 100);
    const against = diff === 0 ? 'on target' : `${Math.abs(diff)} points ${diff > 0 ? 'more technical' : 'more soft'} than the target`;
    lines.push(`- Technical share: ${pct(share)} against your target of ${pct(p.targetRatio)} (${against})`);
  }
  return lines;
}

function learningLines(item: LearningFact): string[] {
  const by = item.authors.length ? ` by ${item.authors.join(', ')}` : '';
  const rating = item.rating === null ? 'not rated' : `rated ${item.rating}/5`;
  const lines = [`- **${item.title}** (${item.kind}${by}): finished ${item.finishedOn}, ${rating}`];
  if (item.takeaways.length === 0) lines.push('  - No takeaways recorded.');
  else lines.push(`  - ${plural(item.takeaways.length, 'takeaway')}:`, ...item.takeaways.map((t) => `    - ${t.replace(/\s*\n\s*/g, ' ')}`));
  return lines;
}

function experimentLines(e: ExperimentFact, asOf: IsoDate): string[] {
  const state =
    e.closedOn !== null ? `closed ${e.closedOn}, outcome ${e.outcome}` : e.until < asOf ? `still open on ${asOf}, past its end` : `still open on ${asOf}`;
  const lines = [`- **${e.title}** (${e.track}): started ${e.startedOn}, until ${e.until}; ${state}`, `  - Hypothesis: ${e.hypothesis}`];
  if (e.note) lines.push(`  - Note: ${e.note}`);
  return lines;
}

function pathLines(fits: readonly PathFitFact[], asOf: IsoDate): string[] {
  if (fits.length === 0) return ['No career tracks to compare: the framework has none.'];
  const lines = [`As of ${asOf}, best fit first (a fit of 50% is neutral; the confidence is how much evidence stands behind it):`, ''];
  fits.forEach((f, i) => {
    lines.push(`${i + 1}. **${f.track}**: fit ${fitText(f.score)}, confidence ${Math.round(f.confidence * 100)}%`);
    for (const reason of f.reasons) lines.push(`   - ${reason}`);
  });
  return lines;
}

/** The draft's Markdown body. */
export function reflectionMarkdown(facts: ReflectionFacts): string {
  const { from, to, asOf } = facts;
  const end = to < asOf ? to : asOf;
  const out: string[] = [];
  const section = (heading: string, lines: string[]) => out.push(`## ${heading}`, '', ...lines, '', YOUR_WORDS, '', '');
  out.push(
    `Facts gathered by grow on ${asOf} for ${from} – ${to} (${plural(daysIn(from, to), 'day')}${end < to ? `; counted up to ${end}` : ''}).`,
    'Under each heading, the room after "Your words" is yours: grow writes none of it.',
    '',
  );
  section('Habits', facts.habits.length ? facts.habits.map(habitLine) : ['No active habits in this period.']);
  section('Skills that moved', facts.skills.length ? facts.skills.map(skillLine) : ['No skills assessed in this period.']);
  section('Practice time', practiceLines(facts.practice));
  section('Learning', facts.learning.length ? facts.learning.flatMap(learningLines) : ['No books, articles, courses or talks finished in this period.']);
  section(
    'Experiments',
    facts.experiments.length ? facts.experiments.flatMap((e) => experimentLines(e, asOf)) : ['No experiments started or closed in this period.'],
  );
  section('Path fit now', pathLines(facts.pathFit, asOf));
  return `${out.join('\n').trimEnd()}\n`;
}
