/**
 * Entity resolution: candidate duplicates with why they scored, the analyst's decisions, merges
 * and their undoing. Merging is the "combination" of personal data Directive 2016/680 art. 25
 * names; every merge and undo is audited with both entities.
 */
import { z } from 'zod';
import { DecisionBody, MergeBody, ResolutionQuery } from '../../shared/contracts/companies.ts';
import { decidePair, listDecisions, resolutionCandidates } from '../../services/resolution/resolution.ts';
import { listMerges, mergePair, undoMerge } from '../../services/resolution/merge.ts';
import { CaseParams } from './cases/cases.ts';
import type { Router } from './router.ts';

const MergeParams = CaseParams.extend({ mergeId: z.string().min(1).max(200) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

export function resolutionRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/resolution/candidates',
    tag: 'resolution',
    summary:
      'Candidate duplicates, best first, each with the reasons it scored; decided pairs are left out unless asked for',
    params: CaseParams,
    query: ResolutionQuery,
    access: read,
    audit: { action: 'consultation', target: 'resolutionCandidates' },
    handler: async ({ store, access, query, auditIds, auditDetail }) => {
      const out = await resolutionCandidates(store, access, query);
      auditIds(out.candidates.flatMap((c) => [c.a.id, c.b.id]));
      auditDetail.count = out.total;
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/resolution/decisions',
    tag: 'resolution',
    summary: 'Decisions taken on candidate pairs (merged, rejected, unsure), newest first',
    params: CaseParams,
    access: read,
    audit: { action: 'consultation', target: 'resolutionDecisions' },
    handler: async ({ store, caseId }) => ({ decisions: await listDecisions(store, caseId) }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/resolution/decisions',
    tag: 'resolution',
    summary: 'Reject a candidate pair or mark it unsure; remembered across re-imports',
    params: CaseParams,
    body: DecisionBody,
    access: write,
    audit: { action: 'alteration', target: 'resolutionDecision' },
    handler: async ({ store, actor, access, body, setAuditTarget, auditIds }) => {
      const out = await decidePair(store, actor, access, body);
      setAuditTarget(out.pairKey);
      auditIds([body.a, body.b]);
      return out;
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/resolution/merges',
    tag: 'resolution',
    summary: 'Merges made in the case, newest first, with whether they were undone',
    params: CaseParams,
    access: read,
    audit: { action: 'consultation', target: 'resolutionMerges' },
    handler: async ({ store, caseId }) => ({ merges: await listMerges(store, caseId) }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/resolution/merges',
    tag: 'resolution',
    summary: 'Merge one record into another: values joined, links re-pointed, the merged record removed (reversible)',
    params: CaseParams,
    body: MergeBody,
    status: 201,
    access: write,
    audit: { action: 'combination', target: 'resolutionMerge' },
    handler: async ({ store, actor, access, body, setAuditTarget, auditIds }) => {
      const out = await mergePair(store, actor, access, body);
      setAuditTarget(out.id);
      auditIds([body.keep, body.merge]);
      return out;
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/resolution/merges/:mergeId',
    tag: 'resolution',
    summary: 'Undo a merge: the merged record, its links and the kept record as they were',
    params: MergeParams,
    access: write,
    audit: { action: 'alteration', target: 'resolutionMerge', targetParam: 'mergeId' },
    handler: async ({ store, actor, access, params, auditIds }) => {
      const out = await undoMerge(store, actor, access, params.mergeId);
      auditIds([out.keepId, out.mergedId]);
      return out;
    },
  });
}
