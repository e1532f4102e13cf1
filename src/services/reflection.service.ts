/**
 * Period reflections: a draft journal entry (kind 'reflection') of facts with numbers about a
 * period, gathered from habits, assessments, practice, learning, experiments and path fit. One
 * query per kind of data; the counting and the writing are core/reflection.ts.
 */
import { type IsoDate, addDays } from '../core/calendar.js';
import { inTransaction } from '../store/database.js';
import { invalid } from '../core/errors.js';
import type { CheckIn } from '../core/habit-stats.js';
import { splitMinutes } from '../core/balance.js';
import { groupBy } from '../core/collections.js';
import {
  type ExperimentFact,
  type HabitFact,
  type LearningFact,
  type ReflectionFacts,
  type SkillMove,
  type SuggestedPeriod,
  defaultReflectionTitle,
  lastWeekOf,
  suggestPeriod,
  habitOverPeriod,
  reflectionMarkdown,
  skillMoves,
} from '../core/reflection.js';
import { listActivityRows } from '../store/activity.repository.js';
import { listExperimentRows } from '../store/experiment.repository.js';
import { listCheckIns, listHabitRows } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import { insertJournalEntry } from '../store/journal.repository.js';
import { listAssessmentLevels } from '../store/path.repository.js';
import { latestFactDay, listItemsFinishedBetween, listReflectionRows, listTakeawaysOf } from '../store/reflection.repository.js';
import { reflectionCreateSchema } from '../schemas/reflection.schema.js';
import { parseInput } from '../schemas/validate.js';
import { technicalRatioOf } from './activity.service.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';
import { rulesOf } from './habit.service.js';
import { type JournalEntry, toJournalEntry } from './journal.service.js';
import { pathFit } from './path.service.js';

export type { JournalEntry };

/** Everything a reflection says about a period, as numbers; `end` is the last day counted (at most today). */
export async function gatherReflectionFacts(ctx: Context, from: IsoDate, to: IsoDate): Promise<ReflectionFacts> {
  const db = ctx.store.db;
  const end = to < ctx.today ? to : ctx.today;
  const [framework, habits, assessments, activities, targetRatio, finished, experiments, fits] = await Promise.all([
    getActiveFramework(ctx),
    listHabitRows(db, ctx.personId),
    listAssessmentLevels(db, ctx.personId, end),
    listActivityRows(db, ctx.personId, { from, to: end }),
    technicalRatioOf(db, ctx.personId),
    listItemsFinishedBetween(db, ctx.personId, from, addDays(end, 1)),
    listExperimentRows(db, ctx.personId),
    pathFit(ctx),
  ]);
  const [checkIns, takeaways] = await Promise.all([
    listCheckIns(
      db,
      habits.map((h) => h.id),
      { to: end },
    ),
    listTakeawaysOf(
      db,
      ctx.personId,
      finished.map((i) => i.id),
    ),
  ]);

  const checkInsByHabit = groupBy(checkIns, (c) => c.habit_id);
  const habitFacts: HabitFact[] = [];
  for (const row of habits) {
    const entries: CheckIn[] = (checkInsByHabit.get(row.id) ?? []).map((c) => ({ date: c.date, status: c.status, amount: c.amount, note: null }));
    // A habit begun after the period has nothing to say about it.
    if (row.start_date > end && entries.length === 0) continue;
    habitFacts.push({ name: row.name, kind: row.kind, schedule: row.schedule, ...habitOverPeriod(rulesOf(row), entries, from, end, ctx.today) });
  }

  const moves = skillMoves(
    assessments.map((a) => ({ skillId: a.skill_id, level: a.level, date: a.date, createdAt: a.created_at })),
    from,
    end,
  );
  const skills: SkillMove[] = framework.skills.flatMap((s) => {
    const move = moves.get(s.id);
    return move ? [{ name: s.name, kind: s.kind, ...move }] : [];
  });

  const kindOf = new Map(framework.skills.map((s) => [s.id, s.kind]));
  let technicalMinutes = 0;
  let softMinutes = 0;
  for (const a of activities) {
    const split = splitMinutes(a.minutes, JSON.parse(a.skills) as string[], kindOf);
    technicalMinutes += split.technical;
    softMinutes += split.soft;
  }

  const takeawaysByItem = groupBy(takeaways, (t) => t.item_id);
  const learning: LearningFact[] = finished.map((item) => ({
    title: item.title,
    kind: item.kind,
    authors: JSON.parse(item.authors) as string[],
    finishedOn: item.finished_at!.slice(0, 10),
    rating: item.rating,
    takeaways: (takeawaysByItem.get(item.id) ?? []).map((t) => t.back),
  }));

  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  const inPeriod = (day: IsoDate | null) => day !== null && day >= from && day <= end;
  const experimentFacts: ExperimentFact[] = experiments
    .filter((e) => inPeriod(e.started_on) || inPeriod(e.closed_on))
    .reverse() // oldest first, in the order they were run
    .map((e) => ({
      title: e.title,
      track: trackName.get(e.track) ?? e.track,
      hypothesis: e.hypothesis,
      startedOn: e.started_on,
      until: e.until,
      closedOn: e.closed_on,
      outcome: e.outcome,
      note: e.note,
    }));

  return {
    from,
    to,
    asOf: ctx.today,
    habits: habitFacts,
    skills,
    practice: { technicalMinutes, softMinutes, activities: activities.length, targetRatio },
    learning,
    experiments: experimentFacts,
    pathFit: fits.map((f) => ({ track: trackName.get(f.track) ?? f.track, score: f.score, confidence: f.confidence, reasons: f.reasons })),
  };
}

/**
 * Writes a draft reflection for a period (from ≤ to, from not after today; to may run past today,
 * and counts stop at today). The entry is dated the period's last day counted.
 */
export async function createReflection(ctx: Context, raw: unknown): Promise<JournalEntry> {
  const input = parseInput(reflectionCreateSchema, raw);
  if (input.from > ctx.today) throw invalid('from', `${input.from} is after today (${ctx.today}): a reflection looks back on days that have begun`);
  const facts = await gatherReflectionFacts(ctx, input.from, input.to);
  const now = ctx.now().toISOString();
  const id = newId(ctx.now().getTime());
  const title = input.title === undefined || input.title === '' ? defaultReflectionTitle(input.from, input.to) : input.title;
  const row = {
    id,
    person_id: ctx.personId,
    title,
    body: reflectionMarkdown(facts),
    date: input.to < ctx.today ? input.to : ctx.today,
    time: null,
    utc_offset: null,
    tags: '[]',
    categories: '[]',
    kind: 'reflection' as const,
    period_from: input.from,
    period_to: input.to,
    visibility: 'private' as const,
    front_matter: null,
    source_name: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx.store, (trx) => insertJournalEntry(trx, row));
  return toJournalEntry(row);
}

/** The person's reflections, the most recent period first. */
export async function listReflections(ctx: Context): Promise<JournalEntry[]> {
  return (await listReflectionRows(ctx.store.db, ctx.personId)).map(toJournalEntry);
}

/** The period a reflection starts from (core suggestPeriod), or null when nothing was ever recorded. */
export async function suggestReflectionPeriod(ctx: Context): Promise<SuggestedPeriod | null> {
  const lastWeekEnd = lastWeekOf(ctx.today).to;
  const [byLastWeek, byToday] = await Promise.all([
    latestFactDay(ctx.store.db, ctx.personId, lastWeekEnd),
    latestFactDay(ctx.store.db, ctx.personId, ctx.today),
  ]);
  return suggestPeriod(ctx.today, byLastWeek, byToday);
}
