import { invalid } from '../core/errors.js';
import { IMPORT_LIMITS, limitText } from '../core/import-limits.js';
import { normalizeName } from '../core/library.js';
import { type BadRow, type ImportedHighlight, type ImportedItem, type ImportedNote, type LibraryFile, emptyItem, fingerprint } from './library-csv.js';

/**
 * Kindle's `My Clippings.txt`: entries of a title line `Title (Author)`, a metadata line
 * `- Your Highlight on page 13 | Location 292-295 | Added on Monday, November 27, 2017 3:15:56 PM`,
 * a blank line, the text, and `==========`. The device only ever appends: re-selecting a passage
 * adds a second entry over the same locations, and a note is an entry of its own at its
 * highlight's location.
 */

const SEPARATOR = /^=+$/;
const CLIPPING_LIMIT = /^<?\s*You have reached the clipping limit/i;

type ClippingType = 'highlight' | 'note' | 'bookmark';

// Kindles in other languages translate every word; these name the type and the position.
const TYPE_WORDS: [ClippingType, RegExp][] = [
  ['highlight', /highlight|\bcut\b|\bclip\b|markierung|subrayado|surlignement|evidenziazione|destaque|markering|マーカー|标注|ハイライト/i],
  ['bookmark', /bookmark|lesezeichen|marcador|signet|segnalibro|bladwijzer|ブックマーク|书签/i],
  ['note', /\bnote\b|notiz|\bnota\b|notitie|メモ|笔记/i],
];
const PAGE = /(?:\bpage|\bseite|página|\bpagina|bladzijde|ページ|第)\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)?)/iu;
const LOCATION = /(?:\blocation|\bloc\.|\bposition|posición|emplacement|posizione|posição|locatie|位置)\s*(?:no\.\s*)?(\d+)(?:\s*-\s*(\d+))?/iu;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthOf = (name: string): number => {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower.replace(/\.$/, ''))));
  return index + 1;
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local date-time of an English metadata line, US (`Monday, November 27, 2017 3:15:56 PM`)
 * or UK (`Monday, 1 May 2023 18:26:53`), as `YYYY-MM-DDTHH:MM:SS` without a zone: the device
 * wrote its local time and never its zone. Null for other languages or shapes.
 */
export function parseKindleDate(raw: string): string | null {
  const text = raw.replace(/^[A-Za-z]+day,?\s+/i, '').trim();
  const us = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/.exec(text);
  const uk = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/.exec(text);
  const parts = us ? { month: us[1]!, day: us[2]!, rest: us.slice(3) } : uk ? { month: uk[2]!, day: uk[1]!, rest: uk.slice(3) } : null;
  if (!parts) return null;
  const [year, hourText, minute, second, meridiem] = parts.rest as [string, string, string, string | undefined, string | undefined];
  const month = monthOf(parts.month);
  const day = Number(parts.day);
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (month === 0 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${second ?? '00'}`;
}

/** "Newport, Cal" → "Cal Newport"; several authors are separated by semicolons. */
function authorsOf(text: string): string[] {
  return text
    .split(';')
    .map((name) => {
      const parts = name.split(',');
      return normalizeName(parts.length === 2 ? `${parts[1]} ${parts[0]}` : name);
    })
    .filter((name) => name !== '');
}

/** Title and authors from the title line: the author is the last parenthesised group, if any. */
export function splitTitleLine(line: string): { title: string; authors: string[] } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(line);
  // "(2019)" or "(Penguin Classics)"-less titles: a group of digits is part of the title, not an author.
  if (!m || m[1]!.trim() === '' || /^[\d\s.-]*$/.test(m[2]!)) return { title: normalizeName(line), authors: [] };
  return { title: normalizeName(m[1]!), authors: authorsOf(m[2]!) };
}

interface Metadata {
  type: ClippingType;
  page: string | null;
  location: string | null;
  start: number | null;
  end: number | null;
  raw: string | null;
}

/** "1234-36" on old firmware means 1234-1236. */
function locationEnd(start: string, end: string | undefined): number {
  if (end === undefined) return Number(start);
  const full = end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
  return Number(full);
}

function readMetadata(line: string): Metadata | string {
  if (!/^-\s/.test(line)) return 'expected a metadata line starting "- Your Highlight", "- Your Note" or "- Your Bookmark"';
  const segments = line
    .replace(/^-\s*/, '')
    .split('|')
    .map((s) => s.trim());
  const type = TYPE_WORDS.find(([, word]) => word.test(segments[0]!))?.[0];
  if (!type) return `${JSON.stringify(segments[0])} is not a highlight, note or bookmark`;
  let page: string | null = null;
  let location: Metadata['location'] = null;
  let start: number | null = null;
  let end: number | null = null;
  let raw: string | null = null;
  for (const [i, segment] of segments.entries()) {
    const loc = LOCATION.exec(segment);
    const pg = PAGE.exec(segment);
    if (loc) {
      start = Number(loc[1]);
      end = locationEnd(loc[1]!, loc[2]);
      location = end === start ? String(start) : `${start}-${end}`;
    }
    if (pg) page = pg[1]!;
    if (!loc && !pg && i > 0) raw = segment.replace(/^added on\s*/i, '');
  }
  if (type !== 'bookmark' && page === null && location === null) return `${JSON.stringify(line)} gives neither a page nor a location`;
  if (end !== null && start !== null && end < start) return `location ${start}-${end} ends before it starts`;
  return { type, page, location, start, end, raw };
}

interface Block {
  entry: number;
  line: number;
  lines: string[];
}

function blocksOf(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: string[] = [];
  let startLine = 1;
  const close = () => {
    // Leading blank lines do not count; a block of nothing (the end of the file) is no entry.
    let skip = 0;
    while (skip < current.length && current[skip]!.replace(/\uFEFF/g, '').trim() === '') skip++;
    if (skip < current.length) blocks.push({ entry: blocks.length + 1, line: startLine + skip, lines: current.slice(skip) });
  };
  lines.forEach((line, i) => {
    if (SEPARATOR.test(line.trim())) {
      close();
      current = [];
      startLine = i + 2;
    } else current.push(line);
  });
  close();
  return blocks;
}

/**
 * Reads `My Clippings.txt` into one item per title line, with its highlights and notes in file
 * order (duplicates from re-selection are merged later, with what grow already holds, by
 * mergeClippings). Bookmarks and the clipping-limit message carry no text and are left out.
 */
export function readKindleClippings(text: string): LibraryFile {
  const items = new Map<string, ImportedItem>();
  const bad: BadRow[] = [];
  const blocks = blocksOf(text);
  if (blocks.length > IMPORT_LIMITS.rows) throw invalid('file', `more entries than the limit of ${limitText('rows')}`);
  for (const block of blocks) {
    const where = `entry ${block.entry} (line ${block.line})`;
    const titleLine = block.lines[0]!.replace(/\uFEFF/g, '').trim();
    const metadataLine = (block.lines[1] ?? '').trim();
    const meta = readMetadata(metadataLine);
    if (typeof meta === 'string') {
      // The metadata line is the second of the entry.
      bad.push({
        row: block.entry,
        message: `${where}: not a Kindle clipping: ${meta}`,
        line: block.line + 1,
        column: 1,
        field: `entry ${block.entry}`,
        problem: `not a Kindle clipping: ${meta}`,
      });
      continue;
    }
    if (meta.type === 'bookmark') continue;
    const body = block.lines
      .slice(2)
      .join('\n')
      .replace(/\uFEFF/g, '')
      .trim();
    if (body === '' || CLIPPING_LIMIT.test(body)) continue;
    if (body.length > IMPORT_LIMITS.cellChars) {
      const problem = `the text is longer than the limit of ${limitText('cellChars')} characters`;
      bad.push({ row: block.entry, message: `${where}: ${problem}`, line: block.line + 2, column: 1, field: `entry ${block.entry}`, problem });
      continue;
    }

    let item = items.get(titleLine);
    if (!item) {
      const { title, authors } = splitTitleLine(titleLine);
      if (title === '') {
        const problem = 'not a Kindle clipping: the title line is empty';
        bad.push({ row: block.entry, message: `${where}: ${problem}`, line: block.line, column: 1, field: `entry ${block.entry}`, problem });
        continue;
      }
      item = emptyItem({ row: block.entry, line: block.line }, 'kindle', title, authors);
      items.set(titleLine, item);
    }
    const at = meta.location ?? `page ${meta.page}`;
    if (meta.type === 'note') {
      item.notes.push({ row: block.entry, text: body, page: meta.page, location: meta.end, sourceKey: `kindle-note:${at}:${fingerprint(body)}` });
    } else {
      item.highlights.push({
        row: block.entry,
        text: body,
        note: null,
        page: meta.page,
        location: meta.location,
        locationStart: meta.start,
        locationEnd: meta.end,
        color: null,
        tags: [],
        highlightedAt: meta.raw === null ? null : parseKindleDate(meta.raw),
        highlightedRaw: meta.raw,
        sourceKey: `kindle:${at}:${fingerprint(body)}`,
      });
    }
  }
  return { source: 'kindle', describesItems: false, items: [...items.values()], bad, rows: blocks.length };
}

// ——— Re-selection and notes ———

/** A highlight as stored, or being added: the merge works on both alike. */
export interface Clip extends ImportedHighlight {
  /** The stored highlight's id; null for one this import adds. */
  id: string | null;
}

export interface ClipMerge {
  /** Every highlight of the item after the import, with what it was before (null: new). */
  clips: { clip: Clip; before: Clip | null; matched: boolean }[];
  /** Notes at no highlight: they become notes of the item. */
  looseNotes: ImportedNote[];
  /** Notes that changed a highlight's note (a new note, or a longer one). */
  notesAttached: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const contains = (a: string, b: string) => squash(a).includes(squash(b)) || squash(b).includes(squash(a));

/**
 * Whether two clippings of one book are the same passage selected twice: their locations
 * overlap. Two passages that only touch at one location (highlights 100-102 and 102-104) are
 * both kept unless one's text holds the other's, since a location is coarser than a sentence.
 * Page-only clippings (PDFs) are the same when on one page and one text holds the other.
 */
export function sameClip(a: ImportedHighlight, b: ImportedHighlight): boolean {
  if (a.locationStart !== null && b.locationStart !== null && a.locationEnd !== null && b.locationEnd !== null) {
    if (a.locationStart > b.locationEnd || b.locationStart > a.locationEnd) return false;
    const touchOnly = a.locationStart !== b.locationStart && (a.locationEnd === b.locationStart || b.locationEnd === a.locationStart);
    return !touchOnly || contains(a.text, b.text);
  }
  return a.page !== null && a.page === b.page && contains(a.text, b.text);
}

function joinNotes(current: string | null, added: string): string {
  if (current === null || contains(current, added)) return current === null || squash(added).length > squash(current).length ? added : current;
  return `${current}\n\n${added}`;
}

/**
 * Merges one book's clippings into the highlights grow holds for it: a re-selected passage keeps
 * the longest text (in place of a shorter one already stored), and a note goes to the highlight
 * at its location (the one ending there first), else it is left loose.
 */
export function mergeClippings(stored: Clip[], highlights: ImportedHighlight[], notes: ImportedNote[]): ClipMerge {
  const clips: ClipMerge['clips'] = stored.map((clip) => ({ clip: { ...clip }, before: clip, matched: false }));
  for (const highlight of highlights) {
    const same = clips.find((c) => sameClip(c.clip, highlight));
    if (!same) {
      clips.push({ clip: { ...highlight, id: null }, before: null, matched: true });
      continue;
    }
    same.matched = true;
    if (squash(highlight.text).length > squash(same.clip.text).length) same.clip = { ...highlight, id: same.clip.id, note: same.clip.note };
  }
  const looseNotes: ImportedNote[] = [];
  let notesAttached = 0;
  for (const note of notes) {
    const covering = clips.filter(({ clip }) =>
      note.location !== null && clip.locationStart !== null && clip.locationEnd !== null
        ? clip.locationStart <= note.location && note.location <= clip.locationEnd
        : note.page !== null && clip.page === note.page,
    );
    const target = covering.find(({ clip }) => clip.locationEnd === note.location) ?? covering[covering.length - 1];
    if (!target) {
      looseNotes.push(note);
      continue;
    }
    target.matched = true;
    const joined = joinNotes(target.clip.note, note.text);
    if (joined !== target.clip.note) {
      target.clip = { ...target.clip, note: joined };
      notesAttached++;
    }
  }
  return { clips, looseNotes, notesAttached };
}
