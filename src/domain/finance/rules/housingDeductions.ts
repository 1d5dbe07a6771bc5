/**
 * Deductions for housing or transport: several wage earners each pay one account the same fixed
 * sum shortly after every payday. A landlord's tenants pay different rents and flatmates split
 * one flat's rent between two or three; a foreman charging every worker the same sum for a bed
 * (or a seat in the van) is what the guidance describes. Lines that name no account (a landlord
 * by name only) are left out: names alone cannot tell two landlords apart.
 */
import { z } from 'zod';
import type { AccountHistory, FinanceContext, Finding } from '../types.ts';
import { TxFlag } from '../types.ts';
import { amount, capIds, clamp01, counted, entityOf, money, period, plural, pushTo, sameHolder, span, wagesOf } from './common.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  windowDays: z.int().min(0).max(31).default(14).describe('Days after the wage within which the payment is made'),
  minPayers: z.int().min(2).max(1000).default(3).describe('Wage earners paying the same sum to the same account'),
  minMonths: z.int().min(1).max(24).default(2).describe('Months in which each of them paid it'),
  tolerance: z
    .number()
    .min(0)
    .max(0.2)
    .default(0.01)
    .describe('How far amounts may differ and still count as the same sum (share)'),
});

interface Payment {
  payer: string;
  amount: number;
  currency: string;
  day: number;
  id: string;
  labelled: boolean;
}

export const housingDeductions = defineRule({
  id: 'housingDeductions',
  title: 'Deductions for housing or transport',
  source:
    'FATF/APG 2018 (deductions for accommodation, transport and food far above market value); HEUNI 103a; ILO indicator "abusive working and living conditions"',
  description: 'Several wage earners each pay one account the same fixed sum shortly after payday, month after month.',
  parameters,
  scanner(ctx: FinanceContext, p) {
    const byTarget = new Map<string, Payment[]>();
    return {
      account(h: AccountHistory) {
        const wages = wagesOf(h.txs);
        if (wages.length < p.minMonths) return;
        const seen = new Set<string>();
        let from = 0;
        for (const w of wages) {
          while (from < h.txs.length && (h.txs[from]?.day ?? 0) < w.day) from++;
          for (let i = from; i < h.txs.length; i++) {
            const t = h.txs[i];
            if (!t || t.day > w.day + p.windowDays) break;
            if (t.amount >= 0 || !t.cp || seen.has(t.id) || t.flags & (TxFlag.tax | TxFlag.cashWithdrawal)) continue;
            if (sameHolder(ctx, h.accountId, t.cp)) continue;
            seen.add(t.id);
            pushTo(byTarget, t.cp, {
              payer: h.accountId,
              amount: -t.amount,
              currency: t.currency,
              day: t.day,
              id: t.id,
              labelled: (t.flags & TxFlag.housing) !== 0,
            });
          }
        }
      },

      finish() {
        const out: Finding[] = [];
        for (const [target, payments] of byTarget) {
          const payers = new Set(payments.map((x) => x.payer));
          if (payers.size < p.minPayers) continue;
          const chosen = commonSum(payments, p.tolerance, p.minMonths);
          if (new Set(chosen.map((x) => x.payer)).size < p.minPayers) continue;
          out.push(finding(target, chosen, p));
        }
        return out;
      },
    };
  },
});

/**
 * The payments of the most widely shared fixed sum: each payer's repeated amount (paid in at
 * least `minMonths` payments), then the amount the most payers share.
 */
function commonSum(payments: readonly Payment[], tolerance: number, minMonths: number): Payment[] {
  const byPayer = new Map<string, Payment[]>();
  for (const x of payments) pushTo(byPayer, x.payer, x);
  const near = (a: number, b: number) => Math.abs(a - b) <= tolerance * Math.max(a, b);
  let best: Payment[] = [];
  let bestPayers = 0;
  // The most frequent amounts only: a landlord with thousands of tenants must not cost a square.
  const freq = new Map<string, number>();
  for (const x of payments) freq.set(`${x.currency} ${x.amount}`, (freq.get(`${x.currency} ${x.amount}`) ?? 0) + 1);
  const candidates = [...freq]
    .filter(([, n]) => n >= minMonths)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 50)
    .map(([c]) => c);
  for (const c of candidates) {
    const [currency, amountText] = c.split(' ');
    const amount = Number(amountText);
    const kept: Payment[] = [];
    let n = 0;
    for (const list of byPayer.values()) {
      const same = list.filter((x) => x.currency === currency && near(x.amount, amount));
      if (same.length < minMonths) continue;
      n++;
      kept.push(...same);
    }
    if (n > bestPayers) {
      best = kept;
      bestPayers = n;
    }
  }
  return best;
}

function finding(target: string, chosen: Payment[], p: z.output<typeof parameters>): Finding {
  const payers = [...new Set(chosen.map((x) => x.payer))];
  const first = chosen[0];
  const currency = first?.currency ?? 'EUR';
  const sum = first?.amount ?? 0;
  const labelled = chosen.filter((x) => x.labelled).length;
  const entity = entityOf(target);
  const label = labelled > chosen.length / 2 ? ', described as rent, housing or transport' : '';
  return {
    rule: 'housingDeductions',
    key: 'fixed-sum',
    variant: chosen.some((x) => x.labelled) ? 'labelled' : 'unlabelled',
    subjectId: entity ?? target.slice(3),
    subjectKind: entity ? 'account' : 'accountNumber',
    score: clamp01(0.35 + 0.08 * (payers.length - p.minPayers) + (labelled > chosen.length / 2 ? 0.25 : 0)),
    words: [
      {
        key: 'housingDeductions.main',
        vars: {
          payers: counted(payers.length, 'wageEarner'),
          sum: amount(sum, currency),
          window: counted(p.windowDays, 'day'),
          payments: counted(chosen.length, 'payment'),
          period: span(chosen.map((x) => x.day)),
        },
      },
      ...(label ? [{ key: 'housingDeductions.labelled' }] : []),
      { key: 'housingDeductions.why' },
    ],
    explanation:
      `${plural(payers.length, 'wage earner')} each paid this account the same sum (about ${money(sum, currency)}) within ` +
      `${plural(p.windowDays, 'day')} of their wages${label}: ${plural(chosen.length, 'payment')} ${period(chosen.map((x) => x.day))}. ` +
      'The same charge taken from every worker after payday is how FATF/APG (2018) describe deductions for accommodation and transport.',
    evidence: capIds(chosen.map((x) => x.id)),
    accountIds: entity ? [entity, ...payers] : payers,
  };
}
