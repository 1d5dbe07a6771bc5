import { describe, expect, it } from 'vitest';
import { context, histories, monthlyWages, transfer } from '../histories.testing.ts';
import { recruitmentFees } from './recruitmentFees.ts';

describe('recruitmentFees', () => {
  it('flags one account that several workers each pay once, right after their first wage', () => {
    const lines = [0, 1, 2].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 4),
      ...transfer(`w${i}`, 'rec', 9, 400 + 100 * i, 'komisija'),
    ]);
    const [f, ...rest] = recruitmentFees.run({ context: context(), histories: histories(lines) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'recruitmentFees', subjectId: 'rec', subjectKind: 'account' });
    expect(f?.accountIds.sort()).toEqual(['rec', 'w0', 'w1', 'w2']);
    expect(f?.explanation).toMatch(/^3 workers each paid this account once, within 5 days of their first wage/);
  });

  it('does not flag rent or deductions paid every month, one worker, or a small or late payment', () => {
    const rent = [0, 1, 2].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 4),
      ...[0, 1, 2, 3].flatMap((m) => transfer(`w${i}`, 'landlord', 9 + 30 * m, 500, 'vuokra')),
    ]);
    expect(recruitmentFees.run({ context: context(), histories: histories(rent) })).toEqual([]);
    const one = [...monthlyWages('emp', 'w0', 2000, 4), ...transfer('w0', 'rec', 9, 500, 'x')];
    expect(recruitmentFees.run({ context: context(), histories: histories(one) })).toEqual([]);
    const smallOrLate = [0, 1].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 4),
      ...transfer(`w${i}`, 'rec', i === 0 ? 9 : 40, i === 0 ? 50 : 500, 'x'),
    ]);
    expect(recruitmentFees.run({ context: context(), histories: histories(smallOrLate) })).toEqual([]);
  });

  it("flags a single worker's fee when it goes to the person the case records as their recruiter", () => {
    const one = [...monthlyWages('emp', 'w0', 2000, 4), ...transfer('w0', 'rec', 9, 500, 'x')];
    const recorded = context({
      accounts: { w0: 'worker', rec: 'recruiter' },
      holders: { worker: { recruiters: ['recruiter'] }, recruiter: {} },
    });
    const [f, ...rest] = recruitmentFees.run({ context: recorded, histories: histories(one) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'recruitmentFees', subjectId: 'rec' });
    expect(f?.explanation).toMatch(/records the holder of this account as the recruiter/);
    // Someone else recruited the worker: one payment stays ordinary.
    const other = context({
      accounts: { w0: 'worker', rec: 'friend' },
      holders: { worker: { recruiters: ['recruiter'] }, friend: {} },
    });
    expect(recruitmentFees.run({ context: other, histories: histories(one) })).toEqual([]);
  });

  it('names the accounts of a holder the records show charging recruits a fee, with no payment in the lines', () => {
    const fee = (recruitedId: string) => ({ recruitedId, amountMinor: 50_000, currency: 'EUR' });
    const recorded = context({
      accounts: { rec: 'recruiter', agency: 'agency', w0: 'worker' },
      holders: { recruiter: { feesCharged: [fee('p1'), fee('p2')] }, agency: {}, worker: {} },
    });
    const wages = histories(monthlyWages('emp', 'w0', 2000, 2));
    const [f, ...rest] = recruitmentFees.run({ context: recorded, histories: wages });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'recruitmentFees', variant: 'recorded', subjectId: 'rec', evidence: [] });
    expect(f?.accountIds).toEqual(['rec']);
    expect(f?.explanation).toMatch(/recruited 2 people for a fee \(EUR 1,000.00 in all\)/);
    // A fee also paid by transfer names the account once, by the payment.
    const lines = [...monthlyWages('emp', 'w0', 2000, 4), ...transfer('w0', 'rec', 9, 500, 'x')];
    const both = context({
      accounts: { w0: 'worker', rec: 'recruiter' },
      holders: { worker: { recruiters: ['recruiter'] }, recruiter: { feesCharged: [fee('worker')] } },
    });
    expect(recruitmentFees.run({ context: both, histories: histories(lines) }).map((x) => x.variant)).toEqual([
      'first-wage',
    ]);
  });
});
