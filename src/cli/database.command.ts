import type { Command } from 'commander';
import { printJson, printLine } from './output.js';
import { globals } from './session.js';

/** `grow migrate`: the database schema. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run whenever grow opens the database)')
    .action(async (_flags: unknown, command: Command) => {
      const { migrate, openStore, resolveDatabaseUrl } = await import('../store/database.js');
      const store = await openStore(resolveDatabaseUrl(globals(command).db), { migrate: false });
      try {
        const applied = await migrate(store.db);
        if (globals(command).json) printJson({ applied, database: store.location });
        else printLine(applied.length ? `Applied ${applied.join(', ')} to ${store.location}.` : `${store.location} is up to date.`);
      } finally {
        await store.close();
      }
    });
}
