/**
 * The demo case as an investigation builds it: the scenario's source files (statements, register
 * extracts, customer and police records, postings, call records, ad pages and photos) written to a
 * temporary folder and imported through the ordinary importers with their saved mappings — the
 * same steps `npm run score` measures. The ground truth is removed from the folder before the
 * first import, so nothing in the case can come from it; the folder goes when the case is loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioOptions } from '../../demo/index.ts';
import { countEntitiesBySchema } from '../../store/repos/entities/entities.ts';
import { countTransactions } from '../../store/repos/finance/transactions.ts';
import { listFiles } from '../../store/repos/files/files.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { createCase } from '../cases/index.ts';
import { cliCaller, type Caller } from '../useCase/index.ts';
import { importSources, readSourcePlan, writeDemoSources, type SourceImportRun } from './sources.ts';

export interface SourcesDemoCase {
  caseId: string;
  /** Source files written (the ground truth's two files included, removed before importing). */
  files: number;
  run: SourceImportRun;
  entities: number;
  transactions: number;
  evidenceFiles: number;
  durationMs: number;
}

/** Writes the scenario's sources, opens a case and imports every source into it, in the plan's order. */
export async function loadDemoCaseFromSources(
  store: Store,
  actor: Actor,
  opts: ScenarioOptions & { title?: string | undefined; caller?: Caller | undefined },
  onStep?: (what: string) => void,
): Promise<SourcesDemoCase> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'elect-demo-sources-'));
  try {
    const written = writeDemoSources({ seed: opts.seed, scale: opts.scale, out: dir });
    rmSync(join(dir, 'truth.json'));
    rmSync(join(dir, 'truth-identifiers.json'));
    rmSync(join(dir, 'truth-mentions.json'));
    const kase = await createCase(store, actor, {
      title: opts.title ?? `Demo: Operation Northern Thread (seed ${opts.seed}, scale ${opts.scale})`,
      country: 'FI',
      description:
        'Synthetic case made by the scenario generator and imported from its source files. Every person in it is invented.',
      purpose: 'demo',
    });
    const run = await importSources(store, opts.caller ?? cliCaller(actor), kase.id, dir, readSourcePlan(dir), onStep);
    const scope = store.scope(kase.id);
    const bySchema = await countEntitiesBySchema(scope);
    return {
      caseId: kase.id,
      files: written.files,
      run,
      entities: bySchema.reduce((n, c) => n + Number(c.n), 0),
      transactions: await countTransactions(scope),
      evidenceFiles: (await listFiles(scope)).length,
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
