import type { Command } from 'commander';
import { z } from 'zod';
import { loadDemoCase } from '../services/demo/index.ts';
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
  program
    .command('demo')
    .description(
      'Generate a synthetic scenario into a new case (ground truth kept with it). Every person in it is invented.',
    )
    .option('--seed <n>', 'random seed; the same seed gives the same case', '20261129')
    .option(
      '--scale <cells>',
      'number of cells: 1 ≈ 100 persons and 4,700 transactions; 1000 ≈ 104,000 persons and 4.8 million',
      '1',
    )
    .option('--title <title>', 'case title')
    .action(async (o: { seed: string; scale: string; title?: string }) => {
      const opts = parseOrThrow(DemoOptions, o);
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { caseId, report } = await loadDemoCase(store, actor, opts, {
          onProgress: progressPrinter('Generating'),
        });
        endProgress();
        console.log(
          `Case ${caseId}: ${report.entitiesAdded} entities, ${report.transactionsAdded} transactions, ${report.filesAdded} evidence files in ${(report.durationMs / 1000).toFixed(1)} s`,
        );
      });
    });
}
