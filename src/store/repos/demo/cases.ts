/** The demo's own writes outside the import pipeline. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/index.ts';

/** Removes a demo case whose load failed, so a failed load leaves no empty case behind. */
export async function dropFailedDemoCase(db: Kysely<Database>, caseId: string): Promise<void> {
  await db.deleteFrom('cases').where('case_id', '=', caseId).execute();
}
