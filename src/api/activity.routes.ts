import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './context.middleware.js';

export function activityRoutes(_app: OpenAPIHono<ApiEnv>): void {}
