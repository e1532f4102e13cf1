import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Store } from '../store/database.js';
import { createApp } from './app.js';

export interface ServeOptions {
  store: Store;
  host: string;
  port: number;
  webRoot?: string;
  publicHost?: string;
  env?: NodeJS.ProcessEnv;
}

/** Binds the app to a port; resolves with the bound address once it listens. */
export function startServer(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({ store: options.store, webRoot: options.webRoot, publicHost: options.publicHost, env: options.env });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        // Stops taking connections and waits for the requests in flight. A keep-alive connection is
        // closed as soon as it is idle (now, or once its response is sent), not after its timeout.
        close: () =>
          new Promise((done) => {
            const http = server as Server;
            const sweep = setInterval(() => http.closeIdleConnections(), 50);
            http.close(() => {
              clearInterval(sweep);
              done();
            });
            http.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
