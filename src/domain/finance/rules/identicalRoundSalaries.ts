/**
 * Identical round salaries: several employees paid exactly the same round sum month after
 * month. Net wages after withholding are rarely round, and hours rarely identical; but a
 * monthly-salaried staff under a collective agreement can look the same, so the finding scores
 * lower (and says why) when the account also pays payroll tax and contributions.
 */
import { z } from 'zod';
import type { AccountHistory, Finding } from '../types.ts';
import { capIds, clamp01, money, plural } from './common.ts';
import { payrollOf } from './payroll.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  minEmployees: z.int().min(2).max(10_000).default(3).describe('Employees paid the identical sum in one month'),
  minMonths: z.int().min(1).max(36).default(3).describe('Months in which that happened'),
  roundMinor: z.int().min(1).default(10_000).describe('"Round": a multiple of this many minor units (10,000 = 100.00)'),
});

export const identicalRoundSalaries = defineRule({
  id: 'identicalRoundSalaries',
  title: 'Identical round salaries',
  source: 'FATF/APG 2018 (round-sum, identical salaries despite irregular hours)',
  description: 'Several employees paid exactly the same round sum, month after month.',
  parameters,
  scanner(_ctx, p) {
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        const payroll = payrollOf(h.txs);
        if (!payroll) return;
        const ids: string[] = [];
        const sums = new Set<number>();
        const employees = new Set<string>();
        let months = 0;
        for (const emp of payroll.months.values()) {
          const byAmount = new Map<number, string[]>();
          for (const [account, lines] of emp) {
            const total = lines.reduce((a, t) => a - t.amount, 0);
            if (total % p.roundMinor !== 0) continue;
            const list = byAmount.get(total);
            if (list) list.push(account);
            else byAmount.set(total, [account]);
          }
          let counted = false;
          for (const [amount, accounts] of byAmount) {
            if (accounts.length < p.minEmployees) continue;
            counted = true;
            sums.add(amount);
            for (const a of accounts) {
              employees.add(a);
              ids.push(...(emp.get(a) ?? []).map((t) => t.id));
            }
          }
          if (counted) months++;
        }
        if (months < p.minMonths) return;
        const taxed = payroll.taxTotal > 0;
        const amounts = [...sums].sort((a, b) => a - b).map((s) => money(s, payroll.currency));
        out.push({
          rule: 'identicalRoundSalaries',
          key: payroll.currency,
          variant: taxed ? 'taxPaid' : 'noTax',
          subjectId: h.accountId,
          subjectKind: 'account',
          score: clamp01((taxed ? 0.25 : 0.6) + 0.03 * (months - p.minMonths)),
          words: [
            {
              key: 'identicalRoundSalaries.main',
              vars: {
                months: { count: months, unit: 'month' },
                employees: { count: employees.size, unit: 'employee' },
                amount: { minor: Math.min(...sums), currency: payroll.currency },
              },
            },
            { key: taxed ? 'identicalRoundSalaries.taxed' : 'identicalRoundSalaries.untaxed' },
            { key: 'identicalRoundSalaries.why' },
          ],
          explanation:
            `In ${plural(months, 'month')} this account paid ${plural(employees.size, 'employee')} identical round wages (${amounts.slice(0, 3).join(', ')}${amounts.length > 3 ? '…' : ''}). ` +
            (taxed
              ? 'It also pays payroll tax or contributions, which makes monthly salaries under an agreement a likely innocent explanation. '
              : 'It pays no payroll tax or contributions. ') +
            'FATF/APG (2018) list round, identical salaries despite irregular hours as a sign of sham payroll.',
          evidence: capIds([...ids, ...payroll.taxIds.slice(0, 20)]),
          // The employees show nothing themselves: only the paying account is flagged.
          accountIds: [h.accountId],
        });
      },
      finish: () => out,
    };
  },
});
