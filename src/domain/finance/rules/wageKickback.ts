/**
 * Wage kick-back (wage cycling): a wage is credited, then within days a large share of it goes
 * to one third party or is taken out in cash — and the same happens to several workers. One
 * person paying a flatmate or partner after payday is ordinary; many wage earners paying one
 * account is the pattern. Cash taken out after payday has no beneficiary on the statement, so
 * those workers are grouped by who pays their wages instead, and the finding is about the account
 * that receives that cash in deposits soon after — none found, no finding: many workers simply
 * live on cash. An employer that pays its payroll tax month after month is left out too (the
 * paper employers of wage cycling pay none, FATF/APG 2018).
 */
import { z } from 'zod';
import type { AccountHistory, FinanceContext, Finding } from '../types.ts';
import { TxFlag } from '../types.ts';
import { monthOfDay } from '../dates.ts';
import {
  amount,
  capIds,
  clamp01,
  counted,
  entityOf,
  money,
  pct,
  period,
  plural,
  pushTo,
  sameHolder,
  span,
  wagesOf,
} from './common.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  windowDays: z.int().min(0).max(31).default(5).describe('Days after the wage within which the money goes out'),
  minShare: z
    .number()
    .min(0.05)
    .max(1)
    .default(0.3)
    .describe('Share of one wage going to one third party (or out in cash)'),
  minCycles: z.int().min(1).max(24).default(2).describe('Wage payments of one worker that show it'),
  minWorkers: z
    .int()
    .min(1)
    .max(1000)
    .default(2)
    .describe('Distinct wage-receiving accounts paying the same beneficiary (or paid by the same employer)'),
  payrollTaxMonths: z
    .int()
    .min(1)
    .max(24)
    .default(3)
    .describe(
      'Months with payments to a tax office after which cash taken out of its wages is not held against an employer',
    ),
  collectDays: z
    .int()
    .min(1)
    .max(31)
    .default(14)
    .describe('Days after the cash is taken out within which it is paid into the collecting account'),
  collectShare: z
    .number()
    .min(0.1)
    .max(1)
    .default(0.3)
    .describe('Share of the cash taken out that the collecting account receives in cash deposits'),
});

interface Relation {
  worker: string;
  cycles: number;
  shareSum: number;
  amount: number;
  currency: string;
  days: number[];
  ids: string[];
  payer: string | null;
}

const CASH = '\u0000cash';

export const wageKickback = defineRule({
  id: 'wageKickback',
  title: 'Wage kick-back',
  source: 'FATF/APG 2018, Financial Flows from Human Trafficking (wage cycling); FinCEN FIN-2020-A008; HEUNI 103a',
  description:
    'Salary in, then a large share of it out to the same third party (or in cash) within a few days — across several workers.',
  parameters,
  scanner(ctx: FinanceContext, p) {
    const byTarget = new Map<string, Relation[]>();
    /** Workers handing back a smaller share (at least half the minimum) to a transfer target. */
    const smallerShares = new Map<string, Relation[]>();
    const taxPayers = new Set<string>();
    const cashIn = new Map<string, { day: number; amount: number }[]>();
    return {
      account(h: AccountHistory) {
        for (const t of h.txs)
          if (t.amount > 0 && t.flags & TxFlag.cashDeposit)
            pushTo(cashIn, h.accountId, { day: t.day, amount: t.amount });
        const taxMonths = new Set(
          h.txs.filter((t) => t.amount < 0 && t.flags & TxFlag.tax).map((t) => monthOfDay(t.day)),
        );
        if (taxMonths.size >= p.payrollTaxMonths) taxPayers.add(h.accountId);
        const wages = wagesOf(h.txs);
        if (wages.length < p.minCycles) return;
        const rel = new Map<string, Relation>();
        const smaller = new Map<string, Relation>();
        const used = new Set<string>();
        let from = 0;
        for (const w of wages) {
          const sums = new Map<string, { amount: number; ids: string[]; parts: number[] }>();
          while (from < h.txs.length && (h.txs[from]?.day ?? 0) < w.day) from++;
          for (let i = from; i < h.txs.length; i++) {
            const t = h.txs[i];
            if (!t || t.day > w.day + p.windowDays) break;
            if (t.amount >= 0 || t.currency !== w.currency || used.has(t.id)) continue;
            let target: string | null = null;
            if (t.flags & TxFlag.cashWithdrawal) target = CASH;
            else if (t.cp && !sameHolder(ctx, h.accountId, t.cp) && !(t.flags & TxFlag.tax)) target = t.cp;
            if (!target) continue;
            const s = sums.get(target) ?? { amount: 0, ids: [], parts: [] };
            s.amount -= t.amount;
            s.ids.push(t.id);
            s.parts.push(-t.amount);
            sums.set(target, s);
          }
          const cash = sums.get(CASH);
          if (cash) sums.set(CASH, handedBackInCash(cash));
          for (const [target, s] of sums) {
            const share = s.amount / w.amount;
            if (share < p.minShare / 2 || (share < p.minShare && target === CASH)) continue;
            const into = share < p.minShare ? smaller : rel;
            if (into === rel) for (const id of s.ids) used.add(id);
            const r = into.get(target) ?? {
              worker: h.accountId,
              cycles: 0,
              shareSum: 0,
              amount: 0,
              currency: w.currency,
              days: [],
              ids: [],
              payer: w.payer,
            };
            r.cycles++;
            r.shareSum += Math.min(1, share);
            r.amount += s.amount;
            r.days.push(w.day);
            r.ids.push(...w.ids, ...s.ids);
            into.set(target, r);
          }
        }
        for (const [target, r] of rel) {
          if (r.cycles < p.minCycles) continue;
          pushTo(byTarget, target, r);
        }
        for (const [target, r] of smaller)
          if (r.cycles >= p.minCycles && !rel.has(target)) pushTo(smallerShares, target, r);
      },

      finish() {
        const out: Finding[] = [];
        for (const [target, rels] of byTarget) {
          if (target === CASH) continue;
          const workers = new Set(rels.map((r) => r.worker));
          if (workers.size < p.minWorkers) continue;
          // Once several wage earners hand this account the share, one who hands it a smaller one
          // (at least half) after every payday is in the same scheme, not paying a flatmate.
          for (const r of smallerShares.get(target) ?? []) if (!workers.has(r.worker)) rels.push(r);
          out.push(
            finding(
              target,
              rels,
              `sent on average ${pct(avgShare(rels))} of the wage to this account`,
              p.windowDays,
              p.minWorkers,
            ),
          );
        }
        // Accounts that workers hand wages back to by transfer, by the employer paying those workers.
        const handedBackTo = new Map<string, Map<string, Set<string>>>();
        for (const [target, rels] of byTarget) {
          if (target === CASH) continue;
          for (const r of rels) {
            if (!r.payer) continue;
            const targets = handedBackTo.get(r.payer) ?? new Map<string, Set<string>>();
            handedBackTo.set(r.payer, targets);
            targets.set(target, (targets.get(target) ?? new Set()).add(r.worker));
          }
        }
        // Cash after payday: grouped by the employer paying those workers.
        const byPayer = new Map<string, Relation[]>();
        for (const r of byTarget.get(CASH) ?? []) {
          if (!r.payer) continue;
          pushTo(byPayer, r.payer, r);
        }
        for (const [payer, rels] of byPayer) {
          // An employer that withholds and pays its payroll tax month after month pays wages its
          // staff may take out in cash as they like; the kick-back pattern is the paper employer's.
          if (taxPayers.has(payer)) continue;
          const workers = new Set(rels.map((r) => r.worker));
          // Fewer cash workers than the pattern needs count with their co-workers who hand wages
          // back by transfer: an account that receives one employer's wages by transfer from some
          // workers and in cash deposits after the others' withdrawals is one scheme handed back
          // two ways. A lone worker living on cash has no such account, so stays unflagged.
          const allies = handedBackTo.get(payer);
          const places =
            workers.size >= p.minWorkers
              ? cashIn
              : new Map(
                  [...cashIn].filter(([id]) => new Set([...(allies?.get(id) ?? []), ...workers]).size >= p.minWorkers),
                );
          if (places.size === 0) continue;
          // The cash must reach someone: the account paid that much cash soon after is the subject
          // (not a trading business that pays its taxes from the takings it banks).
          const collector = collectorOf(rels, places, new Set([...workers, payer, ...taxPayers]), p);
          if (!collector) continue;
          out.push(
            finding(
              collector,
              rels,
              `withdrew on average ${pct(avgShare(rels))} of their wage in cash, and this account received that much in cash deposits soon after`,
              p.windowDays,
              p.minWorkers,
              'cash',
            ),
          );
        }
        return out;
      },
    };
  },
});

/**
 * The withdrawals after one payday that may be the money handed back: the largest and those at
 * least a quarter of it. Pocket money taken out at a card machine in the same days (a tenth or a
 * hundredth of the sum handed back) is the worker's own spending, neither evidence nor share.
 */
function handedBackInCash(s: { ids: string[]; parts: number[] }): { amount: number; ids: string[]; parts: number[] } {
  const largest = Math.max(...s.parts);
  const keep = s.parts.map((a) => a >= largest / 4);
  const parts = s.parts.filter((_, i) => keep[i]);
  return { amount: parts.reduce((a, b) => a + b, 0), ids: s.ids.filter((_, i) => keep[i]), parts };
}

/**
 * The account that received in cash deposits, within `collectDays` after the withdrawals, at least
 * `collectShare` of the cash the workers took out, in as many months as the pattern needs; of
 * several, the one whose deposits come closest to the cash taken out.
 */
function collectorOf(
  rels: readonly Relation[],
  cashIn: ReadonlyMap<string, readonly { day: number; amount: number }[]>,
  exclude: ReadonlySet<string>,
  p: { windowDays: number; collectDays: number; collectShare: number; minCycles: number },
): string | null {
  const covered = new Set<number>();
  for (const r of rels)
    for (const d of r.days) for (let k = 0; k <= p.windowDays + p.collectDays; k++) covered.add(d + k);
  const taken = rels.reduce((a, r) => a + r.amount, 0);
  let best: { id: string; distance: number } | null = null;
  for (const [id, deposits] of cashIn) {
    if (exclude.has(id)) continue;
    const hits = deposits.filter((d) => covered.has(d.day));
    const sum = hits.reduce((a, d) => a + d.amount, 0);
    if (new Set(hits.map((d) => monthOfDay(d.day))).size < p.minCycles) continue;
    // Of the accounts that received enough, the one whose deposits come closest to what was taken
    // (a funnel fed from many towns receives far more than these workers' cash).
    const distance = Math.abs(Math.log(sum / taken));
    if (sum >= p.collectShare * taken && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id ?? null;
}

const avgShare = (rels: readonly Relation[]): number =>
  rels.reduce((a, r) => a + r.shareSum, 0) /
  Math.max(
    1,
    rels.reduce((a, r) => a + r.cycles, 0),
  );

function finding(
  subject: string,
  rels: Relation[],
  what: string,
  windowDays: number,
  minWorkers: number,
  key = 'transfer',
): Finding {
  const workers = [...new Set(rels.map((r) => r.worker))];
  const cycles = rels.reduce((a, r) => a + r.cycles, 0);
  const currency = rels[0]?.currency ?? 'EUR';
  const total = rels.reduce((a, r) => a + (r.currency === currency ? r.amount : 0), 0);
  const share = avgShare(rels);
  const entity = entityOf(subject);
  return {
    rule: 'wageKickback',
    key,
    variant: key,
    subjectId: entity ?? subject.slice(3),
    subjectKind: entity ? 'account' : 'accountNumber',
    // More workers and larger shares make it stronger; the minimum number of workers at 30% scores 0.5.
    score: clamp01(0.25 + 0.1 * (workers.length - minWorkers) + (0.25 * share) / 0.3),
    words: [
      {
        key: `wageKickback.${key}`,
        vars: {
          workers: counted(workers.length, 'account'),
          share: { share },
          window: counted(windowDays, 'day'),
          cycles: counted(cycles, 'wagePayment'),
          period: span(rels.flatMap((r) => r.days)),
          total: amount(total, currency),
        },
      },
      { key: 'wageKickback.why' },
    ],
    explanation:
      `${plural(workers.length, 'account')} receiving wages ${what} within ${plural(windowDays, 'day')} of being paid, ` +
      `in ${plural(cycles, 'wage payment')} ${period(rels.flatMap((r) => r.days))} (${money(total, currency)} in all). ` +
      'Wages paid on paper and then demanded back are what FATF/APG (2018) call wage kick-back or wage cycling.',
    evidence: capIds(rels.flatMap((r) => r.ids)),
    accountIds: entity ? [entity, ...workers] : workers,
  };
}
