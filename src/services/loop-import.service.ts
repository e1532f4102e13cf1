// Placeholder until the Loop importer lands; replaced by the importer's implementation.
import { AppError } from '../core/errors.js';
import type { Context } from './context.js';
export async function importLoop(_ctx: Context, _source: { path: string } | { bytes: Uint8Array; name?: string }, _options?: { onProgress?: (done: number, total: number) => void }): Promise<{ habitsCreated: number; habitsMatched: number; checkInsAdded: number; checkInsUnchanged: number }> {
  throw new AppError('internal', 'loop import: not available yet');
}
