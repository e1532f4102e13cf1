import { parseDocument } from 'yaml';
import { IMPORT_LIMITS, tooLargeMessage } from '../core/import-limits.js';
import { oneOf } from '../schemas/common.schema.js';
import { SKILL_KINDS, TRACK_TYPES, wordsOf } from '../core/vocabulary.js';
import { z } from 'zod';
import { AppError, type ErrorDetail, invalid, invalidAll } from '../core/errors.js';
import { type Framework, MAX_RATING } from '../core/framework.js';
import { zodDetails } from '../schemas/validate.js';

/**
 * A career framework file (YAML or JSON) read into a validated `Framework`. Every problem is
 * reported with its path inside the file, e.g. `tracks[1].levels[2].expects.empathy: unknown skill`.
 * The format is documented in docs/frameworks.md. Nothing here touches the database.
 */

/** Framework files larger than this are refused before they are parsed (or, by the CLI, read). */
export const MAX_FRAMEWORK_BYTES = IMPORT_LIMITS.frameworkBytes;
export const TOO_LARGE = tooLargeMessage('frameworkBytes');

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_HELP = 'expected an id of lowercase letters, digits and dashes, e.g. code-craft';

const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'required' : what);

const text = (max: number) =>
  z
    .string({ error: required('expected text') })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `at most ${max} characters` });

const optionalText = (max: number) =>
  z
    .string({ error: 'expected text' })
    .trim()
    .max(max, { message: `at most ${max} characters` })
    .optional()
    .transform((s) => s ?? '');

const id = z
  .string({ error: required(ID_HELP) })
  .max(60, { message: 'at most 60 characters' })
  .regex(ID_PATTERN, { message: ID_HELP });

const list = <T extends z.ZodType>(item: T, what: string, min: 0 | 1, max: number) =>
  z
    .array(item, { error: required(`expected a list of ${what}`) })
    .min(min, { message: `expected at least one ${what.replace(/s$/, '')}` })
    .max(max, { message: `at most ${max} ${what}` });

const RATING_HELP = `expected a whole number from 0 to ${MAX_RATING}`;
const rating = z.number({ error: RATING_HELP }).int({ message: RATING_HELP }).min(0, { message: RATING_HELP }).max(MAX_RATING, { message: RATING_HELP });

const skillLevel = z
  .object(
    {
      summary: text(300),
      behaviours: list(text(300), 'behaviours', 0, 10)
        .optional()
        .transform((b) => b ?? []),
    },
    { error: (issue) => (issue.input === undefined ? 'missing level description' : 'expected a mapping with summary and behaviours') },
  )
  .strict();

const skillSchema = z
  .object(
    {
      id,
      name: text(100),
      kind: z.enum(SKILL_KINDS, { error: required(`expected ${wordsOf(SKILL_KINDS)}`) }),
      description: text(1000),
      levels: z
        .object(
          {
            1: skillLevel,
            2: skillLevel,
            3: skillLevel,
            4: skillLevel,
            5: skillLevel,
          },
          { error: required('expected a mapping of level descriptions 1 to 5') },
        )
        .strict(),
    },
    { error: 'expected a mapping' },
  )
  .strict();

const trackLevelSchema = z
  .object(
    {
      id,
      name: text(100),
      description: optionalText(1000),
      expects: z.record(z.string(), rating, { error: required('expected a mapping of skill ids to ratings') }),
    },
    { error: 'expected a mapping' },
  )
  .strict();

const facetSchema = z
  .object(
    {
      id,
      name: text(100),
      description: optionalText(1000),
      skills: list(z.string({ error: 'expected a skill id' }), 'skills', 0, 200)
        .optional()
        .transform((s) => s ?? []),
    },
    { error: 'expected a mapping' },
  )
  .strict();

const trackSchema = z
  .object(
    {
      id,
      name: text(100),
      type: oneOf(TRACK_TYPES).default('ladder'),
      description: optionalText(1000),
      levels: list(trackLevelSchema, 'levels', 1, 20),
      facets: list(facetSchema, 'facets', 0, 50)
        .optional()
        .transform((f) => f ?? []),
    },
    { error: 'expected a mapping' },
  )
  .strict();

const frameworkSchema = z
  .object({
    id,
    name: text(100),
    version: z
      .union([z.string().trim().min(1).max(40), z.number()], { error: 'expected a version such as "1" or "2026.1"' })
      .optional()
      .transform((v) => (v === undefined ? '1' : String(v))),
    description: optionalText(2000),
    skills: list(skillSchema, 'skills', 1, 200),
    tracks: list(trackSchema, 'tracks', 1, 20),
  })
  .strict();

/** The text of a framework file to plain data: JSON first, else YAML (which reports a line). */
function parseText(content: string): unknown {
  const source = content.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw invalid('file', 'empty');
  if (/^\s*[{[]/.test(source)) {
    try {
      return JSON.parse(source);
    } catch {
      // Not JSON after all (or broken JSON): YAML, a superset, parses it or says where it fails.
    }
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const message = error.message
      .split(/ at line \d+, column \d+/)[0]!
      .split('\n')[0]!
      .trim();
    throw invalid('file', `not YAML or JSON (${line !== undefined ? `line ${line}: ` : ''}${message})`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw invalid('file', `not YAML or JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

type Loose = Record<string, unknown>;
const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.map((v) => (v !== null && typeof v === 'object' ? (v as Loose) : {})) : []);
const idOf = (value: Loose): string | null => (typeof value.id === 'string' ? value.id : null);

/**
 * Rules zod cannot see: unique ids and references to skills. Read loosely, so that a file with
 * shape problems too gets these named in the same answer.
 */
function crossCheck(data: Loose, skillsValid: boolean): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const duplicates = (path: string, items: Loose[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = idOf(item);
      if (value === null) return;
      if (seen.has(value)) found.push({ path: `${path}[${i}].id`, message: `duplicate id "${value}"` });
      seen.add(value);
    });
  };
  const skillList = listOf(data.skills);
  duplicates('skills', skillList);
  const skills = new Set(skillList.map(idOf).filter((v): v is string => v !== null));
  // References are checked against a list of skills that is itself sound, else every one would be named twice.
  const unknownSkill = (skill: string) => skillsValid && !skills.has(skill);
  const tracks = listOf(data.tracks);
  duplicates('tracks', tracks);
  tracks.forEach((track, t) => {
    const levels = listOf(track.levels);
    duplicates(`tracks[${t}].levels`, levels);
    levels.forEach((level, l) => {
      const expects = level.expects;
      if (expects === null || typeof expects !== 'object' || Array.isArray(expects)) return;
      for (const skill of Object.keys(expects)) {
        if (unknownSkill(skill)) found.push({ path: `tracks[${t}].levels[${l}].expects.${skill}`, message: 'unknown skill' });
      }
    });
    const facets = listOf(track.facets);
    duplicates(`tracks[${t}].facets`, facets);
    facets.forEach((facet, f) => {
      if (!Array.isArray(facet.skills)) return;
      facet.skills.forEach((skill: unknown, s) => {
        if (typeof skill === 'string' && unknownSkill(skill))
          found.push({ path: `tracks[${t}].facets[${f}].skills[${s}]`, message: `unknown skill "${skill}"` });
      });
    });
  });
  return found;
}

/** Reads and validates a framework file; throws `validation_failed` naming every problem with its path. */
export function parseFramework(content: string): Framework {
  if (Buffer.byteLength(content, 'utf8') > MAX_FRAMEWORK_BYTES) throw new AppError('validation_failed', TOO_LARGE);
  const data = parseText(content);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid('file', 'not a framework (expected a mapping with id, name, skills and tracks)');
  }
  const result = frameworkSchema.safeParse(data);
  const shape = result.success ? [] : zodDetails(result.error, 'file');
  const found = [...shape, ...crossCheck(data as Loose, !shape.some((d) => /^skills(\[\d+\](\.id)?)?$/.test(d.path)))];
  if (found.length > 0 || !result.success) throw invalidAll(found);
  const f = result.data;
  // Rebuilt field by field so the stored document has one shape, whatever order the file used.
  return {
    id: f.id,
    name: f.name,
    version: f.version,
    description: f.description,
    skills: f.skills.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      description: s.description,
      levels: { 1: s.levels[1], 2: s.levels[2], 3: s.levels[3], 4: s.levels[4], 5: s.levels[5] },
    })),
    tracks: f.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      type: t.type,
      description: t.description,
      levels: t.levels.map((l) => ({ id: l.id, name: l.name, ...(l.description ? { description: l.description } : {}), expects: l.expects })),
      facets: t.facets.map((x) => ({ id: x.id, name: x.name, description: x.description, skills: x.skills })),
    })),
  };
}
