import type { Command } from 'commander';
import { openStore, resolveDatabaseUrl, type Store } from '../store/database.js';
import { type Context, createContext } from '../services/context.js';
import { AppError, invalid } from '../core/errors.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export async function openFromOptions(options: GlobalOptions): Promise<Store> {
  return openStore(resolveDatabaseUrl(options.db));
}

/** Opens the database, runs one use case for the local person, closes the database. */
export async function withContext<T>(command: Command, run: (ctx: Context) => Promise<T>): Promise<T> {
  const store = await openFromOptions(globals(command));
  try {
    return await run(await createContext(store));
  } finally {
    await store.close();
  }
}

/** Parses a numeric flag strictly: "3", "2.5"; never "3abc" or "". */
export function numberFlag(field: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value.trim())) throw invalid(field, `expected a number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function usage(message: string): AppError {
  return new AppError('usage', message);
}
