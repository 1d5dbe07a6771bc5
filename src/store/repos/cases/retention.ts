/** Retention: review dates, the cases due for review, and the rows an erasure removes. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import { caseScopedTables } from '../../schema/index.ts';
import type { CaseTable, Database } from '../../schema/index.ts';

/** Tables an erasure leaves alone: the audit chain outlives the case. */
const KEPT: ReadonlySet<CaseTable> = new Set<CaseTable>(['audit_events', 'audit_heads']);

export interface ReviewRow {
  case_id: string;
  reference: string | null;
  title: string;
  status: string;
  review_date: string | null;
  created_at: string;
}

/**
 * Cases owned by the agency (null: cases no agency owns) whose review date is on or before `today`.
 * Crosses cases on purpose: it lists them (cases_review_idx).
 */
export async function casesReviewDue(
  db: Kysely<Database>,
  agencyId: string | null,
  today: string,
): Promise<ReviewRow[]> {
  let q = db
    .selectFrom('cases')
    .select(['case_id', 'reference', 'title', 'status', 'review_date', 'created_at'])
    .where('review_date', 'is not', null)
    .where('review_date', '<=', today);
  q = agencyId ? q.where('owner_agency_id', '=', agencyId) : q.where('owner_agency_id', 'is', null);
  return q.orderBy('review_date').orderBy('case_id').limit(10_000).execute();
}

/** Deletes every row of the case but its audit chain; returns the rows removed per table. */
export async function deleteCaseRows(scope: CaseScope): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  // Children first, the case row last (foreign keys cascade anyway; this also counts them).
  const tables = [...caseScopedTables].filter((t) => !KEPT.has(t) && t !== 'cases').reverse();
  for (const t of [...tables, 'cases' as const]) {
    const r = await scope.deleteFrom(t).executeTakeFirst();
    rows[t] = Number(r.numDeletedRows);
  }
  return rows;
}

/**
 * SQLite: freed pages are overwritten from now on. Through Kysely, not the raw handle: it holds
 * the one connection, so no other request's transaction is open around the statement.
 */
export async function overwriteFreedPages(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
}

/**
 * SQLite: pages rewritten before an erasure can still hold old copies of its rows: rebuild the
 * full-text index and then (unless told not to) the whole file, and empty the WAL.
 */
export async function compactAfterErasure(db: Kysely<Database>, vacuum: boolean): Promise<void> {
  await sql`INSERT INTO search_fts(search_fts) VALUES ('optimize')`.execute(db);
  if (vacuum) await sql`VACUUM`.execute(db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
