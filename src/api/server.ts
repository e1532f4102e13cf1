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
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
