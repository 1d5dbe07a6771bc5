/** Server state of the prosecution pages: report jobs, the evidence register, victims' files. */
import { useQuery } from '@tanstack/react-query';
import type { RegisterOut, ReportJobOut, VictimFileOut } from '../../../../shared/contracts/prosecution.ts';
import { get } from '../../../ui/api/client.ts';
import { keys } from '../../../ui/api/keys.ts';

export const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
export const prosecutionKey = (caseId: string) => [...keys.caseData(caseId), 'prosecution'] as const;

/** Polls a running report job twice a second until it is done or failed. */
export const useReportJob = (caseId: string, id: string | null) =>
  useQuery({
    queryKey: [...prosecutionKey(caseId), 'job', id],
    queryFn: ({ signal }) => get<ReportJobOut>(`${base(caseId)}/reports/${encodeURIComponent(id ?? '')}`, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });

/** The register reads every file when verifying: only when asked. */
export const useRegister = (caseId: string, verify: boolean) =>
  useQuery({
    queryKey: [...prosecutionKey(caseId), 'register', verify],
    queryFn: ({ signal }) => get<RegisterOut>(`${base(caseId)}/evidence-register?verify=${verify}`, signal),
  });

export interface VictimSummary {
  personId: string;
  caption: string;
  hasFile: boolean;
  reflectionEnd: string | null;
  dueReminders: number;
}

export const useVictims = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...prosecutionKey(caseId), 'victims'],
    queryFn: ({ signal }) => get<{ victims: VictimSummary[] }>(`${base(caseId)}/victims`, signal),
    enabled,
    retry: false,
  });

export const useVictimFile = (caseId: string, personId: string | null) =>
  useQuery({
    queryKey: [...prosecutionKey(caseId), 'victim', personId],
    queryFn: ({ signal }) =>
      get<VictimFileOut>(`${base(caseId)}/victims/${encodeURIComponent(personId ?? '')}/file`, signal),
    enabled: !!personId,
    retry: false,
  });
