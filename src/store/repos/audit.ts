/**
 * Audit trail of access to case data (Directive 2016/680 art. 25: collection, alteration,
 * consultation, disclosure, combination, erasure). Events outside any case use the
 * reserved case id `GLOBAL_AUDIT_CASE`.
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import type { AuditEventsTable, Database } from '../tables.ts';

export const GLOBAL_AUDIT_CASE = '-';

export type AuditRow = AuditEventsTable;

export interface AuditEvent {
  caseId: string | null;
  userId: string;
  action: string;
  targetType: string;
  targetId?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

export async function recordAudit(db: Kysely<Database>, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      case_id: e.caseId ?? GLOBAL_AUDIT_CASE,
      id: uuidv7(),
      at: new Date().toISOString(),
      user_id: e.userId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, caseId: string, limit = 200): Promise<AuditRow[]> {
  return db.selectFrom('audit_events').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').limit(limit).execute();
}
