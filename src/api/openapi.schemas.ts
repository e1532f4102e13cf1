import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../core/vocabulary.js';

/** The error body every route may give. Response shapes live in src/schemas/*.response.ts. */
const errorDetailSchema = z
  .object({
    path: z.string().openapi({ description: 'where the problem is: a JSON path such as tracks[1].levels[0].skills, a CSV column, or "" for the whole input' }),
    message: z.string(),
    line: z.number().int().positive().optional().openapi({ description: 'the line of a CSV or text file, from 1' }),
    column: z.number().int().positive().optional().openapi({ description: 'the column of a CSV file, from 1' }),
  })
  .openapi('ErrorDetail');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: 'the first problem, "field: problem", and how many more there are' }),
      details: z.array(errorDetailSchema).max(50).optional().openapi({ description: 'every problem of a refused input, at most 50' }),
      more: z.number().int().positive().optional().openapi({ description: 'how many problems there are beyond the 50 in details' }),
      hint: z.string().optional().openapi({ description: 'what holds for all the problems together, e.g. "nothing was imported; 2 bad rows in all"' }),
    }),
  })
  .openapi('Error');
