import type { ZodType } from 'zod';
import { ApiError } from './api.js';

export type FieldErrors = Record<string, string>;

/** The problem a shared schema finds in one input's value, or null. */
export function checkField(schema: ZodType | undefined, value: unknown): string | null {
  if (!schema) return null;
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

/** Every problem a shared schema finds in a whole form, by field (the first problem of each). */
export function checkForm(schema: ZodType, data: unknown): FieldErrors {
  const result = schema.safeParse(data);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Splits an API error between the form's fields: each problem in the error's details goes next to
 * the input its path names (the first problem of each field), the others to the form's alert;
 * without details the message alone, "name: already taken", is split the same way.
 */
export function apiFieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  if (error instanceof ApiError) {
    const topOf = (path: string | null | undefined) => path?.split(/[.[]/)[0];
    if (error.details.length > 0) {
      const errors: FieldErrors = {};
      const rest: string[] = [];
      for (const detail of error.details) {
        const top = topOf(detail.path);
        if (top && fields.includes(top)) errors[top] ??= detail.message;
        else rest.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
      }
      if (rest.length > 0) errors.form = rest.join('; ');
      return errors;
    }
    const top = topOf(error.field);
    if (top && fields.includes(top)) return { [top]: error.problem };
    return { form: error.message };
  }
  return { form: error instanceof Error ? error.message : String(error) };
}

/** A message for an alert region. */
/** What an alert shows of a failure: the API's error itself when it names several problems (Alert lists them), else its text. */
export const problemOf = (error: unknown): string | ApiError => (error instanceof ApiError && error.details.length > 1 ? error : errorText(error));

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The errors with one field's problem set, or cleared when there is none. */
export function withFieldError(errors: FieldErrors, field: string, problem: string | null): FieldErrors {
  const { [field]: _, ...rest } = errors;
  return problem ? { ...rest, [field]: problem } : rest;
}
