/**
 * The viewer of seized documents and conversations: a chat, a mailbox or an e-mail thread in
 * order, and a document with its text and pages. The files they list download through the
 * evidence file route (`/files/:fileId/content`), which withholds the same originals.
 */
import {
  ConversationOut,
  DocumentOut,
  DocumentParams,
  DocumentSearchOut,
  DocumentSearchQuery,
  IndicatorMarksOut,
  IndicatorMarksQuery,
} from '../../shared/contracts/documents.ts';
import { CaseParams } from './cases/cases.ts';
import { listIndicatorMarks, openConversation, openDocument, searchDocuments } from '../../services/documents/index.ts';
import type { Router } from './router.ts';

export function documentRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/conversations/:entityId',
    tag: 'documents',
    summary: 'A chat, a mailbox or the e-mail thread of a message: its messages in order, as the caller may read them',
    params: DocumentParams,
    response: ConversationOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, params }) =>
      openConversation(store, caller, caseId, { entityId: params.entityId }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/documents/:entityId',
    tag: 'documents',
    summary: 'A document: its text, its pages and its original, as the caller may read them',
    params: DocumentParams,
    response: DocumentOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, params }) => openDocument(store, caller, caseId, { entityId: params.entityId }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/document-search',
    tag: 'documents',
    summary:
      'Search across seized documents: words with highlighted snippets, filters by type, sender, recipient, ' +
      'dates and linked entity, near-duplicates grouped; protected persons by pseudonym',
    params: CaseParams,
    query: DocumentSearchQuery,
    response: DocumentSearchOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => searchDocuments(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/indicator-marks',
    tag: 'documents',
    summary:
      'Messages whose words may show an indicator (debt, kept documents, control, recruitment): candidate evidence',
    params: CaseParams,
    query: IndicatorMarksQuery,
    response: IndicatorMarksOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => listIndicatorMarks(store, caller, caseId, query),
  });
}
