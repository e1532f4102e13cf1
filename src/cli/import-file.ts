import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../core/errors.js';

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
