/**
 * The score on a fixed pool of three seeds no other test uses, at the smallest scale: it runs
 * end to end, prints its table, and holds the capabilities that reach the issue's floors
 * (precision and recall ≥ 0.9, proceeds within 10%) at them; the others' figures are what they are.
 * Every confounder kind is flagged at most 5% of the time.
 */
import { describe, expect, it } from 'vitest';
import { formatRates } from './confounderRates.ts';
import { runScore } from './run.ts';
import type { Measure } from './scorer.ts';
import { formatTable } from './table.ts';

const POOL = [917_301, 917_302, 917_303];
/** Least precision and recall held on the pool (the floor is 0.9 for each; lower ones say why). */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  // Precision and recall 1.0 measured on the pool (36 victims, a planted duplicate record counted
  // with the victim it copies): interview rows imported before the records they name wait and are
  // attached when filling.
  'presumed victims': { precision: 0.9, recall: 0.9 },
  'funnel/collector accounts': { precision: 0.9, recall: 0.9 },
  'kick-back lines': { precision: 0.9, recall: 0.9 },
  // Precision and recall 1.0 measured (15 accounts): a recruiter whose fees were paid in cash has no
  // statement line at all, and is named by the police records of the fees it charged.
  "controllers' accounts": { precision: 0.9, recall: 0.9 },
  'letterbox companies': { precision: 0.9, recall: 0.9 },
  'phoenix successors': { precision: 0.9, recall: 0.9 },
  // Precision and recall 1.0 measured (310 pairs): a photo recurring across three or more contact groups
  // is a common (stock) photo and no longer merges networks, and a group of ads picturing one person (an
  // independent advertiser's own ads, or two advertisers showing one stock photo) is no network.
  'ad networks (ad pairs)': { precision: 0.9, recall: 0.9 },
  'duplicate persons (pairs)': { precision: 0.9, recall: 0.9 },
  // Precision 1.0, recall 0.96 measured (25 pairs): the one missed is a bank's record of a Polish firm without
  // its number, whose other sources (postings, subcontracts) give only its name; a name alone queues no pair.
  'duplicate companies (pairs)': { precision: 0.9, recall: 0.9 },
};

/** Most share of each confounder kind's planted instances the measured capabilities may flag (the ceiling). */
const CONFOUNDER_CEILING = 0.05;

describe('npm run score', () => {
  it('scores three fixed seeds through the whole pipeline and prints the table', async () => {
    const run = await runScore(POOL, 1, (s) => console.log(s));
    console.log(formatTable(run.total));
    expect(run.perSeed.map((p) => p.importFailures)).toEqual([0, 0, 0]);
    const capabilities = run.total.map((c) => c.capability);
    expect(capabilities).toContain('presumed victims');
    expect(capabilities).toContain('ad networks (ad pairs)');
    // Every capability has something to find in the truth.
    for (const c of run.total)
      expect(c.platform.truth, c.capability).toBeGreaterThan(0);
    for (const [capability, floor] of Object.entries(FLOORS)) {
      const m = run.total.find((c) => c.capability === capability)?.platform as Measure | undefined;
      expect(m?.precision ?? 0, `precision of ${capability}`).toBeGreaterThanOrEqual(floor.precision);
      expect(m?.recall ?? 0, `recall of ${capability}`).toBeGreaterThanOrEqual(floor.recall);
    }
    console.log(formatRates(run.confounders));
    expect(run.confounders.length, 'confounder kinds planted').toBeGreaterThanOrEqual(10);
    for (const c of run.confounders)
      expect(c.flagged / c.instances, `share of ${c.kind} flagged`).toBeLessThanOrEqual(CONFOUNDER_CEILING);
    const proceeds = run.total.find((c) => c.capability.startsWith('proceeds'))?.platform;
    const error = proceeds && 'relativeError' in proceeds ? proceeds.relativeError : null;
    expect(Math.abs(error ?? 1), 'proceeds against the ledger').toBeLessThanOrEqual(0.1);
  }, 240_000);
});
