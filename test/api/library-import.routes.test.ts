import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { type Api, apiOver, expectError } from './api.helpers.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/library');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const EMPTY = {
  itemsCreated: 0,
  itemsUpdated: 0,
  itemsUnchanged: 0,
  highlightsAdded: 0,
  highlightsUpdated: 0,
  highlightsUnchanged: 0,
  notesAdded: 0,
  skipped: [],
};

describeEachDialect('HTTP library imports', (db) => {
  let api: Api;
  beforeEach(async () => {
    api = await apiOver(db);
  });

  const upload = (source: string, body: BodyInit, query = '', headers: Record<string, string> = { 'content-type': 'text/csv' }) =>
    api.app.request(`/api/v1/import/${source}${query}`, {
      method: 'POST',
      body,
      headers: { host: 'localhost', authorization: `Bearer ${api.token}`, ...headers },
    });
  const titles = async () =>
    (await db.store.db.selectFrom('learning_item').select('title').where('person_id', '=', api.personId).execute()).map((r) => r.title).sort();

  it('POST /import/goodreads imports the export sent as the body, and again changes nothing', async () => {
    const first = await upload('goodreads', fixture('goodreads_library_export-2021.csv'));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ...EMPTY, itemsCreated: 6, notesAdded: 1 });
    const again = await upload('goodreads', fixture('goodreads_library_export-2021.csv'), '', { 'content-type': 'application/octet-stream' });
    expect(await again.json()).toEqual({ ...EMPTY, itemsUnchanged: 6 });
  });

  it('POST /import/storygraph takes the file as a form field too', async () => {
    const form = new FormData();
    form.set('file', new Blob([fixture('storygraph.csv')], { type: 'text/csv' }), 'storygraph.csv');
    const response = await upload('storygraph', form, '', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...EMPTY, itemsCreated: 6 });
  });

  it('POST /import/kindle imports My Clippings.txt', async () => {
    const response = await upload('kindle', readFileSync(join(FIXTURES, 'My Clippings.txt')), '', { 'content-type': 'text/plain' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...EMPTY, itemsCreated: 6, highlightsAdded: 7, notesAdded: 2 });
  });

  it('POST /import/readwise imports the Readwise export', async () => {
    const response = await upload('readwise', fixture('readwise.csv'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...EMPTY, itemsCreated: 3, highlightsAdded: 4 });
    expect(await titles()).toEqual(['Deep Work', 'How to Get Startup Ideas', 'The Obstacle Is the Way']);
  });

  it('refuses a file with a bad row (400, naming the row) and writes nothing; ?skipBad=true imports the rest', async () => {
    const bad = fixture('readwise.csv').replace('2022-11-05 18:20:00+00:00', 'last Tuesday');
    await expectError(
      await upload('readwise', bad),
      400,
      'validation_failed',
      'row 5 (line 7): Highlighted at: "last Tuesday" is not a date and time (expected 2020-09-21 04:53:16+00:00) (nothing was imported; 1 bad row in all; skip bad rows to import the others)',
    );
    expect(await titles()).toEqual([]);
    const response = await upload('readwise', bad, '?skipBad=true');
    expect(await response.json()).toEqual({
      ...EMPTY,
      itemsCreated: 2,
      highlightsAdded: 3,
      skipped: [{ row: 5, message: 'row 5 (line 7): Highlighted at: "last Tuesday" is not a date and time (expected 2020-09-21 04:53:16+00:00)' }],
    });
    await expectError(await upload('readwise', bad, '?skipBad=maybe'), 400, 'validation_failed', 'skipBad: expected true or false');
  });

  it('refuses a file that is not the claimed format, an empty upload and an oversized one', async () => {
    await expectError(
      await upload('goodreads', fixture('storygraph.csv')),
      400,
      'validation_failed',
      'file: not a Goodreads library export: the header lacks the columns "Book Id", "Author", "Exclusive Shelf"',
    );
    await expectError(await upload('kindle', ''), 400, 'validation_failed', 'file: empty');
    await expectError(
      await upload('goodreads', 'Book Id\n', '', { 'content-type': 'text/csv', 'content-length': String(64 * 1024 * 1024 + 1) }),
      400,
      'validation_failed',
      'file: larger than the 64 MiB limit',
    );
    expect(await titles()).toEqual([]);
  });

  it('refuses a streamed upload that declares no length once it passes the limit, as a body and as a form', async () => {
    // One MiB chunk, sent again and again: the server stops reading just past 64 MiB.
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          sent++;
          controller.enqueue(chunk);
        },
      });
    const stream = (body: ReadableStream<Uint8Array>, type: string) =>
      api.app.request('/api/v1/import/goodreads', {
        method: 'POST',
        body,
        headers: { host: 'localhost', authorization: `Bearer ${api.token}`, 'content-type': type },
        duplex: 'half',
      } as RequestInit);
    await expectError(await stream(endless(), 'text/csv'), 400, 'validation_failed', 'file: larger than the 64 MiB limit');
    expect(sent).toBeLessThan(70);
    sent = 0;
    await expectError(await stream(endless(), 'multipart/form-data; boundary=x'), 400, 'validation_failed', 'file: larger than the 64 MiB limit');
    expect(sent).toBeLessThan(70);
    expect(await titles()).toEqual([]);
  });
});
