/** Server state of mentions: a message's or document's mentions, and the analyst's decision on one. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MentionDecisionIn, MentionListOut } from '../../../../shared/contracts/mentions.ts';
import { api, get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';

const url = (caseId: string, entityId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(entityId)}/mentions`;
const key = (caseId: string, entityId: string) => [...keys.caseData(caseId), 'mentions', entityId];

export const useMentions = (caseId: string, entityId: string) =>
  useQuery({
    queryKey: key(caseId, entityId),
    queryFn: ({ signal }) => get<MentionListOut>(url(caseId, entityId), signal),
  });

/** Decides on a mention; the case's data (links, chart, timeline) is read again afterwards. */
export function useDecideMention(caseId: string, entityId: string) {
  const qc = useQueryClient();
  return async (body: MentionDecisionIn) => {
    const out = await api<MentionListOut>('POST', `${url(caseId, entityId)}/decisions`, body);
    qc.setQueryData(key(caseId, entityId), out);
    void qc.invalidateQueries({ queryKey: keys.caseData(caseId) });
    return out;
  };
}
