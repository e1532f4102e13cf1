import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './context.middleware.js';

export function skillRoutes(_app: OpenAPIHono<ApiEnv>): void {}
