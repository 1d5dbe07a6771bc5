/**
 * The money-flow view draws the finance flow aggregation (services/financeFlows.ts through
 * GET /finance/flows); this module only answers the click on one flow: the statement lines
 * behind it. It reads a flow the way the aggregation builds it — nodes are account holders (or
 * accounts), external parties are `no:`/`name:` keys, and of the payer's debits and the
 * payee's credits of one transfer the larger view counts.
 */
import type { z } from 'zod';
import type { FlowTransactionsQuery } from '../../shared/contracts/views.ts';
import type { TransactionRow } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import { accountLines } from '../../store/repos/views/views.ts';
import { loadFinanceContext, presentTransaction } from '../finance/index.ts';
import { canSee, visibilityOf, type CaseAccess } from '../access/index.ts';
import { lineFor, partyKey } from '../../domain/access/visibility.ts';
import { caseUseCase } from '../useCase/index.ts';

/** The counterparty key of a line, as financeFlows.ts groups by it. */
const keyOf = (t: TransactionRow): string | null =>
  t.counterparty_account_id ??
  (t.counterparty_account !== null
    ? `no:${t.counterparty_account}`
    : t.counterparty_name !== null
      ? `name:${t.counterparty_name}`
      : null);

export async function flowTransactions(store: Store, access: CaseAccess, q: z.infer<typeof FlowTransactionsQuery>) {
  const v = await visibilityOf(store, access);
  const scope = store.scope(access.caseId);
  const ctx = await loadFinanceContext(scope);
  const accountsOf = (node: string): string[] => {
    if (node.includes(':')) return [];
    if (q.level === 'account') return ctx.accounts.has(node) ? [node] : [];
    const held = [...ctx.accounts.values()].filter((a) => (a.holderIds[0] ?? a.id) === node).map((a) => a.id);
    return held.filter((a) => canSee(v, a));
  };
  // A flow end named by a value the caller may not see is no flow to them (no name oracle).
  if (partyKey(v.protection, q.source) !== q.source || partyKey(v.protection, q.target) !== q.target)
    return { debits: 0, credits: 0, transactions: [] };
  const fromAccounts = accountsOf(q.source);
  const toAccounts = accountsOf(q.target);
  const fromKeys = new Set(fromAccounts.length ? fromAccounts : [q.source]);
  const toKeys = new Set(toAccounts.length ? toAccounts : [q.target]);
  const accounts = [...new Set([...fromAccounts, ...toAccounts])];
  if (!accounts.length) return { debits: 0, credits: 0, transactions: [] };
  const lines = await accountLines(scope, { accounts, currency: q.currency, from: q.from, to: q.to });
  const debit = lines.filter(
    (t) => fromKeys.has(t.account_id) && Number(t.amount_minor) < 0 && toKeys.has(keyOf(t) ?? ''),
  );
  const credit = lines.filter(
    (t) => toKeys.has(t.account_id) && Number(t.amount_minor) > 0 && fromKeys.has(keyOf(t) ?? ''),
  );
  const sum = (xs: TransactionRow[]) => xs.reduce((s, t) => s + Math.abs(Number(t.amount_minor)), 0);
  const chosen = sum(debit) >= sum(credit) ? debit : credit;
  return {
    debits: debit.length,
    credits: credit.length,
    transactions: chosen.flatMap((t) => lineFor(v.protection, presentTransaction(t)) ?? []).slice(0, q.limit),
  };
}

export const flowLines = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'transactions' },
  run: async ({ store, access, audit }, query: z.infer<typeof FlowTransactionsQuery>) => {
    const out = await flowTransactions(store, access, query);
    audit.returned([...new Set(out.transactions.map((t) => t.accountId))]);
    audit.detail({ returned: out.transactions.length, from: query.from, to: query.to, currency: query.currency });
    return out;
  },
});
