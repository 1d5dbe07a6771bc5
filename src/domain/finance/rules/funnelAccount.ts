/**
 * Funnel account: cash deposited in several cities (within weeks), and most of it out again
 * within days — transferred on or withdrawn elsewhere. People deposit cash where they live;
 * one account fed in many towns and emptied at once is how trafficking proceeds are moved
 * (FinCEN's funnel-account advisory; FATF/APG 2018). An account that pays a tax office month after
 * month is a trading business banking its takings, and is left out.
 */
import { z } from 'zod';
import { monthOfDay } from '../dates.ts';
import { foldWords } from '../vocabulary.ts';
import type { AccountHistory, FinanceContext, Finding, Tx } from '../types.ts';
import { TxFlag } from '../types.ts';
import { amount, capIds, clamp01, counted, entityOf, money, pct, period, plural, sameHolder, span } from './common.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  minPlaces: z.int().min(2).max(100).default(3).describe('Different places of cash deposits within the place window'),
  placeWindowDays: z
    .int()
    .min(1)
    .max(366)
    .default(31)
    .describe('Days within which the deposits in different places happen'),
  minDeposits: z.int().min(2).max(10_000).default(4).describe('Cash deposits in all'),
  outflowDays: z.int().min(0).max(60).default(7).describe('Days within which deposited money leaves again'),
  minOutflowShare: z
    .number()
    .min(0.1)
    .max(1)
    .default(0.7)
    .describe('Share of the deposited cash that leaves within those days'),
  tradingTaxMonths: z
    .int()
    .min(1)
    .max(24)
    .default(3)
    .describe('Months with payments to a tax office that mark a trading business, whose takings explain the cash'),
});

/** Most distinct places among deposits within any window of `days` days. */
export function maxPlacesInWindow(deposits: readonly { day: number; place: string }[], days: number): number {
  const counts = new Map<string, number>();
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < deposits.length; hi++) {
    const d = deposits[hi];
    if (!d) continue;
    counts.set(d.place, (counts.get(d.place) ?? 0) + 1);
    for (let old = deposits[lo]; old && old.day < d.day - days + 1; old = deposits[lo]) {
      const n = (counts.get(old.place) ?? 1) - 1;
      if (n === 0) counts.delete(old.place);
      else counts.set(old.place, n);
      lo++;
    }
    best = Math.max(best, counts.size);
  }
  return best;
}

/**
 * First in, first out: each debit uses up the oldest credits still within `days` days. Returns
 * the credited amount that left within the window and the debits that took it.
 */
export function fifoOutflow(
  credits: readonly Tx[],
  debits: readonly Tx[],
  days: number,
): { matched: number; debitIds: string[]; creditIds: string[] } {
  const queue = credits.map((c) => ({ day: c.day, left: c.amount, id: c.id }));
  let head = 0;
  let matched = 0;
  const debitIds: string[] = [];
  const creditIds = new Set<string>();
  for (const d of debits) {
    let need = -d.amount;
    let used = false;
    while (head < queue.length && need > 0) {
      const c = queue[head];
      if (!c) break;
      if (c.day > d.day) break;
      if (c.day < d.day - days || c.left === 0) {
        head++;
        continue;
      }
      const take = Math.min(need, c.left);
      c.left -= take;
      need -= take;
      matched += take;
      used = true;
      creditIds.add(c.id);
      if (c.left === 0) head++;
    }
    if (used) debitIds.push(d.id);
  }
  return { matched, debitIds, creditIds: [...creditIds] };
}

/**
 * The account of the case that took most (over half) of the money leaving the funnel: where the
 * cash is collected (the organiser's account, FinCEN FIN-2014-A005). Not the holder's own account.
 */
function collectorOf(
  ctx: FinanceContext,
  h: AccountHistory,
  flow: { matched: number; debitIds: readonly string[] },
): { accountId: string; share: number } | null {
  const taken = new Set(flow.debitIds);
  const sums = new Map<string, number>();
  let all = 0;
  for (const t of h.txs) {
    if (!taken.has(t.id)) continue;
    all -= t.amount;
    const id = t.cp ? entityOf(t.cp) : null;
    if (id && !sameHolder(ctx, h.accountId, id)) sums.set(id, (sums.get(id) ?? 0) - t.amount);
  }
  const [best] = [...sums].sort((a, b) => b[1] - a[1]);
  return best && all > 0 && best[1] / all > 0.5 ? { accountId: best[0], share: best[1] / all } : null;
}

export const funnelAccount = defineRule({
  id: 'funnelAccount',
  title: 'Funnel account',
  source:
    'FinCEN FIN-2014-A005 (funnel accounts) and FIN-2020-A008; FATF/APG 2018 (cash deposited in many cities, withdrawn quickly elsewhere)',
  description:
    'Cash deposited in several different places within weeks, most of it leaving the account again within days.',
  parameters,
  scanner(ctx, p) {
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        const deposits = h.txs.filter((t) => t.amount > 0 && t.flags & TxFlag.cashDeposit && t.place);
        if (deposits.length < p.minDeposits) return;
        // A market stall or café banks its takings in each town it trades in and pays its own
        // taxes from them; a funnel account has no costs of a business (FATF/APG 2018).
        const taxMonths = new Set(
          h.txs.filter((t) => t.amount < 0 && t.flags & TxFlag.tax).map((t) => monthOfDay(t.day)),
        );
        if (taxMonths.size >= p.tradingTaxMonths) return;
        const places = deposits.map((t) => ({ day: t.day, place: foldWords(t.place ?? '') }));
        const spread = maxPlacesInWindow(places, p.placeWindowDays);
        if (spread < p.minPlaces) return;
        const currency = deposits[0]?.currency ?? 'EUR';
        const same = deposits.filter((t) => t.currency === currency);
        const debits = h.txs.filter((t) => t.amount < 0 && t.currency === currency);
        const total = same.reduce((a, t) => a + t.amount, 0);
        const flow = fifoOutflow(same, debits, p.outflowDays);
        const share = total > 0 ? flow.matched / total : 0;
        if (share < p.minOutflowShare) return;
        const allPlaces = new Set(places.map((x) => x.place)).size;
        const collector = collectorOf(ctx, h, flow);
        out.push({
          rule: 'funnelAccount',
          key: 'cash-funnel',
          variant: 'cash',
          subjectId: h.accountId,
          subjectKind: 'account',
          score: clamp01(0.4 + 0.05 * (spread - p.minPlaces) + 0.4 * share),
          words: [
            {
              key: 'funnelAccount.main',
              vars: {
                deposits: counted(deposits.length, 'cashDeposit'),
                total: amount(total, currency),
                places: counted(allPlaces, 'place'),
                period: span(deposits.map((t) => t.day)),
                spread,
                window: counted(p.placeWindowDays, 'day'),
                share: { share },
                outflow: counted(p.outflowDays, 'day'),
              },
            },
            ...(collector ? [{ key: 'funnelAccount.collector', vars: { share: { share: collector.share } } }] : []),
            { key: 'funnelAccount.why' },
          ],
          explanation:
            `${plural(deposits.length, 'cash deposit')} (${money(total, currency)}) were made in ${plural(allPlaces, 'different place')} ` +
            `${period(deposits.map((t) => t.day))}, up to ${spread} within ${plural(p.placeWindowDays, 'day')}, and ${pct(share)} of the money ` +
            `left the account within ${plural(p.outflowDays, 'day')} of being deposited` +
            `${collector ? `, ${pct(collector.share)} of it to one account` : ''}. ` +
            'FinCEN and FATF/APG describe this as a funnel account.',
          evidence: capIds([...same.map((t) => t.id), ...flow.debitIds]),
          accountIds: collector ? [h.accountId, collector.accountId] : [h.accountId],
        });
      },
      finish: () => out,
    };
  },
});
