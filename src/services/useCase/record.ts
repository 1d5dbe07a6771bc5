/**
 * The one place that writes audit records. Use cases record through the wrapper in useCase.ts;
 * sign-in, sign-out and policy refusals, which happen outside any use case, record through the
 * named functions here (services/audit re-exports them). Nothing else calls the store's append.
 */
import { recordAudit } from '../../store/repos/audit/records.ts';
import type { Store } from '../../store/store.ts';

/** Directive 2016/680 art. 25 categories of processing that must be logged, plus refusals. */
export type AuditAction =
  | 'collection'
  | 'alteration'
  | 'consultation'
  | 'disclosure'
  | 'combination'
  | 'erasure'
  | 'login'
  | 'logout'
  | 'permission'
  | 'denied';

export interface AuditEntry {
  /** The case, or null for events outside any case (the global chain). */
  caseId: string | null;
  userId: string;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  /** Ids, counts and codes only: anything else is hashed or dropped by the store. */
  detail?: Record<string, unknown>;
  ip?: string | null;
  /** Ids returned to the caller; the first 100 are kept, with the count. */
  returnedIds?: readonly string[];
  /** How many were returned, when only the count is known. */
  returnedCount?: number;
}

/** Appends one record in its own short transaction. */
export async function recordEntry(store: Store, e: AuditEntry): Promise<void> {
  await recordAudit(store.db, e);
}

/** A refusal by the policy layer: recorded on the global chain, without case data. */
export async function recordDenied(
  store: Store,
  e: { userId: string; caseId: string; ip: string | null; detail: Record<string, unknown> },
): Promise<void> {
  await recordEntry(store, {
    caseId: null,
    userId: e.userId,
    action: 'denied',
    targetType: 'case',
    targetId: e.caseId,
    ip: e.ip,
    detail: e.detail,
  });
}
