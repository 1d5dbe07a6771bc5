/**
 * Structuring: cash kept below a reporting or monitoring threshold — either several deposits
 * within days that together pass it while each stays under, or deposits again and again just
 * below it. Thresholds differ by country and bank, so they are parameters with their sources.
 */
import { z } from 'zod';
import type { AccountHistory, Finding, Tx } from '../types.ts';
import { TxFlag } from '../types.ts';
import { amount, capIds, clamp01, counted, money, period, plural, span } from './common.ts';
import { defineRule } from './rule.ts';

const Threshold = z.object({
  amountMinor: z.int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  source: z.string().min(1),
});

/** The built-in thresholds' sources (the law's, a bank's); finance.explain.structuring says them in each language. */
const DEFAULT_SOURCES = [
  'EUR 10,000: due diligence on occasional cash transactions, Directive (EU) 2015/849 art. 11(b) and Regulation (EU) 2024/1624; the US CTR threshold is USD 10,000',
  'EUR 5,000: a typical bank-internal cash-monitoring threshold; replace with the thresholds of the banks in the case',
] as const;

const parameters = z.object({
  thresholds: z
    .array(Threshold)
    .min(1)
    .default([
      {
        amountMinor: 1_000_000,
        currency: 'EUR',
        source: DEFAULT_SOURCES[0],
      },
      {
        amountMinor: 500_000,
        currency: 'EUR',
        source: DEFAULT_SOURCES[1],
      },
    ]),
  band: z.number().min(0.01).max(0.5).default(0.2).describe('"Just below": within this share under the threshold'),
  splitWindowDays: z
    .int()
    .min(1)
    .max(31)
    .default(7)
    .describe('Days within which split deposits add up past the threshold'),
  minSplitEpisodes: z.int().min(1).max(100).default(2).describe('Times the deposits were split like that'),
  minJustBelow: z.int().min(2).max(1000).default(4).describe('Deposits just below the threshold'),
});

export const structuring = defineRule({
  id: 'structuring',
  title: 'Structuring below a threshold',
  source: 'FATF/APG 2018 (structuring below reporting thresholds); FinCEN FIN-2020-A008; thresholds as given with each',
  description: 'Cash deposits split to stay below a threshold, or repeated just below it.',
  parameters,
  scanner(_ctx, p) {
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        const deposits = h.txs.filter((t) => t.amount > 0 && t.flags & TxFlag.cashDeposit);
        if (deposits.length < 2) return;
        // The highest threshold that the pattern shows for is reported.
        for (const th of [...p.thresholds].sort((a, b) => b.amountMinor - a.amountMinor)) {
          const under = deposits.filter((t) => t.currency === th.currency && t.amount < th.amountMinor);
          const split = splitEpisodes(under, th.amountMinor, p.splitWindowDays);
          const justBelow = under.filter((t) => t.amount >= th.amountMinor * (1 - p.band));
          const bySplit = split.length >= p.minSplitEpisodes;
          const byBand = justBelow.length >= p.minJustBelow;
          if (!bySplit && !byBand) continue;
          const shown = [...(bySplit ? split.flat() : []), ...(byBand ? justBelow : [])];
          const parts: string[] = [];
          if (bySplit)
            parts.push(
              `${plural(split.length, 'time')} cash deposits made within ${plural(p.splitWindowDays, 'day')} added up to ${money(th.amountMinor, th.currency)} or more while each stayed below it`,
            );
          if (byBand)
            parts.push(
              `${plural(justBelow.length, 'cash deposit')} fell just below ${money(th.amountMinor, th.currency)} (within ${Math.round(p.band * 100)}% of it)`,
            );
          out.push({
            rule: 'structuring',
            key: `${th.currency}${th.amountMinor}`,
            variant: bySplit && byBand ? 'splitAndJustBelow' : bySplit ? 'split' : 'justBelow',
            subjectId: h.accountId,
            subjectKind: 'account',
            score: clamp01(0.3 + 0.05 * split.length + 0.04 * justBelow.length),
            words: [
              ...(bySplit
                ? [
                    {
                      key: 'structuring.split',
                      vars: {
                        times: counted(split.length, 'time'),
                        window: counted(p.splitWindowDays, 'day'),
                        threshold: amount(th.amountMinor, th.currency),
                      },
                    },
                  ]
                : []),
              ...(byBand
                ? [
                    {
                      key: 'structuring.justBelow',
                      vars: {
                        deposits: counted(justBelow.length, 'cashDeposit'),
                        threshold: amount(th.amountMinor, th.currency),
                        band: { share: p.band },
                      },
                    },
                  ]
                : []),
              { key: 'structuring.when', vars: { period: span(shown.map((t) => t.day)) } },
              // The built-in thresholds' sources have words in every language; one set by a user is quoted.
              th.source === DEFAULT_SOURCES[0] || th.source === DEFAULT_SOURCES[1]
                ? { key: `structuring.thresholdDefault${th.source === DEFAULT_SOURCES[0] ? 'Law' : 'Bank'}` }
                : { key: 'structuring.threshold', vars: { threshold: amount(th.amountMinor, th.currency), source: th.source } },
              { key: 'structuring.why' },
            ],
            explanation:
              `${parts.join('; ')} (${period(shown.map((t) => t.day))}). Threshold: ${th.source}. ` +
              'Keeping cash under a reporting threshold is structuring (FATF/APG 2018).',
            evidence: capIds(shown.map((t) => t.id)),
            accountIds: [h.accountId],
          });
          break;
        }
      },
      finish: () => out,
    };
  },
});

/** Non-overlapping runs of deposits within `days` days whose sum reaches `threshold`. */
export function splitEpisodes(deposits: readonly Tx[], threshold: number, days: number): Tx[][] {
  const episodes: Tx[][] = [];
  let lo = 0;
  let sum = 0;
  for (let hi = 0; hi < deposits.length; hi++) {
    const d = deposits[hi];
    if (!d) continue;
    sum += d.amount;
    for (let old = deposits[lo]; old && old.day < d.day - days + 1; old = deposits[lo]) {
      sum -= old.amount;
      lo++;
    }
    if (sum >= threshold && hi > lo) {
      episodes.push(deposits.slice(lo, hi + 1));
      lo = hi + 1;
      sum = 0;
    }
  }
  return episodes;
}
