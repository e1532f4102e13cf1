/** The words and keys of spaced review that the CLI and the web share (the scheduling is ts-fsrs's). */

/** The four grades of FSRS, in the order of their keys 1–4 (CLI and web alike). */
export { GRADES as RATINGS, type Grade as RatingName } from './vocabulary.js';
import type { Grade as RatingName } from './vocabulary.js';

/** The one-key shortcuts of a grade: its number and its initial. */
export const RATING_KEYS: Record<RatingName, readonly [string, string]> = {
  again: ['1', 'a'],
  hard: ['2', 'h'],
  good: ['3', 'g'],
  easy: ['4', 'e'],
};

/**
 * "in 10 minutes", "in 3 hours", "in 8 days", "now": how far a due instant is. The CLI and the
 * web say it the same way.
 */
export function dueIn(due: string | Date, now: Date): string {
  const ms = new Date(due).getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(Math.max(1, minutes), 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(ms / 86_400_000);
  if (days < 60) return plural(days, 'day');
  const months = Math.round(days / 30.44);
  if (months < 24) return plural(months, 'month');
  return plural(Math.round(days / 365.25), 'year');
}
