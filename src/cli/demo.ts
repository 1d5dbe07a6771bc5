import type { Command } from 'commander';
import { z } from 'zod';
import { loadDemoCase, loadDemoCaseFromSources, writeDemoSources } from '../services/demo/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { parseOrThrow } from './parse.ts';
import { endProgress, progressPrinter } from './progress.ts';

const DemoOptions = z.object({
  seed: z.coerce.number().int().min(0).max(0xffffffff),
  scale: z.coerce.number().int().min(1).max(20_000),
  title: z.string().trim().min(1).max(300).optional(),
});

export function demoCommand(program: Command): void {
  const demo = program
    .command('demo')
    .description(
      'Generate a synthetic scenario into a new case from its source files, imported through the ordinary importers (its ground truth is kept nowhere). Every person in it is invented.',
    )
    .option('--seed <n>', 'random seed; the same seed gives the same case', '20261129')
    .option(
      '--scale <cells>',
      'number of cells: 1 ≈ 100 persons and 4,700 transactions; 1000 ≈ 104,000 persons and 4.8 million',
      '1',
    )
    .option('--title <title>', 'case title')
    .option(
      '--stream',
      "load the generator's records directly instead of through source files (fast, for large scales; " +
        'planted duplicates keep their generated ids)',
    )
    .action(async (o: { seed: string; scale: string; title?: string; stream?: boolean }) => {
      const opts = parseOrThrow(DemoOptions, o);
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        if (!o.stream) {
          const d = await loadDemoCaseFromSources(store, actor, opts);
          console.log(
            `Case ${d.caseId}: ${d.files} source files, ${d.run.imported} imports, ${d.entities} entities, ${d.transactions} transactions, ${d.evidenceFiles} evidence files in ${(d.durationMs / 1000).toFixed(1)} s`,
          );
          for (const f of d.run.failed) console.log(`  not imported: ${f.what}: ${f.error}`);
          if (d.run.failed.length) process.exitCode = 1;
          return;
        }
        const { caseId, report } = await loadDemoCase(store, actor, opts, {
          onProgress: progressPrinter('Generating'),
        });
        endProgress();
        console.log(
          `Case ${caseId}: ${report.entitiesAdded} entities, ${report.transactionsAdded} transactions, ${report.filesAdded} evidence files in ${(report.durationMs / 1000).toFixed(1)} s`,
        );
      });
    });
  demo
    .command('write-sources')
    .description(
      'Write a synthetic scenario as the files an investigation receives (statements, registers, customer and police records, postings, ad pages) with their import mappings, sources.json and, apart, truth.json',
    )
    .requiredOption('--out <dir>', 'folder to write (created)')
    .option('--seed <n>', 'random seed; the same seed gives the same files', '20261129')
    .option('--scale <cells>', 'number of cells (1 ≈ 100 persons)', '1')
    .action((o: { seed: string; scale: string; out: string }) => {
      const opts = parseOrThrow(DemoOptions.omit({ title: true }), o);
      const w = writeDemoSources({ ...opts, out: o.out });
      console.log(
        `${w.files} files in ${o.out}: ${w.manifest.imports.length} imports in sources.json; the ground truth is in truth.json beside them`,
      );
    });
}
