/**
 * Retention (Directive 2016/680 art. 5: time limits for storage and periodic review). Each case
 * carries a review date; oversight roles list the cases of their agency past it; a case's lead
 * erases a case: every row of it and its evidence files go in one transaction, and its audit
 * chain — which is kept, it holds ids only — is sealed with a signed `erasure` record, so the
 * log still verifies and shows who erased what and when.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { errors } from '../../shared/errors.ts';
import { appendAudit, witnessHead } from '../../store/audit/append.ts';
import type { Appended } from '../../store/audit/append.ts';
import { keyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';
import { caseScopedTables } from '../../store/tables.ts';
import type { CaseTable, Database } from '../../store/tables.ts';
import type { Actor } from '../access/actor.ts';
import { requireCase } from './cases.ts';
import { authorizeGlobal } from '../access/policy.ts';

export const REVIEW_DATE = /^\d{4}-\d{2}-\d{2}$/;
const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Tables an erasure leaves alone: the audit chain outlives the case. */
const KEPT: ReadonlySet<CaseTable> = new Set<CaseTable>(['audit_events', 'audit_heads']);

/** Sets (or clears, with null) when the case is next reviewed. The caller has checked `case:manage`. */
export async function setReviewDate(store: Store, caseId: string, date: string | null): Promise<void> {
  if (date !== null && (!REVIEW_DATE.test(date) || Number.isNaN(Date.parse(date))))
    throw errors.validation('reviewDate: a date such as 2027-06-30', 'reviewDate');
  await requireCase(store, caseId);
  await store
    .scope(caseId)
    .updateTable('cases')
    .set({ review_date: date, updated_at: new Date().toISOString() })
    .execute();
}

export interface CaseDueForReview {
  id: string;
  reference: string | null;
  title: string;
  status: string;
  reviewDate: string;
  createdAt: string;
}

/**
 * Cases of the actor's agency whose review date has come (an actor without an agency sees the
 * cases no agency owns: a single-agency installation). For oversight roles (`audit:read`).
 */
export async function casesDueForReview(
  store: Store,
  actor: Actor,
  today: string = todayIso(),
): Promise<CaseDueForReview[]> {
  authorizeGlobal(actor, 'audit:read');
  // Crosses cases on purpose: it lists them (cases_review_idx).
  let q = store.db
    .selectFrom('cases')
    .select(['case_id', 'reference', 'title', 'status', 'review_date', 'created_at'])
    .where('review_date', 'is not', null)
    .where('review_date', '<=', today);
  q = actor.agencyId ? q.where('owner_agency_id', '=', actor.agencyId) : q.where('owner_agency_id', 'is', null);
  const rows = await q.orderBy('review_date').orderBy('case_id').limit(10_000).execute();
  return rows.map((r) => ({
    id: r.case_id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    reviewDate: r.review_date ?? '',
    createdAt: r.created_at,
  }));
}

export interface ErasureReport {
  caseId: string;
  /** Rows removed, per table. */
  rows: Record<string, number>;
  /** The sealing record in the case's audit chain. */
  seal: Appended;
  /** SQLite: whether the file was rebuilt so no copy of the erased rows is left in it. */
  compacted: boolean;
}

async function deleteCaseRows(trx: Kysely<Database>, store: Store, caseId: string): Promise<Record<string, number>> {
  const scope = store.scope(caseId).in(trx);
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
 * Erases a case: all of its rows and evidence, in one transaction that ends by sealing its audit
 * chain. The caller has checked `case:manage` (route or CLI). On SQLite the freed pages are
 * overwritten (secure_delete), the full-text index is rebuilt without the case, the file is
 * rebuilt (VACUUM: it blocks other writers meanwhile, seconds per GB) and the WAL truncated,
 * so the erased text does not linger in the file. PostgreSQL keeps dead row versions until
 * autovacuum reuses their space (see docs/ARCHITECTURE.md, residual risks).
 */
export async function eraseCase(
  store: Store,
  actor: Actor,
  caseId: string,
  opts: { ip?: string | null; vacuum?: boolean } = {},
): Promise<ErasureReport> {
  await requireCase(store, caseId);
  const sqlite = store.dialect === 'sqlite';
  // Through Kysely, not the raw handle: it holds the one connection, so no other request's
  // transaction is open around these statements.
  if (sqlite) await sql`PRAGMA secure_delete = ON`.execute(store.db);
  const ring = keyRing();
  const erased = await store.transaction(async (trx) => {
    const rows = await deleteCaseRows(trx, store, caseId);
    const seal = await appendAudit(
      trx,
      {
        caseId,
        userId: actor.id,
        action: 'erasure',
        targetType: 'case',
        targetId: caseId,
        ip: opts.ip,
        seal: true,
        detail: { seal: true, rows },
      },
      ring,
    );
    return { caseId, rows, seal };
  });
  let compacted = !sqlite;
  if (sqlite) {
    // Pages rewritten before the erasure can still hold old copies of its rows: rebuild the
    // full-text index and then the whole file, and empty the WAL. The erasure is committed
    // already; if this fails (disk full), it says so and can be redone with a later erasure or VACUUM.
    try {
      await sql`INSERT INTO search_fts(search_fts) VALUES ('optimize')`.execute(store.db);
      if (opts.vacuum ?? true) await sql`VACUUM`.execute(store.db);
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
      compacted = true;
    } catch {
      compacted = false;
    }
  }
  const report = { ...erased, compacted };
  await witnessHead(store.db, ring);
  return report;
}
