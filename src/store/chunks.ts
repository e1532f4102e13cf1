/**
 * Both databases cap the bound parameters of one statement (SQLite at 32,766, PostgreSQL at
 * 65,535): multi-row writes go in chunks. 500 rows of at most 25 columns stay well below both.
 */
export const ROWS_PER_STATEMENT = 500;

/** Writes rows a chunk at a time, telling `onChunk` how many each chunk held (for progress bars). */
export async function inChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  onChunk?: (written: number) => void,
  size = ROWS_PER_STATEMENT,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await write(chunk);
    onChunk?.(chunk.length);
  }
}
