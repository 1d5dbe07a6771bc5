import { describe, expect, it } from 'vitest';
import { layoutFlows } from './flowLayout.ts';

describe('layoutFlows', () => {
  it('puts payers left of payees and bands as wide as their money', () => {
    const out = layoutFlows(
      [
        { from: 'a', to: 'b', amountMinor: 1000 },
        { from: 'b', to: 'c', amountMinor: 500 },
      ],
      1200,
    );
    const x = Object.fromEntries(out.nodes.map((n) => [n.id, n.x]));
    expect(x.a).toBeLessThan(x.b ?? 0);
    expect(x.b).toBeLessThan(x.c ?? 0);
    const [ab, bc] = out.links;
    expect(ab?.width).toBeCloseTo(2 * (bc?.width ?? 0));
  });
  it('survives money going round in a circle', () => {
    const out = layoutFlows(
      [
        { from: 'a', to: 'b', amountMinor: 10 },
        { from: 'b', to: 'a', amountMinor: 5 },
        { from: 'b', to: 'b', amountMinor: 1 },
      ],
      1200,
    );
    expect(out.nodes).toHaveLength(2);
    expect(out.links).toHaveLength(3);
    expect(out.height).toBeGreaterThan(0);
  });
});
