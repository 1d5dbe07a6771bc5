/** The entity table, one entity and the schemata the forms are built from. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntityDetail, EntityRowsOut, EntityRowsQuery, SchemaOut } from '../../../../shared/contracts/entities.ts';
import { get, qs } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';

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
