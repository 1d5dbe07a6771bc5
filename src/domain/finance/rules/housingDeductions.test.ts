import { describe, expect, it } from 'vitest';
import { context, histories, monthlyWages, transfer } from '../histories.testing.ts';
import { housingDeductions } from './housingDeductions.ts';

const rent = (payer: string, to: string, euros: (m: number) => number, months = 3) =>
  Array.from({ length: months }, (_, m) => transfer(payer, to, 10 + 30 * m, euros(m), 'vuokra')).flat();

describe('housingDeductions', () => {
  it('flags one account taking the same sum from several wage earners after payday', () => {
    const lines = [0, 1, 2, 3].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 3),
      ...rent(`w${i}`, 'foreman', () => 400),
    ]);
    const [f] = housingDeductions.run({ context: context(), histories: histories(lines) });
    expect(f).toMatchObject({ subjectId: 'foreman', variant: 'labelled' });
    expect(f?.accountIds).toHaveLength(5);
    expect(f?.evidence).toHaveLength(12);
    expect(f?.explanation).toMatch(
      /4 wage earners each paid this account the same sum \(about EUR 400.00\).*described as rent/,
    );
  });

  it('does not flag tenants paying different rents, or two flatmates splitting one', () => {
    const landlord = [0, 1, 2, 3].flatMap((i) => [
      ...monthlyWages('emp', `w${i}`, 2000, 3),
      ...rent(`w${i}`, 'landlord', () => 500 + i * 75),
    ]);
    expect(housingDeductions.run({ context: context(), histories: histories(landlord) })).toEqual([]);
    const flat = [0, 1].flatMap((i) => [
      ...monthlyWages(`e${i}`, `w${i}`, 2500, 3),
      ...rent(`w${i}`, 'lead', () => 450),
    ]);
    expect(housingDeductions.run({ context: context(), histories: histories(flat) })).toEqual([]);
  });
});
