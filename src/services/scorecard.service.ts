import { notFound } from '../core/errors.js';
import { inTransaction } from '../store/database.js';
import type { ScorecardRating } from '../core/vocabulary.js';
import { deleteScorecardItem, findScorecardItem, insertScorecardItem, listScorecardItems, updateScorecardItem } from '../store/scorecard.repository.js';
import type { ScorecardItemRow } from '../store/schema.js';
import { habitCreateSchema, scorecardAddSchema, scorecardToHabitSchema } from '../schemas/habit.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { type HabitDetail, createHabit, habitDetail } from './habit.service.js';
import { habitSlugsById } from '../store/habit.repository.js';

export interface ScorecardItem {
  id: string;
  position: number;
  text: string;
  rating: ScorecardRating;
  time: string | null;
  habit: string | null;
}

function toItem(row: ScorecardItemRow, slugs: Map<string, string>): ScorecardItem {
  const habit = row.habit_id ? (slugs.get(row.habit_id) ?? null) : null;
  return { id: row.id, position: row.position, text: row.text, rating: row.rating, time: row.time_text, habit };
}

export async function listScorecard(ctx: Context): Promise<ScorecardItem[]> {
  const rows = await listScorecardItems(ctx.store.db, ctx.personId);
  const slugs = await habitSlugsById(
    ctx.store.db,
    ctx.personId,
    rows.flatMap((r) => (r.habit_id ? [r.habit_id] : [])),
  );
  return rows.map((r) => toItem(r, slugs));
}

export async function addScorecardItem(ctx: Context, raw: unknown): Promise<ScorecardItem> {
  const input = parseInput(scorecardAddSchema, raw);
  const row = await insertScorecardItem(ctx.store.db, {
    person_id: ctx.personId,
    text: input.text,
    rating: input.rating,
    time_text: input.time ?? null,
    habit_id: null,
    created_at: ctx.now().toISOString(),
  });
  return toItem(row, new Map());
}

export async function removeScorecardItem(ctx: Context, id: string): Promise<{ id: string; removed: true }> {
  const row = await findScorecardItem(ctx.store.db, ctx.personId, id);
  if (!row) throw notFound('scorecard item', id);
  await deleteScorecardItem(ctx.store.db, row.id);
  return { id: row.id, removed: true };
}

/**
 * A scorecard line becomes a habit: a `+` or `=` line one to build, a `-` line one to break,
 * unless the person says otherwise.
 */
export async function scorecardItemToHabit(ctx: Context, id: string, raw: unknown): Promise<HabitDetail> {
  const input = parseInput(scorecardToHabitSchema, raw);
  const habitId = await inTransaction(ctx.store, async (trx) => {
    const row = await findScorecardItem(trx, ctx.personId, id);
    if (!row) throw notFound('scorecard item', id);
    const kind = input.kind ?? (row.rating === '-' ? 'break' : 'build');
    const habit = await createHabit(trx, ctx, parseInput(habitCreateSchema, { name: row.text, kind }));
    await updateScorecardItem(trx, row.id, { habit_id: habit.id });
    return habit.id;
  });
  return habitDetail(ctx, habitId);
}
