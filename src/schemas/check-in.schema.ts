import { z } from 'zod';
import { isoDate, optionalText } from './common.schema.js';

// The inputs of a day's check-in live apart from the habit's own schemas (habit.schema.ts): `grow
// habit done` is the command run most, and building every habit, scorecard and settings schema
// on each start cost it about 15 ms.

const amount = z.number({ error: 'expected a number' }).finite().nonnegative({ message: 'must not be negative' });

export const checkInSchema = z
  .object({
    date: isoDate.optional(),
    amount: amount.optional(),
    note: optionalText(2000),
  })
  .strict();
export type CheckInInput = z.output<typeof checkInSchema>;

export const undoSchema = z.object({ date: isoDate.optional() }).strict();

export const asOfSchema = z.object({ asOf: isoDate.optional() }).strict();
