/**
 * The one error type of grow. Every layer throws it; each edge maps the code once
 * (HTTP status in api/error.middleware.ts, exit code in cli/output.ts).
 */
export type { ErrorCode } from './vocabulary.js';
import type { ErrorCode } from './vocabulary.js';

/** One problem of a refused input and its place: a path (JSON, YAML, a body) or a line and column (CSV, text). */
export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** At most this many problems are listed; the rest are counted ("and 12 more problems"). */
export const MAX_DETAILS = 50;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Every problem of the input, each with its place; absent when there is one problem or none to list. */
  readonly details: ErrorDetail[] | undefined;
  /** How many problems there are beyond those in details (which list at most MAX_DETAILS). */
  readonly more: number;
  /** What holds for all the problems together, e.g. "nothing was imported"; part of the message too. */
  readonly hint: string;
  constructor(code: ErrorCode, message: string, extra: { details?: ErrorDetail[]; more?: number; hint?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = extra.details && extra.details.length > 0 ? extra.details : undefined;
    this.more = extra.more ?? 0;
    this.hint = extra.hint ?? '';
  }
}

export const detailText = (d: ErrorDetail): string => (d.path ? `${d.path}: ${d.message}` : d.message);

/** A problem on a line of its own, its place first: "line 7, column 1: entry 2: …" (the CLI's and the web's lists). */
export const problemLine = (d: ErrorDetail): string =>
  `${d.line === undefined ? '' : `line ${d.line}${d.column === undefined ? '' : `, column ${d.column}`}: `}${detailText(d)}`;

/** "and 12 more problems" for the problems beyond those listed, or ''. */
export const moreProblems = (n: number): string => (n > 0 ? `and ${n} more problem${n === 1 ? '' : 's'}` : '');

/**
 * A refusal naming every problem: the message is the first problem plus how many more; details
 * list up to MAX_DETAILS of them and `more` counts the rest.
 */
export function problems(code: ErrorCode, all: readonly ErrorDetail[], hint = ''): AppError {
  const first = all[0] ? detailText(all[0]) : 'input: invalid';
  const notes = [moreProblems(all.length - 1), hint].filter(Boolean).join('; ');
  const message = `${first}${notes ? ` (${notes})` : ''}`;
  return new AppError(code, message, { details: all.slice(0, MAX_DETAILS), more: Math.max(0, all.length - MAX_DETAILS), hint });
}

/** A validation refusal listing every problem. */
export const invalidAll = (all: readonly ErrorDetail[], hint = ''): AppError => problems('validation_failed', all, hint);

export const invalid = (field: string, problem: string): AppError => new AppError('validation_failed', `${field}: ${problem}`);

export const notFound = (what: string, ref: string): AppError => new AppError('not_found', `${what}: no ${what} ${JSON.stringify(ref)}`);

export const conflict = (field: string, problem: string): AppError => new AppError('conflict', `${field}: ${problem}`);
