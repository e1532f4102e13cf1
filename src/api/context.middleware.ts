import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/database.js';
import { type Context, createContext } from '../services/context.js';
import type { AuthVariables } from './security.middleware.js';

export type ApiEnv = { Variables: AuthVariables & { ctx: Context } };

/** Builds the use-case context for the signed-in person; "today" is resolved per request. */
export function withContext(store: Store, env: NodeJS.ProcessEnv): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('ctx', await createContext(store, { personId: c.get('personId'), env }));
    await next();
  };
}
