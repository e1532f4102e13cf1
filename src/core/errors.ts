/**
 * The one error type of grow. Every layer throws it; each edge maps the code once
 * (HTTP status in api/error.middleware.ts, exit code in cli/output.ts).
 */
export type { ErrorCode } from './vocabulary.js';
import type { ErrorCode } from './vocabulary.js';

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export const invalid = (field: string, problem: string): AppError =>
  new AppError('validation_failed', `${field}: ${problem}`);

export const notFound = (what: string, ref: string): AppError =>
  new AppError('not_found', `${what}: no ${what} ${JSON.stringify(ref)}`);

export const conflict = (field: string, problem: string): AppError =>
  new AppError('conflict', `${field}: ${problem}`);
