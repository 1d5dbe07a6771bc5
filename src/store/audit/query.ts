/**
 * Reading the audit log for oversight: by case, user, action and period, newest first in the
 * global order, keyset-paged on `gseq`. Crosses cases on purpose (the indexes are named in
 * migration 004). Also the CSV form for a DPO's export.
 */
import { csvCell } from '../../shared/csv.ts';
import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from '../schema/index.ts';

export interface AuditFilter {
  /** Records about this case: its chain and global records that concern it. */
  caseId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  /** ISO date or timestamp, inclusive. */
  from?: string | undefined;
  /** ISO date (the whole day is included) or timestamp (exclusive). */
  to?: string | undefined;
  /** Continue below this gseq (the `next` of the previous page). */
  beforeGseq?: number | undefined;
  limit: number;
}

export type AuditRecord = AuditEventsTable & {
  username: string | null;
  /** Set when the reader may not reach the record's case: only ids and hashes are left. */
  redacted?: boolean;
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `to` as an exclusive bound: a bare date includes that whole day. */
export function exclusiveEnd(to: string): string {
  if (!DATE_ONLY.test(to)) return to;
  const d = new Date(`${to}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export async function queryAuditLog(db: Kysely<Database>, f: AuditFilter): Promise<AuditRecord[]> {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .selectAll('audit_events')
    .select('users.username');
  if (f.caseId) q = q.where('audit_events.case_ref', '=', f.caseId);
  if (f.userId) q = q.where('audit_events.user_id', '=', f.userId);
  if (f.action) q = q.where('audit_events.action', '=', f.action);
  if (f.from) q = q.where('audit_events.at', '>=', f.from);
  if (f.to) q = q.where('audit_events.at', '<', exclusiveEnd(f.to));
  if (f.beforeGseq !== undefined) q = q.where('audit_events.gseq', '<', f.beforeGseq);
  const rows = await q.orderBy('audit_events.gseq', 'desc').limit(f.limit).execute();
  // A version 2 record names the actor as of the event; an older one only as the account is named now.
  return rows.map((r) => ({
    ...r,
    username: r.actor_username ?? r.username,
    seq: Number(r.seq),
    gseq: Number(r.gseq),
  }));
}

export const csvColumns = [
  'gseq',
  'at',
  'chain',
  'seq',
  'case_id',
  'user_id',
  'username',
  'actor_agency',
  'action',
  'target_type',
  'target_id',
  'returned_count',
  'returned_ids',
  'ip',
  'detail',
  'hash',
] as const;

/** A CSV cell: quoted, and defused when a spreadsheet would read it as a formula; empty when null. */
const cell = (v: string | number | null): string => (v === null ? '' : csvCell(v, { quoteAll: true }));

export function auditCsvHeader(): string {
  return `${csvColumns.join(',')}\r\n`;
}

export function auditCsvLine(r: AuditRecord): string {
  const values: (string | number | null)[] = [
    r.gseq,
    r.at,
    r.case_id,
    r.seq,
    r.case_ref,
    r.user_id,
    r.username,
    r.actor_agency,
    r.action,
    r.target_type,
    r.target_id,
    r.returned_count,
    r.returned_ids,
    r.ip,
    r.detail,
    r.hash,
  ];
  return `${values.map(cell).join(',')}\r\n`;
}
