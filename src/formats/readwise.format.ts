import { isIsoDate } from '../core/calendar.js';
import { normalizeName } from '../core/library.js';
import { CellError, type CsvRow, readCsvTable, readRows, requiredCell, sortBad } from './csv.js';
import { type ImportedHighlight, type ImportedItem, type LibraryFile, emptyItem, fingerprint, shelfList } from './library-csv.js';
import { getOrInsert } from '../core/collections.js';

/**
 * Readwise's CSV export: `Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,
 * Location Type,Location,Highlighted at,Document tags` (older exports lack `Document tags`).
 * One row per highlight; `Highlighted at` is UTC. Action tags (`favorite`, `discard`, written
 * `.favorite` in newer exports) travel in Tags: a discarded highlight is not imported.
 */

export const READWISE_REQUIRED = ['Highlight', 'Book Title', 'Book Author'] as const;

/** An article's "author" is the site it came from. */
const DOMAIN = /^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;

/** `2020-09-21 04:53:16.752500+00:00` (or `…T…Z`, or a date alone) as an ISO-8601 UTC instant. */
export function readwiseInstant(value: string): string | null {
  if (value === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (!m) throw new CellError('Highlighted at', `${JSON.stringify(value)} is not a date and time (expected 2020-09-21 04:53:16+00:00)`);
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const instant = new Date(`${date}T${hh}:${mm}:${ss}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
  if (Number.isNaN(instant.getTime()) || !isIsoDate(date!) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) {
    throw new CellError('Highlighted at', `${JSON.stringify(value)} is not a real date and time`);
  }
  return instant.toISOString();
}

const tagsOf = (value: string): string[] => [...new Set(shelfList(value).map((t) => t.replace(/^\./, '')))];

interface Row {
  key: string;
  item: ImportedItem;
  highlight: ImportedHighlight | null;
  looseNote: string | null;
}

function readRow(row: CsvRow): Row | null {
  const tags = tagsOf(row.get('Tags'));
  if (tags.some((t) => t.toLowerCase() === 'discard')) return null;
  const title = requiredCell(row, 'Book Title').replace(/\s+/g, ' ');
  const author = normalizeName(row.get('Book Author'));
  const asin = row.get('Amazon Book ID');
  const isArticle = DOMAIN.test(author);
  const authors =
    isArticle || author === ''
      ? author === ''
        ? []
        : [author]
      : author
          .split(/\s*(?:;| and | & )\s*/)
          .map(normalizeName)
          .filter(Boolean);
  const item = emptyItem(row, 'readwise', title, authors);
  item.sourceId = asin || null;
  item.kind = isArticle ? 'article' : 'book';
  item.shelves = tagsOf(row.get('Document tags'));

  const text = row.get('Highlight').replace(/\r\n?/g, '\n');
  const note = row.get('Note').replace(/\r\n?/g, '\n') || null;
  const locationType = row.get('Location Type').toLowerCase();
  const location = row.get('Location');
  const highlightedAt = readwiseInstant(row.get('Highlighted at'));
  const key = asin ? `asin:${asin}` : `title:${title.toLowerCase()}|${author.toLowerCase()}`;
  if (text === '') {
    if (note === null) throw new CellError('Highlight', 'empty, and the row has no note either');
    return { key, item, highlight: null, looseNote: note };
  }
  const numeric = /^\d+$/.test(location) ? Number(location) : null;
  const onPage = locationType === 'page';
  return {
    key,
    item,
    looseNote: null,
    highlight: {
      row: row.row,
      text,
      note,
      page: onPage && location !== '' ? location : null,
      location: !onPage && location !== '' ? location : null,
      locationStart: onPage ? null : numeric,
      locationEnd: onPage ? null : numeric,
      color: row.get('Color') || null,
      tags,
      highlightedAt,
      highlightedRaw: row.get('Highlighted at') || null,
      sourceKey: `readwise:${fingerprint(text, locationType, location)}`,
    },
  };
}

export function readReadwiseCsv(text: string): LibraryFile {
  const table = readCsvTable(text, { format: 'Readwise', required: READWISE_REQUIRED });
  const { records, bad } = readRows(table, readRow);
  // One item per book: rows name it by its Amazon id, else by title and author.
  const items = new Map<string, ImportedItem>();
  for (const record of records) {
    const item = getOrInsert(items, record.key, () => record.item);
    for (const shelf of record.item.shelves) if (!item.shelves.includes(shelf)) item.shelves.push(shelf);
    if (record.highlight) {
      // The same passage at the same place twice (an export of two libraries) is one highlight.
      if (!item.highlights.some((h) => h.sourceKey === record.highlight!.sourceKey)) item.highlights.push(record.highlight);
    } else {
      const looseNote = record.looseNote!;
      const sourceKey = `readwise-note:${fingerprint(looseNote)}`;
      if (!item.notes.some((n) => n.sourceKey === sourceKey)) item.notes.push({ row: record.item.row, text: looseNote, page: null, location: null, sourceKey });
    }
  }
  return { source: 'readwise', describesItems: false, items: [...items.values()], bad: sortBad(bad), rows: table.rows.length };
}
