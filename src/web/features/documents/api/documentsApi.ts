/** Server state of the viewer: a conversation (chat, mailbox, e-mail thread) and a document. */
import { useQuery } from '@tanstack/react-query';
import type { ConversationOut, DocumentFileOut, DocumentOut } from '../../../../shared/contracts/documents.ts';
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
