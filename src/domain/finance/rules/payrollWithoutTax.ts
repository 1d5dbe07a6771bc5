/**
 * A company paying wages with no payroll tax or social contributions: several employees paid
 * month after month, and no payment to a tax office, pension or social-insurance body from the
 * same account (or a negligible one). The words that name such bodies are in vocabulary.ts.
 */
import { z } from 'zod';
import type { AccountHistory, Finding } from '../types.ts';
import { amount, capIds, clamp01, counted, money, plural } from './common.ts';
import { payrollMonths, payrollOf } from './payroll.ts';
import { defineRule } from './rule.ts';

const parameters = z.object({
  minEmployees: z.int().min(1).max(10_000).default(3).describe('Different accounts paid wages in one month'),
  minMonths: z.int().min(1).max(36).default(2).describe('Months with that many employees paid'),
  maxTaxShare: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.02)
    .describe('Tax and contributions below this share of the wages count as none'),
});

export const payrollWithoutTax = defineRule({
  id: 'payrollWithoutTax',
  title: 'Wages paid without payroll tax or social contributions',
  source:
    'FATF/APG 2018 (a business with workers but no normal payroll, payroll tax or insurance costs); HEUNI 103a and FLOW (letterbox companies); AUSTRAC Fintel Alliance',
  description:
    'An account pays wages to several people month after month but pays no tax office, pension or social-insurance body.',
  parameters,
  scanner(_ctx, p) {
    const out: Finding[] = [];
    return {
      account(h: AccountHistory) {
        const payroll = payrollOf(h.txs);
        if (!payroll) return;
        const months = payrollMonths(payroll, p.minEmployees);
        if (months.length < p.minMonths) return;
        if (payroll.taxTotal > p.maxTaxShare * payroll.wageTotal) return;
        const employees = new Set<string>();
        const ids: string[] = [];
        for (const m of months) {
          for (const [emp, lines] of payroll.months.get(m) ?? []) {
            employees.add(emp);
            ids.push(...lines.map((t) => t.id));
          }
        }
        const none = payroll.taxTotal === 0;
        out.push({
          rule: 'payrollWithoutTax',
          key: payroll.currency,
          variant: none ? 'noTax' : 'littleTax',
          subjectId: h.accountId,
          subjectKind: 'account',
          score: clamp01(
            (none ? 0.55 : 0.4) + 0.05 * (months.length - p.minMonths) + 0.03 * (employees.size - p.minEmployees),
          ),
          words: [
            {
              key: none ? 'payrollWithoutTax.none' : 'payrollWithoutTax.little',
              vars: {
                employees: counted(employees.size, 'account'),
                months: counted(months.length, 'month'),
                total: amount(payroll.wageTotal, payroll.currency),
                tax: amount(payroll.taxTotal, payroll.currency),
              },
            },
            { key: 'payrollWithoutTax.why' },
          ],
          explanation:
            `This account paid wages to ${plural(employees.size, 'different account')} in ${plural(months.length, 'month')} ` +
            `(${money(payroll.wageTotal, payroll.currency)} in all) but ${none ? 'made no payment' : `paid only ${money(payroll.taxTotal, payroll.currency)}`} ` +
            'to a tax office, pension or social-insurance body. FATF/APG (2018) name a workforce without payroll tax or insurance costs as a sign of a front employer.',
          evidence: capIds([...ids, ...payroll.taxIds]),
          // The employees show nothing themselves: only the paying account is flagged.
          accountIds: [h.accountId],
        });
      },
      finish: () => out,
    };
  },
});
