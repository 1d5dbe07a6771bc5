/** The evidence files of a case, or of one entity. */
import { useQuery } from '@tanstack/react-query';
import type { EvidenceFileOut } from '../../../../shared/contracts/files.ts';
import { get, qs } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';

export const useFiles = (caseId: string, entityId?: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'files', entityId ?? null],
    queryFn: ({ signal }) => get<{ files: EvidenceFileOut[] }>(caseUrl(caseId, `/files${qs({ entityId })}`), signal),
  });
