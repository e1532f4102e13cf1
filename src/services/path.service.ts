/**
 * Path fit and experiments. Path fit reads the person's assessments, activities and experiments
 * (one query each) and applies the pure model in core/path-fit.ts. Every write is one
 * transaction after all validation: a refused call writes nothing.
 */
import type { IsoDate } from '../core/calendar.js';
import { inTransaction } from '../store/database.js';
import type { ExperimentStatus } from '../core/vocabulary.js';
import { AppError, conflict, invalid, notFound } from '../core/errors.js';
import { findTrack } from '../core/framework.js';
import { type ExperimentFact, type Outcome, type PathFit, computePathFit } from '../core/path-fit.js';
import { closeExperimentRow, findExperiment, insertExperiment, listExperimentRows } from '../store/experiment.repository.js';
import { newId } from '../store/ids.js';
import { listActivityFeelings, listAssessmentLevels } from '../store/path.repository.js';
import type { ExperimentRow } from '../store/schema.js';
import { experimentAddSchema, experimentCloseSchema } from '../schemas/path.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';

export type { PathFit } from '../core/path-fit.js';

export interface Experiment {
  id: string;
  title: string;
  track: string;
  hypothesis: string;
  startedOn: IsoDate;
  until: IsoDate;
  /** open; overdue: open after its last day; closed: has an outcome. */
  status: ExperimentStatus;
  outcome: Outcome | null;
  note: string | null;
  closedOn: IsoDate | null;
}

function toExperiment(row: ExperimentRow, today: IsoDate): Experiment {
  return {
    id: row.id,
    title: row.title,
    track: row.track,
    hypothesis: row.hypothesis,
    startedOn: row.started_on,
    until: row.until,
    status: row.closed_on !== null ? 'closed' : row.until < today ? 'overdue' : 'open',
    outcome: row.outcome,
    note: row.note,
    closedOn: row.closed_on,
  };
}

/** Per track of the active framework: score, confidence, reasons and the evidence they cite; best first. */
export async function pathFit(ctx: Context): Promise<PathFit[]> {
  const db = ctx.store.db;
  const [framework, assessments, activities, experiments] = await Promise.all([
    getActiveFramework(ctx),
    listAssessmentLevels(db, ctx.personId, ctx.today),
    listActivityFeelings(db, ctx.personId, ctx.today),
    listExperimentRows(db, ctx.personId),
  ]);
  return computePathFit({
    framework,
    today: ctx.today,
    assessments: assessments.map((a) => ({ id: a.id, skillId: a.skill_id, level: a.level, date: a.date, createdAt: a.created_at })),
    activities: activities.map((a) => ({
      id: a.id,
      date: a.date,
      minutes: a.minutes,
      skills: JSON.parse(a.skills) as string[],
      energy: a.energy,
      ease: a.ease,
    })),
    // Oldest first, so reasons read in the order the experiments were run.
    experiments: experiments
      .map((e): ExperimentFact => ({ id: e.id, title: e.title, track: e.track, until: e.until, outcome: e.outcome, closedOn: e.closed_on }))
      .reverse(),
  });
}

/**
 * Records an experiment on a track of the active framework, from its start (default today) until a
 * day not before the start; both may lie in the past, for an experiment written down after the fact.
 */
export async function addExperiment(ctx: Context, raw: unknown): Promise<Experiment> {
  const input = parseInput(experimentAddSchema, raw);
  const framework = await getActiveFramework(ctx);
  if (!findTrack(framework, input.track)) {
    throw invalid('track', `unknown track ${JSON.stringify(input.track)}; expected one of ${framework.tracks.map((t) => t.id).join(', ')}`);
  }
  const start = input.start ?? ctx.today;
  if (input.until < start) throw invalid('until', `${input.until} is before the start (${start})`);
  const row: ExperimentRow = {
    id: newId(ctx.now().getTime()),
    person_id: ctx.personId,
    title: input.title,
    track: input.track,
    hypothesis: input.hypothesis,
    started_on: start,
    until: input.until,
    outcome: null,
    note: null,
    closed_on: null,
    created_at: ctx.now().toISOString(),
  };
  await insertExperiment(ctx.store.db, row);
  return toExperiment(row, ctx.today);
}

/**
 * Records an open experiment's outcome on a day (default today) not before its start. Unknown,
 * already closed or closed before its start: refused, nothing written.
 */
export async function closeExperiment(ctx: Context, id: string, raw: unknown): Promise<Experiment> {
  const input = parseInput(experimentCloseSchema, raw);
  return inTransaction(ctx.store, async (trx) => {
    const row = await findExperiment(trx, ctx.personId, id);
    if (!row) throw notFound('experiment', id);
    const alreadyClosed = (closedOn: string | null, outcome: string | null) =>
      conflict('experiment', `"${row.title}" was already closed on ${closedOn} (${outcome})`);
    if (row.closed_on !== null) throw alreadyClosed(row.closed_on, row.outcome);
    const closedOn = input.on ?? ctx.today;
    if (closedOn < row.started_on) throw invalid('on', `${closedOn} is before the experiment's start (${row.started_on})`);
    const fields = { outcome: input.outcome, note: input.note ?? null, closed_on: closedOn };
    if (!(await closeExperimentRow(trx, ctx.personId, id, fields))) {
      // Closed by another request between the read and the update.
      const now = await findExperiment(trx, ctx.personId, id);
      if (now) throw alreadyClosed(now.closed_on, now.outcome);
      throw new AppError('not_found', `experiment: no experiment ${JSON.stringify(id)}`);
    }
    return toExperiment({ ...row, ...fields }, ctx.today);
  });
}

/** Every experiment of the person, newest first. */
export async function listExperiments(ctx: Context): Promise<Experiment[]> {
  return (await listExperimentRows(ctx.store.db, ctx.personId)).map((row) => toExperiment(row, ctx.today));
}
