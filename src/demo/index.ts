/**
 * Public API of the demo scenario generator: a seeded, deterministic synthetic THB case
 * (labour and sexual exploitation networks, confounders, planted duplicates, background
 * population) with its ground truth. See README.md in this folder.
 */
export {
  buildCell,
  checkOptions,
  countScenario,
  generateScenario,
  GENERATOR_VERSION,
  LARGE_SCALE,
  MAX_SCALE,
  scenarioStream,
  type Scenario,
  type ScenarioCounts,
  type ScenarioItem,
  type ScenarioMeta,
  type ScenarioOptions,
} from './scenario.ts';
export { canonicalJson, scenarioDigest, scenarioLines, serializeScenario } from './serialize.ts';
export * from './groundTruth.ts';
export type { AdCapture } from './cell.ts';
export { CELL_MONTHS } from './cell.ts';
export { MIN_PERSONS_PER_CELL } from './background.ts';
export { P as DEMO_PROPERTIES, S as DEMO_SCHEMATA } from './constants.ts';
export {
  cellOf,
  delphiDimensionPositive,
  delphiPresumedVictim,
  factsByPerson,
  referenceProblems,
  transactionProblems,
  truthProblems,
} from './scenarioChecks.ts';
export { HARD_VARIANTS, personPopulation, type PopulationItem, type PopulationOptions } from './population.ts';
