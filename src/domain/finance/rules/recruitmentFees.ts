/**
 * Recruitment fees repaid from the first wage: several newly paid workers each send one account a
 * single large payment within days of their first wage, and never pay it again. A fee charged to
 * the worker for the job, travel or papers and taken out of the first pay is how recruiters bind
 * workers (ILO forced-labour indicator "debt bondage"; Employer Pays Principle; HEUNI 103a). Rent,
 * remittances home and deductions recur month after month; a one-off payment by a single worker
 * is ordinary — many workers paying one account once each, right after their first wage, is not,
 * and neither is one worker paying the person the case records (a Recruitment link) as having
 * recruited them: under the Employer Pays Principle a recruiter takes nothing from the worker.
 *
 * The same records name the recruiter's accounts when no payment shows: a fee the case records as
 * charged (Recruitment.fee above zero) but paid in cash, or from an account whose statements are not
 * in the case, still went to the recruiter, and the accounts the recruiter holds are where such money
 * is kept. A recorded fee of zero (an agency the employer pays) names nothing.
 */
import { z } from 'zod';
import type { AccountHistory, FinanceContext, Finding, RecordedFee, Tx } from '../types.ts';
import { TxFlag } from '../types.ts';
import { amount, capIds, clamp01, counted, entityOf, money, period, plural, pushTo, sameHolder, span, wagesOf } from './common.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  windowDays: z.int().min(0).max(31).default(5).describe('Days after the first wage within which the fee is paid'),
  minShare: z.number().min(0.05).max(1).default(0.1).describe('Least share of the first wage the payment takes'),
  minWorkers: z.int().min(2).max(1000).default(2).describe('Workers paying the same account once each'),
  minWages: z.int().min(1).max(24).default(2).describe('Wages a worker receives in all (a job, not a one-off payment)'),
  minRecordedFees: z
    .int()
    .min(1)
    .max(1000)
    .default(1)
    .describe('People a holder is recorded (Recruitment) as charging a fee before its accounts are named'),
});

interface Fee {
  worker: string;
  /** The account is held by the one the case records as the worker's recruiter. */
  toRecruiter: boolean;
  fee: Tx;
  wageIds: readonly string[];
  wage: number;
}

const FLAGS_NOT_A_FEE = TxFlag.tax | TxFlag.cashWithdrawal | TxFlag.wage;

export const recruitmentFees = defineRule({
  id: 'recruitmentFees',
  title: 'Recruitment fees repaid from the first wage',
  source:
    'ILO, Indicators of forced labour (2012): debt bondage; ILO General principles for fair recruitment (2019): no fees to workers; HEUNI 103a',
  description:
    'Several workers each pay one account a single large sum within days of their first wage, and never again.',
  parameters,
  scanner(ctx: FinanceContext, p) {
    const byTarget = new Map<string, Fee[]>();
    return {
      account(h: AccountHistory) {
        const wages = wagesOf(h.txs);
        const first = wages[0];
        if (!first || wages.length < p.minWages) return;
        const paidTo = new Map<string, number>();
        for (const t of h.txs) if (t.amount < 0 && t.cp) paidTo.set(t.cp, (paidTo.get(t.cp) ?? 0) + 1);
        for (const t of h.txs) {
          if (t.day < first.day) continue;
          if (t.day > first.day + p.windowDays) break;
          if (t.amount >= 0 || !t.cp || t.currency !== first.currency || t.flags & FLAGS_NOT_A_FEE) continue;
          if (paidTo.get(t.cp) !== 1 || -t.amount < p.minShare * first.amount) continue;
          if (sameHolder(ctx, h.accountId, t.cp)) continue;
          pushTo(byTarget, t.cp, {
            worker: h.accountId,
            toRecruiter: paysOwnRecruiter(ctx, h.accountId, t.cp),
            fee: t,
            wageIds: first.ids,
            wage: first.amount,
          });
        }
      },
      finish() {
        const out: Finding[] = [];
        for (const [target, fees] of byTarget) {
          const workers = [...new Set(fees.map((f) => f.worker))];
          // One worker's fee is enough when it goes to the one recorded as having recruited them.
          const recruiterPaid = fees.some((f) => f.toRecruiter);
          if (workers.length < p.minWorkers && !recruiterPaid) continue;
          const currency = fees[0]?.fee.currency ?? 'EUR';
          const total = fees.reduce((a, f) => a - f.fee.amount, 0);
          const share = fees.reduce((a, f) => a + -f.fee.amount / f.wage, 0) / fees.length;
          const entity = entityOf(target);
          out.push({
            rule: 'recruitmentFees',
            key: 'first-wage',
            variant: 'first-wage',
            subjectId: entity ?? target.slice(3),
            subjectKind: entity ? 'account' : 'accountNumber',
            score: clamp01(0.4 + 0.1 * (workers.length - p.minWorkers) + 0.5 * share),
            words: [
              {
                key: 'recruitmentFees.main',
                vars: {
                  workers: counted(workers.length, 'worker'),
                  window: counted(p.windowDays, 'day'),
                  total: amount(total, currency),
                  share: { share },
                  period: span(fees.map((f) => f.fee.day)),
                },
              },
              { key: 'recruitmentFees.why' },
              ...(recruiterPaid ? [{ key: 'recruitmentFees.recruiter' }] : []),
            ],
            explanation:
              `${plural(workers.length, 'worker')} each paid this account once, within ${plural(p.windowDays, 'day')} of ` +
              `their first wage (${money(total, currency)} in all, on average ${Math.round(share * 100)}% of that wage), ` +
              `${period(fees.map((f) => f.fee.day))}, and never again. Fees charged to workers and taken from their first ` +
              'pay are what the ILO lists under debt bondage.' +
              (recruiterPaid
                ? ' The case records the holder of this account as the recruiter of a worker who paid it.'
                : ''),
            evidence: capIds(fees.flatMap((f) => [f.fee.id, ...f.wageIds])),
            accountIds: entity ? [entity, ...workers] : workers,
          });
        }
        const paid = new Set(out.map((f) => f.subjectId));
        return [...out, ...recordedFees(ctx, p.minRecordedFees).filter((f) => !paid.has(f.subjectId))];
      },
    };
  },
});

/** Whether a holder of account `to` is recorded (Recruitment) as having recruited a holder of `from`. */
function paysOwnRecruiter(ctx: FinanceContext, from: string, to: string): boolean {
  const recruiters = (ctx.accounts.get(from)?.holderIds ?? []).flatMap((h) => ctx.holders.get(h)?.recruiters ?? []);
  if (!recruiters.length) return false;
  return (ctx.accounts.get(to)?.holderIds ?? []).some((h) => recruiters.includes(h));
}

/** Accounts held by someone the case records as charging fees to people they recruited. */
function recordedFees(ctx: FinanceContext, minPeople: number): Finding[] {
  const charged = new Map<string, RecordedFee[]>();
  for (const h of ctx.holders.values()) if (h.feesCharged?.length) charged.set(h.id, [...h.feesCharged]);
  if (!charged.size) return [];
  const out: Finding[] = [];
  for (const acc of ctx.accounts.values()) {
    const fees = acc.holderIds.flatMap((h) => charged.get(h) ?? []);
    const people = new Set(fees.map((f) => f.recruitedId));
    if (people.size < minPeople) continue;
    const totals = new Map<string, number>();
    for (const f of fees) totals.set(f.currency, (totals.get(f.currency) ?? 0) + f.amountMinor);
    const sums = [...totals].map(([currency, minor]) => money(minor, currency)).join(' and ');
    out.push({
      rule: 'recruitmentFees',
      key: 'recorded',
      variant: 'recorded',
      subjectId: acc.id,
      subjectKind: 'account',
      score: clamp01(0.5 + 0.1 * (people.size - 1)),
      explanation:
        `The case records the holder of this account as having recruited ${plural(people.size, 'person', 'people')} ` +
        `for a fee (${sums} in all). Fees charged to workers are what the ILO lists under debt bondage; no ` +
        'payment of them to this account is among the imported statement lines (paid in cash, or from accounts ' +
        'not in the case), so this account is named by the records alone.',
      evidence: [],
      accountIds: [acc.id],
    });
  }
  return out;
}
