/** The administrator's wording of the handling codes (their effect is fixed in domain/access). */
import type { Kysely } from 'kysely';
import type { Database, HandlingCodeTextsTable } from '../../schema/index.ts';

export type HandlingCodeTextRow = HandlingCodeTextsTable;

export async function listHandlingCodeTexts(db: Kysely<Database>): Promise<HandlingCodeTextRow[]> {
  return db.selectFrom('handling_code_texts').selectAll().execute();
}

/** Replaces a code's wording. */
export async function putHandlingCodeText(db: Kysely<Database>, row: HandlingCodeTextRow): Promise<void> {
  await db.deleteFrom('handling_code_texts').where('code', '=', row.code).execute();
  await db.insertInto('handling_code_texts').values(row).execute();
}
