/** Server state of the identification page, one query key per resource. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, get, qs } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';
import type {
  AssessmentOut,
  DecisionOut,
  LegalMatrixOut,
  PersonSummaryOut,
} from '../../../../shared/contracts/identification.ts';
import type { Catalogue, Observation, ScreeningForm } from './types.ts';

export const DELPHI = 'ilo-ec-delphi-2009';
export const idKeys = {
  all: (caseId: string) => [...keys.caseData(caseId), 'identification'] as const,
};

export const useCatalogue = (key = DELPHI) =>
  useQuery({
    queryKey: ['indicator-catalogue', key],
    queryFn: ({ signal }) =>
      get<{ catalogue: Catalogue }>(`/api/indicator-catalogues/${encodeURIComponent(key)}`, signal),
    staleTime: Infinity,
  });

export const useScreeningForm = () =>
  useQuery({
    queryKey: ['screening-form'],
    queryFn: ({ signal }) => get<ScreeningForm>('/api/screening-form', signal),
    staleTime: Infinity,
  });

export const usePersons = (caseId: string, assessed: string) =>
  useQuery({
    queryKey: [...idKeys.all(caseId), 'persons', assessed],
    queryFn: ({ signal }) =>
      get<{ persons: PersonSummaryOut[]; victimContact: boolean }>(
        caseUrl(caseId, `/identification/persons${qs({ assessed })}`),
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const useHistory = (caseId: string, personId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...idKeys.all(caseId), 'history', personId],
    queryFn: ({ signal }) =>
      get<{ assessments: AssessmentOut[] }>(
        caseUrl(caseId, `/identification/persons/${encodeURIComponent(personId)}/assessments`),
        signal,
      ),
    enabled,
  });

export const useObservations = (caseId: string, personId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...idKeys.all(caseId), 'observations', personId],
    queryFn: ({ signal }) =>
      get<{ observations: Observation[] }>(
        caseUrl(caseId, `/identification/observations${qs({ person: personId })}`),
        signal,
      ),
    enabled,
  });

export const useLegalMatrix = (caseId: string) =>
  useQuery({
    queryKey: [...idKeys.all(caseId), 'matrix'],
    queryFn: ({ signal }) => get<LegalMatrixOut>(caseUrl(caseId, '/legal-matrix'), signal),
  });

export interface EvaluateInput {
  list: string;
  population: 'adult' | 'child';
  items: string[];
  acts: string[];
}
export const useEvaluation = (input: EvaluateInput) =>
  useQuery({
    queryKey: ['indicator-evaluation', input],
    queryFn: ({ signal }) =>
      api<{ decision: DecisionOut }>('POST', '/api/indicators/evaluate', { catalogue: DELPHI, ...input }, signal),
    placeholderData: keepPreviousData,
  });

export const saveAssessment = (caseId: string, personId: string, body: unknown) =>
  api<{ assessment: AssessmentOut }>(
    'POST',
    caseUrl(caseId, `/identification/persons/${encodeURIComponent(personId)}/assessments`),
    body,
  );

export const addPersonNote = (caseId: string, personId: string, text: string) =>
  api<{ id: string }>('POST', caseUrl(caseId, `/entities/${encodeURIComponent(personId)}/notes`), { text });

export const fillFromObservations = (caseId: string) =>
  api<{ assessed: number; presumed: number }>('POST', caseUrl(caseId, '/identification/fill'), {});
