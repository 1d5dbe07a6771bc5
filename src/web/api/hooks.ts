/** Server state through TanStack Query: one key per resource, invalidated after each change. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntityRowsQuery } from '../../shared/contracts/workspace.ts';
import { get, qs } from './client.ts';
import type {
  ActivityOut,
  AgencyOut,
  AuditOut,
  CaseDetail,
  CaseOut,
  EntityDetail,
  EntityRowsOut,
  EvidenceFileOut,
  GlobalSearchOut,
  ImportFormatOut,
  JournalEntry,
  MemberOut,
  SavedMappingOut,
  SchemaOut,
  ShareOut,
  SourceOut,
} from './types.ts';

export const keys = {
  cases: ['cases'] as const,
  case: (id: string) => ['case', id] as const,
  caseData: (id: string) => ['case', id, 'data'] as const,
};

export const useCases = () =>
  useQuery({ queryKey: keys.cases, queryFn: ({ signal }) => get<{ cases: CaseOut[] }>('/api/cases', signal) });

export const useCase = (caseId: string) =>
  useQuery({
    queryKey: keys.case(caseId),
    queryFn: ({ signal }) => get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`, signal),
  });

const caseUrl = (caseId: string, rest: string) => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

export const useSchemata = () =>
  useQuery({
    queryKey: ['schemata'],
    queryFn: ({ signal }) => get<{ schemata: SchemaOut[] }>('/api/schemata', signal),
    staleTime: Infinity,
  });

/** One page of the entity table. */
export const useEntityRows = (caseId: string, q: EntityRowsQuery, enabled = true) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'rows', q],
    queryFn: ({ signal }) =>
      get<EntityRowsOut>(caseUrl(caseId, `/entity-rows${qs(q as Record<string, string>)}`), signal),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useEntity = (caseId: string, entityId: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'entity', entityId],
    queryFn: ({ signal }) => get<EntityDetail>(caseUrl(caseId, `/entities/${encodeURIComponent(entityId)}`), signal),
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

export const useFiles = (caseId: string, entityId?: string) =>
  useQuery({
    queryKey: [...keys.caseData(caseId), 'files', entityId ?? null],
    queryFn: ({ signal }) => get<{ files: EvidenceFileOut[] }>(caseUrl(caseId, `/files${qs({ entityId })}`), signal),
  });

export const useFormats = () =>
  useQuery({
    queryKey: ['import-formats'],
    queryFn: ({ signal }) => get<{ formats: ImportFormatOut[] }>('/api/import-formats', signal),
    staleTime: Infinity,
  });

export const useSavedMappings = (format: string | undefined) =>
  useQuery({
    queryKey: ['import-mappings', format ?? null],
    queryFn: ({ signal }) => get<{ mappings: SavedMappingOut[] }>(`/api/import-mappings${qs({ format })}`, signal),
    enabled: !!format,
  });

export const useGlobalSearch = (q: string, mode: string) =>
  useQuery({
    queryKey: ['search', q, mode],
    queryFn: ({ signal }) => get<GlobalSearchOut>(`/api/search${qs({ q, mode })}`, signal),
    enabled: q.trim().length > 0,
  });

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
