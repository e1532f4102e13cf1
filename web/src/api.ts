import type { z } from 'zod';
import type {
  habitChartSchema,
  habitDetailSchema,
  habitSummarySchema,
  scorecardItemSchema,
  settingsOutSchema,
  todaySchema,
} from '../../src/api/openapi.schemas.js';

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

/** An error the API answered with: `{error: {code, message}}`, the message being "field: problem". */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The field the message names, when it names one. */
  readonly field: string | null;
  /** The message without the field. */
  readonly problem: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    const m = /^([A-Za-z][\w.[\]]*): (.*)$/s.exec(message);
    this.field = m ? m[1]! : null;
    this.problem = m ? m[2]! : message;
  }
}

/** Fired when the API says the browser is not signed in; the app then explains how to sign in. */
export const UNAUTHENTICATED_EVENT = 'grow:unauthenticated';

async function toError(response: Response): Promise<ApiError> {
  let code = 'internal';
  let message = `request: the server answered ${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) {
      code = body.error.code ?? code;
      message = body.error.message;
    }
  } catch {
    // not JSON: keep the generic message
  }
  if (response.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  return new ApiError(response.status, code, message);
}

async function send<T>(method: string, path: string, init: { json?: unknown; bytes?: Blob } = {}): Promise<T> {
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

const ref = (slug: string) => encodeURIComponent(slug);

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
  scorecardToHabit: (id: string, kind?: 'build' | 'break') =>
    send<HabitDetail>('POST', `/scorecard/${encodeURIComponent(id)}/habit`, { json: kind ? { kind } : {} }),
  settings: () => send<Settings>('GET', '/settings'),
  saveSettings: (input: Record<string, unknown>) => send<Settings>('PATCH', '/settings', { json: input }),
  importJson: (file: Blob) => send<ImportSummary>('POST', '/import/json', { bytes: file }),
  importLoop: (file: Blob) => send<ImportSummary>('POST', '/import/loop', { bytes: file }),
  logout: () => send<{ signedOut: true }>('POST', '/logout'),
};

export const EXPORT_JSON_URL = `${API}/export/json`;
