/**
 * The financial-analysis reads as use cases: the rule catalogue, accounts, holders,
 * counterparties, flows, tracing, statement lines and their CSV export. Each is authorised and
 * leaves one record naming what it returned.
 */
import type { z } from 'zod';
import { describeRule, RULES } from '../../domain/finance/rules/index.ts';
import type {
  AccountsQuery,
  CounterpartiesQuery,
  FlowsQuery,
  HoldersQuery,
  TraceQuery,
  TransactionRowsQuery,
} from '../../shared/contracts/finance.ts';
import { errors } from '../../shared/errors.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import { canSee, visibilityOf } from '../access/index.ts';
import { caseUseCase, globalUseCase } from '../useCase/index.ts';
import { accountPage, counterpartiesOf, flowGraph, holderPage } from './overview.ts';
import { traceMoney } from './trace.ts';
import { transactionRows, transactionsCsv } from './transactions.ts';

type Rows = z.output<typeof TransactionRowsQuery>;

export const financeRules = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'finance_rules' },
  run: async () => ({ rules: RULES.map(describeRule) }),
});

export const listAccounts = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'accounts' },
  run: async ({ store, access, audit }, q: z.output<typeof AccountsQuery>) => {
    const page = await accountPage(store, access, q);
    audit.returned(page.accounts.map((a) => a.id));
    return page;
  },
});

export const listHolders = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'holders' },
  run: async ({ store, access, audit }, q: z.output<typeof HoldersQuery>) => {
    const out = await holderPage(store, access, q);
    audit.returned(out.holders.map((h) => h.id));
    return out;
  },
});

export const listCounterparties = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'counterparties' },
  run: async ({ store, access, audit }, q: z.output<typeof CounterpartiesQuery>) => {
    const out = await counterpartiesOf(store, access, q);
    audit.returned(out.accountIds);
    return out;
  },
});

export const moneyFlows = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'flows' },
  run: async ({ store, access, audit }, q: z.output<typeof FlowsQuery>) => {
    const out = await flowGraph(store, access, q);
    audit.returned(out.nodes.filter((n) => n.kind !== 'external').map((n) => n.id));
    return out;
  },
});

export const followMoney = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'trace' },
  run: async ({ store, caseId, access, audit }, q: z.output<typeof TraceQuery>) => {
    const v = await visibilityOf(store, access);
    const account = canSee(v, q.account) ? await getEntity(store.scope(caseId), q.account) : undefined;
    if (account?.schema !== 'BankAccount') throw errors.notFound('Account');
    audit.target(q.account);
    const out = await traceMoney(store.scope(caseId), {
      accountId: q.account,
      direction: q.direction,
      hops: q.hops,
      from: q.from,
      to: q.to,
      minAmount: q.minAmount,
      maxNodes: q.maxNodes,
      visible: v.only,
    });
    audit.returned(out.nodes.map((n) => n.id));
    return out;
  },
});

export const listTransactions = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'transactions' },
  run: async ({ store, access, audit }, q: Rows) => {
    const out = await transactionRows(store, access, q);
    audit.returned([...new Set(out.transactions.map((t) => t.accountId))]);
    audit.detail({ returned: out.transactions.length, total: out.total, from: q.from, to: q.to });
    return out;
  },
});

/** The filtered lines as watermarked CSV, streamed. */
export const exportTransactions = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'export' },
  run: async ({ store, actor, access, audit }, q: Omit<Rows, 'offset' | 'limit'>) => {
    const csv = await transactionsCsv(store, actor, access, { ...q, offset: 0, limit: 1 });
    if (q.account) audit.target(q.account);
    audit.detail({ format: 'csv', from: q.from, to: q.to });
    return csv;
  },
});

// The rule catalogue and the estimate's shape, for the CLI's help and printing.
export { RULES } from '../../domain/finance/rules/index.ts';
export type { ProceedsEstimate } from '../../domain/finance/proceeds.ts';
