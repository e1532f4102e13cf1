import { readFileSync, statSync } from 'node:fs';
import { IMPORT_LIMITS, type ImportLimit, tooLarge } from '../core/import-limits.js';
import { AppError } from '../core/errors.js';

/**
 * Reads a file that is being imported, after its size is checked against the limit: an oversized
 * file is refused before a byte of it is read. `shown` is how messages name it (the path given).
 */
export function readImportBytes(path: string, limit: Extract<ImportLimit, 'fileBytes' | 'frameworkBytes'> = 'fileBytes', shown = path): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new AppError('validation_failed', `file: cannot read ${shown}`);
  }
  if (size > IMPORT_LIMITS[limit]) throw tooLarge(limit, shown);
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('validation_failed', `file: cannot read ${shown}`);
  }
}
