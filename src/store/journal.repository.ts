import { type Insertable, PostgresAdapter, type RawBuilder, type Updateable, sql } from 'kysely';
import type { Db } from './habit.repository.js';
import type { JournalEntryRow, JournalEntryTable } from './schema.js';

// Full-text search lives in the database (migration 0003), kept by triggers so no code path can
// forget it: SQLite's FTS5 table journal_entry_search; PostgreSQL's journal_entry_document, one
// stored tsvector per entry (title weight A, body B, tags C) under the GIN index journal_entry_search,
// with the owner, date, time and creation instant that ranking and ordering need. Migration 0008
// adds a GIN index of the titles alone and a person's documents newest first (pgTieredSearchQuery).

export async function insertJournalEntry(db: Db, row: Insertable<JournalEntryTable>): Promise<void> {
  await db.insertInto('journal_entry').values(row).execute();
}

export async function findJournalEntry(db: Db, personId: string, id: string): Promise<JournalEntryRow | undefined> {
  return db.selectFrom('journal_entry').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}

export async function updateJournalEntry(db: Db, personId: string, id: string, changes: Updateable<JournalEntryTable>): Promise<void> {
  await db.updateTable('journal_entry').set(changes).where('person_id', '=', personId).where('id', '=', id).execute();
}

export async function deleteJournalEntry(db: Db, personId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('journal_entry').where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How much of each body a list reads: enough for an excerpt once the Markdown is stripped. */
export const BODY_START_CHARS = 2000;

export type JournalListRow = Omit<JournalEntryRow, 'body'> & { body_start: string };

export interface JournalFilter {
  from?: string;
  to?: string;
  tag?: string;
  kind?: JournalEntryTable['kind'];
}

/**
 * A person's entries, newest first (date, then time of day, then when written), each with the
 * start of its body rather than all of it. Dates use the index journal_entry_person_date.
 */
export async function listJournalRows(db: Db, personId: string, filter: JournalFilter = {}): Promise<JournalListRow[]> {
  let query = db
    .selectFrom('journal_entry')
    .select([
      'id',
      'person_id',
      'title',
      'date',
      'time',
      'utc_offset',
      'tags',
      'categories',
      'kind',
      'period_from',
      'period_to',
      'visibility',
      'front_matter',
      'source_name',
      'created_at',
      'updated_at',
    ])
    .select(sql<string>`substr(body, 1, ${sql.lit(BODY_START_CHARS)})`.as('body_start'))
    .where('person_id', '=', personId);
  if (filter.from !== undefined) query = query.where('date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('date', '<=', filter.to);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.tag !== undefined) {
    // Tags are a JSON array of strings: the quoted tag inside it. The caller checks the parsed list,
    // so the LIKE only narrows (a tag holds no quote; _ and % are escaped).
    const pattern = `%${JSON.stringify(filter.tag.toLowerCase()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(tags) like ${pattern} escape '\\'`);
  }
  return query.orderBy('date', 'desc').orderBy(sql`coalesce(time, '')`, 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** The weekly review of the ISO week starting on `monday`, if one was written. */
export async function findWeeklyReview(db: Db, personId: string, monday: string): Promise<JournalEntryRow | undefined> {
  return db
    .selectFrom('journal_entry')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', 'weekly-review')
    .where('period_from', '=', monday)
    .executeTakeFirst();
}

// ——— Full-text search ———

/**
 * PostgreSQL's English stop words (share/tsearch_data/english.stop). Its 'english' configuration
 * drops them from a query; SQLite's FTS5 would demand them. Both searches leave them out, so a
 * query finds the same entries on either database.
 */
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
  itself they them their theirs themselves what which who whom this that these those am is are was were be been being have
  has had having do does did doing a an the and but if or because as until while of at by for with about against between
  into through during before after above below to from up down in out on off over under again further then once here there
  when where why how all any both each few more most other some such no nor not only own same so than too very s t can will
  just don should now`.split(/\s+/),
);

/** The marks around matched words in a snippet, the same on both databases (the web shows them as <mark>). */
export const MATCH_START = '⟦';
export const MATCH_END = '⟧';
/** Words of context in a snippet. */
const SNIPPET_WORDS = 20;

/**
 * The words of what a person typed, as the search uses them: runs of letters and digits (so no
 * quote, star, minus, parenthesis or operator reaches the query language), lower case, without
 * stop words. Every word must match; the last one also as a prefix, for search as you type.
 */
export function searchWords(text: string): string[] {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.filter((w) => !STOP_WORDS.has(w));
}

export interface JournalSearchHit {
  id: string;
  title: string | null;
  date: string;
  snippet: string;
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The tsquery of the words on PostgreSQL (see journalSearchQuery); `inTitle`: each word only where
 * it has weight A, in the title.
 */
function pgQuery(words: readonly string[], inTitle = false): RawBuilder<unknown> {
  const last = words.length - 1;
  // Each word in English (stemmed: "reviewing" finds "reviews") or as written (tags are indexed
  // as written); a quoted word is one phrase to to_tsquery, never an operator. When both give the
  // same ("feedback"), the index is asked once: each ask of a prefix costs a scan of its own.
  const terms = words.map((word, i) => {
    const marks = `${i === last ? '*' : ''}${inTitle ? 'A' : ''}`;
    const quoted = `'${word}'${marks ? `:${marks}` : ''}`;
    const english = sql`to_tsquery('english', ${quoted})`;
    const simple = sql`to_tsquery('simple', ${quoted})`;
    return sql`(CASE WHEN ${english} = ${simple} THEN ${simple} ELSE ${english} || ${simple} END)`;
  });
  return sql`(${sql.join(terms, sql` && `)})`;
}

const PG_HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=2, MaxFragments=1`;

/** Hits as a person sees them: title hits first, each part newest first (`tod` is the time of day, '' when unknown). */
const pgHitOrder = (t: string) => sql.raw(`${t}.titled DESC, ${t}.date DESC, ${t}.tod DESC, ${t}.created_at DESC, ${t}.entry_id DESC`);

/**
 * Whether the title of the document `d` holds every word, read from the document itself (its
 * weight-A positions: cheap for one document) or through the index of the titles (migration 0008).
 */
const pgTitled = (d: string, words: readonly string[]) => sql`${sql.ref(d)}.document @@ ${pgQuery(words, true)}`;
const pgTitleIndexed = (d: string, words: readonly string[]) => sql`ts_filter(${sql.ref(d)}.document, '{a}') @@ ${pgQuery(words)}`;

/**
 * The person's entries holding every word, best first, as one query that reads every match: on
 * SQLite the last resort of searchJournalRows, on PostgreSQL the answer pgTieredSearchQuery gives
 * faster (tests compare the two). Each word is a quoted string of letters and digits, so the query
 * can never be malformed whatever was typed.
 *
 * SQLite ranks by bm25 (title, body, tags), then newest. PostgreSQL puts the entries whose title
 * holds every word first, then the other matches, each newest first: ranking every match by
 * ts_rank read each one's stored document, ~16,000 heap pages (90 to 200 ms) for a common word
 * among 100,000 entries. The tsquery is written out where it is used (not joined in as a row) so
 * the planner folds it into a constant it can take to the GIN indexes.
 */
export function journalSearchQuery(db: Db, personId: string, words: readonly string[], limit: number): RawBuilder<JournalSearchHit> {
  if (isPostgres(db)) {
    const query = pgQuery(words);
    return sql<JournalSearchHit>`
      SELECT e.id, e.title, e.date, ts_headline('english', e.body, ${query}, ${PG_HEADLINE_OPTIONS}) AS snippet
      FROM (
        SELECT d.entry_id, d.date, coalesce(d.time, '') AS tod, d.created_at, ${pgTitled('d', words)} AS titled
        FROM journal_entry_document d
        WHERE d.document @@ ${query} AND d.person_id = ${personId}
        ORDER BY titled DESC, d.date DESC, tod DESC, d.created_at DESC, d.entry_id DESC
        LIMIT ${limit}
      ) AS hit
      JOIN journal_entry e ON e.id = hit.entry_id
      ORDER BY ${pgHitOrder('hit')}`;
  }
  const match = sqliteMatch(words);
  return sql<JournalSearchHit>`
    SELECT e.id, e.title, e.date,
      snippet(journal_entry_search, 2, ${MATCH_START}, ${MATCH_END}, '…', ${sql.lit(SNIPPET_WORDS)}) AS snippet
    FROM journal_entry_search
    JOIN journal_entry e ON e.id = journal_entry_search.entry_id
    WHERE journal_entry_search MATCH ${match} AND e.person_id = ${personId}
    ORDER BY bm25(journal_entry_search, 0.0, 10.0, 4.0, 2.0), e.date DESC, coalesce(e.time, '') DESC, e.created_at DESC, e.id DESC
    LIMIT ${limit}`;
}

/** How many of a person's newest documents PostgreSQL's search reads for a page of hits before it asks an index for all of them. */
export const pgNewestWalk = (limit: number) => Math.max(1000, 20 * limit);

/**
 * PostgreSQL's search as it runs: the same hits as journalSearchQuery, reading the documents of
 * about a page of entries rather than of every match.
 *
 * Two walks of the person's newest documents, in hit order (journal_entry_document_person_newest),
 * each stopping at a page: `titled_walk` of title hits, `matched_walk` of any matches. A common
 * word fills both within a few hundred documents. Any hit a walk did not reach is older than all
 * it read, so a full page of them is the newest there are. Only a walk that ends short (a rare
 * word, a small journal) is answered from an index instead, with every hit it holds sorted by
 * date: the titles' (journal_entry_title_search, migration 0008), or all of the documents'
 * (journal_entry_search); those hits are few by then. Each of those branches runs only then (a
 * one-time filter on the counts), and planned on its own (OFFSET 0), so that the planner takes
 * the index rather than walk the newest documents again.
 */
export function pgTieredSearchQuery(personId: string, words: readonly string[], limit: number): RawBuilder<JournalSearchHit> {
  const query = pgQuery(words);
  const newest = sql.raw('date DESC, tod DESC, created_at DESC, entry_id DESC');
  const walk = (where: (d: string) => RawBuilder<unknown>) => sql`
    SELECT r.entry_id, r.date, r.tod, r.created_at
    FROM (
      SELECT d.entry_id, d.date, coalesce(d.time, '') AS tod, d.created_at, d.document
      FROM journal_entry_document d
      WHERE d.person_id = ${personId}
      ORDER BY d.date DESC, coalesce(d.time, '') DESC, d.created_at DESC, d.entry_id DESC
      LIMIT ${pgNewestWalk(limit)}
    ) AS r
    WHERE ${where('r')}
    ORDER BY ${newest}
    LIMIT ${limit}`;
  const all = (where: (d: string) => RawBuilder<unknown>, unless: RawBuilder<unknown>) => sql`
    SELECT m.* FROM (
      SELECT d.entry_id, d.date, coalesce(d.time, '') AS tod, d.created_at
      FROM journal_entry_document d
      WHERE ${where('d')} AND d.person_id = ${personId} AND NOT ${unless}
      OFFSET 0
    ) AS m
    ORDER BY ${newest}
    LIMIT ${limit}`;
  const titleFull = sql`((SELECT count(*) FROM titled_walk) = ${limit})`;
  const matchFull = sql`((SELECT count(*) FROM titled) = ${limit} OR (SELECT count(*) FROM matched_walk) = ${limit})`;
  return sql<JournalSearchHit>`
    WITH titled_walk AS MATERIALIZED (${walk((d) => pgTitled(d, words))}),
    titled AS MATERIALIZED (
      SELECT * FROM titled_walk WHERE ${titleFull}
      UNION ALL
      (${all((d) => pgTitleIndexed(d, words), titleFull)})
    ),
    matched_walk AS MATERIALIZED (${walk((d) => sql`${sql.ref(d)}.document @@ ${query}`)}),
    matched AS (
      SELECT * FROM matched_walk WHERE ${matchFull}
      UNION ALL
      (${all((d) => sql`${sql.ref(d)}.document @@ ${query}`, matchFull)})
    ),
    hit AS (
      SELECT *, true AS titled FROM titled
      UNION ALL
      SELECT *, false FROM matched WHERE entry_id NOT IN (SELECT entry_id FROM titled)
      ORDER BY titled DESC, ${newest}
      LIMIT ${limit}
    )
    SELECT e.id, e.title, e.date, ts_headline('english', e.body, ${query}, ${PG_HEADLINE_OPTIONS}) AS snippet
    FROM hit
    JOIN journal_entry e ON e.id = hit.entry_id
    ORDER BY ${pgHitOrder('hit')}`;
}

/**
 * PostgreSQL's planner prices a GIN lookup far above what it costs (~1,870 for a few hundred
 * matches among 10,000 documents) and does not count reading each document back, so it would scan
 * every document: ~25 ms where the index takes ~10 ms. The search forbids that scan for itself
 * only (SET LOCAL, in its own transaction).
 */
export async function preferSearchIndex(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`SET LOCAL enable_seqscan = off`.execute(db);
}

/** Full-text search of a person's entries (see journalSearchQuery); no words, no hits. */
export async function searchJournalRows(db: Db, personId: string, words: readonly string[], limit: number): Promise<JournalSearchHit[]> {
  if (words.length === 0) return [];
  if (!isPostgres(db)) {
    // A snippet costs ~0.1 ms: first a few rows beyond the page, room for ties and others' entries.
    for (const [candidates, fetched] of [
      [limit + 5, limit + 10],
      [5 * limit, 10 * limit],
    ] as const) {
      const hits = await searchSqliteCandidates(db, personId, words, limit, candidates, fetched);
      if (hits) return hits;
    }
    return (await journalSearchQuery(db, personId, words, limit).execute(db)).rows;
  }
  const run = async (trx: Db) => {
    await preferSearchIndex(trx);
    return (await pgTieredSearchQuery(personId, words, limit).execute(trx)).rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const SQLITE_RANK = sql.raw('bm25(journal_entry_search, 0.0, 10.0, 4.0, 2.0)');

/**
 * SQLite's search without reading an entry per match, from the `fetched` best-ranked matches. journalSearchQuery joins every match to its
 * entry for the owner and the tie-breaking dates: ~7 µs a match, 150 ms for a common word among
 * 100,000 entries. Ranking the matches in the FTS index alone costs a tenth of that, so this takes
 * a few more than a page of the best-ranked matches of everyone's entries first (with their
 * snippets: SQLite makes them for the rows returned only), then reads those entries for owner
 * and dates.
 *
 * The answer is the same as journalSearchQuery's whenever it can be known from the candidates:
 * they are every match, or every match left out ranks strictly below them and the person owns at
 * least `limit` of them. Otherwise (the person owns few of the best matches, as on a shared
 * server, or a tie straddles the cut) it returns undefined and the caller runs the full query.
 */
async function searchSqliteCandidates(
  db: Db,
  personId: string,
  words: readonly string[],
  limit: number,
  candidates: number,
  fetched: number,
): Promise<JournalSearchHit[] | undefined> {
  const match = sqliteMatch(words);
  const ranked = (
    await sql<{ rid: number; score: number; snippet: string }>`
      SELECT rowid AS rid, ${SQLITE_RANK} AS score,
        snippet(journal_entry_search, 2, ${MATCH_START}, ${MATCH_END}, '…', ${sql.lit(SNIPPET_WORDS)}) AS snippet
      FROM journal_entry_search
      WHERE journal_entry_search MATCH ${match}
      ORDER BY score
      LIMIT ${fetched}`.execute(db)
  ).rows;
  // Every match is here, or the first cut at or after `candidates` where the rank changes.
  const complete = ranked.length < fetched;
  let cut = Math.min(candidates, ranked.length);
  while (cut < ranked.length && ranked[cut]!.score === ranked[cut - 1]!.score) cut++;
  if (!complete && cut === ranked.length) return undefined;
  const kept = ranked.slice(0, cut);
  if (kept.length === 0) return [];
  const values = sql.join(kept.map((r) => sql`(${r.rid}, ${r.score})`));
  const rows = (
    await sql<{ rid: number; id: string; title: string | null; date: string }>`
      WITH hit(rid, score) AS (VALUES ${values})
      SELECT hit.rid, e.id, e.title, e.date
      FROM hit
      JOIN journal_entry_search s ON s.rowid = hit.rid
      JOIN journal_entry e ON e.id = s.entry_id
      WHERE e.person_id = ${personId}
      ORDER BY hit.score, e.date DESC, coalesce(e.time, '') DESC, e.created_at DESC, e.id DESC
      LIMIT ${limit}`.execute(db)
  ).rows;
  if (!(complete && cut === ranked.length) && rows.length < limit) return undefined;
  const snippets = new Map(kept.map((r) => [r.rid, r.snippet]));
  return rows.map((r) => ({ id: r.id, title: r.title, date: r.date, snippet: snippets.get(r.rid)! }));
}

/** The FTS5 query of the words: each a quoted string (never an operator), the last also a prefix. */
const sqliteMatch = (words: readonly string[]) => words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
