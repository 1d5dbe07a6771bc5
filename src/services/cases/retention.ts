/**
 * Retention (Directive 2016/680 art. 5: time limits for storage and periodic review). Each case
 * carries a review date; oversight roles list the cases of their agency past it; a case's lead
 * erases a case: every row of it and its evidence files go in one transaction, and its audit
 * chain — which is kept, it holds ids only — is sealed with a signed `erasure` record, so the
 * log still verifies and shows who erased what and when.
 */
import { errors } from '../../shared/errors.ts';
import { appendAudit, witnessHead } from '../../store/audit/append.ts';
import type { Appended } from '../../store/audit/append.ts';
import { keyRing } from '../../store/keys.ts';
import { updateCase } from '../../store/repos/cases/cases.ts';
import {
  casesReviewDue,
  compactAfterErasure,
  deleteCaseRows,
  overwriteFreedPages,
} from '../../store/repos/cases/retention.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { authorizeGlobal } from '../access/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';
import { requireCase } from './cases.ts';

export const REVIEW_DATE = /^\d{4}-\d{2}-\d{2}$/;
const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Sets (or clears, with null) when the case is next reviewed. The caller has checked `case:manage`. */
export async function setReviewDate(store: Store, caseId: string, date: string | null): Promise<void> {
  if (date !== null && (!REVIEW_DATE.test(date) || Number.isNaN(Date.parse(date))))
    throw errors.validation('reviewDate: a date such as 2027-06-30', 'reviewDate');
  await requireCase(store, caseId);
  await updateCase(store.scope(caseId), { review_date: date, updated_at: new Date().toISOString() });
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
  const rows = await casesReviewDue(store.db, actor.agencyId, today);
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
  if (sqlite) await overwriteFreedPages(store.db);
  const ring = keyRing();
  const erased = await store.transaction(async (trx) => {
    const rows = await deleteCaseRows(store.scope(caseId).in(trx));
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
      await compactAfterErasure(store.db, opts.vacuum ?? true);
      compacted = true;
    } catch {
      compacted = false;
    }
  }
  const report = { ...erased, compacted };
  await witnessHead(store.db, ring);
  return report;
}

export const reviewDue = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'consultation', target: 'case_review' },
  run: async ({ store, actor, audit }, input: { date?: string | undefined }) => {
    const cases = await casesDueForReview(store, actor, input.date);
    audit.returned(cases.map((c) => c.id));
    return { cases };
  },
});

export const changeReviewDate = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'alteration', target: 'case_review_date' },
  run: async ({ store, caseId, audit }, { reviewDate }: { reviewDate: string | null }) => {
    await setReviewDate(store, caseId, reviewDate);
    if (reviewDate) audit.detail({ reviewDate });
    return { caseId, reviewDate };
  },
});

/** Erases the case once `confirm` repeats its id. Its chain is sealed, so the record goes to the global chain. */
export const eraseWholeCase = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'erasure', target: 'case' },
  run: async ({ store, actor, caller, caseId, audit }, { confirm }: { confirm: string }) => {
    if (confirm !== caseId)
      throw errors.validation('query.confirm: repeat the case id to confirm the erasure', 'query.confirm');
    const report = await eraseCase(store, actor, caseId, { ip: caller.ip });
    audit.target(caseId);
    return {
      caseId,
      rows: report.rows,
      seal: { seq: report.seal.seq, gseq: report.seal.gseq, hash: report.seal.hash },
      compacted: report.compacted,
    };
  },
});
