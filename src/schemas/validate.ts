import type { z } from 'zod';
import { type AppError, type ErrorDetail, invalidAll } from '../core/errors.js';

const joinPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** Every problem of a zod error with its path (`tracks[1].levels[0].skills`), `root` for the whole input. */
export function zodDetails(error: z.ZodError, root = 'input'): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    // An unknown key is the field at fault, wherever it sits: one problem per key.
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
      for (const key of issue.keys) details.push({ path: joinPath([...issue.path, key]), message: 'unknown field' });
      continue;
    }
    // One problem per field: a second check on the same value (0 is neither > 0 nor ≥ 0.25) says
    // nothing the first did not.
    const path = issue.path.length ? joinPath(issue.path) : root;
    if (!details.some((d) => d.path === path)) details.push({ path, message: issue.message });
  }
  return details.length > 0 ? details : [{ path: root, message: 'invalid' }];
}

/** The refusal of a zod error: every problem in details, the first one (and how many more) as the message. */
export function zodError(error: z.ZodError, root?: string): AppError {
  return invalidAll(zodDetails(error, root));
}

/** `field: problem` for the first issue of a zod error, and how many more; the same text on every edge. */
export function describeZodError(error: z.ZodError, root = 'input'): string {
  return zodError(error, root).message;
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown, root?: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw zodError(result.error, root);
  return result.data;
}
