import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, signIn, type SignedIn } from './browser.js';
import { type GrowHome, type RunningServer, assertBuilt, createHome, startServer } from './grow.js';
import { createPostgresDatabase } from '../../support/stores.js';

export interface E2eApp {
  readonly home: GrowHome;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The signed-in tab. */
  readonly page: Page;
  readonly session: SignedIn;
  readonly base: string;
}

/**
 * One test file's world: a fresh GROW_HOME (on SQLite, or a fresh PostgreSQL database) seeded through
 * the CLI, a real `grow serve` on it, and Chromium signed in through the printed link. Everything is torn down after the file.
 */
export function startAppForFile(
  seed: (home: GrowHome) => Promise<void> = async () => {},
  options: { colorScheme?: 'light' | 'dark'; database?: 'sqlite' | 'postgres' } = {},
): E2eApp {
  const state: { -readonly [K in keyof E2eApp]?: E2eApp[K] } = {};
  beforeAll(async () => {
    assertBuilt();
    const home = createHome();
    state.home = home;
    // The CLI that seeds and the server both read it from the home's environment.
    if (options.database === 'postgres') home.env.GROW_DATABASE_URL = await createPostgresDatabase();
    await seed(home);
    state.server = await startServer(home);
    state.base = state.server.url;
    state.browser = await launchBrowser();
    state.session = await signIn(state.browser, state.server.loginUrl, options);
    state.page = state.session.page;
  }, 120_000);
  afterAll(async () => {
    await state.session?.context.close().catch(() => {});
    await state.browser?.close().catch(() => {});
    await state.server?.stop();
    state.home?.remove();
  });
  const get = <K extends keyof E2eApp>(key: K): E2eApp[K] => {
    const value = state[key];
    if (value === undefined) throw new Error(`the app is not up (${key}); see beforeAll's error`);
    return value as E2eApp[K];
  };
  return {
    get home() {
      return get('home');
    },
    get server() {
      return get('server');
    },
    get browser() {
      return get('browser');
    },
    get page() {
      return get('page');
    },
    get session() {
      return get('session');
    },
    get base() {
      return get('base');
    },
  };
}

/** Console errors other than failed requests the test caused on purpose. */
export function cspOrScriptErrors(messages: string[]): string[] {
  return messages.filter((m) => !/Failed to load resource/.test(m));
}
