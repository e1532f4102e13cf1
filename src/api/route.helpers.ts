import type { ZodType } from 'zod';
import { errorSchema } from './openapi.schemas.js';

export function jsonBody(schema: ZodType, required = true) {
  return { content: { 'application/json': { schema } }, required };
}

export function jsonResponse(schema: ZodType, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: errorSchema } }, description });

/** The error responses every route may give; the body is always {error: {code, message}}. */
export const errors = {
  400: errorResponse('bad input: the message names the field and the problem'),
  401: errorResponse('not signed in'),
  403: errorResponse('refused: wrong host or origin'),
  404: errorResponse('not found'),
  409: errorResponse('conflict, e.g. a duplicate name'),
};
