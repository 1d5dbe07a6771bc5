/** Query keys and case addresses every feature shares, so one change invalidates every view of a case. */
export const keys = {
  cases: ['cases'] as const,
  case: (id: string) => ['case', id] as const,
  caseData: (id: string) => ['case', id, 'data'] as const,
};

export const caseUrl = (caseId: string, rest: string): string => `/api/cases/${encodeURIComponent(caseId)}${rest}`;
