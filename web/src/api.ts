import type { z } from 'zod';
import type { HabitKind, TrackType } from '../../src/core/vocabulary.js';
import type {
  habitChartSchema,
  habitDetailSchema,
  habitSummarySchema,
  scorecardItemSchema,
  settingsOutSchema,
  todaySchema,
} from '../../src/schemas/habit.response.js';
import type { activitySchema, balanceSchema } from '../../src/schemas/activity.response.js';
import type { experimentSchema, pathFitSchema } from '../../src/schemas/path.response.js';
import type { evidenceSchema, facetSchema, skillDetailSchema, skillSummarySchema, targetSchema, trackViewSchema } from '../../src/schemas/skill.response.js';
import type { frameworkSummarySchema } from '../../src/schemas/framework.response.js';

/** The shapes of the HTTP API, taken from the schemas that describe it in the OpenAPI document. */
export type HabitSummary = z.infer<typeof habitSummarySchema>;
export type HabitDetail = z.infer<typeof habitDetailSchema>;
export type HabitChart = z.infer<typeof habitChartSchema>;
export type ScorecardItem = z.infer<typeof scorecardItemSchema>;
export type Settings = z.infer<typeof settingsOutSchema>;
export type Today = z.infer<typeof todaySchema>;
export type HistoryDay = HabitDetail['history'][number];
export type ImportSummary = Record<string, number>;

export const API = '/api/v1';

/** One problem of a refused input, as `error.details` lists them. */
export interface ApiErrorDetail {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** An error the API answered with: `{error: {code, message, details?}}`, the message being "field: problem". */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Every problem of a refused input, each with its path; empty when the API listed none. */
  readonly details: ApiErrorDetail[];
  /** The field the message names, when it names one. */
  readonly field: string | null;
  /** The message without the field. */
  readonly problem: string;
  /** How many problems there are beyond those in details. */
  readonly more: number;
  /** What holds for all the problems together ("nothing was imported"), or ''. */
  readonly hint: string;
  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], extra: { more?: number; hint?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.more = extra.more ?? 0;
    this.hint = extra.hint ?? '';
    const m = /^([A-Za-z][\w.[\]]*): (.*)$/s.exec(message);
    this.field = m ? m[1]! : null;
    this.problem = m ? m[2]! : message;
  }
}

/** Fired when the API says the browser is not signed in; the app then explains how to sign in. */
export const UNAUTHENTICATED_EVENT = 'grow:unauthenticated';

/** The error a response that is not ok stands for, read from its `{error: …}` body when it has one. */
export async function toError(response: Response): Promise<ApiError> {
  let code = 'internal';
  let message = `request: the server answered ${response.status} ${response.statusText}`;
  let details: ApiErrorDetail[] = [];
  let extra: { more?: number; hint?: string } = {};
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[]; more?: number; hint?: string } };
    if (body.error?.message) {
      code = body.error.code ?? code;
      message = body.error.message;
      if (Array.isArray(body.error.details)) details = body.error.details;
      extra = { more: body.error.more, hint: body.error.hint };
    }
  } catch {
    // not JSON: keep the generic message
  }
  if (response.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  return new ApiError(response.status, code, message, details, extra);
}

/** One request to the API; the other web/src/*.api.ts files build on it. */
export async function send<T>(method: string, path: string, init: { json?: unknown; bytes?: Blob } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (init.bytes) {
    headers['content-type'] = 'application/octet-stream';
    body = init.bytes;
  } else if (method !== 'GET' && method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json ?? {});
  }
  let response: Response;
  try {
    response = await fetch(API + path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network: the grow server did not answer; is `grow serve` still running?');
  }
  if (!response.ok) throw await toError(response);
  return (await response.json()) as T;
}

export const ref = (slug: string) => encodeURIComponent(slug);

export type CheckInAction = 'done' | 'skip' | 'slip';
export interface CheckInBody {
  date?: string;
  amount?: number;
  note?: string;
}

export const api = {
  today: () => send<Today>('GET', '/today'),
  habits: (archived = false) => send<HabitSummary[]>('GET', `/habits${archived ? '?archived=true' : ''}`),
  habit: (slug: string) => send<HabitDetail>('GET', `/habits/${ref(slug)}`),
  chart: (slug: string) => send<HabitChart>('GET', `/habits/${ref(slug)}/chart`),
  addHabit: (input: Record<string, unknown>) => send<HabitDetail>('POST', '/habits', { json: input }),
  editHabit: (slug: string, input: Record<string, unknown>) => send<HabitDetail>('PATCH', `/habits/${ref(slug)}`, { json: input }),
  archiveHabit: (slug: string, archived: boolean) => send<HabitDetail>('POST', `/habits/${ref(slug)}/archive`, { json: { archived } }),
  removeHabit: (slug: string) => send<{ id: string; removed: true }>('DELETE', `/habits/${ref(slug)}`),
  checkIn: (slug: string, action: CheckInAction, body: CheckInBody = {}) => send<HabitDetail>('POST', `/habits/${ref(slug)}/${action}`, { json: body }),
  undo: (slug: string, date: string) => send<HabitDetail>('DELETE', `/habits/${ref(slug)}/check-ins/${date}`),
  scorecard: () => send<ScorecardItem[]>('GET', '/scorecard'),
  addScorecardItem: (input: Record<string, unknown>) => send<ScorecardItem>('POST', '/scorecard', { json: input }),
  removeScorecardItem: (id: string) => send<{ id: string; removed: true }>('DELETE', `/scorecard/${encodeURIComponent(id)}`),
  scorecardToHabit: (id: string, kind?: HabitKind) => send<HabitDetail>('POST', `/scorecard/${encodeURIComponent(id)}/habit`, { json: kind ? { kind } : {} }),
  settings: () => send<Settings>('GET', '/settings'),
  saveSettings: (input: Record<string, unknown>) => send<Settings>('PATCH', '/settings', { json: input }),
  importJson: (file: Blob) => send<ImportSummary>('POST', '/import/json', { bytes: file }),
  importLoop: (file: Blob) => send<ImportSummary>('POST', '/import/loop', { bytes: file }),
  logout: () => send<{ signedOut: true }>('POST', '/logout'),
};

export const EXPORT_JSON_URL = `${API}/export/json`;

// ——— Skills, practice, paths and plan ———

// The shapes of the OpenAPI document's schemas (type-only: nothing of src/ is bundled).
import type { SkillKind } from '../../src/core/framework.js';
type SkillSummary = z.infer<typeof skillSummarySchema>;
type SkillDetail = z.infer<typeof skillDetailSchema>;
type CareerTarget = z.infer<typeof targetSchema>;
type TrackView = z.infer<typeof trackViewSchema>;
type Evidence = z.infer<typeof evidenceSchema>;
type Facet = z.infer<typeof facetSchema>;
type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;
import type { planSettingsSchema, sessionDoneOutSchema, weekPlanSchema } from '../../src/schemas/plan.response.js';
type WeekPlan = z.infer<typeof weekPlanSchema>;
type PlanSettings = z.infer<typeof planSettingsSchema>;
type SessionDone = z.infer<typeof sessionDoneOutSchema>;
export type { SkillKind, SkillSummary, SkillDetail, CareerTarget, TrackView, Evidence, Facet, FrameworkSummary, WeekPlan, PlanSettings, SessionDone };
export type { FacetStatus } from '../../src/core/vocabulary.js';
import type { FacetStatus } from '../../src/core/vocabulary.js';
export interface Framework {
  id: string;
  name: string;
  version: string;
  description: string;
  tracks: { id: string; name: string; type: TrackType; description: string; levels: { id: string; name: string; description?: string }[] }[];
}
export type Activity = z.infer<typeof activitySchema>;
export type Balance = z.infer<typeof balanceSchema>;
export type Neglect = Balance['neglected'][number];
export type PathFit = z.infer<typeof pathFitSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
export type PlannedSession = Today['planned'][number];
export interface FeedToken {
  token: string;
  path: string;
}

export const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const skillsApi = {
  skills: () => send<SkillSummary[]>('GET', '/skills'),
  skill: (id: string) => send<SkillDetail>('GET', `/skills/${ref(id)}`),
  assess: (id: string, input: Record<string, unknown>) => send<SkillDetail>('POST', `/skills/${ref(id)}/assessments`, { json: input }),
  target: () => send<CareerTarget | null>('GET', '/target'),
  setTarget: (input: Record<string, unknown>) => send<CareerTarget>('PUT', '/target', { json: input }),
  track: (id: string, level?: string) => send<TrackView>('GET', `/tracks/${ref(id)}${query({ level })}`),
  frameworks: () => send<FrameworkSummary[]>('GET', '/frameworks'),
  framework: (id: string) => send<Framework>('GET', `/frameworks/${ref(id)}`),
  evidence: (skill?: string) => send<Evidence[]>('GET', `/evidence${query({ skill })}`),
  addEvidence: (input: Record<string, unknown>) => send<Evidence>('POST', '/evidence', { json: input }),
  facets: () => send<Facet[]>('GET', '/facets'),
  setFacet: (id: string, status: FacetStatus) => send<Facet>('PUT', `/facets/${ref(id)}`, { json: { status } }),
  log: (input: Record<string, unknown>) => send<Activity>('POST', '/activities', { json: input }),
  activities: (from?: string, to?: string) => send<Activity[]>('GET', `/activities${query({ from, to })}`),
  balance: (weeks = 4) => send<Balance>('GET', `/balance${query({ weeks })}`),
  pathFit: () => send<PathFit[]>('GET', '/path/fit'),
  experiments: () => send<Experiment[]>('GET', '/experiments'),
  addExperiment: (input: Record<string, unknown>) => send<Experiment>('POST', '/experiments', { json: input }),
  closeExperiment: (id: string, input: Record<string, unknown>) => send<Experiment>('POST', `/experiments/${ref(id)}/close`, { json: input }),
  planWeek: (start?: string) => send<WeekPlan>('GET', `/plan/week${query({ start })}`),
  /** Keeps hours and days as the plan settings (the week under way is remade from today), or replans. */
  savePlan: (input: { hours?: string; days?: string; start?: string; replan?: boolean }) => send<WeekPlan>('POST', '/plan/week', { json: input }),
  planSettings: () => send<PlanSettings>('GET', '/plan/settings'),
  sessionDone: (id: string, input: { minutes?: number; energy?: number; ease?: number } = {}) =>
    send<SessionDone>('POST', `/plan/sessions/${ref(id)}/done`, { json: input }),
  skipSession: (id: string) => send<PlannedSession>('POST', `/plan/sessions/${ref(id)}/skip`),
  createFeedToken: () => send<FeedToken>('POST', '/calendar/tokens', { json: {} }),
  revokeFeedTokens: () => send<{ revoked: number }>('DELETE', '/calendar/tokens'),
};

export const CALENDAR_URL = `${API}/calendar.ics`;
