/**
 * Reading the audit trail is itself recorded: a case's lead reads and exports the case's trail;
 * oversight roles (`audit:read`) read, export and verify all of it, and hash a search query to
 * find who searched for it. Each record names the filter used (ids, codes and dates only).
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/access/actor.ts';
import { decideCaseAccess } from '../../domain/access/policy.ts';
import { caseFacts } from '../../store/repos/access/caseAccess.ts';
import { keyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';
import type { AuditNote } from '../useCase/index.ts';
import { auditCsv, auditCsvStream, auditPage, gseqCursor, reachesEveryCase, verifyAudit } from './log.ts';
import type { AuditEventView, CaseReach } from './log.ts';

/**
 * Which cases' records the reader sees in full: the data-protection officer every case (oversight
 * of the whole trail, and no case data in it); anyone else only cases the policy lets them reach,
 * so the trail is no way round a case that answers 404. Decided once per case per read.
 */
function readerReach(store: Store, actor: Actor): CaseReach {
  if (actor.platformRole === 'dpo') return reachesEveryCase;
  const known = new Map<string, Promise<boolean>>();
  return (caseId) => {
    let r = known.get(caseId);
    if (!r) {
      r = decideCaseAccess(actor, caseId, caseFacts(store.scope(caseId))).then((a) => a !== null);
      known.set(caseId, r);
    }
    return r;
  };
}

/** Which records: by case, user, action and period. */
export interface AuditTrailFilter {
  caseId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditTrailPage extends AuditTrailFilter {
  /** The `next` of the previous page. */
  before?: string | undefined;
  limit: number;
}

interface Page {
  events: AuditEventView[];
  next: string | null;
}

/** The record says which part of the trail was read: ids, codes and dates of the filter. */
function noteFilter(audit: AuditNote, f: AuditTrailFilter): void {
  const d: Record<string, unknown> = {};
  if (f.caseId) d.case = f.caseId;
  if (f.userId) d.user = f.userId;
  if (f.action) d.action = f.action;
  if (f.from) d.from = f.from;
  if (f.to) d.to = f.to;
  audit.detail(d);
}

const filterOf = (f: AuditTrailFilter): AuditTrailFilter => ({
  caseId: f.caseId,
  userId: f.userId,
  action: f.action,
  from: f.from,
  to: f.to,
});

async function readPage(ctx: { store: Store; actor: Actor; audit: AuditNote }, q: AuditTrailPage) {
  const f = filterOf(q);
  noteFilter(ctx.audit, f);
  const page: Page = await auditPage(
    ctx.store,
    { ...f, beforeGseq: gseqCursor(q.before), limit: q.limit },
    readerReach(ctx.store, ctx.actor),
  );
  ctx.audit.detail({ returned: page.events.length });
  return page;
}

/** One page of the whole trail, newest first (oversight). */
export const auditTrail = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'consultation', target: 'audit' },
  run: (ctx, q: AuditTrailPage) => readPage(ctx, q),
});

/** One page of what was done with a case, newest first (its lead). */
export const caseAuditTrail = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'consultation', target: 'audit' },
  run: (ctx, q: Omit<AuditTrailPage, 'caseId'>) => readPage(ctx, { ...q, caseId: ctx.caseId }),
});

/** The matching records as a CSV stream (oversight); the record is made as the export starts. */
export const exportAuditTrail = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'disclosure', target: 'audit' },
  run: async ({ store, actor, audit }, f: AuditTrailFilter): Promise<Readable> => {
    noteFilter(audit, filterOf(f));
    return auditCsvStream(store, filterOf(f), readerReach(store, actor));
  },
});

/** The case's records as a CSV stream (its lead). */
export const exportCaseAuditTrail = caseUseCase({
  permission: 'case:manage',
  audit: { action: 'disclosure', target: 'audit' },
  run: async ({ store, caseId, audit }, f: Omit<AuditTrailFilter, 'caseId'>): Promise<Readable> => {
    const filter = { ...filterOf(f), caseId };
    noteFilter(audit, filter);
    return auditCsvStream(store, filter);
  },
});

/** The matching records as CSV lines handed to `write` (the console's export), with how many were written. */
export const writeAuditTrail = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'disclosure', target: 'audit' },
  run: async ({ store, actor, audit }, input: { filter: AuditTrailFilter; write: (line: string) => Promise<void> }) => {
    const f = filterOf(input.filter);
    noteFilter(audit, f);
    let header = true;
    let written = 0;
    for await (const line of auditCsv(store, f, readerReach(store, actor))) {
      await input.write(line);
      if (header) header = false;
      else written++;
    }
    audit.detail({ returned: written });
    return { written };
  },
});

/** Checks the hash chains and signatures and names the first altered, inserted or deleted record of each. */
export const verifyAuditTrail = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'consultation', target: 'audit_verification' },
  run: async ({ store, audit }, { caseId }: { caseId?: string | undefined }) => {
    const report = await verifyAudit(store, { caseId });
    audit.detail({ ...(caseId ? { case: caseId } : {}), ok: report.ok, problems: report.problems.length });
    return report;
  },
});

/** The keyed hash the trail records for a search query, to find who searched for it. */
export const auditQueryHash = globalUseCase({
  permission: 'audit:read',
  audit: { action: 'consultation', target: 'audit_query_hash' },
  run: async (_ctx, { text }: { text: string }) => ({ hash: keyRing().queryHash(text) }),
});
