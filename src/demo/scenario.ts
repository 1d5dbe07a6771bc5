/**
 * The scenario generator's public entry points.
 *
 * `scale` is the number of cells. A cell is one independent slice of the world: a labour
 * network, a sexual-exploitation network, the confounders (five of each look-alike kind), the
 * planted duplicates and a background population of at least 40 residents (more to reach 100
 * persons), over 12 months of bank statements. Scale 1 is the small demo case; scale 550 gives
 * more than 100,000 persons and 1,000,000 statement lines (see `LARGE_SCALE`).
 *
 * Output is a stream in a fixed order: a meta item, then per cell its entities, its statement
 * lines, its ad captures and its ground-truth part, and finally a summary of the counts. Only one
 * cell is in memory at a time (plus the set of identifiers drawn so far, which keeps random
 * identifiers from colliding across cells).
 */
import type { EntityRecord, TransactionRecord } from '../domain/records.ts';
import { AppError } from '../shared/errors.ts';
import { plantBackground } from './background.ts';
import { Cell, CELL_MONTHS, type AdCapture } from './cell.ts';
import { S } from './constants.ts';
import { plantConfounders } from './confounders.ts';
import { plantDuplicates } from './duplicates.ts';
import { plantInnocentFacts } from './innocentFacts.ts';
import { plantNamesakes } from './lookalikesPeople.ts';
import { emptyTruthPart, mergeTruthPart, type GroundTruth, type GroundTruthPart } from './groundTruth.ts';
import { UniqueRegistry } from './ids.ts';
import { buildLabourNetwork } from './labour.ts';
import { bookLabourMoney } from './labourMoney.ts';
import { plantSexualNetwork } from './sexual.ts';

export const GENERATOR_VERSION = 1;
/** Largest accepted scale: the identifier formats (8-digit mobile numbers) run out beyond it. */
export const MAX_SCALE = 20_000;
/** The scale that reaches at least 100,000 persons and 1,000,000 transactions. */
export const LARGE_SCALE = 550;

export interface ScenarioOptions {
  /** Any integer 0 … 2^32 − 1. */
  seed: number;
  /** Number of cells, 1 … MAX_SCALE. */
  scale: number;
}

export interface ScenarioMeta {
  format: 'elect-thb-demo';
  version: number;
  seed: number;
  scale: number;
  monthsPerCell: number;
}

export interface ScenarioCounts {
  cells: number;
  entities: number;
  persons: number;
  transactions: number;
  captures: number;
  bySchema: Record<string, number>;
}

export type ScenarioItem =
  | { kind: 'meta'; meta: ScenarioMeta }
  | { kind: 'entity'; record: EntityRecord }
  | { kind: 'transaction'; record: TransactionRecord }
  | { kind: 'capture'; capture: AdCapture }
  | { kind: 'truth'; cell: number; part: GroundTruthPart }
  | { kind: 'summary'; counts: ScenarioCounts };

export function checkOptions(opts: ScenarioOptions): void {
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new AppError('bad_request', 'seed must be an integer from 0 to 4294967295', 'seed');
  }
  if (!Number.isInteger(opts.scale) || opts.scale < 1 || opts.scale > MAX_SCALE) {
    throw new AppError('bad_request', `scale must be an integer from 1 to ${MAX_SCALE}`, 'scale');
  }
}

/** Build one cell. Cells must be built in order with one registry (identifier uniqueness). */
export function buildCell(seed: number, index: number, registry: UniqueRegistry): Cell {
  const cell = new Cell(seed, index, registry);
  const labour = buildLabourNetwork(cell);
  bookLabourMoney(cell, labour);
  const sexual = plantSexualNetwork(cell);
  const confounders = plantConfounders(cell, labour.main.id);
  const planted = [
    ...confounders.persons,
    ...labour.workers.map((w) => w.info),
    labour.controller,
    labour.enforcer,
    ...labour.recruiters,
    labour.frontDirector,
    ...sexual.persons,
  ];
  const namesakes = plantNamesakes(cell, planted);
  plantInnocentFacts(cell, [...confounders.persons, ...namesakes]);
  plantDuplicates(cell, planted);
  plantBackground(cell);
  return cell;
}

export function* scenarioStream(opts: ScenarioOptions): Generator<ScenarioItem, void, undefined> {
  checkOptions(opts);
  yield {
    kind: 'meta',
    meta: {
      format: 'elect-thb-demo',
      version: GENERATOR_VERSION,
      seed: opts.seed,
      scale: opts.scale,
      monthsPerCell: CELL_MONTHS,
    },
  };
  const registry = new UniqueRegistry();
  const counts: ScenarioCounts = { cells: 0, entities: 0, persons: 0, transactions: 0, captures: 0, bySchema: {} };
  for (let i = 0; i < opts.scale; i++) {
    const cell = buildCell(opts.seed, i, registry);
    for (const record of cell.entities) {
      counts.bySchema[record.schema] = (counts.bySchema[record.schema] ?? 0) + 1;
      yield { kind: 'entity', record };
    }
    for (const record of cell.transactions) yield { kind: 'transaction', record };
    for (const capture of cell.captures) yield { kind: 'capture', capture };
    yield { kind: 'truth', cell: i, part: cell.truth };
    counts.cells++;
    counts.entities += cell.entities.length;
    counts.transactions += cell.transactions.length;
    counts.captures += cell.captures.length;
  }
  counts.persons = counts.bySchema[S.Person] ?? 0;
  counts.bySchema = Object.fromEntries(
    Object.entries(counts.bySchema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  yield { kind: 'summary', counts };
}

export interface Scenario {
  meta: ScenarioMeta;
  entities: EntityRecord[];
  transactions: TransactionRecord[];
  captures: AdCapture[];
  groundTruth: GroundTruth;
  counts: ScenarioCounts;
}

/** The whole scenario in memory. For small and medium scales; stream the large ones. */
export function generateScenario(opts: ScenarioOptions): Scenario {
  const entities: EntityRecord[] = [];
  const transactions: TransactionRecord[] = [];
  const captures: AdCapture[] = [];
  const truth = emptyTruthPart();
  let meta: ScenarioMeta | undefined;
  let counts: ScenarioCounts | undefined;
  for (const item of scenarioStream(opts)) {
    switch (item.kind) {
      case 'meta':
        meta = item.meta;
        break;
      case 'entity':
        entities.push(item.record);
        break;
      case 'transaction':
        transactions.push(item.record);
        break;
      case 'capture':
        captures.push(item.capture);
        break;
      case 'truth':
        mergeTruthPart(truth, item.part);
        break;
      case 'summary':
        counts = item.counts;
        break;
    }
  }
  if (!meta || !counts) throw new Error('scenario stream ended early');
  const groundTruth: GroundTruth = {
    format: 'elect-thb-demo-truth',
    version: 1,
    seed: opts.seed,
    scale: opts.scale,
    ...truth,
  };
  return { meta, entities, transactions, captures, groundTruth, counts };
}

/** Stream the scenario and keep only the counts (for the large scales). */
export function countScenario(opts: ScenarioOptions): ScenarioCounts {
  let counts: ScenarioCounts | undefined;
  for (const item of scenarioStream(opts)) if (item.kind === 'summary') counts = item.counts;
  if (!counts) throw new Error('scenario stream ended early');
  return counts;
}
