/** Agencies: a small global reference table. */
import type { Kysely } from 'kysely';
import type { AgenciesTable, Database } from '../../schema/index.ts';

export type AgencyRow = AgenciesTable;

export async function insertAgency(db: Kysely<Database>, row: AgencyRow): Promise<void> {
  await db.insertInto('agencies').values(row).execute();
}

export async function getAgency(db: Kysely<Database>, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAgencies(db: Kysely<Database>): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().orderBy('country').orderBy('name').execute();
}
