import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framework } from '../core/framework.js';
import { conflict, notFound } from '../core/errors.js';
import { parseFramework } from '../formats/framework.format.js';
import { findPerson, updatePerson } from '../store/person.repository.js';
import { findFramework, listFrameworkRows } from '../store/framework.repository.js';
import { emptyWritePlan } from '../store/import.repository.js';
import type { FrameworkRow } from '../store/schema.js';
import { inTransaction, isUniqueViolation } from '../store/database.js';
import type { Db } from '../store/habit.repository.js';
import type { Context } from './context.js';
import { type ImportPlan, type Importer, runImport } from './import.runner.js';

// Two levels below the package root both in src/services and in the bundle's dist/chunks.
const FRAMEWORKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'frameworks');

export const BUILTIN_FRAMEWORK_ID = 'grow';

let builtin: Framework | undefined;

/** The framework grow ships, read and validated once per process. */
export function builtinFramework(): Framework {
  builtin ??= parseFramework(readFileSync(join(FRAMEWORKS_DIR, 'grow.yaml'), 'utf8'));
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

export interface FrameworkSummary {
  id: string;
  name: string;
  version: string;
  builtin: boolean;
  active: boolean;
  /** How many skills the framework defines. */
  skills: number;
  /** Its track ids, in the file's order. */
  tracks: string[];
}

export interface ImportResult extends FrameworkSummary {
  /** Whether an earlier import with the same id was replaced. */
  replaced: boolean;
}

function summaryOf(framework: Framework, builtinOne: boolean, active: boolean): FrameworkSummary {
  return {
    id: framework.id,
    name: framework.name,
    version: framework.version,
    builtin: builtinOne,
    active,
    skills: framework.skills.length,
    tracks: framework.tracks.map((t) => t.id),
  };
}

/** The id of the framework in force: the person's choice when it still exists, else the built-in one. */
async function activeId(db: Db, ctx: Context): Promise<string> {
  const chosen = (await findPerson(db, ctx.personId))?.active_framework_id;
  if (!chosen || chosen === BUILTIN_FRAMEWORK_ID) return BUILTIN_FRAMEWORK_ID;
  return (await findFramework(db, ctx.personId, chosen)) ? chosen : BUILTIN_FRAMEWORK_ID;
}

const alreadyExists = (id: string) => conflict('id', `a framework "${id}" already exists; import it with replace to overwrite it`);

interface KnownFramework {
  existing: FrameworkRow | undefined;
  /** The person's chosen framework, when it is not the built-in one. */
  chosen: string | null;
}

/**
 * A framework file (YAML or JSON), validated whole, stored for the person. An id the person
 * already imported is refused unless `replace` is set; the built-in id "grow" is never replaced.
 * With `use`, the framework also becomes the person's active one.
 */
export const frameworkImporter: Importer<string, Framework, KnownFramework, ImportResult, { use?: boolean; replace?: boolean }> = {
  read(content) {
    const framework = parseFramework(content);
    if (framework.id === BUILTIN_FRAMEWORK_ID) throw conflict('id', `"${BUILTIN_FRAMEWORK_ID}" is the built-in framework and cannot be replaced`);
    return framework;
  },

  async load(db, ctx, framework) {
    const chosen = (await findPerson(db, ctx.personId))?.active_framework_id ?? null;
    return { existing: await findFramework(db, ctx.personId, framework.id), chosen: chosen === BUILTIN_FRAMEWORK_ID ? null : chosen };
  },

  plan(framework, { existing, chosen }, env, options) {
    if (existing && !options.replace) throw alreadyExists(framework.id);
    const content = JSON.stringify(framework);
    const plan: ImportPlan<ImportResult> = {
      ...emptyWritePlan(),
      // The framework in force after the import: the one used now, or the person's choice, which exists now.
      result: { ...summaryOf(framework, false, options.use === true || chosen === framework.id), replaced: existing !== undefined },
    };
    if (existing) {
      plan.updates.push({
        table: 'framework',
        where: { person_id: env.personId, id: framework.id },
        set: { name: framework.name, version: framework.version, content },
      });
    } else {
      plan.inserts.push({
        table: 'framework',
        rows: [{ id: framework.id, person_id: env.personId, name: framework.name, version: framework.version, content, created_at: env.now }],
      });
    }
    if (options.use) plan.updates.push({ table: 'person', where: { id: env.personId }, set: { active_framework_id: framework.id } });
    return plan;
  },
};

/** Validates a framework file and stores it for the person, in one transaction; bad input writes nothing. */
export async function importFramework(ctx: Context, content: string, options: { use?: boolean; replace?: boolean } = {}): Promise<ImportResult> {
  try {
    return await runImport(ctx, frameworkImporter, content, options);
  } catch (error) {
    // Two imports of the same new id at once: the second finds the key taken.
    if (isUniqueViolation(error)) throw alreadyExists(parseFramework(content).id);
    throw error;
  }
}

/** The built-in framework first, then the person's imports, oldest first. */
export async function listFrameworks(ctx: Context): Promise<FrameworkSummary[]> {
  const db = ctx.store.db;
  const active = await activeId(db, ctx);
  const rows = await listFrameworkRows(db, ctx.personId);
  return [
    summaryOf(builtinFramework(), true, active === BUILTIN_FRAMEWORK_ID),
    ...rows.map((row) => summaryOf(JSON.parse(row.content) as Framework, false, active === row.id)),
  ];
}

/** The whole framework, exactly as an import file would hold it. */
export async function showFramework(ctx: Context, id: string): Promise<Framework> {
  if (id === BUILTIN_FRAMEWORK_ID) return builtinFramework();
  const row = await findFramework(ctx.store.db, ctx.personId, id);
  if (!row) throw notFound('framework', id);
  return JSON.parse(row.content) as Framework;
}

/** Makes a framework the person's active one ("grow" goes back to the built-in one). */
export async function useFramework(ctx: Context, id: string): Promise<FrameworkSummary> {
  return inTransaction(ctx.store, async (trx) => {
    if (id === BUILTIN_FRAMEWORK_ID) {
      await updatePerson(trx, ctx.personId, { active_framework_id: null });
      return summaryOf(builtinFramework(), true, true);
    }
    const row = await findFramework(trx, ctx.personId, id);
    if (!row) throw notFound('framework', id);
    await updatePerson(trx, ctx.personId, { active_framework_id: id });
    return summaryOf(JSON.parse(row.content) as Framework, false, true);
  });
}
