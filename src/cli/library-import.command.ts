import type { Command } from 'commander';

/** `grow import goodreads|storygraph|kindle|readwise FILE`, under the existing `grow import`. */
export function registerLibraryImportCommands(importer: Command): void {
  void importer;
}
