/**
 * The score on a fixed pool of three seeds no other test uses, at the smallest scale: it runs
 * end to end and prints its table. Capabilities that reach the floor keep it (precision and
 * recall at least 0.9); the others have none yet — their figures are what they are.
 */
import { describe, expect, it } from 'vitest';
import { runScore } from './run.ts';
import { formatTable } from './table.ts';
import type { Measure } from './scorer.ts';

const POOL = [917_301, 917_302, 917_303];
const FLOOR = 0.9;
const FLOORED = ['letterbox companies', 'phoenix successors', 'ad networks (ad pairs)', 'duplicate persons (pairs)'];

describe('npm run score', () => {
  it('scores three fixed seeds through the whole pipeline and prints the table', async () => {
    const run = await runScore(POOL, 1, (s) => console.log(s));
    console.log(formatTable(run.total));
    expect(run.perSeed.map((p) => p.importFailures)).toEqual([0, 0, 0]);
    const capabilities = run.total.map((c) => c.capability);
    expect(capabilities).toContain('presumed victims');
    expect(capabilities).toContain('ad networks (ad pairs)');
    // Every capability has something to find in the truth.
    for (const c of run.total.filter((x) => !x.capability.startsWith('duplicate companies')))
      expect(c.platform.truth, c.capability).toBeGreaterThan(0);
    for (const name of FLOORED) {
      const m = run.total.find((c) => c.capability === name)?.platform as Measure | undefined;
      expect(m?.precision ?? 0, `${name} precision`).toBeGreaterThanOrEqual(FLOOR);
      expect(m?.recall ?? 0, `${name} recall`).toBeGreaterThanOrEqual(FLOOR);
    }
  }, 240_000);
});
