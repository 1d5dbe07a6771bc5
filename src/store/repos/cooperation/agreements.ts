/** Cooperation agreements with partner deployments (a global reference table, not case data). */
import type { Kysely } from 'kysely';
import type { CooperationAgreementsTable, Database } from '../../schema/index.ts';

export type AgreementRow = CooperationAgreementsTable;

export async function insertAgreement(db: Kysely<Database>, row: AgreementRow): Promise<void> {
  await db.insertInto('cooperation_agreements').values(row).execute();
}

export async function getAgreement(db: Kysely<Database>, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('cooperation_agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAgreementRows(db: Kysely<Database>): Promise<AgreementRow[]> {
  return db.selectFrom('cooperation_agreements').selectAll().orderBy('created_at').execute();
}

export async function setAgreementStatus(db: Kysely<Database>, id: string, status: string, now: string): Promise<void> {
  await db.updateTable('cooperation_agreements').set({ status, updated_at: now }).where('id', '=', id).execute();
}
