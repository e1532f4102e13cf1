import type { z } from 'zod';
import { AppError } from '../core/errors.js';

const joinPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** `field: problem` for the first issue of a zod error; the same text on every edge. */
export function describeZodError(error: z.ZodError, root = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: invalid`;
  // An unknown key is the field at fault, wherever it sits.
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    return `${joinPath([...issue.path, issue.keys[0]!])}: unknown field`;
  }
  const path = issue.path.length ? joinPath(issue.path) : root;
  return `${path}: ${issue.message}`;
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new AppError('validation_failed', describeZodError(result.error, root));
  return result.data;
}
