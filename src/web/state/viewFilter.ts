/**
 * The period every analysis view obeys. Brushing a period on the timeline sets it; the link
 * chart, chain view, map and money flow filter by it; clearing it anywhere clears it everywhere.
 * Together with the one selection (session.ts) this is what keeps the views in step.
 */
import { create } from 'zustand';

/** Inclusive ISO dates (YYYY-MM-DD) or full timestamps; null ends are open. */
export interface Period {
  from: string | null;
  to: string | null;
}

interface ViewFilter {
  caseId: string | null;
  period: Period | null;
  setPeriod: (caseId: string, period: Period | null) => void;
}

export const useViewFilter = create<ViewFilter>((set) => ({
  caseId: null,
  period: null,
  setPeriod: (caseId, period) => set({ caseId, period }),
}));

/** The period that applies to this case's views (a period brushed in another case does not). */
export function usePeriod(caseId: string): Period | null {
  return useViewFilter((s) => (s.caseId === caseId ? s.period : null));
}
