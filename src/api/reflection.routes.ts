import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './context.middleware.js';

export function reflectionRoutes(app: OpenAPIHono<ApiEnv>): void {
  void app;
}
