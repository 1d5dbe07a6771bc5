/**
 * Audit trail of access to case data (Directive 2016/680 art. 25: collection, alteration,
 * consultation, disclosure, combination, erasure; plus login, logout and permission changes).
 * Events outside any case go to the reserved chain `GLOBAL_AUDIT_CASE`.
 *
 * Append-only and tamper-evident: hash chains per case and over everything, every record
 * signed with a key kept outside the database (store/audit/). Records hold ids, codes and
 * counts, never personal data in clear (store/audit/detail.ts).
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append.ts';
import type { Appended, AuditEvent } from '../../audit/append.ts';
import { GLOBAL_CHAIN } from '../../audit/chain.ts';
import { keyRing } from '../../keys.ts';
import type { AuditEventsTable, Database } from '../../schema/index.ts';

export const GLOBAL_AUDIT_CASE = GLOBAL_CHAIN;

export type AuditRow = AuditEventsTable;
export type { Appended, AuditEvent };

/** Appends one record (its own short transaction, or the caller's when `db` is one). */
export async function recordAudit(db: Kysely<Database>, e: AuditEvent): Promise<Appended> {
  return appendAudit(db, e, keyRing());
}

/** A chain's latest records, newest first. */
export async function listAudit(db: Kysely<Database>, caseId: string, limit = 200): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}
