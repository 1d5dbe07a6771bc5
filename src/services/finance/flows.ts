/**
 * Money flows for the accounts page, the money-flow view and the link chart: totals in and out
 * per account and per holder for a period and currency, counterparties ranked by volume, and
 * flows aggregated account-to-account or entity-to-entity. Aggregation runs in SQL (one grouped
 * scan of the period); the two views of one transfer — the payer's debit and the payee's credit,
 * when both statements are in the case — are merged by taking the larger, not added.
 */
import type { FlowEdgeOut } from '../../shared/contracts/finance.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { accountTotalRows, counterpartyRows, flowRows } from '../../store/repos/finance/flows.ts';
import type { Period, TotalsRow } from '../../store/repos/finance/flows.ts';

export type { Period };

export interface Totals {
  currency: string;
  inMinor: number;
  outMinor: number;
  credits: number;
  debits: number;
  first: string | null;
  last: string | null;
}

function chunks<T>(xs: readonly T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const totalsOf = (r: TotalsRow): Totals => ({
  currency: r.currency,
  inMinor: Number(r.in_sum ?? 0),
  outMinor: Number(r.out_sum ?? 0),
  credits: Number(r.n_in ?? 0),
  debits: Number(r.n_out ?? 0),
  first: (r.first as string | null) ?? null,
  last: (r.last as string | null) ?? null,
});

/** Totals per account and currency; all accounts with lines in the period, or the ones given. */
export async function accountTotals(
  scope: CaseScope,
  p: Period,
  accountIds?: readonly string[],
): Promise<Map<string, Totals[]>> {
  const run = (ids?: readonly string[]) => accountTotalRows(scope, p, ids);
  const rows = accountIds
    ? (await Promise.all(chunks([...new Set(accountIds)]).map((c) => run(c)))).flat()
    : await run();
  const out = new Map<string, Totals[]>();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push(totalsOf(r));
    out.set(r.account_id, list);
  }
  return out;
}

/** Adds per-account totals up per holder (an account held jointly counts for each holder). */
export function holderTotals(
  byAccount: ReadonlyMap<string, readonly Totals[]>,
  holdersOf: (accountId: string) => readonly string[],
): Map<string, Totals[]> {
  const out = new Map<string, Map<string, Totals>>();
  for (const [account, list] of byAccount) {
    for (const holder of holdersOf(account)) {
      const byCur = out.get(holder) ?? new Map<string, Totals>();
      for (const t of list) {
        const acc = byCur.get(t.currency);
        if (!acc) byCur.set(t.currency, { ...t });
        else {
          acc.inMinor += t.inMinor;
          acc.outMinor += t.outMinor;
          acc.credits += t.credits;
          acc.debits += t.debits;
          if (t.first && (!acc.first || t.first < acc.first)) acc.first = t.first;
          if (t.last && (!acc.last || t.last > acc.last)) acc.last = t.last;
        }
      }
      out.set(holder, byCur);
    }
  }
  return new Map([...out].map(([h, m]) => [h, [...m.values()]]));
}

export interface Counterparty extends Totals {
  /** `acct-…` entity id, `no:<account number>` or `name:<name>`. */
  key: string;
  accountId: string | null;
  name: string | null;
  account: string | null;
}

/** Who the given accounts paid and were paid by in the period, largest volume first. */
export async function rankCounterparties(
  scope: CaseScope,
  accountIds: readonly string[],
  p: Period,
  limit: number,
): Promise<Counterparty[]> {
  const rows = (
    await Promise.all(chunks([...new Set(accountIds)]).map((ids) => counterpartyRows(scope, p, ids)))
  ).flat();
  // Chunks of accounts may name the same counterparty: add them up.
  const merged = new Map<string, Counterparty>();
  for (const r of rows) {
    const key = r.cp ?? '(none)';
    const t = totalsOf(r);
    const k = `${key}\u001f${t.currency}`;
    const prev = merged.get(k);
    if (!prev) {
      merged.set(k, {
        key,
        accountId: (r.account_id as string | null) ?? null,
        name: (r.name as string | null) ?? null,
        account: (r.account as string | null) ?? null,
        ...t,
      });
      continue;
    }
    prev.inMinor += t.inMinor;
    prev.outMinor += t.outMinor;
    prev.credits += t.credits;
    prev.debits += t.debits;
    if (t.first && (!prev.first || t.first < prev.first)) prev.first = t.first;
    if (t.last && (!prev.last || t.last > prev.last)) prev.last = t.last;
  }
  return [...merged.values()]
    .sort((a, b) => b.inMinor + b.outMinor - (a.inMinor + a.outMinor) || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

/** One direction of money between two parties in one currency: the shape the flows API returns. */
export type FlowEdge = FlowEdgeOut;

export interface FlowQuery extends Period {
  /** Lines of at least this many minor units (either direction). */
  minAmount?: number | undefined;
  /** Only lines of these accounts' statements (a partial share, or a focus). */
  accountIds?: readonly string[] | undefined;
}

/**
 * Account-to-account flows with both views merged: the payer's debits (account → counterparty)
 * and the payee's credits (counterparty → account). External counterparties are `no:`/`name:`
 * nodes.
 */
export async function accountFlows(scope: CaseScope, q: FlowQuery): Promise<FlowEdge[]> {
  const run = (ids?: readonly string[]) => flowRows(scope, q, ids);
  const rows = q.accountIds
    ? (await Promise.all(chunks([...new Set(q.accountIds)]).map((c) => run(c)))).flat()
    : await run();
  const views = new Map<string, { debit: FlowEdge; credit: FlowEdge }>();
  const view = (from: string, to: string, currency: string) => {
    const k = `${from}\u001f${to}\u001f${currency}`;
    let v = views.get(k);
    if (!v) {
      const blank = (): FlowEdge => ({ from, to, currency, amountMinor: 0, count: 0, first: null, last: null });
      views.set(k, (v = { debit: blank(), credit: blank() }));
    }
    return v;
  };
  const add = (e: FlowEdge, amount: number, count: number, first: string | null, last: string | null) => {
    e.amountMinor += amount;
    e.count += count;
    if (first && (!e.first || first < e.first)) e.first = first;
    if (last && (!e.last || last > e.last)) e.last = last;
  };
  for (const r of rows) {
    const t = totalsOf(r);
    const cp = r.cp as string;
    if (t.outMinor) add(view(r.account_id, cp, t.currency).debit, t.outMinor, t.debits, t.first, t.last);
    if (t.inMinor) add(view(cp, r.account_id, t.currency).credit, t.inMinor, t.credits, t.first, t.last);
  }
  return [...views.values()].map(({ debit: d, credit: c }) => (d.amountMinor >= c.amountMinor ? d : c));
}

/** Flows between nodes mapped by `nodeOf` (e.g. account → holder); self-flows are dropped. */
export function groupFlows(edges: readonly FlowEdge[], nodeOf: (id: string) => string): FlowEdge[] {
  const out = new Map<string, FlowEdge>();
  for (const e of edges) {
    const from = nodeOf(e.from);
    const to = nodeOf(e.to);
    if (from === to) continue;
    const k = `${from}\u001f${to}\u001f${e.currency}`;
    const g = out.get(k);
    if (!g) {
      out.set(k, { ...e, from, to });
      continue;
    }
    g.amountMinor += e.amountMinor;
    g.count += e.count;
    if (e.first && (!g.first || e.first < g.first)) g.first = e.first;
    if (e.last && (!g.last || e.last > g.last)) g.last = e.last;
  }
  return [...out.values()];
}
