import { expect } from 'vitest';
import type { Context } from '../../src/services/context.js';
import { exportBackupText } from '../../src/services/backup.service.js';
import { listHabits } from '../../src/services/habit.service.js';
import { listScorecard } from '../../src/services/scorecard.service.js';

/** Loop's daily multiplier for a schedule of N repetitions in M days: m = 0.5^(sqrt(N/M)/13). */
export const multiplier = (n: number, m: number): number => 0.5 ** (Math.sqrt(n / m) / 13);

/** m for a daily habit: 0.5^(1/13). */
export const M_DAILY = multiplier(1, 1);

/** Strength after k consecutive done days of a daily yes/no habit, from its first entry: 1 − m^k. */
export const dailyStrength = (k: number): number => 1 - M_DAILY ** k;

/** The call fails with exactly this code and `field: problem` message. */
export async function expectAppError(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'AppError', code, message });
}

/**
 * The call fails with exactly this error, and nothing the person can see changed: the habit list
 * (archived ones included), the scorecard, and the full backup (every field and timestamp).
 */
export async function expectRefusedAndUnchanged(ctx: Context, call: () => Promise<unknown>, code: string, message: string): Promise<void> {
  const before = {
    list: await listHabits(ctx, { includeArchived: true }),
    scorecard: await listScorecard(ctx),
    backup: await exportBackupText(ctx),
  };
  await expectAppError(call(), code, message);
  expect(await listHabits(ctx, { includeArchived: true })).toEqual(before.list);
  expect(await listScorecard(ctx)).toEqual(before.scorecard);
  expect(await exportBackupText(ctx)).toBe(before.backup);
}
