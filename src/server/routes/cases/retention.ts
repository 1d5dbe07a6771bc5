/**
 * Retention: review dates, the list of cases due for review (oversight roles of the owning
 * agency) and erasure of a case by its lead.
 */
import { z } from 'zod';
import { changeReviewDate, eraseWholeCase, REVIEW_DATE, reviewDue } from '../../../services/cases/index.ts';
import { CaseParams } from './cases.ts';
import type { Router } from '../router.ts';

const ReviewDueOut = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      reference: z.string().nullable(),
      title: z.string(),
      status: z.string(),
      reviewDate: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export function retentionRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/review',
    tag: 'retention',
    summary: 'Cases of your agency whose review date has come (oversight)',
    query: z.object({
      date: z.string().regex(REVIEW_DATE).optional().describe('Review as of this date (default today)'),
    }),
    response: ReviewDueOut,
    access: { global: 'audit:read' },
    handler: ({ store, caller, query }) => reviewDue(store, caller, { date: query.date }),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/review-date',
    tag: 'retention',
    summary: 'Set (or clear, with null) when the case is next reviewed for retention',
    params: CaseParams,
    body: z.strictObject({ reviewDate: z.string().regex(REVIEW_DATE, 'a date such as 2027-06-30').nullable() }),
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, body }) =>
      changeReviewDate(store, caller, caseId, { reviewDate: body.reviewDate }),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId',
    tag: 'retention',
    summary: 'Erase the case: all its data and evidence files; its audit chain is kept and sealed',
    params: CaseParams,
    query: z.object({ confirm: z.string().max(200).describe('The case id again, to confirm') }),
    response: z.object({
      caseId: z.string(),
      rows: z.record(z.string(), z.number()),
      seal: z.object({ seq: z.number(), gseq: z.number(), hash: z.string() }),
      compacted: z.boolean(),
    }),
    access: { case: 'case:manage' },
    handler: ({ store, caller, caseId, query }) => eraseWholeCase(store, caller, caseId, { confirm: query.confirm }),
  });
}
