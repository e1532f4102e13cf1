import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { isTty, printJson, printLine } from './output.js';
import { globals, numberFlag, openFromOptions, withContext } from './session.js';
import { registerIcsExport } from './plan.command.js';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function readImportFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('validation_failed', `file: cannot read ${path}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new AppError('validation_failed', `file: ${path} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MiB limit`);
  return readFileSync(path, 'utf8');
}

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --json). */
export async function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: (_d: number, _t: number) => {}, stop: () => {} };
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** Registers export/import/migrate/settings/token; returns `import` and `export` for other areas' formats. */
const BACKUP_SECTIONS: Record<string, string> = {
  habits: 'habits',
  checkIns: 'check-ins',
  scorecard: 'scorecard lines',
  frameworks: 'frameworks',
  assessments: 'assessments',
  evidence: 'pieces of evidence',
  activities: 'practice entries',
  experiments: 'experiments',
  library: 'library items',
  cards: 'review cards',
  journal: 'journal entries',
};

/** "3 habits, 3 check-ins, 1 scorecard lines": what a restore brought, sections with nothing left out. */
function describeBackupSummary(summary: object): string {
  const parts = Object.entries(summary)
    .filter(([, count]) => typeof count === 'number' && count > 0)
    .map(([section, count]) => `${count} ${BACKUP_SECTIONS[section] ?? section}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing (the backup is empty)';
}

export function registerDataCommands(program: Command): { importer: Command; exporter: Command } {
  const exporter = program.command('export').description('export your data');
  exporter
    .command('json')
    .option('--out <file>', 'write to a file instead of stdout')
    .description('a JSON backup of everything (lossless)')
    .action(async (flags: { out?: string }, command: Command) => {
      const { exportBackupText } = await import('../services/backup.service.js');
      const text = await withContext(command, (ctx) => exportBackupText(ctx));
      if (flags.out) {
        writeFileSync(flags.out, text, { mode: 0o600 });
        if (globals(command).json) printJson({ out: flags.out, bytes: Buffer.byteLength(text) });
        else printLine(`Wrote ${flags.out}.`);
      } else process.stdout.write(text);
    });
  registerIcsExport(exporter);

  const importer = program.command('import').description('import data');
  importer
    .command('json')
    .argument('<file>')
    .description('restore a JSON backup into an empty database')
    .action(async (file: string, _flags: unknown, command: Command) => {
      const { importBackup } = await import('../services/backup.service.js');
      const content = readImportFile(file);
      const summary = await withContext(command, (ctx) => importBackup(ctx, content));
      if (globals(command).json) printJson(summary);
      else printLine(`Imported ${describeBackupSummary(summary)}.`);
    });

  importer
    .command('loop')
    .argument('<file>', "Loop Habit Tracker's backup (.db), CSV export (.zip) or its unpacked folder")
    .description('import habits and check-ins from Loop Habit Tracker')
    .action(async (file: string, _flags: unknown, command: Command) => {
      const { importLoop } = await import('../services/loop-import.service.js');
      const bar = await progressBar('Importing');
      const summary = await withContext(command, (ctx) => importLoop(ctx, { path: file }, { onProgress: (d, t) => bar.update(d, t) })).finally(() => bar.stop());
      if (globals(command).json) printJson(summary);
      else
        printLine(
          `Imported from Loop: ${summary.habitsCreated} new habits, ${summary.habitsMatched} already here; ${summary.checkInsAdded} check-ins added, ${summary.checkInsUnchanged} unchanged.`,
        );
    });

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

  program
    .command('settings')
    .option('--time-zone <zone>', 'your IANA time zone, e.g. Europe/Berlin')
    .option('--name <name>', 'your name')
    .option('--technical-ratio <share>', 'the share of practice meant for technical skills, 0..1 (default 0.5)')
    .description('show or change settings')
    .action(async (flags: { timeZone?: string; name?: string; technicalRatio?: string }, command: Command) => {
      const { getSettings, updateSettings } = await import('../services/settings.service.js');
      const technicalRatio = numberFlag('technicalRatio', flags.technicalRatio);
      const changes = Object.fromEntries(Object.entries({ timeZone: flags.timeZone, name: flags.name, technicalRatio }).filter(([, v]) => v !== undefined));
      const settings = await withContext(command, (ctx) => (Object.keys(changes).length ? updateSettings(ctx, changes) : getSettings(ctx)));
      if (globals(command).json) printJson(settings);
      else
        printLine(
          `name       ${settings.name}\ntime zone  ${settings.timeZone}${settings.timeZoneIsSystem ? ' (the system’s)' : ''}\ntoday      ${settings.today}\n` +
            `balance    ${Math.round(settings.technicalRatio * 100)}% technical, ${100 - Math.round(settings.technicalRatio * 100)}% soft`,
        );
    });

  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer …)');
  token
    .command('create')
    .option('--label <label>', 'what the token is for')
    .description('create an API token; it is shown once')
    .action(async (flags: { label?: string }, command: Command) => {
      const { createApiToken } = await import('../services/auth.service.js');
      const secret = await withContext(command, (ctx) => createApiToken(ctx.store, ctx.personId, flags.label ?? null));
      if (globals(command).json) printJson({ token: secret });
      else printLine(isTty() ? `Token (shown once): ${secret}` : secret);
    });
  token
    .command('revoke')
    .argument('<token>')
    .description('revoke an API token')
    .action(async (secret: string, _flags: unknown, command: Command) => {
      const { revokeToken } = await import('../services/auth.service.js');
      const store = await openFromOptions(globals(command));
      try {
        await revokeToken(store, secret);
      } finally {
        await store.close();
      }
      if (globals(command).json) printJson({ revoked: true });
      else printLine('Revoked.');
    });
  return { importer, exporter };
}
