/**
 * Import mappings saved for reuse (migration 005), each kept by the user who saved it; a name
 * is unique per user.
 */
import type { Kysely } from 'kysely';
import type { Database, SavedMappingsTable } from '../../schema/index.ts';

export type SavedMappingRow = SavedMappingsTable;

/** The user's mappings by name, optionally of one format. */
export function listSavedMappings(db: Kysely<Database>, userId: string, format?: string): Promise<SavedMappingRow[]> {
  let q = db.selectFrom('saved_mappings').selectAll().where('created_by', '=', userId);
  if (format) q = q.where('format', '=', format);
  return q.orderBy('name').execute();
}

export const savedMappingNamed = (db: Kysely<Database>, userId: string, name: string) =>
  db
    .selectFrom('saved_mappings')
    .select('id')
    .where('created_by', '=', userId)
    .where('name', '=', name)
    .executeTakeFirst();

export async function insertSavedMapping(db: Kysely<Database>, row: SavedMappingRow): Promise<void> {
  await db.insertInto('saved_mappings').values(row).execute();
}

/** Deletes the user's own mapping; returns how many rows went (0 or 1). */
export async function deleteSavedMapping(db: Kysely<Database>, userId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom('saved_mappings')
    .where('id', '=', id)
    .where('created_by', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
