import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestStore } from '../support/stores.js';
import type { Store } from '../../src/store/database.js';
import { deleteAllData } from '../../src/store/database.js';
import { createApp } from '../../src/api/app.js';
import { createApiToken } from '../../src/services/auth.service.js';
import { createContext } from '../../src/services/context.js';
import { type Api, TODAY, apiOver, expectError } from './api.helpers.js';
import { loopCsvFiles, loopCsvZip, loopDb } from '../support/loop-fixtures.js';
import { restored } from '../support/backup.js';

describeEachDialect('HTTP import and export', (db) => {
  let api: Api;
  let other: Store;
  beforeAll(async () => {
    other = await openTestStore(db.dialect);
  });
  afterAll(async () => {
    await other?.close();
  });
  beforeEach(async () => {
    api = await apiOver(db);
    await deleteAllData(other.db);
  });

  /** A second, empty grow with its own token. */
  async function emptyGrow() {
    const ctx = await createContext(other, { env: { GROW_TODAY: TODAY } });
    const token = await createApiToken(other, ctx.personId, 'tests');
    const app = createApp({ store: other, env: { GROW_TODAY: TODAY } });
    const call = (method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) =>
      Promise.resolve(app.request(path, { method, body, headers: { host: 'localhost', authorization: `Bearer ${token}`, ...headers } }));
    return { call };
  }

  async function fill() {
    await api.call('POST', '/api/v1/habits', { name: 'Read', target: 20, unit: 'pages', identity: 'I am someone who reads' });
    await api.call('POST', '/api/v1/habits', { name: 'Doomscroll', kind: 'break' });
    await api.call('POST', '/api/v1/habits/read/done', { date: '2026-11-22', amount: 12.5, note: 'café' });
    await api.call('POST', '/api/v1/habits/doomscroll/slip');
    await api.call('POST', '/api/v1/scorecard', { text: 'Check phone', rating: '-' });
  }

  it('GET /export/json downloads the backup; POST /import/json restores it into an empty grow, byte for byte', async () => {
    await fill();
    const exported = await api.call('GET', '/api/v1/export/json');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="grow-backup-2026-11-23.json"');
    const text = await exported.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'grow-backup', version: 4 });

    const target = await emptyGrow();
    const imported = await target.call('POST', '/api/v1/import/json', text, { 'content-type': 'application/octet-stream' });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual(restored({ habits: 2, checkIns: 2, scorecard: 1 }));
    expect(await (await target.call('GET', '/api/v1/export/json')).text()).toBe(text);
    const list = (await (await target.call('GET', '/api/v1/habits')).json()) as { slug: string }[];
    expect(list.map((h) => h.slug)).toEqual(['read', 'doomscroll']);
  });

  it('POST /import/json takes the file as a form upload or as a JSON body too', async () => {
    await fill();
    const text = await (await api.call('GET', '/api/v1/export/json')).text();
    const form = new FormData();
    form.append('file', new File([text], 'grow-backup.json', { type: 'application/json' }));
    const viaForm = await (await emptyGrow()).call('POST', '/api/v1/import/json', form);
    expect(viaForm.status).toBe(200);
    expect(await viaForm.json()).toEqual(restored({ habits: 2, checkIns: 2, scorecard: 1 }));

    await deleteAllData(other.db);
    const viaJson = await (await emptyGrow()).call('POST', '/api/v1/import/json', text, { 'content-type': 'application/json' });
    expect(viaJson.status).toBe(200);
    expect(await (await (await emptyGrow()).call('GET', '/api/v1/export/json')).text()).toBe(text);
  });

  it('refuses a bad backup or a non-empty grow, and changes nothing', async () => {
    await fill();
    const text = await (await api.call('GET', '/api/v1/export/json')).text();
    const binary = { 'content-type': 'application/octet-stream' };
    // Into the grow that holds the data: 409.
    await expectError(
      await api.call('POST', '/api/v1/import/json', text, binary),
      409,
      'conflict',
      'database: already holds data; restore a backup into an empty database',
    );
    const target = await emptyGrow();
    const before = await (await target.call('GET', '/api/v1/export/json')).text();
    await expectError(
      await target.call('POST', '/api/v1/import/json', text.slice(0, 200), binary),
      400,
      'validation_failed',
      'file: not valid JSON (is it a grow backup?)',
    );
    await expectError(
      await target.call('POST', '/api/v1/import/json', 'not a backup', binary),
      400,
      'validation_failed',
      'file: not valid JSON (is it a grow backup?)',
    );
    const v9 = JSON.stringify({ ...JSON.parse(text), version: 9 });
    await expectError(
      await target.call('POST', '/api/v1/import/json', v9, binary),
      400,
      'validation_failed',
      'version: unknown backup format version 9 (this grow reads 1, 2, 3 and 4)',
    );
    await expectError(await target.call('POST', '/api/v1/import/json', '', binary), 400, 'validation_failed', 'file: empty');
    await expectError(
      await target.call('POST', '/api/v1/import/json', new FormData()),
      400,
      'validation_failed',
      'file: missing (send the file in a form field named "file")',
    );
    expect(await (await target.call('GET', '/api/v1/export/json')).text()).toBe(before);
  });

  it('a backup with several bad fields: 400 naming each by its JSON path, and nothing restored', async () => {
    await fill();
    const backup = JSON.parse(await (await api.call('GET', '/api/v1/export/json')).text());
    backup.habits[0].kind = 'maybe';
    backup.habits[1].checkIns[0].date = '2026-02-30';
    backup.scorecard[0].rating = '?';
    backup.person.colour = 'blue';
    const target = await emptyGrow();
    const before = await (await target.call('GET', '/api/v1/export/json')).text();
    const response = await target.call('POST', '/api/v1/import/json', JSON.stringify(backup), { 'content-type': 'application/octet-stream' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; details: { path: string; message: string }[] } };
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.path).sort()).toEqual(['habits[0].kind', 'habits[1].checkIns[0].date', 'person.colour', 'scorecard[0].rating']);
    expect(error.details.find((d) => d.path === 'person.colour')!.message).toBe('unknown field');
    expect(error.message).toMatch(/ \(and 3 more problems\)$/);
    expect(await (await target.call('GET', '/api/v1/export/json')).text()).toBe(before);
  });

  it('POST /import/loop imports a Loop backup uploaded as bytes or as a form, once', async () => {
    const bytes = loopDb([
      {
        name: 'Meditate',
        entries: [
          { date: '2026-11-21', value: 2 },
          { date: '2026-11-22', value: 3 },
          { date: '2026-11-23', value: 2 },
        ],
      },
      { name: 'Run', type: 'measurable', targetValue: 5, unit: 'km', entries: [{ date: '2026-11-22', value: 6200 }] },
    ]);
    const upload = async (body: BodyInit, headers: Record<string, string> = {}) => {
      const response = await api.app.request('/api/v1/import/loop', {
        method: 'POST',
        body,
        headers: { host: 'localhost', authorization: `Bearer ${api.token}`, ...headers },
      });
      return { status: response.status, body: await response.json() };
    };
    const first = await upload(new Uint8Array(bytes), { 'content-type': 'application/octet-stream' });
    expect(first).toEqual({ status: 200, body: { habitsCreated: 2, habitsMatched: 0, checkInsAdded: 4, checkInsUnchanged: 0, notesAdded: 0 } });
    const habits = (await api.json('GET', '/api/v1/habits')).body as { slug: string }[];
    expect(habits.map((h) => h.slug)).toEqual(['meditate', 'run']);
    const run = (await api.json('GET', '/api/v1/habits/run')).body as { history: unknown[]; target: number; unit: string };
    expect(run).toMatchObject({ target: 5, unit: 'km', history: [{ date: '2026-11-22', status: 'done', amount: 6.2, note: null }] });

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), 'Loop Habits Backup.db');
    const again = await upload(form);
    expect(again).toEqual({ status: 200, body: { habitsCreated: 0, habitsMatched: 2, checkInsAdded: 0, checkInsUnchanged: 4, notesAdded: 0 } });
  });

  it('POST /import/loop refuses a file that is not a Loop backup and writes nothing', async () => {
    await expectError(
      await api.call('POST', '/api/v1/import/loop', 'just some text', { 'content-type': 'application/octet-stream' }),
      400,
      'validation_failed',
      'file: not a Loop Habit Tracker backup (expected a .db backup or a CSV export)',
    );
    expect((await api.json('GET', '/api/v1/habits?archived=true')).body).toEqual([]);
  });

  it('POST /import/loop refuses a CSV export with bad lines: 400 naming each with its file, line and column; nothing written', async () => {
    const files = loopCsvFiles([{ name: 'Meditate' }, { name: 'Run' }]);
    files['001 Meditate/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-02,MAYBE,\n';
    files['002 Run/Checkmarks.csv'] = 'Date,Value,Notes\n2026-11-02,YES_MANUAL,\n2026-11-02,NO,\n';
    const response = await api.app.request('/api/v1/import/loop', {
      method: 'POST',
      body: loopCsvZip(files) as Uint8Array<ArrayBuffer>,
      headers: { host: 'localhost', authorization: `Bearer ${api.token}`, 'content-type': 'application/octet-stream' },
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; details: unknown[] } };
    expect(error).toEqual({
      code: 'validation_failed',
      message: '001 Meditate/Checkmarks.csv line 2: value "MAYBE" is not a Loop check-mark value (and 1 more problem; nothing was imported)',
      details: [
        { path: '001 Meditate/Checkmarks.csv', message: 'value "MAYBE" is not a Loop check-mark value', line: 2, column: 2 },
        { path: '002 Run/Checkmarks.csv', message: 'date 2026-11-02 is also on line 2', line: 3, column: 1 },
      ],
      hint: 'nothing was imported',
    });
    expect((await api.json('GET', '/api/v1/habits?archived=true')).body).toEqual([]);
  });

  it('POST /import/loop refuses an empty upload with the error shape', async () => {
    await expectError(
      await api.call('POST', '/api/v1/import/loop', '', { 'content-type': 'application/octet-stream' }),
      400,
      'validation_failed',
      'file: empty',
    );
  });
});
