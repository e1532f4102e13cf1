import type { IsoDate } from '../core/calendar.js';
import type { Context } from './context.js';
import { type HabitSummary, listHabits } from './habit.service.js';
import { type Neglect, neglectedPractice } from './activity.service.js';
import { type PlanSession, plannedToday } from './plan.service.js';
// The repository, not review.service: `grow today` need not load the scheduler to count cards.
import { countDueCards } from '../store/card.repository.js';

export interface Today {
  date: IsoDate;
  /** Habits to build that want doing today and are not yet checked in. */
  due: HabitSummary[];
  /** Habits already checked in today. */
  done: HabitSummary[];
  /** Habits to break: today is a day to keep. */
  avoid: HabitSummary[];
  /** Habits that were missed last time: never miss twice. */
  atRisk: string[];
  /** Balance warnings: a kind, or a skill the target needs, not practised for 14 days or more. */
  neglected: Neglect[];
  /** The sessions the kept plan of this week puts on today, done and skipped ones too. */
  planned: PlanSession[];
  /** Review cards due now (takeaways and highlights). */
  reviewsDue: number;
}

export async function today(ctx: Context): Promise<Today> {
  const habits = await listHabits(ctx);
  const neglected = await neglectedPractice(ctx);
  const planned = await plannedToday(ctx);
  const dueCards = await countDueCards(ctx.store.db, ctx.personId, ctx.now().toISOString());
  return {
    date: ctx.today,
    due: habits.filter((h) => h.dueToday),
    done: habits.filter((h) => h.kind === 'build' && h.today !== null),
    avoid: habits.filter((h) => h.kind === 'break'),
    atRisk: habits.filter((h) => h.neverMissTwice !== 'ok' && h.today === null).map((h) => h.slug),
    neglected,
    planned,
    reviewsDue: dueCards,
  };
}
