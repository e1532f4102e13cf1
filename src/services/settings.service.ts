import { AppError } from '../core/errors.js';
import { DEFAULT_TECHNICAL_RATIO } from '../core/balance.js';
import { findPerson, updatePerson } from '../store/person.repository.js';
import { settingsSchema } from '../schemas/habit.schema.js';
import { parseInput } from '../schemas/validate.js';
import { type Context, systemTimeZone } from './context.js';

export interface Settings {
  name: string;
  timeZone: string;
  /** Whether the time zone is the system's because none is set. */
  timeZoneIsSystem: boolean;
  today: string;
  /** The share of practice meant for technical skills, 0..1 (default 0.5). */
  technicalRatio: number;
}

export async function getSettings(ctx: Context): Promise<Settings> {
  const person = await findPerson(ctx.store.db, ctx.personId);
  if (!person) throw new AppError('not_found', 'person: not found');
  return {
    name: person.name,
    timeZone: ctx.timeZone,
    timeZoneIsSystem: !person.time_zone,
    today: ctx.today,
    technicalRatio: person.technical_ratio ?? DEFAULT_TECHNICAL_RATIO,
  };
}

export async function updateSettings(ctx: Context, raw: unknown): Promise<Settings> {
  const input = parseInput(settingsSchema, raw);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
    ...(input.technicalRatio !== undefined ? { technical_ratio: input.technicalRatio } : {}),
  };
  if (Object.keys(changes).length > 0) await updatePerson(ctx.store.db, ctx.personId, changes);
  const person = await findPerson(ctx.store.db, ctx.personId);
  return {
    name: person!.name,
    timeZone: person!.time_zone ?? systemTimeZone(),
    timeZoneIsSystem: !person!.time_zone,
    // Today as this request began; the next request reads it in the new zone.
    today: ctx.today,
    technicalRatio: person!.technical_ratio ?? DEFAULT_TECHNICAL_RATIO,
  };
}
