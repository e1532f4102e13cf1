import type { Command } from 'commander';
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
      else
        printLine(
          `Imported from Loop: ${summary.habitsCreated} new habits, ${summary.habitsMatched} already here; ${summary.checkInsAdded} check-ins added, ${summary.checkInsUnchanged} unchanged.`,
        );
    });
}
