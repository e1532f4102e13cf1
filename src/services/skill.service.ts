/**
 * Assessment, targets, evidence and security facets: the person's ratings against their active
 * framework. Every write is one transaction, after all validation: a refused call writes nothing.
 */
import { AppError, invalid } from '../core/errors.js';
import { inTransaction } from '../store/database.js';
import type { GapBasis } from '../core/vocabulary.js';
import {
  type Facet as FrameworkFacet,
  type Framework,
  type Skill,
  type SkillKind,
  type Track,
  type TrackLevel,
  findLevel,
  findSkill,
  findTrack,
} from '../core/framework.js';
import { type FacetStatus, type SkillGap, checkFacetChange, currentLevels, gapTo, gapsAt, levelOf, nextLevel } from '../core/skills.js';
import type { Db } from '../store/habit.repository.js';
import { newId } from '../store/ids.js';
import type { CareerTargetRow, EvidenceRow, SkillAssessmentRow } from '../store/schema.js';
import {
  insertAssessment,
  insertEvidence,
  lastAssessmentCreatedAt,
  listAssessments,
  listEvidenceRows,
  listFacetStatuses,
  listSkillHistory,
  putFacetStatus,
} from '../store/skill.repository.js';
import { findCareerTarget, putCareerTarget } from '../store/target.repository.js';
import {
  type AssessInput,
  type EvidenceAddInput,
  type TargetSetInput,
  assessSchema,
  evidenceAddSchema,
  evidenceQuerySchema,
  facetSetSchema,
  targetSetSchema,
  trackQuerySchema,
} from '../schemas/skill.schema.js';
import { parseInput } from '../schemas/validate.js';
import type { Context } from './context.js';
import { getActiveFramework } from './framework.service.js';

export interface SkillSummary {
  id: string;
  name: string;
  kind: SkillKind;
  /** The current rating, 0 when never assessed. */
  level: number;
  /** What the target track level expects of this skill; null without a target or when it expects nothing. */
  target: number | null;
  /** max(0, target − level), or null when there is no target for the skill. */
  gap: number | null;
}

export interface AssessmentEntry {
  date: string;
  level: number;
  note: string | null;
  evidence: string | null;
}

export interface SkillDetail extends SkillSummary {
  description: string;
  /** Every assessment, oldest first: the append-only history. */
  history: AssessmentEntry[];
  /** The framework's description of each rating 1..5. */
  levels: { level: number; summary: string; behaviours: string[] }[];
}

export interface CareerTarget {
  track: string;
  level: string;
  /** Names from the active framework; null when it no longer has this track or level. */
  trackName: string | null;
  levelName: string | null;
  by: string | null;
  setAt: string;
}

export interface TrackView {
  track: string;
  trackName: string;
  level: string;
  levelName: string;
  /** Why this level: asked for, the person's target, or the next one to grow into. */
  basis: GapBasis;
  /** The levels of the track, in order. */
  levels: string[];
  skills: (SkillGap & { name: string | null; kind: SkillKind | null })[];
}

export interface Evidence {
  id: string;
  text: string;
  skills: string[];
  date: string;
  link: string | null;
  createdAt: string;
}

export interface FacetView {
  id: string;
  name: string;
  track: string;
  status: FacetStatus;
}

const unknownSkill = (id: string, field = 'skill') => invalid(field, `unknown skill ${JSON.stringify(id)}`);

/** A skill named in a path (CLI argument, URL): missing is "not found". */
function skillIn(framework: Framework, id: string): Skill {
  const skill = findSkill(framework, id);
  if (!skill) throw new AppError('not_found', `skill: unknown skill ${JSON.stringify(id)}`);
  return skill;
}

function trackIn(framework: Framework, id: string, code: 'not_found' | 'validation_failed'): Track {
  const track = findTrack(framework, id);
  if (!track) throw new AppError(code, `track: unknown track ${JSON.stringify(id)}`);
  return track;
}

function levelIn(track: Track, id: string): TrackLevel {
  const level = findLevel(track, id);
  if (!level) {
    throw invalid('level', `unknown level ${JSON.stringify(id)} of track "${track.id}" (levels: ${track.levels.map((l) => l.id).join(', ')})`);
  }
  return level;
}

function checkNotFuture(ctx: Context, field: string, date: string): string {
  if (date > ctx.today) throw invalid(field, `${date} is after today (${ctx.today})`);
  return date;
}

/** The track level of the person's target, when the active framework has it. */
function targetLevelOf(framework: Framework, target: CareerTargetRow | undefined): TrackLevel | undefined {
  if (!target) return undefined;
  const track = findTrack(framework, target.track);
  return track ? findLevel(track, target.level) : undefined;
}

function toAssessment(row: Pick<SkillAssessmentRow, 'skill_id' | 'level' | 'date' | 'created_at'>) {
  return { skillId: row.skill_id, level: row.level, date: row.date, createdAt: row.created_at };
}

function summaryOf(skill: Skill, current: ReadonlyMap<string, number>, target: TrackLevel | undefined): SkillSummary {
  const level = levelOf(current, skill.id);
  const expected = target?.expects[skill.id] ?? null;
  return { id: skill.id, name: skill.name, kind: skill.kind, level, target: expected, gap: gapTo(expected, level) };
}

async function ratingsOf(db: Db, ctx: Context): Promise<Map<string, number>> {
  return currentLevels((await listAssessments(db, ctx.personId)).map(toAssessment));
}

export async function listSkills(ctx: Context): Promise<SkillSummary[]> {
  const db = ctx.store.db;
  const framework = await getActiveFramework(ctx);
  const [current, target] = await Promise.all([ratingsOf(db, ctx), findCareerTarget(db, ctx.personId)]);
  const targetLevel = targetLevelOf(framework, target);
  return framework.skills.map((skill) => summaryOf(skill, current, targetLevel));
}

async function detailOf(db: Db, ctx: Context, framework: Framework, skill: Skill): Promise<SkillDetail> {
  const [rows, target] = await Promise.all([listSkillHistory(db, ctx.personId, skill.id), findCareerTarget(db, ctx.personId)]);
  const current = currentLevels(rows.map(toAssessment));
  return {
    ...summaryOf(skill, current, targetLevelOf(framework, target)),
    description: skill.description,
    history: rows.map((r) => ({ date: r.date, level: r.level, note: r.note, evidence: r.evidence })),
    levels: ([1, 2, 3, 4, 5] as const).map((n) => ({
      level: n,
      summary: skill.levels?.[n]?.summary ?? '',
      behaviours: skill.levels?.[n]?.behaviours ?? [],
    })),
  };
}

export async function showSkill(ctx: Context, skillId: string): Promise<SkillDetail> {
  const framework = await getActiveFramework(ctx);
  return detailOf(ctx.store.db, ctx, framework, skillIn(framework, skillId));
}

/** Appends a dated self-rating; the history is never rewritten. */
export async function assessSkill(ctx: Context, skillId: string, raw: unknown): Promise<SkillDetail> {
  const framework = await getActiveFramework(ctx);
  const skill = skillIn(framework, skillId);
  const input: AssessInput = parseInput(assessSchema, raw);
  const date = checkNotFuture(ctx, 'date', input.date ?? ctx.today);
  await inTransaction(ctx.store, async (trx) => {
    // Creation order decides between assessments of one day: keep it strict even when two are
    // recorded within the same millisecond (or under a pinned clock).
    let createdAt = ctx.now().toISOString();
    const last = await lastAssessmentCreatedAt(trx, ctx.personId, skill.id);
    if (last !== undefined && last >= createdAt) createdAt = new Date(Date.parse(last) + 1).toISOString();
    await insertAssessment(trx, {
      id: newId(),
      person_id: ctx.personId,
      skill_id: skill.id,
      level: input.level,
      date,
      evidence: input.evidence ?? null,
      note: input.note ?? null,
      created_at: createdAt,
    });
  });
  return detailOf(ctx.store.db, ctx, framework, skill);
}

function targetOf(framework: Framework, row: CareerTargetRow): CareerTarget {
  const track = findTrack(framework, row.track);
  const level = track ? findLevel(track, row.level) : undefined;
  return { track: row.track, level: row.level, trackName: track?.name ?? null, levelName: level?.name ?? null, by: row.by_date, setAt: row.set_at };
}

export async function getTarget(ctx: Context): Promise<CareerTarget | null> {
  const row = await findCareerTarget(ctx.store.db, ctx.personId);
  return row ? targetOf(await getActiveFramework(ctx), row) : null;
}

/** One target per person: setting one replaces the last. */
export async function setTarget(ctx: Context, raw: unknown): Promise<CareerTarget> {
  const input: TargetSetInput = parseInput(targetSetSchema, raw);
  const framework = await getActiveFramework(ctx);
  const track = trackIn(framework, input.track, 'validation_failed');
  const level = levelIn(track, input.level);
  const by = input.by ?? null;
  if (by !== null && by < ctx.today) throw invalid('by', `${by} is before today (${ctx.today})`);
  const row: CareerTargetRow = { person_id: ctx.personId, track: track.id, level: level.id, by_date: by, set_at: ctx.now().toISOString() };
  await inTransaction(ctx.store, (trx) => putCareerTarget(trx, row));
  return targetOf(framework, row);
}

/**
 * A track at one level against the person's ratings ("try on a role"). Without a level: the
 * target's level when the target is on this track, else the next level to grow into.
 */
export async function showTrack(ctx: Context, trackId: string, raw: unknown = {}): Promise<TrackView> {
  const { level: asked } = parseInput(trackQuerySchema, raw);
  const framework = await getActiveFramework(ctx);
  const track = trackIn(framework, trackId, 'not_found');
  const db = ctx.store.db;
  let level: TrackLevel | undefined = asked !== undefined ? levelIn(track, asked) : undefined;
  let basis: TrackView['basis'] = 'asked';
  const current = await ratingsOf(db, ctx);
  if (!level) {
    const target = await findCareerTarget(db, ctx.personId);
    const targetLevel = target?.track === track.id ? findLevel(track, target.level) : undefined;
    if (targetLevel) [level, basis] = [targetLevel, 'target'];
    else [level, basis] = [nextLevel(track, current), 'next'];
  }
  if (!level) throw invalid('track', `track "${track.id}" has no levels`);
  return {
    track: track.id,
    trackName: track.name,
    level: level.id,
    levelName: level.name,
    basis,
    levels: track.levels.map((l) => l.id),
    skills: gapsAt(framework, level, current).map((g) => {
      const skill = findSkill(framework, g.id);
      return { ...g, name: skill?.name ?? null, kind: skill?.kind ?? null };
    }),
  };
}

function toEvidence(row: EvidenceRow): Evidence {
  return { id: row.id, text: row.text, skills: JSON.parse(row.skills) as string[], date: row.date, link: row.link, createdAt: row.created_at };
}

export async function addEvidence(ctx: Context, raw: unknown): Promise<Evidence> {
  const input: EvidenceAddInput = parseInput(evidenceAddSchema, raw);
  const framework = await getActiveFramework(ctx);
  for (const id of input.skills) if (!findSkill(framework, id)) throw unknownSkill(id, 'skills');
  const date = checkNotFuture(ctx, 'date', input.date ?? ctx.today);
  const row: EvidenceRow = {
    id: newId(),
    person_id: ctx.personId,
    text: input.text,
    skills: JSON.stringify(input.skills),
    date,
    link: input.link ?? null,
    created_at: ctx.now().toISOString(),
  };
  await inTransaction(ctx.store, (trx) => insertEvidence(trx, row));
  return toEvidence(row);
}

/** Evidence oldest first; with a skill, only what names it. */
export async function listEvidence(ctx: Context, raw: unknown = {}): Promise<Evidence[]> {
  const { skill } = parseInput(evidenceQuerySchema, raw);
  if (skill !== undefined && !findSkill(await getActiveFramework(ctx), skill)) throw unknownSkill(skill);
  const rows = await listEvidenceRows(ctx.store.db, ctx.personId, { skill });
  const all = rows.map(toEvidence);
  return skill === undefined ? all : all.filter((e) => e.skills.includes(skill));
}

/** The facets of every track in the framework (the built-in one: security's), first of an id wins. */
function facetsOf(framework: Framework): (FrameworkFacet & { track: string })[] {
  const seen = new Set<string>();
  return framework.tracks.flatMap((t) => (t.facets ?? []).filter((f) => !seen.has(f.id) && seen.add(f.id)).map((f) => ({ ...f, track: t.id })));
}

async function statusesOf(db: Db, ctx: Context): Promise<Map<string, FacetStatus>> {
  return new Map((await listFacetStatuses(db, ctx.personId)).map((r) => [r.facet_id, r.status]));
}

export async function listFacets(ctx: Context): Promise<FacetView[]> {
  const framework = await getActiveFramework(ctx);
  const statuses = await statusesOf(ctx.store.db, ctx);
  return facetsOf(framework).map((f) => ({ id: f.id, name: f.name, track: f.track, status: statuses.get(f.id) ?? 'unexplored' }));
}

/**
 * Marks a facet unexplored, exploring or specializing: breadth first, then a T shape (the rules
 * are checkFacetChange in core/skills.ts).
 */
export async function setFacet(ctx: Context, facetId: string, raw: unknown): Promise<FacetView> {
  const framework = await getActiveFramework(ctx);
  const facet = facetsOf(framework).find((f) => f.id === facetId);
  if (!facet) throw new AppError('not_found', `facet: unknown facet ${JSON.stringify(facetId)}`);
  const { status } = parseInput(facetSetSchema, raw);
  await inTransaction(ctx.store, async (trx) => {
    // Facets of another framework the person once used do not count towards breadth here.
    const known = new Set(facetsOf(framework).map((f) => f.id));
    const statuses = new Map([...(await statusesOf(trx, ctx))].filter(([id]) => known.has(id)));
    checkFacetChange(statuses, facet.id, status);
    await putFacetStatus(trx, { person_id: ctx.personId, facet_id: facet.id, status, updated_at: ctx.now().toISOString() });
  });
  return { id: facet.id, name: facet.name, track: facet.track, status };
}
