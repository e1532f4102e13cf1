import type { z } from 'zod';
import type { libraryImportResultSchema } from '../../src/schemas/library-import.response.js';
import { query, send } from './api.js';

export type LibraryImportResult = z.infer<typeof libraryImportResultSchema>;
export type { LibrarySource } from '../../src/core/vocabulary.js';
import type { LibrarySource } from '../../src/core/vocabulary.js';

/** What each source is called, the file it exports, and what the file input accepts. */
export const LIBRARY_SOURCES: { source: LibrarySource; name: string; hint: string; accept: string; unit: string }[] = [
  {
    source: 'goodreads',
    name: 'Goodreads',
    hint: 'goodreads_library_export.csv, from My Books → Import and export on goodreads.com.',
    accept: '.csv,text/csv',
    unit: 'row',
  },
  { source: 'storygraph', name: 'StoryGraph', hint: 'The CSV from Manage account → Export StoryGraph library.', accept: '.csv,text/csv', unit: 'row' },
  {
    source: 'kindle',
    name: 'Kindle highlights',
    hint: "My Clippings.txt, in the Kindle's documents folder when it is plugged in.",
    accept: '.txt,text/plain',
    unit: 'entry',
  },
  { source: 'readwise', name: 'Readwise', hint: 'The CSV from Readwise’s Export → CSV.', accept: '.csv,text/csv', unit: 'row' },
];

export const libraryImportApi = {
  /** Sends the file as the body; a bad row refuses the whole file unless skipBad. */
  upload: (source: LibrarySource, file: Blob, skipBad: boolean) =>
    send<LibraryImportResult>('POST', `/import/${source}${query({ skipBad: skipBad ? 'true' : undefined })}`, { bytes: file }),
};
