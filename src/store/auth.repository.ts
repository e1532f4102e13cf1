import type { Db } from './habit.repository.js';
import type { AuthTokenRow } from './schema.js';

export async function insertAuthToken(db: Db, row: AuthTokenRow): Promise<void> {
  await db.insertInto('auth_token').values(row).execute();
}

export async function findAuthToken(db: Db, id: string): Promise<AuthTokenRow | undefined> {
  return db.selectFrom('auth_token').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a one-time token used; returns false when another request got there first. */
export async function consumeAuthToken(db: Db, id: string, usedAt: string): Promise<boolean> {
  const result = await db.updateTable('auth_token').set({ used_at: usedAt }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAuthToken(db: Db, id: string): Promise<void> {
  await db.deleteFrom('auth_token').where('id', '=', id).execute();
}

export async function deleteExpiredAuthTokens(db: Db, now: string): Promise<void> {
  await db.deleteFrom('auth_token').where('expires_at', '<', now).execute();
}
