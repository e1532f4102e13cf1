import { IMPORT_LIMITS } from '../core/import-limits.js';
import { readImportBytes } from '../formats/import-file.js';

/** Files larger than this are refused before they are read (the one limit of src/core/import-limits.ts). */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.fileBytes;

/** A file to import as UTF-8 text, refused before it is read when it is over the limit. */
export function readImportFile(path: string, limit: 'fileBytes' | 'frameworkBytes' = 'fileBytes'): string {
  return readImportBytes(path, limit).toString('utf8');
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
