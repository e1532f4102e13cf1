import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/core/import-limits.js';
import { type Clip, mergeClippings, parseKindleDate, readKindleClippings, splitTitleLine } from '../../src/formats/kindle.format.js';
import type { ImportedHighlight } from '../../src/formats/library-csv.js';

const CLIPPINGS = readFileSync(join(import.meta.dirname, '../fixtures/library/My Clippings.txt'), 'utf8');

/** One entry as the device writes it. */
const entry = (title: string, meta: string, body: string) => `${title}\n${meta}\n\n${body}\n==========\n`;

describe('Kindle My Clippings.txt', () => {
  it('reads the fixture (BOM, CRLF) into one item per book, leaving bookmarks and the clipping-limit message out', () => {
    expect(CLIPPINGS.startsWith('\uFEFF')).toBe(true);
    expect(CLIPPINGS).toContain('\r\n');
    const file = readKindleClippings(CLIPPINGS);
    expect(file.bad).toEqual([]);
    expect(file.rows).toBe(12);
    expect(file.items.map((i) => [i.title, i.authors, i.highlights.length, i.notes.length])).toEqual([
      ['Deep Work: Rules for Focused Success in a Distracted World', ['Cal Newport'], 2, 2],
      ['The Pragmatic Programmer: your journey to mastery, 20th Anniversary Edition', ['David Thomas', 'Andrew Hunt'], 1, 0],
      ['Thinking, Fast and Slow', ['Daniel Kahneman'], 2, 0],
      ['Die Verwandlung', ['Franz Kafka'], 1, 0],
      ['Team offsite notes', [], 1, 0],
      ['Leviathan Wakes (The Expanse Book 1)', ['James S. A. Corey'], 1, 0],
    ]);
    const deep = file.items[0]!;
    expect(deep).toMatchObject({ row: 1, line: 1, source: 'kindle', status: null, kind: 'book' });
    expect(deep.highlights[0]).toMatchObject({
      row: 1,
      text: 'To remain valuable in our economy, therefore, you must master the art of quickly learning complicated things.',
      page: '13',
      location: '292-295',
      locationStart: 292,
      locationEnd: 295,
      highlightedAt: '2017-11-27T15:15:56',
      highlightedRaw: 'Monday, November 27, 2017 3:15:56 PM',
    });
    expect(deep.highlights[0]!.sourceKey).toMatch(/^kindle:292-295:[0-9a-f]{16}$/);
    expect(deep.notes[0]).toMatchObject({ row: 3, text: 'Applies to learning Rust this quarter.', page: '13', location: 297 });
  });

  it('reads the metadata line variants: no page, UK dates, old firmware without "on", lower-case single locations', () => {
    const file = readKindleClippings(CLIPPINGS);
    const [, prag, thinking, kafka, offsite] = file.items;
    expect(prag!.highlights[0]).toMatchObject({ page: null, location: '141-143', locationStart: 141, locationEnd: 143, highlightedAt: '2023-05-01T18:26:53' });
    // "Loc. 1234-36" is 1234-1236; "Saturday, March 10, 2012, 09:15 PM" has no seconds.
    expect(thinking!.highlights[0]).toMatchObject({ location: '1234-1236', locationStart: 1234, locationEnd: 1236, highlightedAt: '2012-03-10T21:15:00' });
    expect(thinking!.highlights[1]).toMatchObject({ location: '512', locationStart: 512, locationEnd: 512, highlightedAt: '2023-03-03T07:05:00' });
    // Other languages: read, the date kept as written.
    expect(kafka!.highlights[0]).toMatchObject({ location: '98-99', highlightedAt: null, highlightedRaw: 'Hinzugefügt am Montag, 27. November 2017 15:15:56' });
    // No author, a page and no location.
    expect(offsite!.highlights[0]).toMatchObject({ page: '2', location: null, locationStart: null, highlightedAt: '2024-06-12T09:41:00' });
    expect(offsite!.highlights[0]!.sourceKey).toMatch(/^kindle:page 2:/);
  });

  it('reads metadata lines of Kindles in other languages, keeping their dates as written', () => {
    const text =
      entry(
        'Cien años de soledad (García Márquez, Gabriel)',
        '- Tu subrayado en la página 13 | posición 292-295 | Añadido el lunes, 27 de noviembre de 2017 15:15:56',
        'Muchos años después.',
      ) +
      entry(
        'Cien años de soledad (García Márquez, Gabriel)',
        '- Tu nota en la página 13 | posición 295 | Añadido el lunes, 27 de noviembre de 2017 15:16:00',
        'Mi nota.',
      ) +
      entry(
        "L'Étranger (Camus, Albert)",
        '- Votre surlignement sur la page 9 | emplacement 120-121 | Ajouté le lundi 27 novembre 2017 15:15:56',
        "Aujourd'hui, maman est morte.",
      ) +
      entry("L'Étranger (Camus, Albert)", '- Votre signet sur la page 10 | emplacement 130 | Ajouté le lundi 27 novembre 2017 15:20:00', '') +
      entry(
        'Il nome della rosa (Eco, Umberto)',
        '- La tua evidenziazione a pagina 5 | posizione 70-71 | Aggiunto in data lunedì 27 novembre 2017 15:15:56',
        'Era una bella mattina.',
      ) +
      entry('Het diner (Koch, Herman)', '- Uw markering op pagina 3 | locatie 40-42 | Toegevoegd op maandag 27 november 2017 15:15:56', 'We gingen eten.');
    const file = readKindleClippings(text);
    expect(file.bad).toEqual([]);
    expect(file.items.map((i) => [i.title, i.authors, i.highlights.map((h) => [h.page, h.location, h.highlightedAt]), i.notes.length])).toEqual([
      ['Cien años de soledad', ['Gabriel García Márquez'], [['13', '292-295', null]], 1],
      ["L'Étranger", ['Albert Camus'], [['9', '120-121', null]], 0],
      ['Il nome della rosa', ['Umberto Eco'], [['5', '70-71', null]], 0],
      ['Het diner', ['Herman Koch'], [['3', '40-42', null]], 0],
    ]);
    expect(file.items[0]!.highlights[0]!.highlightedRaw).toBe('Añadido el lunes, 27 de noviembre de 2017 15:15:56');
  });

  it('reads LF files and files without a BOM alike', () => {
    const lf = readKindleClippings(CLIPPINGS.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    expect(lf).toEqual(readKindleClippings(CLIPPINGS));
  });

  it('takes the author from the last parenthesised group, "Last, First" or "First Last" or none', () => {
    expect(splitTitleLine('Leviathan Wakes (The Expanse Book 1) (Corey, James S. A.)')).toEqual({
      title: 'Leviathan Wakes (The Expanse Book 1)',
      authors: ['James S. A. Corey'],
    });
    expect(splitTitleLine('Meditations (Marcus Aurelius)')).toEqual({ title: 'Meditations', authors: ['Marcus Aurelius'] });
    expect(splitTitleLine('Design Patterns (Gamma, Erich;Helm, Richard)')).toEqual({ title: 'Design Patterns', authors: ['Erich Gamma', 'Richard Helm'] });
    expect(splitTitleLine('My notes')).toEqual({ title: 'My notes', authors: [] });
    expect(splitTitleLine('Annual report (2019)')).toEqual({ title: 'Annual report (2019)', authors: [] });
  });

  it('parses English US and UK dates best-effort, and nothing else', () => {
    expect(parseKindleDate('Monday, November 27, 2017 12:05:01 AM')).toBe('2017-11-27T00:05:01');
    expect(parseKindleDate('Monday, November 27, 2017 12:05:01 PM')).toBe('2017-11-27T12:05:01');
    expect(parseKindleDate('Monday, 1 May 2023 18:26:53')).toBe('2023-05-01T18:26:53');
    expect(parseKindleDate('Sunday, 31 February 2023 18:26:53')).toBeNull();
    expect(parseKindleDate('lunes, 27 de noviembre de 2017 15:15:56')).toBeNull();
  });

  it('reports garbage entries with their number and line, and reads the rest', () => {
    const text =
      entry('Good Book (An Author)', '- Your Highlight on page 1 | Location 10-11 | Added on Monday, 1 May 2023 18:26:53', 'Fine.') +
      'random text that is not a clipping\nat all\n==========\n' +
      entry('Good Book (An Author)', '- Your Frobnication on page 3 | Location 30 | Added on Monday, 1 May 2023 18:26:53', 'What?') +
      entry('Good Book (An Author)', '- Your Highlight | Added on Monday, 1 May 2023 18:26:53', 'Where?') +
      entry('Good Book (An Author)', '- Your Highlight on Location 50-40 | Added on Monday, 1 May 2023 18:26:53', 'Backwards.') +
      entry('Good Book (An Author)', '- Your Highlight on page 9 | Location 90 | Added on Monday, 1 May 2023 18:26:53', 'Also fine.');
    const file = readKindleClippings(text);
    expect(file.items[0]!.highlights.map((h) => h.text)).toEqual(['Fine.', 'Also fine.']);
    expect(file.bad.map(({ row, message }) => ({ row, message }))).toEqual([
      { row: 2, message: 'entry 2 (line 6): not a Kindle clipping: expected a metadata line starting "- Your Highlight", "- Your Note" or "- Your Bookmark"' },
      { row: 3, message: 'entry 3 (line 9): not a Kindle clipping: "Your Frobnication on page 3" is not a highlight, note or bookmark' },
      {
        row: 4,
        message: 'entry 4 (line 14): not a Kindle clipping: "- Your Highlight | Added on Monday, 1 May 2023 18:26:53" gives neither a page nor a location',
      },
      { row: 5, message: 'entry 5 (line 19): not a Kindle clipping: location 50-40 ends before it starts' },
    ]);
  });

  it('holds an entry over the length limit bad, and refuses a file of more entries than the limit, naming each limit', () => {
    const long = entry(
      'Long (A. Author)',
      '- Your Highlight on Location 10-12 | Added on Monday, 1 May 2023 18:26:53',
      'x'.repeat(IMPORT_LIMITS.cellChars + 1),
    );
    const ok = entry('Short (A. Author)', '- Your Highlight on Location 1-2 | Added on Monday, 1 May 2023 18:26:53', 'fine');
    const file = readKindleClippings(ok + long);
    expect(file.items.map((i) => i.title)).toEqual(['Short']);
    expect(file.bad.map((b) => b.message)).toEqual(['entry 2 (line 6): the text is longer than the limit of 100,000 characters']);
    const many = entry('B', '- Your Highlight on Location 1', 'x').repeat(IMPORT_LIMITS.rows + 1);
    expect(() => readKindleClippings(many)).toThrow('file: more entries than the limit of 250,000');
  });

  it('refuses nothing in an empty file, and reads a last entry without its separator', () => {
    expect(readKindleClippings('')).toMatchObject({ items: [], bad: [], rows: 0 });
    const file = readKindleClippings('Book (A. Writer)\n- Your Highlight on Location 5 | Added on Monday, 1 May 2023 18:26:53\n\nLast words');
    expect(file.items[0]!.highlights[0]!.text).toBe('Last words');
  });
});

describe('merging re-selected passages and notes', () => {
  const at = (start: number, end: number, text: string, extra: Partial<ImportedHighlight> = {}): ImportedHighlight => ({
    row: 1,
    text,
    note: null,
    page: null,
    location: `${start}-${end}`,
    locationStart: start,
    locationEnd: end,
    color: null,
    tags: [],
    highlightedAt: null,
    highlightedRaw: null,
    sourceKey: `k:${start}-${end}:${text}`,
    ...extra,
  });
  const note = (location: number, text: string) => ({ row: 2, text, page: null, location, sourceKey: `n:${location}` });

  it('keeps the longest of passages over overlapping locations, in file order', () => {
    const merge = mergeClippings(
      [],
      [at(10, 12, 'The quick brown'), at(10, 14, 'The quick brown fox jumps'), at(11, 13, 'quick brown fox'), at(30, 31, 'Elsewhere')],
      [],
    );
    expect(merge.clips.map((c) => c.clip.text)).toEqual(['The quick brown fox jumps', 'Elsewhere']);
  });

  it('keeps two passages that only touch at one location, unless one holds the other', () => {
    expect(mergeClippings([], [at(10, 12, 'First sentence.'), at(12, 14, 'Second sentence.')], []).clips).toHaveLength(2);
    expect(mergeClippings([], [at(10, 12, 'First sentence.'), at(12, 14, 'First sentence. And more')], []).clips.map((c) => c.clip.text)).toEqual([
      'First sentence. And more',
    ]);
  });

  it('extends a stored highlight in place rather than adding a second one', () => {
    const stored: Clip = { ...at(10, 12, 'The quick brown'), id: 'h1', note: 'mine' };
    const merge = mergeClippings([stored], [at(10, 12, 'The quick brown'), at(10, 14, 'The quick brown fox jumps')], []);
    expect(merge.clips).toHaveLength(1);
    expect(merge.clips[0]).toMatchObject({ before: stored, matched: true, clip: { id: 'h1', text: 'The quick brown fox jumps', note: 'mine' } });
    // A shorter re-selection changes nothing.
    const again = mergeClippings([merge.clips[0]!.clip], [at(10, 12, 'The quick brown')], []);
    expect(again.clips[0]!.clip).toEqual(merge.clips[0]!.clip);
  });

  it('attaches a note to the highlight at its location, else leaves it loose; the same note twice is one', () => {
    const merge = mergeClippings([], [at(10, 14, 'Passage'), at(14, 20, 'Next passage')], [note(14, 'Mine.'), note(14, 'Mine.'), note(99, 'Alone.')]);
    expect(merge.clips.map((c) => c.clip.note)).toEqual(['Mine.', null]);
    expect(merge.notesAttached).toBe(1);
    expect(merge.looseNotes.map((n) => n.text)).toEqual(['Alone.']);
  });
});
