/** Server state of the viewer: a conversation (chat, mailbox, e-mail thread) and a document. */
import { useQuery } from '@tanstack/react-query';
import type {
  ConversationOut,
  DocumentFileOut,
  DocumentOut,
  DocumentSearchOut,
  IndicatorMarksOut,
} from '../../../../shared/contracts/documents.ts';
import { get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const useConversation = (caseId: string, entityId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'conversation', entityId],
    queryFn: ({ signal }) =>
      get<ConversationOut>(`${base(caseId)}/conversations/${encodeURIComponent(entityId)}`, signal),
  });

export const useDocument = (caseId: string, entityId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'document', entityId],
    queryFn: ({ signal }) => get<DocumentOut>(`${base(caseId)}/documents/${encodeURIComponent(entityId)}`, signal),
  });

/** Where a file the viewer offers downloads from (the evidence file route, which checks access again). */
export const fileUrl = (caseId: string, f: DocumentFileOut): string | null =>
  f.fileId ? `${base(caseId)}/files/${encodeURIComponent(f.fileId)}/content` : null;

/** What the search form asks: words and filters, as the query string sends them. */
export interface DocumentSearchParams {
  q: string;
  type: string[];
  sender: string;
  recipient: string;
  from: string;
  to: string;
  entity: string;
}

export function searchQueryString(p: DocumentSearchParams): string {
  const qs = new URLSearchParams();
  if (p.q.trim()) qs.set('q', p.q.trim());
  if (p.type.length) qs.set('type', p.type.join(','));
  for (const k of ['sender', 'recipient', 'from', 'to', 'entity'] as const) if (p[k].trim()) qs.set(k, p[k].trim());
  return qs.toString();
}

export const useDocumentSearch = (caseId: string, params: DocumentSearchParams | null) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'document-search', params],
    enabled: params !== null,
    queryFn: ({ signal }) =>
      get<DocumentSearchOut>(
        `${base(caseId)}/document-search?${searchQueryString(params as DocumentSearchParams)}`,
        signal,
      ),
  });

/** Messages whose words may show an indicator, those linked to `person` first. */
export const useIndicatorMarks = (caseId: string, person: string | null, enabled = true) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'indicator-marks', person],
    enabled,
    queryFn: ({ signal }) =>
      get<IndicatorMarksOut>(
        `${base(caseId)}/indicator-marks${person ? `?person=${encodeURIComponent(person)}` : ''}`,
        signal,
      ),
  });
