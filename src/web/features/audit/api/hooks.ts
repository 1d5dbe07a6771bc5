/** The audit trail of one case or of the platform, a page at a time. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditOut } from '../../../../shared/contracts/audit.ts';
import { get, qs } from '../../../ui/api/client.ts';
import { caseUrl } from '../../../ui/api/keys.ts';

export interface AuditFilter {
  action?: string;
  user?: string;
  from?: string;
  to?: string;
}

export const useAudit = (caseId: string | null, filter: AuditFilter, before: string | undefined) =>
  useQuery({
    queryKey: ['audit', caseId, filter, before ?? null],
    queryFn: ({ signal }) =>
      get<AuditOut>(
        `${caseId ? caseUrl(caseId, '/audit') : '/api/audit'}${qs({ ...filter, before, limit: 100 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
