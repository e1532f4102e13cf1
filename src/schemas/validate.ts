import type { z } from 'zod';
import { AppError } from '../core/errors.js';

/** `field: problem` for the first issue of a zod error; the same text on every edge. */
export function describeZodError(error: z.ZodError, root = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: invalid`;
  const path = issue.path.length
    ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
    : root;
  return `${path}: ${issue.message}`;
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new AppError('validation_failed', describeZodError(result.error, root));
  return result.data;
}
