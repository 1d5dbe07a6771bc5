/**
 * `npm run score`: generates scenarios (random seeds, printed; `--seed a,b,c` to replay), writes
 * each one's source files, imports them through the ordinary importers into a fresh SQLite data
 * folder in a random order, runs every rule and analysis, and prints per capability precision,
 * recall and false alarms by confounder kind beside a naive baseline, then how often each kind
 * of confounder was flagged (score/confounderRates.ts). Options: `--seed`,
 * `--scenarios N` (default 3), `--scale S` (default 4: since the demo writes call records and ad photos
 * and everything goes through the importers, a seed at scale 4 takes about 1–3 minutes on two cores;
 * scale 8 took 354 s for one seed under load).
 */
import { randomInt } from 'node:crypto';
import { groundTruthSchema } from '../src/demo/index.ts';
import type { TruthIdentifiers } from '../src/demo/sources/index.ts';
import { combineRates, confounderRates, formatRates, type ConfounderRate } from './confounderRates.ts';
import type { TruthMessage } from '../src/demo/sources/seized.ts';
import { combineMentionScores, formatMentionScores, innocentMarks, scoreMentions } from './mentions.ts';
import type { InnocentMarks, MentionMeasure } from './mentions.ts';
import { runScenario } from './pipeline.ts';
import { score, type CapabilityScore } from './scorer.ts';
import { combine, formatTable } from './table.ts';

export interface ScoreRun {
  seeds: number[];
  scale: number;
  perSeed: {
    seed: number;
    scores: CapabilityScore[];
    confounders: ConfounderRate[];
    mentions: MentionMeasure[];
    innocentMarks: InnocentMarks;
    importFailures: number;
    seconds: number;
  }[];
  total: CapabilityScore[];
  /** How often each confounder kind was flagged, over all seeds. */
  confounders: ConfounderRate[];
  mentions: MentionMeasure[];
}

export async function runScore(
  seeds: readonly number[],
  scale: number,
  log: (s: string) => void = () => {},
): Promise<ScoreRun> {
  const perSeed: ScoreRun['perSeed'] = [];
  for (const seed of seeds) {
    const t = Date.now();
    const run = await runScenario({ seed, scale, orderSeed: seed ^ 0x5eed });
    const { results, truthText, identifiersText } = run;
    const mentionTruth = JSON.parse(run.mentionsTruthText) as TruthMessage[];
    const truth = groundTruthSchema.parse(JSON.parse(truthText));
    const ids = JSON.parse(identifiersText) as TruthIdentifiers;
    const scores = score(truth, ids, results);
    const confounders = confounderRates(truth, ids, results);
    const seconds = (Date.now() - t) / 1000;
    const mentions = scoreMentions(mentionTruth, run.mentions);
    const marks = innocentMarks(mentionTruth, run.mentions);
    perSeed.push({
      seed,
      scores,
      confounders,
      mentions,
      innocentMarks: marks,
      importFailures: results.importFailures.length,
      seconds,
    });
    log(
      `seed ${seed}, scale ${scale}: ${results.importedSteps} imports, ${results.importFailures.length} failed, ${seconds.toFixed(1)} s`,
    );
    for (const f of results.importFailures.slice(0, 5)) log(`  not imported: ${f.what}: ${f.error.slice(0, 200)}`);
  }
  return {
    seeds: [...seeds],
    scale,
    perSeed,
    total: combine(perSeed.map((p) => p.scores)),
    confounders: combineRates(perSeed.map((p) => p.confounders)),
    mentions: combineMentionScores(perSeed.map((p) => p.mentions)),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const scale = Number(arg('scale') ?? 4);
  const n = Number(arg('scenarios') ?? 3);
  const given = arg('seed');
  const seeds = given ? given.split(',').map(Number) : Array.from({ length: n }, () => randomInt(0, 2 ** 31));
  if (!seeds.every((s) => Number.isInteger(s) && s >= 0) || !Number.isInteger(scale) || scale < 1) {
    console.error('usage: npm run score -- [--seed a,b,c] [--scenarios N] [--scale S]');
    process.exit(2);
  }
  console.log(
    `Seeds ${seeds.join(',')} at scale ${scale} (replay: npm run score -- --seed ${seeds.join(',')} --scale ${scale})`,
  );
  const run = await runScore(seeds, scale, (s) => console.log(s));
  console.log(`\n${formatTable(run.total)}`);
  console.log(`\n${formatRates(run.confounders)}`);
  console.log(
    `\n${formatMentionScores(
      run.mentions,
      run.perSeed.map((p) => p.innocentMarks),
    )}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
