/** Server state of the captures page: captures, one capture, the ad networks, the evidence check. */
import { useQuery } from '@tanstack/react-query';
import type {
  CaptureDetailOut,
  CaptureSummaryOut,
  EvidenceCheckOut,
  NetworksOut,
} from '../../../../shared/contracts/captures.ts';
import { get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
export const capturesKey = (caseId: string) => [...keys.caseData(caseId), 'captures'] as const;

export const useCaptures = (caseId: string) =>
  useQuery({
    queryKey: [...capturesKey(caseId), 'list'],
    queryFn: ({ signal }) => get<{ captures: CaptureSummaryOut[] }>(`${base(caseId)}/captures`, signal),
  });

export const useCapture = (caseId: string, id: string | null) =>
  useQuery({
    queryKey: [...capturesKey(caseId), 'one', id],
    queryFn: ({ signal }) => get<CaptureDetailOut>(`${base(caseId)}/captures/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
  });

export const useNetworks = (caseId: string) =>
  useQuery({
    queryKey: [...capturesKey(caseId), 'networks'],
    queryFn: ({ signal }) => get<NetworksOut>(`${base(caseId)}/captures/networks`, signal),
  });

/** The evidence check runs only when asked (it reads every file). */
export const useEvidenceCheck = (caseId: string) =>
  useQuery({
    queryKey: [...capturesKey(caseId), 'verify'],
    queryFn: ({ signal }) => get<EvidenceCheckOut>(`${base(caseId)}/evidence/verify`, signal),
    enabled: false,
    gcTime: 0,
  });

export const uploadUrl = (caseId: string, name: string, url: string, capturedAt: string) =>
  `${base(caseId)}/captures?name=${encodeURIComponent(name)}&url=${encodeURIComponent(url)}&capturedAt=${encodeURIComponent(capturedAt)}`;
