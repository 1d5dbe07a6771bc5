import { describe, expect, it } from 'vitest';
import { context, histories, transfer } from '../histories.testing.ts';
import { rapidPassThrough } from './rapidPassThrough.ts';

describe('rapidPassThrough', () => {
  it('flags an account that sends on nearly all it receives within days', () => {
    const lines = [0, 1, 2, 3, 4].flatMap((w) => [
      ...transfer('src', 'mid', w * 10, 3000, 'in'),
      ...transfer('mid', 'dst', w * 10 + 2, 2900, 'out'),
    ]);
    const out = rapidPassThrough.run({ context: context(), histories: histories(lines) });
    expect(out.map((f) => f.subjectId)).toEqual(['mid']);
    expect(out[0]?.explanation).toMatch(/97% of the EUR 15,000.00 credited to this account in 5 payments/);
  });

  it('does not flag a salary account paying rent and bills over the month', () => {
    const lines = [0, 1, 2, 3, 4].flatMap((m) => [
      ...transfer('emp', 'me', m * 30, 3000, 'PALKKA'),
      ...transfer('me', 'landlord', m * 30 + 4, 900, 'rent'),
      ...transfer('me', 'shop', m * 30 + 20, 1500, 'x'),
    ]);
    expect(
      rapidPassThrough.run({ context: context(), histories: histories(lines) }).map((f) => f.subjectId),
    ).not.toContain('me');
  });
});
