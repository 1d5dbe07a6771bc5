/** Search across every case the user may read. */
import { useQuery } from '@tanstack/react-query';
import type { GlobalSearchOut } from '../../../../shared/contracts/search.ts';
import { get, qs } from '../../../ui/api/client.ts';

export const useGlobalSearch = (q: string, mode: string) =>
  useQuery({
    queryKey: ['search', q, mode],
    queryFn: ({ signal }) => get<GlobalSearchOut>(`/api/search${qs({ q, mode })}`, signal),
    enabled: q.trim().length > 0,
  });
