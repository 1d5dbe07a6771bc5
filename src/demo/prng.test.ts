import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilOf, dayOf, iso, monthStart } from './dates.ts';
import { deriveSeed, Rng } from './prng.ts';

describe('Rng', () => {
  it('repeats its sequence for a seed and not for the next seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(seqA);
  });

  it('keeps int() within its bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, lo, span) => {
          const r = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const x = r.int(lo, lo + span);
            expect(x).toBeGreaterThanOrEqual(lo);
            expect(x).toBeLessThanOrEqual(lo + span);
          }
        },
      ),
    );
  });

  it('is roughly uniform', () => {
    const r = new Rng(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const k = Math.floor(r.float() * 10);
      bins[k] = (bins[k] ?? 0) + 1;
    }
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it('derives different seeds for different parts', () => {
    const seeds = new Set<number>();
    for (let cell = 0; cell < 200; cell++)
      for (const label of ['labour', 'sexual', 'background']) seeds.add(deriveSeed(1, cell, label));
    expect(seeds.size).toBe(600);
    expect(deriveSeed(1, 2, 'x')).toBe(deriveSeed(1, 2, 'x'));
  });
});

describe('dates', () => {
  it('round-trips day numbers and agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), (d) => {
        const { year, month, day } = civilOf(d);
        expect(dayOf(year, month, day)).toBe(d);
        expect(iso(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('steps months', () => {
    expect(iso(monthStart(dayOf(2024, 1, 31), 1))).toBe('2024-02-01');
    expect(iso(monthStart(dayOf(2023, 12, 5), 2))).toBe('2024-02-01');
  });
});
