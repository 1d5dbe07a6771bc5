/**
 * Following money from one account forward (where did it go?) or backward (where did it come
 * from?), hop by hop, with limits on hops, period, minimum amount and graph size. Time runs one
 * way: forward, money can only leave an account on or after the day it first arrived there on
 * the traced path; backward, it must have arrived on or before the day it left. Each hop is two
 * indexed queries (the frontier's own statements and the other side's statements naming it).
 */
import type { CaseScope } from '../../store/caseScope.ts';
import { traceLines } from '../../store/repos/finance/flows.ts';

export interface TraceQuery {
  accountId: string;
  direction: 'forward' | 'backward';
  hops: number;
  from?: string | undefined;
  to?: string | undefined;
  /** Minor units; smaller lines are not followed. */
  minAmount: number;
  maxNodes: number;
  /** Lines per hop read at most (the graph is then marked truncated). */
  maxLinesPerHop?: number;
  /** Accounts the caller may see (partial share); others are not followed. */
  visible?: ReadonlySet<string> | null;
}

export interface TraceNode {
  id: string;
  hop: number;
  /** Forward: first day money reached it on the path; backward: last day it left toward the start. */
  day: string;
}

export interface TraceEdge {
  from: string;
  to: string;
  currency: string;
  /** The larger of the payer's and the payee's view of the same money. */
  amountMinor: number;
  count: number;
  first: string;
  last: string;
  transactionIds: string[];
}

const MAX_EDGE_IDS = 50;

export async function traceMoney(
  scope: CaseScope,
  q: TraceQuery,
): Promise<{ nodes: TraceNode[]; edges: TraceEdge[]; truncated: boolean }> {
  const forward = q.direction === 'forward';
  const limit = q.maxLinesPerHop ?? 50_000;
  const start = forward ? (q.from ?? '0000-01-01') : (q.to ?? '9999-12-31');
  const nodes = new Map<string, TraceNode>([[q.accountId, { id: q.accountId, hop: 0, day: start }]]);
  const edges = new Map<string, TraceEdge & { debit: number; credit: number; debits: number; credits: number }>();
  let frontier = [q.accountId];
  let truncated = false;

  const select = (column: 'account_id' | 'counterparty_account_id', ids: string[], sign: 1 | -1) =>
    traceLines(scope, column, ids, { from: q.from, to: q.to, sign, minAmount: q.minAmount, forward, limit });

  for (let hop = 1; hop <= q.hops && frontier.length; hop++) {
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += 500) {
      const ids = frontier.slice(i, i + 500);
      // Forward: the frontier's debits and others' credits naming it; backward the reverse.
      const own = await select('account_id', ids, forward ? -1 : 1);
      const other = await select('counterparty_account_id', ids, forward ? 1 : -1);
      if (own.length >= limit || other.length >= limit) truncated = true;
      const moves = [
        ...own.map((l) => ({
          l,
          payer: forward ? l.account_id : (l.counterparty_account_id ?? ''),
          payee: forward ? (l.counterparty_account_id ?? '') : l.account_id,
          view: forward ? 'debit' : 'credit',
        })),
        ...other.map((l) => ({
          l,
          payer: forward ? (l.counterparty_account_id ?? '') : l.account_id,
          payee: forward ? l.account_id : (l.counterparty_account_id ?? ''),
          view: forward ? 'credit' : 'debit',
        })),
      ];
      for (const { l, payer, payee, view } of moves) {
        const near = forward ? payer : payee;
        const far = forward ? payee : payer;
        const at = nodes.get(near);
        if (!at || !far || far === near) continue;
        if (forward ? l.booking_date < at.day : l.booking_date > at.day) continue;
        if (q.visible && !q.visible.has(far)) continue;
        const k = `${payer}\u001f${payee}\u001f${l.currency}`;
        let e = edges.get(k);
        if (!e)
          edges.set(
            k,
            (e = {
              from: payer,
              to: payee,
              currency: l.currency,
              amountMinor: 0,
              count: 0,
              first: l.booking_date,
              last: l.booking_date,
              transactionIds: [],
              debit: 0,
              credit: 0,
              debits: 0,
              credits: 0,
            }),
          );
        const amount = Math.abs(Number(l.amount_minor));
        if (view === 'debit') {
          e.debit += amount;
          e.debits++;
        } else {
          e.credit += amount;
          e.credits++;
        }
        if (l.booking_date < e.first) e.first = l.booking_date;
        if (l.booking_date > e.last) e.last = l.booking_date;
        if (e.transactionIds.length < MAX_EDGE_IDS) e.transactionIds.push(l.id);
        const seen = nodes.get(far);
        if (!seen) {
          if (nodes.size >= q.maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(far, { id: far, hop, day: l.booking_date });
          next.add(far);
        } else if (seen.hop === hop && (forward ? l.booking_date < seen.day : l.booking_date > seen.day)) {
          seen.day = l.booking_date;
        }
      }
    }
    frontier = [...next];
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map(({ debit, credit, debits, credits, ...e }) => ({
      ...e,
      amountMinor: Math.max(debit, credit),
      count: debit >= credit ? debits : credits,
    })),
    truncated,
  };
}
