import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import { readImportFile } from './import-file.js';
import { printJson, printLine } from './output.js';
import { globals, withContext } from './session.js';

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

/**
 * `grow export json` and `grow import json`: the lossless backup. Creates the `export` and `import`
 * groups and returns them, so that other areas register their formats on them.
 */
export function registerBackupCommands(program: Command): { importer: Command; exporter: Command } {
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

  const importer = program.command('import').description('import data');
  const json = IMPORT_REGISTRY.json;
  importer
    .command(json.source)
    .argument('<file>')
    .description(json.description)
    .action(async (file: string, _flags: unknown, command: Command) => {
      const { importBackup } = await import('../services/backup.service.js');
      const content = readImportFile(file, json.limit);
      const summary = await withContext(command, (ctx) => importBackup(ctx, content));
      if (globals(command).json) printJson(summary);
      else printLine(`Imported ${describeBackupSummary(summary)}.`);
    });
  return { importer, exporter };
}
