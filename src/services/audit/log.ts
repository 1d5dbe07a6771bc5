/**
 * The audit log for the people who check it (supervisors, data-protection officers, a case's
 * lead for that case) and for the operator who verifies it. Shared by the API and the CLI.
 */
import { Readable } from 'node:stream';
import type { AuditFilter, AuditRecord } from '../../store/audit/query.ts';
import { checkpointAudit } from '../../store/audit/checkpoint.ts';
import { auditCsvHeader, auditCsvLine, queryAuditLog } from '../../store/audit/query.ts';
import { verifyAuditLog } from '../../store/audit/verify.ts';
import type { VerifyOptions, VerifyReport } from '../../store/audit/verify.ts';
import { KeyRing, keyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';

export interface AuditEventView {
  id: string;
  at: string;
  /** The case the event concerns (null: none). */
  caseId: string | null;
  userId: string;
  username: string | null;
  actorAgency: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown> | null;
  /** The chain (case id or `-`) and the position in it; gseq is the position in the global chain. */
  chain: string;
  seq: number;
  gseq: number;
  returnedIds: string[];
  returnedCount: number;
  ip: string | null;
  hash: string;
  redacted: boolean;
}

/** Whether the reader may see the records of a case in full (see `redactUnreached`). */
export type CaseReach = (caseId: string) => Promise<boolean>;
export const reachesEveryCase: CaseReach = () => Promise.resolve(true);

/** A record of a case the reader may not reach: its ids and hashes, nothing of what was done. */
const redacted = (r: AuditRecord): AuditRecord => ({
  ...r,
  at: '',
  user_id: '',
  username: null,
  actor_username: null,
  actor_agency: null,
  action: '',
  target_type: '',
  target_id: null,
  returned_ids: null,
  returned_count: 0,
  ip: null,
  detail: null,
  redacted: true,
});

/** The records as the reader may see them: in full for cases it reaches and for events outside any case. */
export async function redactUnreached(rows: AuditRecord[], reach: CaseReach): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (const r of rows) out.push(r.case_ref === null || (await reach(r.case_ref)) ? r : redacted(r));
  return out;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const presentAuditEvent = (r: AuditRecord): AuditEventView => ({
  id: r.id,
  at: r.at,
  caseId: r.case_ref,
  userId: r.user_id,
  username: r.username,
  actorAgency: r.actor_agency,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  detail: parseJson<Record<string, unknown> | null>(r.detail, null),
  chain: r.case_id,
  seq: r.seq,
  gseq: r.gseq,
  returnedIds: parseJson<string[]>(r.returned_ids, []),
  returnedCount: r.returned_count,
  ip: r.ip,
  hash: r.hash,
  redacted: r.redacted === true,
});

/** Records still waiting for the global chain are linked first, so pages carry their global positions. */
async function linkPending(store: Store): Promise<void> {
  const ring = keyRing();
  if (ring.canSign) await checkpointAudit(store.db, ring);
}

/** One page, newest first; `next` continues it. Authorisation is the caller's (route or CLI). */
export async function auditPage(
  store: Store,
  filter: AuditFilter,
  reach: CaseReach = reachesEveryCase,
): Promise<{ events: AuditEventView[]; next: string | null }> {
  await linkPending(store);
  const rows = await redactUnreached(await queryAuditLog(store.db, filter), reach);
  const last = rows[rows.length - 1];
  return { events: rows.map(presentAuditEvent), next: rows.length === filter.limit && last ? String(last.gseq) : null };
}

/** Parses a `next` cursor back into a gseq bound; undefined when absent or not one of ours. */
export function gseqCursor(cursor: string | undefined): number | undefined {
  if (!cursor || !/^\d{1,15}$/.test(cursor)) return undefined;
  return Number(cursor);
}

/** Every matching record as CSV, streamed page by page; stops after `max` records. */
export async function* auditCsv(
  store: Store,
  filter: Omit<AuditFilter, 'limit' | 'beforeGseq'>,
  reach: CaseReach = reachesEveryCase,
  max = 1_000_000,
): AsyncGenerator<string> {
  await linkPending(store);
  yield auditCsvHeader();
  let before: number | undefined;
  let n = 0;
  for (;;) {
    const rows = await queryAuditLog(store.db, { ...filter, beforeGseq: before, limit: 2000 });
    for (const r of await redactUnreached(rows, reach)) {
      if (n++ >= max) return;
      yield auditCsvLine(r);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < 2000) return;
    before = last.gseq;
  }
}

export const auditCsvStream = (
  store: Store,
  filter: Omit<AuditFilter, 'limit' | 'beforeGseq'>,
  reach: CaseReach = reachesEveryCase,
): Readable => Readable.from(auditCsv(store, filter, reach));

/** A ring that only verifies, from the trail's public key (an auditor without the key folder). */
export const publicKeyRing = (publicKeyPem: string): KeyRing => KeyRing.verifyOnly([publicKeyPem]);

export async function verifyAudit(
  store: Store,
  opts: VerifyOptions = {},
  ring: KeyRing = keyRing(),
): Promise<VerifyReport> {
  return verifyAuditLog(store.db, ring, opts);
}

/** The report as the CLI prints it: one line per problem, naming chain, record and what happened. */
export function formatVerifyReport(r: VerifyReport): string[] {
  const lines = r.problems.map(
    (p) =>
      `${p.kind.toUpperCase().padEnd(12)} ${p.chain === 'global' ? 'global chain' : p.chain === '-' ? 'chain - (no case)' : `case ${p.chain}`}: ${p.message}`,
  );
  const witness =
    r.witness === 'matched'
      ? 'matches the witness in the key folder'
      : r.witness === 'none'
        ? 'no witness to compare'
        : 'witness problem';
  lines.push(
    `${r.ok ? 'OK' : 'FAILED'}: ${r.records} records in ${r.chains} chains, ${r.signaturesChecked} signatures checked, ${witness}${r.ok ? '' : `; ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`}.`,
  );
  return lines;
}
