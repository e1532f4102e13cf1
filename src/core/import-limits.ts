import { AppError } from './errors.js';

/**
 * How much one import may bring, in one place: the CLI checks a file's size before it reads it,
 * the API before it takes the body, and every importer counts rows and cell lengths as it reads.
 * Each refusal names the limit it hit. The numbers sit far above real exports (a Goodreads library
 * of 10,000 books is 3 MB) and keep a mistaken or hostile file from filling memory or one
 * transaction.
 */
export const IMPORT_LIMITS = {
  /** Bytes of one imported file, or of one upload (the posts of a Jekyll upload together). */
  fileBytes: 64 * 1024 * 1024,
  /** Bytes of a framework file: it describes skills and levels, it carries no history. */
  frameworkBytes: 1024 * 1024,
  /** Data rows of one CSV file (Goodreads, StoryGraph, Readwise, each Loop CSV file); entries of a Kindle file. */
  rows: 250_000,
  /** Characters of one CSV cell or one Kindle entry: a review, a highlight, a note. */
  cellChars: 100_000,
  /** Posts of one Jekyll import. */
  posts: 20_000,
} as const;

export type ImportLimit = keyof typeof IMPORT_LIMITS;

const MIB = 1024 * 1024;

/** "64 MiB", "250,000", as messages name a limit. */
export function limitText(limit: ImportLimit): string {
  const value = IMPORT_LIMITS[limit];
  if (limit === 'fileBytes' || limit === 'frameworkBytes') return `${value / MIB} MiB`;
  return value.toLocaleString('en-US');
}

/** The refusal of a file over its byte limit: `file: PATH is larger than the 64 MiB limit` (no path: `file: larger than …`). */
export function tooLargeMessage(limit: 'fileBytes' | 'frameworkBytes', path?: string): string {
  return path === undefined ? `file: larger than the ${limitText(limit)} limit` : `file: ${path} is larger than the ${limitText(limit)} limit`;
}

export const tooLarge = (limit: 'fileBytes' | 'frameworkBytes', path?: string): AppError => new AppError('validation_failed', tooLargeMessage(limit, path));
