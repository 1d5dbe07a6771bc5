/**
 * Rapid pass-through: nearly everything that comes into the account goes out again within days,
 * so the account is a conduit rather than someone's money. Salaries pay rent and bills over the
 * month and businesses keep working capital, so the default asks for 80% of all credits to leave
 * within a week, over a volume worth looking at.
 */
import { z } from 'zod';
import type { AccountHistory, Finding, Tx } from '../types.ts';
import { amount, capIds, clamp01, counted, money, pct, period, plural, pushTo, span } from './common.ts';
import { fifoOutflow } from './funnelAccount.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  windowDays: z.int().min(0).max(31).default(7).describe('Days within which money credited leaves again'),
  minShare: z.number().min(0.3).max(1).default(0.8).describe('Share of all credits that leaves within those days'),
  minCredits: z.int().min(1).max(100_000).default(4).describe('Credits the account received'),
  minVolumeMinor: z.int().min(0).default(500_000).describe('Credits in all, in minor units of the account’s currency'),
});

export const rapidPassThrough = defineRule({
  id: 'rapidPassThrough',
  title: 'Rapid pass-through',
  source: 'FATF/APG 2018 (rapid movement of funds through accounts); FinCEN FIN-2020-A008',
  description: 'Most of the money credited to the account leaves it again within days.',
  parameters,
  scanner(_ctx, p) {
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        // Almost every account keeps one currency: split only when it does not.
        const first = h.txs[0]?.currency;
        const byCurrency = new Map<string, readonly Tx[]>();
        if (h.txs.every((t) => t.currency === first)) byCurrency.set(first ?? 'EUR', h.txs);
        else for (const t of h.txs) pushTo(byCurrency as Map<string, Tx[]>, t.currency, t);
        for (const [currency, txs] of byCurrency) {
          const credits = txs.filter((t) => t.amount > 0);
          if (credits.length < p.minCredits) continue;
          const total = credits.reduce((a, t) => a + t.amount, 0);
          if (total < p.minVolumeMinor) continue;
          const flow = fifoOutflow(
            credits,
            txs.filter((t) => t.amount < 0),
            p.windowDays,
          );
          const share = flow.matched / total;
          if (share < p.minShare) continue;
          out.push({
            rule: 'rapidPassThrough',
            key: currency,
            variant: 'passThrough',
            subjectId: h.accountId,
            subjectKind: 'account',
            score: clamp01(0.3 + (share - p.minShare) * 2 + 0.02 * credits.length),
            words: [
              {
                key: 'rapidPassThrough.main',
                vars: {
                  share: { share },
                  total: amount(total, currency),
                  credits: counted(credits.length, 'payment'),
                  period: span(credits.map((t) => t.day)),
                  window: counted(p.windowDays, 'day'),
                },
              },
              { key: 'rapidPassThrough.why' },
            ],
            explanation:
              `${pct(share)} of the ${money(total, currency)} credited to this account in ${plural(credits.length, 'payment')} ` +
              `${period(credits.map((t) => t.day))} left it again within ${plural(p.windowDays, 'day')}. ` +
              'Money passing straight through is how FATF/APG (2018) describe accounts used to move proceeds.',
            evidence: capIds([...flow.creditIds, ...flow.debitIds]),
            accountIds: [h.accountId],
          });
        }
      },
      finish: () => out,
    };
  },
});
