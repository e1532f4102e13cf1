import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../core/errors.js';
import type { Store } from '../store/database.js';
import { CALENDAR_FEED_PATH, authenticate, authenticateCalendarToken } from '../services/auth.service.js';

export const SESSION_COOKIE = 'grow_session';

export type AuthVariables = { personId: string; authKind: 'session' | 'api' | 'calendar' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostName(host: string): string {
  // "[::1]:4870" → "[::1]", "localhost:4870" → "localhost"
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0]!.toLowerCase();
}

/**
 * Refuses requests whose Host is not this machine (or the configured public host): a web page
 * on another site cannot reach the server through DNS rebinding.
 */
export function hostCheck(publicHost?: string): MiddlewareHandler {
  const allowed = new Set(LOCAL_HOSTS);
  if (publicHost) allowed.add(hostName(publicHost));
  return async (c, next) => {
    const host = c.req.header('host');
    if (!host || !allowed.has(hostName(host))) {
      throw new AppError('forbidden', `host: ${JSON.stringify(host ?? '')} is not allowed; use localhost or set --public-host`);
    }
    await next();
  };
}

export const securityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  crossOriginResourcePolicy: 'same-origin',
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api request needs a session cookie or a bearer token. A state-changing request made
 * with the cookie must come from this origin, so another site cannot forge it (CSRF).
 */
export function requireAuth(store: Store): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    // A calendar app subscribing to the feed can send neither cookie nor header: the token in the
    // URL is a calendar-kind token, which reads this feed and authenticates nothing else.
    const feedToken = c.req.path === CALENDAR_FEED_PATH && (c.req.method === 'GET' || c.req.method === 'HEAD') ? c.req.query('token') : undefined;
    if (feedToken !== undefined) {
      const personId = await authenticateCalendarToken(store, feedToken);
      if (!personId) throw new AppError('unauthenticated', 'token: unknown or revoked calendar token; create one with `grow calendar token create`');
      c.set('personId', personId);
      c.set('authKind', 'calendar');
      await next();
      return;
    }
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const secret = bearer ?? cookie;
    const who = secret ? await authenticate(store, secret) : undefined;
    if (!who) throw new AppError('unauthenticated', 'session: sign in with the link `grow serve` printed, or send Authorization: Bearer <token>');
    if (!bearer && !SAFE_METHODS.has(c.req.method)) {
      // Same origin means the Origin names the host this request was sent to (already checked
      // above); the scheme may differ behind a proxy that terminates HTTPS.
      const origin = c.req.header('origin');
      let originHost: string | undefined;
      try {
        originHost = origin ? new URL(origin).host : undefined;
      } catch {
        originHost = undefined;
      }
      if (!originHost || originHost !== c.req.header('host')?.toLowerCase()) {
        throw new AppError('forbidden', `origin: ${JSON.stringify(origin ?? '')} may not change data here`);
      }
    }
    c.set('personId', who.personId);
    c.set('authKind', who.kind === 'api' ? 'api' : 'session');
    await next();
  };
}
