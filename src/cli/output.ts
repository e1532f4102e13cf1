import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';
import { AppError, type ErrorCode, moreProblems, problemLine } from '../core/errors.js';

/** The one map from error codes to exit codes: 2 for bad usage, 1 for everything else. */
export const EXIT_CODE: Record<ErrorCode, number> = {
  usage: 2,
  validation_failed: 1,
  not_found: 1,
  conflict: 1,
  forbidden: 1,
  unauthenticated: 1,
  internal: 1,
};

export interface OutputOptions {
  json: boolean;
}

export const isTty = (): boolean => Boolean(process.stdout.isTTY);
const color = () => isTty() && !process.env.NO_COLOR;

export const paint = {
  good: (s: string) => (color() ? pc.green(s) : s),
  bad: (s: string) => (color() ? pc.red(s) : s),
  warn: (s: string) => (color() ? pc.yellow(s) : s),
  dim: (s: string) => (color() ? pc.dim(s) : s),
  bold: (s: string) => (color() ? pc.bold(s) : s),
};

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const visibleLength = (s: string) => stripVTControlCharacters(s).length;

/** An aligned table without borders, as `ls -l` or `git branch -v` print. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${paint.bold(line(headers))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Prints an error on stderr and returns the exit code; only the entry point calls this. */
export function reportError(error: unknown, options: OutputOptions): number {
  const appError = error instanceof AppError ? error : new AppError('internal', error instanceof Error ? error.message : String(error));
  const { details, more } = appError;
  if (options.json) {
    const body = { code: appError.code, message: appError.message, ...(details ? { details } : {}), ...(more > 0 ? { more } : {}) };
    process.stderr.write(`${JSON.stringify({ error: body })}\n`);
  } else if (details && details.length > 1) {
    // Every problem on its own line, with its place, so a file can be fixed in one pass.
    const count = details.length + more;
    process.stderr.write(`${paint.bad('error')}: ${count} problems${appError.hint ? ` (${appError.hint})` : ''}\n`);
    for (const detail of details) process.stderr.write(`  ${problemLine(detail)}\n`);
    if (more > 0) process.stderr.write(`  ${moreProblems(more)}\n`);
  } else {
    process.stderr.write(`${paint.bad('error')}: ${appError.message}\n`);
    if (!(error instanceof AppError) && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\nThis is a bug in grow; please report it with the lines above.\n`);
    }
  }
  return EXIT_CODE[appError.code];
}

export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** A strength bar like ▇▇▇▇▇░░░░░ 52%. */
export function strengthBar(value: number, width = 10): string {
  const filled = Math.round(value * width);
  return `${'█'.repeat(filled)}${paint.dim('░'.repeat(width - filled))} ${String(Math.round(value * 100)).padStart(3)}%`;
}
