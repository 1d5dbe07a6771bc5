/** Server state through TanStack Query: one key per resource, invalidated after each change. */
import { useQuery } from '@tanstack/react-query';
import type { ActivityOut } from '../../../../shared/contracts/entities.ts';
import type {
  AgencyOut,
  CaseDetail,
  CaseOut,
  JournalEntry,
  MemberOut,
  ShareOut,
  SourceOut,
} from '../../../../shared/contracts/cases.ts';
import { get } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';

export const useCases = () =>
  useQuery({ queryKey: keys.cases, queryFn: ({ signal }) => get<{ cases: CaseOut[] }>('/api/cases', signal) });

export const useCase = (caseId: string) =>
  useQuery({
    queryKey: keys.case(caseId),
    queryFn: ({ signal }) => get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`, signal),
  });

export const useActivity = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'activity'],
    queryFn: ({ signal }) => get<ActivityOut>(caseUrl(caseId, '/activity?limit=15'), signal),
  });

export const useJournal = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'journal'],
    queryFn: ({ signal }) => get<{ entries: JournalEntry[] }>(caseUrl(caseId, '/journal'), signal),
  });

export const useSources = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'sources'],
    queryFn: ({ signal }) => get<{ sources: SourceOut[] }>(caseUrl(caseId, '/sources'), signal),
  });

export const useMembers = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'members'],
    queryFn: ({ signal }) => get<{ members: MemberOut[] }>(caseUrl(caseId, '/members/details'), signal),
  });

export const useShares = (caseId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'shares'],
    queryFn: ({ signal }) => get<{ shares: ShareOut[] }>(caseUrl(caseId, '/shares'), signal),
  });

export const useAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    queryFn: ({ signal }) => get<{ agencies: AgencyOut[] }>('/api/agencies', signal),
  });
