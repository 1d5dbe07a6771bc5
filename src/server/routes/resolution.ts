/**
 * Entity resolution: candidate duplicates with why they scored, the analyst's decisions, merges
 * and their undoing. Merging is the "combination" of personal data Directive 2016/680 art. 25
 * names; every merge and undo is audited with both entities.
 */
import { z } from 'zod';
import { DecisionBody, MergeBody, ResolutionQuery } from '../../shared/contracts/companies.ts';
import {
  caseMerges,
  decideOnPair,
  findDuplicates,
  mergeRecords,
  pairDecisions,
  undoRecordMerge,
} from '../../services/resolution/index.ts';
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
    handler: ({ store, caller, caseId, query }) => findDuplicates(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/resolution/decisions',
    tag: 'resolution',
    summary: 'Decisions taken on candidate pairs (merged, rejected, unsure), newest first',
    params: CaseParams,
    access: read,
    handler: ({ store, caller, caseId }) => pairDecisions(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/resolution/decisions',
    tag: 'resolution',
    summary: 'Reject a candidate pair or mark it unsure; remembered across re-imports',
    params: CaseParams,
    body: DecisionBody,
    access: write,
    handler: ({ store, caller, caseId, body }) => decideOnPair(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/resolution/merges',
    tag: 'resolution',
    summary: 'Merges made in the case, newest first, with whether they were undone',
    params: CaseParams,
    access: read,
    handler: ({ store, caller, caseId }) => caseMerges(store, caller, caseId),
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
    handler: ({ store, caller, caseId, body }) => mergeRecords(store, caller, caseId, body),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/resolution/merges/:mergeId',
    tag: 'resolution',
    summary: 'Undo a merge: the merged record, its links and the kept record as they were',
    params: MergeParams,
    access: write,
    handler: ({ store, caller, caseId, params }) => undoRecordMerge(store, caller, caseId, params),
  });
}
