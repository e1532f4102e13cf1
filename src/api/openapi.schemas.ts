import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../core/vocabulary.js';

/** The error body every route may give. Response shapes live in src/schemas/*.response.ts. */
export const errorSchema = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) })
  .openapi('Error');
