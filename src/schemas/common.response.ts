import { z } from '@hono/zod-openapi';

// Response shapes, for the OpenAPI document and the web's types. Imported by the API and web only:
// `@hono/zod-openapi` (for .openapi()) must stay off the CLI's start-up path.

export const removedSchema = z.object({ id: z.string(), slug: z.string().optional(), removed: z.literal(true) }).openapi('Removed');

/** `POST /logout`: the session of the cookie ended. */
export const signedOutSchema = z.object({ signedOut: z.literal(true) });
