import { describe, expect, it } from 'vitest';
import { context, histories, line } from '../histories.testing.ts';
import { splitEpisodes, structuring } from './structuring.ts';

const cash = (day: number, euros: number) => line('c', day, euros, { kind: 'cash-deposit', text: 'Cash deposit' });

describe('structuring', () => {
  it('flags deposits kept just below a threshold again and again', () => {
    const [f] = structuring.run({
      context: context(),
      histories: histories([0, 30, 60, 90, 120].map((d) => cash(d, 4800))),
    });
    expect(f).toMatchObject({ subjectId: 'c', variant: 'justBelow', key: 'EUR500000' });
    expect(f?.explanation).toMatch(/5 cash deposits fell just below EUR 5,000.00/);
  });

  it('flags deposits split within days to pass a threshold together', () => {
    const lines = [cash(0, 6000), cash(2, 5000), cash(40, 7000), cash(41, 4000)];
    const [f] = structuring.run({ context: context(), histories: histories(lines) });
    expect(f).toMatchObject({ variant: 'split', key: 'EUR1000000' });
    expect(splitEpisodes(lines, 1_000_000, 7)).toHaveLength(2);
  });

  it('does not flag ordinary cash deposits', () => {
    expect(
      structuring.run({ context: context(), histories: histories([0, 30, 60, 90].map((d) => cash(d, 300))) }),
    ).toEqual([]);
  });
});
