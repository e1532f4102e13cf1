import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Framework } from '../core/framework.js';
import { findPerson } from '../store/person.repository.js';
import { findFramework } from '../store/framework.repository.js';
import type { Context } from './context.js';

// Two levels below the package root both in src/services and in the bundle's dist/chunks.
const FRAMEWORKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'frameworks');

export const BUILTIN_FRAMEWORK_ID = 'grow';

let builtin: Framework | undefined;

/** The framework grow ships, read once per process. */
export function builtinFramework(): Framework {
  builtin ??= parse(readFileSync(join(FRAMEWORKS_DIR, 'grow.yaml'), 'utf8')) as Framework;
  return builtin;
}

/** The framework the person measures against: their chosen import, else the built-in one. */
export async function getActiveFramework(ctx: Context): Promise<Framework> {
  const person = await findPerson(ctx.store.db, ctx.personId);
  const id = person?.active_framework_id;
  if (!id || id === BUILTIN_FRAMEWORK_ID) return builtinFramework();
  const row = await findFramework(ctx.store.db, ctx.personId, id);
  return row ? (JSON.parse(row.content) as Framework) : builtinFramework();
}
