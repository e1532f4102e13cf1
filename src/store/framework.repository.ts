import type { Db } from './habit.repository.js';
import type { FrameworkRow } from './schema.js';

export async function findFramework(db: Db, personId: string, id: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('framework').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
}
