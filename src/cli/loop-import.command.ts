import type { Command } from 'commander';
import type { LoopImportResult } from '../services/loop-import.service.js';
import { IMPORT_REGISTRY } from '../services/import.registry.js';
import { progressBar } from './import-file.js';
import { printJson, printLine } from './output.js';
import { globals, withContext } from './session.js';

/** `grow import loop`: habits and check-ins from Loop Habit Tracker. */
export function registerLoopImportCommands(importer: Command): void {
  const { source, file, description } = IMPORT_REGISTRY.loop;
  importer
    .command(source)
    .argument('<file>', file)
    .description(description)
    .action(async (file: string, _flags: unknown, command: Command) => {
      const { importLoop } = await import('../services/loop-import.service.js');
      const bar = await progressBar('Importing');
      const summary = await withContext(command, (ctx) => importLoop(ctx, { path: file }, { onProgress: (d, t) => bar.update(d, t) })).finally(() =>
        bar.stop(),
      );
      if (globals(command).json) printJson(summary);
      else printLine(describeLoopImport(summary));
    });
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Imported from Loop: 2 new habits, 0 already here; 4 check-ins added, 0 unchanged; 2 notes kept in the journal (tag loop)." */
export function describeLoopImport(summary: LoopImportResult): string {
  const notes = summary.notesAdded > 0 ? `; ${count(summary.notesAdded, 'note')} of days with no check-in kept in the journal (tag loop)` : '';
  return `Imported from Loop: ${count(summary.habitsCreated, 'new habit')}, ${summary.habitsMatched} already here; ${count(summary.checkInsAdded, 'check-in')} added, ${summary.checkInsUnchanged} unchanged${notes}.`;
}
