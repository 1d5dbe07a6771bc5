import { describe, expect, it } from 'vitest';
import { MIN_PERSONS_PER_CELL } from './background.ts';
import { S } from './constants.ts';
import { CONFOUNDER_KINDS, DUPLICATE_VARIANTS, groundTruthPartSchema } from './groundTruth.ts';
import { countScenario, LARGE_SCALE, scenarioStream } from './scenario.ts';

describe('scale', () => {
  it('streams a mid-size scenario with every confounder kind and duplicate variant in every cell', () => {
    const scale = 30;
    let persons = 0;
    let cells = 0;
    for (const item of scenarioStream({ seed: 99, scale })) {
      if (item.kind === 'entity' && item.record.schema === S.Person) persons++;
      if (item.kind !== 'truth') continue;
      cells++;
      const part = item.part;
      expect(groundTruthPartSchema.safeParse(part).success).toBe(true);
      expect(new Set(part.confounders.map((c) => c.kind))).toEqual(new Set(CONFOUNDER_KINDS));
      expect(new Set(part.duplicates.map((d) => d.variant))).toEqual(new Set(DUPLICATE_VARIANTS));
      expect(part.networks.map((n) => n.kind).sort()).toEqual(['labour', 'sexual']);
    }
    expect(cells).toBe(scale);
    expect(persons).toBeGreaterThanOrEqual(scale * MIN_PERSONS_PER_CELL);
  });

  it(`reaches 100,000 persons and 1,000,000 transactions at scale ${LARGE_SCALE}, streamed without storing`, () => {
    const started = performance.now();
    const counts = countScenario({ seed: 1, scale: LARGE_SCALE });
    const seconds = (performance.now() - started) / 1000;
    expect(counts.cells).toBe(LARGE_SCALE);
    expect(counts.persons).toBeGreaterThanOrEqual(100_000);
    expect(counts.transactions).toBeGreaterThanOrEqual(1_000_000);
    console.info(
      `scale ${LARGE_SCALE}: ${counts.persons} persons, ${counts.transactions} transactions, ${counts.entities} entities in ${seconds.toFixed(1)} s`,
    );
  }, 120_000);
});
