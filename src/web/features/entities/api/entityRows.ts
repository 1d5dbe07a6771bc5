/**
 * Rows of the entity table fetched page by page as they scroll into view: a list of tens of
 * thousands of rows costs only the pages on screen.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { EntityRowOut, EntityRowsOut, EntityRowsQuery } from '../../../../shared/contracts/entities.ts';
import { get, qs } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';

export const PAGE_SIZE = 200;

type Filter = Omit<EntityRowsQuery, 'offset' | 'limit'>;

const fetchPage = (caseId: string, filter: Filter, page: number, signal: AbortSignal) =>
  get<EntityRowsOut>(
    `/api/cases/${encodeURIComponent(caseId)}/entity-rows${qs({ ...(filter as Record<string, string>), offset: page * PAGE_SIZE, limit: PAGE_SIZE })}`,
    signal,
  );

export function usePagedRows(caseId: string, filter: Filter, visiblePages: readonly number[]) {
  const key = [...keys.caseData(caseId), 'rows-paged', filter] as const;
  const first = useQuery({
    queryKey: [...key, 0],
    queryFn: ({ signal }) => fetchPage(caseId, filter, 0, signal),
    placeholderData: keepPreviousData,
  });
  const others = useQueries({
    queries: visiblePages
      .filter((p) => p > 0)
      .map((p) => ({
        queryKey: [...key, p],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchPage(caseId, filter, p, signal),
        staleTime: 60_000,
      })),
  });
  const pages = new Map<number, EntityRowOut[]>();
  if (first.data) pages.set(0, first.data.rows);
  visiblePages
    .filter((p) => p > 0)
    .forEach((p, i) => {
      const rows = others[i]?.data?.rows;
      if (rows) pages.set(p, rows);
    });
  return {
    total: first.data?.total,
    first,
    rowAt: (index: number): EntityRowOut | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
  };
}
