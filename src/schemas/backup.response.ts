import { z } from '@hono/zod-openapi';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const importSummarySchema = z.record(z.string(), z.number()).openapi('ImportSummary');

/** The JSON backup download: its shape is the backup format's (docs), checked on import, not here. */
export const backupFileSchema = z.object({}).passthrough();
