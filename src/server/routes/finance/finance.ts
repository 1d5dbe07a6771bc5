/**
 * Financial analysis: accounts and holders with their totals, counterparties, money flows and
 * tracing; red-flag findings (run, read, confirm or dismiss); the proceeds estimate and the
 * assumptions it rests on. Each handler calls one use case of services/finance.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  AccountOut,
  AccountsQuery,
  CounterpartiesQuery,
  DecisionBody,
  FindingOut,
  FindingsQuery,
  FlowsQuery,
  HoldersQuery,
  ProceedsBody,
  RunBody,
  TraceQuery,
  TransactionOut,
  TransactionRowsQuery,
} from '../../../shared/contracts/finance.ts';
import {
  exportTransactions,
  financeRules,
  findingsPage,
  findingWithEvidence,
  followMoney,
  listAccounts,
  listCounterparties,
  listHolders,
  listTransactions,
  moneyFlows,
  proceedsEstimate,
  proceedsModel,
  recordDecision,
  runRules,
  storeProceedsModel,
} from '../../../services/finance/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const FindingParams = CaseParams.extend({ findingId: z.string().min(1).max(200) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

export function financeRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/finance/rules',
    tag: 'finance',
    summary: 'The red-flag rules: what each looks for, its source, its parameters and their defaults',
    access: 'authenticated',
    handler: ({ store, caller }) => financeRules(store, caller),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/accounts',
    tag: 'finance',
    summary: 'Bank accounts with holders and totals in and out per currency for a period, paged by id',
    params: CaseParams,
    query: AccountsQuery,
    response: z.object({ accounts: z.array(AccountOut), next: z.string().nullable() }),
    access: read,
    handler: ({ store, caller, caseId, query }) => listAccounts(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/holders',
    tag: 'finance',
    summary: 'Totals in and out per account holder (person or company) and currency for a period, largest first',
    params: CaseParams,
    query: HoldersQuery,
    access: read,
    handler: ({ store, caller, caseId, query }) => listHolders(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/counterparties',
    tag: 'finance',
    summary: 'Counterparties of an account or of all accounts of a holder, ranked by volume',
    params: CaseParams,
    query: CounterpartiesQuery,
    access: read,
    handler: ({ store, caller, caseId, query }) => listCounterparties(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/flows',
    tag: 'finance',
    summary: 'Money flows account-to-account or holder-to-holder for the money-flow view and the link chart',
    params: CaseParams,
    query: FlowsQuery,
    access: read,
    handler: ({ store, caller, caseId, query }) => moneyFlows(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/trace',
    tag: 'finance',
    summary: 'Follow money from an account forward or backward, with limits on hops, period and minimum amount',
    params: CaseParams,
    query: TraceQuery,
    access: read,
    handler: ({ store, caller, caseId, query }) => followMoney(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/transactions',
    tag: 'finance',
    summary: 'Statement lines of an account or the case: filtered, sorted, offset-paged with a total',
    params: CaseParams,
    query: TransactionRowsQuery,
    response: z.object({ total: z.number(), transactions: z.array(TransactionOut) }),
    access: read,
    handler: ({ store, caller, caseId, query }) => listTransactions(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/finance/transactions/export',
    tag: 'finance',
    summary: 'The filtered statement lines as CSV, in the list’s order (watermarked)',
    params: CaseParams,
    query: TransactionRowsQuery.omit({ offset: true, limit: true }),
    access: read,
    handler: async ({ store, caller, caseId, query, reply }) => {
      const csv = await exportTransactions(store, caller, caseId, query);
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="transactions-${caseId}.csv"`);
      return Readable.from(csv);
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/findings',
    tag: 'findings',
    summary: 'Red-flag findings, strongest first, with whether the case changed since the rules last ran',
    params: CaseParams,
    query: FindingsQuery,
    response: z.object({
      findings: z.array(FindingOut),
      next: z.string().nullable(),
      stale: z.boolean(),
      lastRun: z.unknown(),
    }),
    access: read,
    handler: ({ store, caller, caseId, query }) => findingsPage(store, caller, caseId, query),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/findings/run',
    tag: 'findings',
    summary: 'Run the red-flag rules over the case (all, or those chosen, with parameters); decisions are kept',
    params: CaseParams,
    body: RunBody,
    access: write,
    handler: ({ store, caller, caseId, body }) => runRules(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/findings/:findingId',
    tag: 'findings',
    summary: 'A finding with the statement lines that show it',
    params: FindingParams,
    response: z.object({ finding: FindingOut, evidence: z.array(TransactionOut) }),
    access: read,
    handler: ({ store, caller, caseId, params }) =>
      findingWithEvidence(store, caller, caseId, { findingId: params.findingId }),
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId/findings/:findingId',
    tag: 'findings',
    summary: 'Confirm or dismiss a finding (or reopen it); recorded in the case journal',
    params: FindingParams,
    body: DecisionBody,
    response: FindingOut,
    access: write,
    handler: ({ store, caller, caseId, params, body }) =>
      recordDecision(store, caller, caseId, { findingId: params.findingId, decision: body }),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/proceeds',
    tag: 'proceeds',
    summary: 'Proceeds estimate (confiscation and compensation) with every assumption and its source',
    params: CaseParams,
    access: read,
    handler: ({ store, caller, caseId }) => proceedsEstimate(store, caller, caseId, undefined),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/proceeds/preview',
    tag: 'proceeds',
    summary: 'The estimate with the assumptions sent, without storing them',
    params: CaseParams,
    body: ProceedsBody,
    bodyLimit: MiB,
    access: read,
    handler: ({ store, caller, caseId, body }) => proceedsEstimate(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/proceeds/model',
    tag: 'proceeds',
    summary: 'The assumptions and choices the case’s estimate uses',
    params: CaseParams,
    access: read,
    handler: ({ store, caller, caseId }) => proceedsModel(store, caller, caseId),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/proceeds/model',
    tag: 'proceeds',
    summary: 'Store the assumptions (each with value, unit and source) and choices of the estimate',
    params: CaseParams,
    body: ProceedsBody,
    bodyLimit: MiB,
    access: write,
    handler: ({ store, caller, caseId, body }) => storeProceedsModel(store, caller, caseId, body),
  });
}
