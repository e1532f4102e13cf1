import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/stores.js';
import { inTransaction } from '../../src/store/database.js';
import { insertRows, rowsPerStatement } from '../../src/store/import.repository.js';
import type { ActivityTable } from '../../src/store/schema.js';

describeEachDialect('the one write of every import', (db) => {
  const activities = (personId: string, n: number, offset = 0): ActivityTable[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `a-${String(offset + i).padStart(6, '0')}`,
      person_id: personId,
      text: `practice ${offset + i} — "quoted", with ' and ⟦marks⟧`,
      date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
      minutes: (i % 90) + 1,
      skills: JSON.stringify(['testing']),
      energy: i % 3 === 0 ? null : (i % 5) - 2,
      ease: i % 4 === 0 ? null : (i % 5) + 1,
      created_at: '2026-11-23T12:00:00.000Z',
    }));
  const stored = () => db.store.db.selectFrom('activity').selectAll().orderBy('id').execute();

  it('writes every row exactly, over statements of several sizes', async () => {
    const ctx = await db.ctx();
    const perStatement = rowsPerStatement(9);
    // Two full statements and a shorter last one: three statements, two shapes of SQL.
    const rows = activities(ctx.personId, perStatement * 2 + 123);
    await inTransaction(db.store, (trx) => insertRows(trx, 'activity', rows));
    expect(await stored()).toEqual(rows);
  });

  it('gives a column a row leaves out its default, as a single Kysely insert does', async () => {
    const ctx = await db.ctx();
    const [first, second] = activities(ctx.personId, 2);
    const { energy: _energy, ...withoutEnergy } = second!;
    await inTransaction(db.store, (trx) => insertRows(trx, 'activity', [first!, withoutEnergy as ActivityTable]));
    expect(await stored()).toEqual([first, { ...second, energy: null }]);
  });

  it('writes nothing when a row of a later statement is refused: the transaction holds them all', async () => {
    const ctx = await db.ctx();
    const rows = activities(ctx.personId, rowsPerStatement(9) + 5);
    rows.push({ ...rows[0]! }); // the same id twice
    await expect(inTransaction(db.store, (trx) => insertRows(trx, 'activity', rows))).rejects.toThrow();
    expect(await stored()).toEqual([]);
  });
});
