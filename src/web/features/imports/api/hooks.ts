/** The import formats and the mappings saved for them. */
import { useQuery } from '@tanstack/react-query';
import type { ImportFormatOut, SavedMappingOut } from '../../../../shared/contracts/imports.ts';
import { get, qs } from '../../../ui/api/client.ts';

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
