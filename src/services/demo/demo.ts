/**
 * Loads a generated scenario into a new case through the shared import pipeline. Its ground
 * truth stays out of the database (the generator regenerates it from seed and scale); what
 * officers would have recorded about each person — the generator's indicator facts — goes in as
 * observations, case data like any other note.
 */
import type { ScenarioOptions } from '../../demo/index.ts';
import { memoryInput } from '../../ingest/files.ts';
import { dropFailedDemoCase } from '../../store/repos/demo/cases.ts';
import { insertDemoFacts } from './observations.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import type { ImportOptions, ImportReport } from '../imports/index.ts';
import { runImport } from '../imports/index.ts';
import { DEMO_GENERATOR, scenarioImporter } from '../training/index.ts';

export interface DemoCase {
  caseId: string;
  report: ImportReport;
}

export async function loadDemoCase(
  store: Store,
  actor: Actor,
  opts: ScenarioOptions & { title?: string | undefined; purpose?: 'demo' | 'training' | undefined },
  run: Omit<ImportOptions, 'afterWrite'> = {},
): Promise<DemoCase> {
  const kase = await createCase(store, actor, {
    title: opts.title ?? `Demo: Operation Northern Thread (seed ${opts.seed}, scale ${opts.scale})`,
    country: 'FI',
    description: 'Synthetic case made by the scenario generator. Every person in it is invented.',
    purpose: opts.purpose ?? 'demo',
  });
  const facts: string[] = [];
  const params = JSON.stringify({ generator: DEMO_GENERATOR, seed: opts.seed, scale: opts.scale });
  try {
    const report = await runImport(
      store,
      actor,
      kase.id,
      scenarioImporter,
      memoryInput('scenario.json', params),
      { seed: opts.seed, scale: opts.scale, onTruth: (_cell, json) => facts.push(json) },
      {
        ...run,
        chunkSize: run.chunkSize ?? 2000,
        // The generator's stream is one import whose ground truth names its ids, planted duplicates
        // included (for the analyst to resolve): joining them on import would leave the truth naming
        // ids that are gone. Cases built from the scenario's files (demo sources) are assembled.
        assemble: run.assemble ?? false,
        afterWrite: async (scope) => {
          await insertDemoFacts(scope, actor, facts);
        },
      },
    );
    return { caseId: kase.id, report };
  } catch (e) {
    // The case was opened in its own transaction; an import that failed leaves no empty case.
    await dropFailedDemoCase(store.db, kase.id);
    throw e;
  }
}
