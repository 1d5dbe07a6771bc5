import { describe, expect, it } from 'vitest';
import { context, histories, line, monthlyWages } from '../histories.testing.ts';
import { identicalRoundSalaries } from './identicalRoundSalaries.ts';
import { payrollWithoutTax } from './payrollWithoutTax.ts';

const staff = (n: number, euros: (i: number) => number, months = 3) =>
  Array.from({ length: n }, (_, i) => monthlyWages('emp', `w${i}`, euros(i), months, 'ALGA')).flat();
const taxes = (months = 3) =>
  Array.from({ length: months }, (_, m) =>
    line('emp', 12 + 30 * m, -1500, { cpName: 'Verohallinto', text: 'Oma-aloitteiset verot' }),
  );

describe('payrollWithoutTax', () => {
  it('flags an employer paying several people every month and no tax or contributions', () => {
    const [f] = payrollWithoutTax.run({ context: context(), histories: histories(staff(4, () => 2000)) });
    expect(f).toMatchObject({ subjectId: 'emp', variant: 'noTax', accountIds: ['emp'] });
    expect(f?.explanation).toMatch(
      /paid wages to 4 different accounts in 3 months \(EUR 24,000.00 in all\) but made no payment/,
    );
  });

  it('does not flag an employer that pays payroll tax', () => {
    expect(
      payrollWithoutTax.run({ context: context(), histories: histories([...staff(4, () => 2000), ...taxes()]) }),
    ).toEqual([]);
  });
});

describe('identicalRoundSalaries', () => {
  it('flags identical round wages, scoring lower when payroll tax is paid', () => {
    const [bare] = identicalRoundSalaries.run({ context: context(), histories: histories(staff(3, () => 2100)) });
    const [taxed] = identicalRoundSalaries.run({
      context: context(),
      histories: histories([...staff(3, () => 2100), ...taxes()]),
    });
    expect(bare).toMatchObject({ subjectId: 'emp', variant: 'noTax' });
    expect(taxed).toMatchObject({ subjectId: 'emp', variant: 'taxPaid' });
    expect(taxed?.score ?? 1).toBeLessThan(bare?.score ?? 0);
    expect(taxed?.explanation).toMatch(/likely innocent explanation/);
  });

  it('does not flag hourly pay', () => {
    expect(
      identicalRoundSalaries.run({ context: context(), histories: histories(staff(4, (i) => 1843.27 + i * 17)) }),
    ).toEqual([]);
  });
});
