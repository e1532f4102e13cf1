import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts a real PostgreSQL server for the whole run, unless GROW_TEST_POSTGRES_URL names one. */
export default async function setup(project: TestProject) {
  if (process.env.GROW_TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.GROW_TEST_POSTGRES_URL);
    return;
  }
  const server = await startPostgresServer('grow-pg-');
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
