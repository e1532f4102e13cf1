import type { Context as HonoContext } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode, type ErrorDetail } from '../core/errors.js';

/** The one map from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  usage: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  internal: 500,
};

/**
 * `{error: {code, message, details?, more?, hint?}}`: details name each problem of a refused input,
 * `more` counts those not listed, `hint` says what holds for them all ("nothing was imported").
 */
export function errorBody(code: ErrorCode, message: string, details?: readonly ErrorDetail[], more = 0, hint = '') {
  return { error: { code, message, ...(details?.length ? { details: [...details] } : {}), ...(more > 0 ? { more } : {}), ...(hint ? { hint } : {}) } };
}

export function handleError(error: Error, c: HonoContext): Response {
  if (error instanceof AppError) return c.json(errorBody(error.code, error.message, error.details, error.more, error.hint), HTTP_STATUS[error.code]);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code: ErrorCode =
      status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status < 500 ? 'validation_failed' : 'internal';
    const message =
      error.message === 'Malformed JSON in request body'
        ? 'body: not valid JSON'
        : status === 415
          ? `content-type: ${JSON.stringify(c.req.header('content-type') ?? '')} is not accepted; send application/json`
          : error.message || 'request: rejected';
    return c.json(errorBody(code, message), status);
  }
  // Internal errors keep their stack in the server log and ask to be reported.
  console.error(error);
  return c.json(errorBody('internal', 'internal error; please report it with the server log'), 500);
}
