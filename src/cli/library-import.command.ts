import type { Command } from 'commander';
import { LIBRARY_IMPORTS } from '../services/import.registry.js';
import type { LibraryImportResult, LibrarySource } from '../services/library-import.service.js';
import { readImportFile, progressBar } from './import-file.js';
import { paint, printJson, printLine } from './output.js';
import { globals, withContext } from './session.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Imported from Kindle: 2 new items, 1 already here; 14 highlights added, …" and the rows left out. */
export function printLibraryImport(name: string, source: LibrarySource, result: LibraryImportResult): void {
  const parts = [`${plural(result.itemsCreated, 'new item')}`, `${result.itemsUpdated} updated`, `${result.itemsUnchanged} unchanged`];
  let line = `Imported from ${name}: ${parts.join(', ')}`;
  if (source === 'kindle' || source === 'readwise' || result.highlightsAdded + result.highlightsUpdated + result.highlightsUnchanged > 0) {
    line += `; ${plural(result.highlightsAdded, 'highlight')} added, ${result.highlightsUpdated} updated, ${result.highlightsUnchanged} unchanged`;
  }
  if (result.notesAdded > 0) line += `; ${plural(result.notesAdded, 'note')} added`;
  printLine(`${line}.`);
  if (result.skipped.length > 0) {
    const unit = source === 'kindle' ? plural(result.skipped.length, 'bad entry', 'bad entries') : plural(result.skipped.length, 'bad row');
    printLine(paint.warn(`Skipped ${unit}:`));
    for (const s of result.skipped) printLine(`  ${paint.warn('!')} ${s.message}`);
  }
}

/** `grow import goodreads|storygraph|kindle|readwise FILE`, under the existing `grow import`. */
export function registerLibraryImportCommands(importer: Command): void {
  for (const { source, name, file, description, limit } of LIBRARY_IMPORTS) {
    importer
      .command(source)
      .argument('<file>', file)
      .option('--skip-bad', `import the good ${source === 'kindle' ? 'entries' : 'rows'} and list the bad ones (without it, one bad one imports nothing)`)
      .description(description)
      .action(async (path: string, flags: { skipBad?: boolean }, command: Command) => {
        const { importLibrary } = await import('../services/library-import.service.js');
        const text = readImportFile(path, limit);
        const bar = await progressBar('Importing');
        const result = await withContext(command, (ctx) =>
          importLibrary(ctx, { source, skipBad: flags.skipBad ?? false }, text, { onProgress: (d, t) => bar.update(d, t) }),
        ).finally(() => bar.stop());
        if (globals(command).json) printJson(result);
        else printLibraryImport(name, source, result);
      });
  }
}
