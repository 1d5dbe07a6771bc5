/**
 * Server state of the finance pages: accounts and their counterparties, statement lines in
 * offset pages for the virtualised list, findings, the rules, and the proceeds estimate with its
 * model. Everything sits under the case's data key, so any change refreshes what depends on it.
 */
import type { Sentence } from '../../../../shared/sentences.ts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type {
  AccountOut,
  Assumption,
  FindingOut,
  FindingStatus,
  MoneyTotals,
  ProceedsModel,
  TransactionOut,
  TransactionRowsOut,
  TransactionRowsQuery,
} from '../../../../shared/contracts/finance.ts';
import { get, qs } from '../../../ui/api/client.ts';
import { caseUrl, keys } from '../../../ui/api/keys.ts';
import type { Period } from '../../../state/viewFilter.ts';

export type { AccountOut, FindingOut, MoneyTotals, TransactionOut };

const financeKey = (caseId: string) => [...keys.caseData(caseId), 'finance'] as const;

/** The period as query parameters; a full timestamp is cut to its date (the API takes days). */
export const periodParams = (p: Period | null) => ({
  from: p?.from?.slice(0, 10) ?? undefined,
  to: p?.to?.slice(0, 10) ?? undefined,
});

export const useAccounts = (caseId: string, period: Period | null) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'accounts', period],
    queryFn: ({ signal }) =>
      get<{ accounts: AccountOut[]; next: string | null }>(
        caseUrl(caseId, `/finance/accounts${qs({ ...periodParams(period), limit: 1000 })}`),
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export interface CounterpartyOut extends MoneyTotals {
  key: string;
  accountId: string | null;
  name: string | null;
  account: string | null;
}

export const useCounterparties = (caseId: string, account: string | null, period: Period | null) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'counterparties', account, period],
    queryFn: ({ signal }) =>
      get<{ counterparties: CounterpartyOut[] }>(
        caseUrl(caseId, `/finance/counterparties${qs({ account, ...periodParams(period), limit: 15 })}`),
        signal,
      ),
    enabled: !!account,
  });

export const TX_PAGE = 200;
export type TxFilter = Omit<TransactionRowsQuery, 'offset' | 'limit'>;

const fetchTxPage = (caseId: string, filter: TxFilter, page: number, signal: AbortSignal) =>
  get<TransactionRowsOut>(
    caseUrl(
      caseId,
      `/finance/transactions${qs({ ...(filter as Record<string, string>), offset: page * TX_PAGE, limit: TX_PAGE })}`,
    ),
    signal,
  );

/** Statement lines fetched page by page as they scroll into view. */
export function usePagedTransactions(caseId: string, filter: TxFilter, visiblePages: readonly number[]) {
  const key = [...financeKey(caseId), 'tx', filter] as const;
  const first = useQuery({
    queryKey: [...key, 0],
    queryFn: ({ signal }) => fetchTxPage(caseId, filter, 0, signal),
    placeholderData: keepPreviousData,
  });
  const others = useQueries({
    queries: visiblePages
      .filter((p) => p > 0)
      .map((p) => ({
        queryKey: [...key, p],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchTxPage(caseId, filter, p, signal),
        staleTime: 60_000,
      })),
  });
  const pages = new Map<number, TransactionOut[]>();
  if (first.data) pages.set(0, first.data.transactions);
  visiblePages
    .filter((p) => p > 0)
    .forEach((p, i) => {
      const rows = others[i]?.data?.transactions;
      if (rows) pages.set(p, rows);
    });
  return {
    total: first.data?.total,
    first,
    rowAt: (i: number): TransactionOut | undefined => pages.get(Math.floor(i / TX_PAGE))?.[i % TX_PAGE],
  };
}

/** The CSV export of the same lines (an audited disclosure on the server). */
export const exportUrl = (caseId: string, filter: TxFilter) =>
  caseUrl(caseId, `/finance/transactions/export${qs(filter as Record<string, string>)}`);

export interface FindingsOut {
  findings: FindingOut[];
  next: string | null;
  stale: boolean;
  /** Rules whose input the case's statements lack. */
  notices: {
    rules: string[];
    input: 'statements' | 'depositPlaces' | 'counterpartyAccounts';
    have: number;
    of: number;
  }[];
  lastRun: { id: string; finishedAt: string; findings: number; transactions: number } | null;
}

export const useFindings = (caseId: string, filter: { rule?: string; status?: FindingStatus | '' }) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'findings', filter],
    queryFn: ({ signal }) =>
      get<FindingsOut>(caseUrl(caseId, `/findings${qs({ ...filter, includeOld: 'true', limit: 1000 })}`), signal),
    placeholderData: keepPreviousData,
  });

export const useFinding = (caseId: string, findingId: string | null) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'finding', findingId],
    queryFn: ({ signal }) =>
      get<{ finding: FindingOut; evidence: TransactionOut[] }>(
        caseUrl(caseId, `/findings/${encodeURIComponent(findingId ?? '')}`),
        signal,
      ),
    enabled: !!findingId,
  });

/** Open findings of the case (for the dashboard and the navigator). */
export const useOpenFindings = (caseId: string) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'findings', { status: 'open' }, 'count'],
    queryFn: ({ signal }) => get<FindingsOut>(caseUrl(caseId, '/findings?status=open&limit=1000'), signal),
    select: (d) => ({ count: d.findings.length, more: !!d.next, stale: d.stale, ran: !!d.lastRun }),
  });

export interface RuleOut {
  id: string;
  title: string;
  source: string;
}

export const useRules = () =>
  useQuery({
    queryKey: ['finance-rules'],
    queryFn: ({ signal }) => get<{ rules: RuleOut[] }>('/api/finance/rules', signal),
    staleTime: Infinity,
  });

export type ProceedsKind = 'wageKickback' | 'deduction' | 'recruitmentFee' | 'sexualServices' | 'wagesOwed';

export interface ProceedsItem {
  kind: ProceedsKind;
  basis: 'observed' | 'recorded' | 'assumed' | 'modelled';
  amountMinor: number;
  currency: string;
  explanation: string;
  words?: Sentence[];
  evidence: string[];
  assumptions: string[];
}

export interface ProceedsOut {
  assumptions: (Assumption & { used: boolean })[];
  victims: {
    personId: string;
    items: ProceedsItem[];
    takenMinor: number;
    owedMinor: number | null;
    currency: string;
  }[];
  funnels: {
    accountId: string;
    depositsMinor: number;
    deposits: number;
    currency: string;
    first: string | null;
    last: string | null;
  }[];
  sexual: {
    observedMinor: number;
    modelledMinor: number | null;
    basis: 'observed' | 'model';
    explanation: string;
    words?: Sentence[];
  };
  totals: { currency: string; byKind: Record<ProceedsKind, number>; proceedsMinor: number; owedToVictimsMinor: number };
  /** Norms from sourced data (statutory minimum wages) the estimate used, each with its source. */
  norms: { name: string; monthlyMinor: number; currency: string; source: string }[];
  notes: string[];
  model: ProceedsModel;
  basedOn: { findingId: string; rule: string }[];
}

export const useProceeds = (caseId: string) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'proceeds'],
    queryFn: ({ signal }) => get<ProceedsOut>(caseUrl(caseId, '/proceeds'), signal),
  });

export const useProceedsModel = (caseId: string) =>
  useQuery({
    queryKey: [...financeKey(caseId), 'proceeds-model'],
    queryFn: ({ signal }) =>
      get<{ model: ProceedsModel; updatedBy: string | null; updatedAt: string | null }>(
        caseUrl(caseId, '/proceeds/model'),
        signal,
      ),
  });
