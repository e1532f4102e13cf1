import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { setCookie, deleteCookie, getCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError } from '../core/errors.js';
import { type Store, isReady } from '../store/database.js';
import { exchangeLoginToken, revokeToken } from '../services/auth.service.js';
import { importLoop } from '../services/loop-import.service.js';
import { zodError } from '../schemas/validate.js';
import { type ApiEnv, withContext } from './context.middleware.js';
import { errorBody, handleError } from './error.middleware.js';
import { SESSION_COOKIE, hostCheck, requireAuth, securityHeaders } from './security.middleware.js';
import { habitRoutes } from './habit.routes.js';
import { todayRoutes } from './today.routes.js';
import { scorecardRoutes } from './scorecard.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { errors, jsonResponse } from './route.helpers.js';
import { signedOutSchema } from '../schemas/common.response.js';
import { backupRoutes } from './backup.routes.js';
import { frameworkRoutes } from './framework.routes.js';
import { skillRoutes } from './skill.routes.js';
import { activityRoutes } from './activity.routes.js';
import { pathRoutes } from './path.routes.js';
import { planRoutes } from './plan.routes.js';
import { learningRoutes } from './learning.routes.js';
import { libraryImportRoutes } from './library-import.routes.js';
import { reviewRoutes } from './review.routes.js';
import { journalRoutes } from './journal.routes.js';
import { reflectionRoutes } from './reflection.routes.js';

export interface AppOptions {
  store: Store;
  env?: NodeJS.ProcessEnv;
  /** A host name besides localhost that may address this server (behind a proxy). */
  publicHost?: string;
  /** The built web app; omitted in API-only tests. */
  webRoot?: string;
  /** Whether the session cookie is marked Secure (served over HTTPS). */
  secureCookies?: boolean;
}

export const API_VERSION = '0.1.0';

/** The whole HTTP application, built without listening: tests call app.request() in-process. */
export function createApp(options: AppOptions) {
  const { store } = options;
  const env = options.env ?? process.env;
  const app = new OpenAPIHono<ApiEnv>();
  app.onError(handleError);
  // Headers first, so that refusals carry them too.
  app.use('*', securityHeaders);
  // For load balancers and orchestrators, which may address the server by its IP: no sign-in, no
  // host check, and nothing about the data. Up: the process answers. Ready: so does the database,
  // with every migration this grow knows.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) =>
    (await isReady(store))
      ? c.json({ status: 'ready' })
      : c.json({ status: 'unavailable', reason: 'database: unreachable, or its migrations are not current' }, 503),
  );
  app.use('*', hostCheck(options.publicHost));

  const index = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? readFileSync(join(options.webRoot, 'index.html'), 'utf8') : null;

  // The sign-in link `grow serve` prints: trades the one-time token for a session cookie. A browser
  // whose link is used up or expired gets the web app's page that says how to get a new one (401);
  // other clients get the JSON error.
  app.get('/login', async (c) => {
    const token = c.req.query('token');
    let session: string;
    try {
      if (!token) throw new AppError('unauthenticated', 'token: missing; open the link `grow serve` printed');
      session = await exchangeLoginToken(store, token);
    } catch (error) {
      if (index !== null && error instanceof AppError && (c.req.header('accept') ?? '').includes('text/html')) return c.html(index, 401);
      throw error;
    }
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: options.secureCookies ?? false,
      maxAge: 30 * 24 * 3600,
    });
    return c.redirect('/', 303);
  });

  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodError(result.error, 'body');
    },
  });
  api.use('*', requireAuth(store));
  api.use('*', withContext(store, env));
  habitRoutes(api);
  todayRoutes(api);
  scorecardRoutes(api);
  settingsRoutes(api);
  frameworkRoutes(api);
  skillRoutes(api);
  activityRoutes(api);
  pathRoutes(api);
  planRoutes(api);
  learningRoutes(api);
  libraryImportRoutes(api);
  reviewRoutes(api);
  journalRoutes(api);
  reflectionRoutes(api);
  backupRoutes(api, { loop: (ctx, bytes) => importLoop(ctx, { bytes }) as unknown as Promise<Record<string, number>> });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['session'],
      summary: 'Sign this browser out: ends the session of the cookie',
      responses: { 200: jsonResponse(signedOutSchema, 'signed out'), ...errors },
    }),
    async (c) => {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) await revokeToken(store, session);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ signedOut: true as const }, 200);
    },
  );
  app.route('/api/v1', api);

  // The document names every route and shape the server has: like every route, it answers only
  // those who signed in or send a token.
  app.use('/api/openapi.json', requireAuth(store));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'grow API',
      version: API_VERSION,
      description: 'Habits, check-ins, scorecard, today, import and export. Authenticate with the session cookie or Authorization: Bearer <token>.',
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.all('/api/*', (c) => c.json(errorBody('not_found', `path: no API route ${c.req.method} ${c.req.path}`), 404));

  if (options.webRoot && index !== null) {
    const root = options.webRoot;
    app.use('/assets/*', serveStatic({ root }));
    app.get('/favicon.svg', serveStatic({ root }));
    // Any other page is the single-page app; it routes on the client.
    app.get('*', (c) => c.html(index));
  }
  return app;
}

export type GrowApp = ReturnType<typeof createApp>;
