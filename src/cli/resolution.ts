/**
 * `elect resolve`: entity resolution from the command line — candidate duplicates with the
 * reasons they scored; `--apply` merges the pairs at or above a high score (each merge can be
 * undone in the workspace) — through the same use cases as the API.
 */
import type { Command } from 'commander';
import { ResolutionQuery } from '../shared/contracts/companies.ts';
import { errors } from '../shared/errors.ts';
import { findDuplicates, mergeRecords } from '../services/resolution/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';

export function resolutionCommands(program: Command): void {
  program
    .command('resolve <case>')
    .description('List candidate duplicates with why they scored; --apply merges those at or above --apply-at')
    .option(
      '--schema <schema>',
      'Person, Company, Organization or LegalEntity (all parties, across schemata)',
      'LegalEntity',
    )
    .option('--threshold <n>', 'lowest score listed (0–1)', '0.5')
    .option('--apply', 'merge the pairs at or above --apply-at (each merge can be undone in the workspace)')
    .option('--apply-at <n>', 'lowest score merged by --apply', '0.99')
    .action(async (caseId: string, o: { schema: string; threshold: string; apply?: boolean; applyAt: string }) => {
      const schema = ResolutionQuery.shape.schema.safeParse(o.schema);
      if (!schema.success)
        throw errors.validation('--schema must be Person, Company, Organization or LegalEntity', '--schema');
      const threshold = Number(o.threshold);
      const applyAt = Number(o.applyAt);
      if (!(threshold >= 0 && threshold <= 1))
        throw errors.validation('--threshold must be a number from 0 to 1', '--threshold');
      if (!(applyAt >= 0 && applyAt <= 1))
        throw errors.validation('--apply-at must be a number from 0 to 1', '--apply-at');
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const caller = cliCaller(actor);
        const out = await findDuplicates(store, caller, caseId, {
          schema: schema.data,
          threshold,
          limit: 100_000,
          decided: false,
        });
        console.log(`${out.total} candidate pair(s) among ${out.records} records.`);
        const gone = new Set<string>();
        for (const c of out.candidates) {
          if (c.kind === 'conflict') {
            console.log(`conflict\t${c.a.caption} (${c.a.id})\t${c.b.caption} (${c.b.id})\t${c.reason ?? ''}`);
            continue;
          }
          const why = c.reasons
            .map((r) => `${r.feature} ${r.verdict} ${r.weight > 0 ? '+' : ''}${r.weight}`)
            .join(', ');
          console.log(`${c.score.toFixed(3)}\t${c.a.caption} (${c.a.id})\t${c.b.caption} (${c.b.id})\t${why}`);
          if (!o.apply || c.score < applyAt || gone.has(c.a.id) || gone.has(c.b.id)) continue;
          const m = await mergeRecords(store, caller, caseId, { keep: c.a.id, merge: c.b.id });
          gone.add(c.b.id);
          console.log(
            `  merged ${c.b.id} into ${c.a.id} (merge ${m.id}; undo: DELETE /api/cases/${caseId}/resolution/merges/${m.id})`,
          );
        }
      });
    });
}
