import { AppError } from '../core/errors.js';
import { findPerson, updatePerson } from '../store/person.repository.js';
import { settingsSchema } from '../schemas/habit.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';

export interface Settings {
  name: string;
  timeZone: string;
  /** Whether the time zone is the system's because none is set. */
  timeZoneIsSystem: boolean;
  today: string;
}

export async function getSettings(ctx: Context): Promise<Settings> {
  const person = await findPerson(ctx.store.db, ctx.personId);
  if (!person) throw new AppError('not_found', 'person: not found');
  return { name: person.name, timeZone: ctx.timeZone, timeZoneIsSystem: !person.time_zone, today: ctx.today };
}

export async function updateSettings(ctx: Context, raw: unknown): Promise<Settings> {
  const input = parseInput(settingsSchema, raw);
  await updatePerson(ctx.store.db, ctx.personId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
  });
  const person = await findPerson(ctx.store.db, ctx.personId);
  return {
    name: person!.name,
    timeZone: input.timeZone ?? ctx.timeZone,
    timeZoneIsSystem: !person!.time_zone,
    today: ctx.today,
  };
}
