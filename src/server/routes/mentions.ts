/**
 * Mentions in a seized message or document: what its text names that can join the case, with
 * the entities each could link to, and the analyst's accept or reject (an accepted mention is a
 * Documentation link, role `mention`, from the document to the entity).
 */
import { MentionDecisionIn, MentionListOut, MentionParams } from '../../shared/contracts/mentions.ts';
import { decideMention, documentMentions } from '../../services/mentions/index.ts';
import type { Router } from './router.ts';

export function mentionRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/documents/:entityId/mentions',
    tag: 'documents',
    summary: 'What a message or document mentions: phones, accounts, IDs, names of the case…, with decisions',
    params: MentionParams,
    response: MentionListOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, params }) =>
      documentMentions(store, caller, caseId, { entityId: params.entityId }),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/documents/:entityId/mentions/decisions',
    tag: 'documents',
    summary: 'Accept a mention (a link from the document to the entity) or reject it; remembered on re-reading',
    params: MentionParams,
    body: MentionDecisionIn,
    response: MentionListOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, params, body }) =>
      decideMention(store, caller, caseId, { entityId: params.entityId, ...body }),
  });
}
