/**
 * `elect case review`, `elect case review-date <id> <date>` and `elect case erase <id>`:
 * retention from the console, through the same policy and audit as the API.
 */
import type { Command } from 'commander';
import { errors } from '../../shared/errors.ts';
import { changeReviewDate, eraseWholeCase, REVIEW_DATE, reviewDue } from '../../services/cases/index.ts';
import { cliCaller } from '../../services/useCase/index.ts';
import { cliActor } from '../actor.ts';
import { useDeploymentKeys } from '../keys.ts';
import { configOf, withStore } from '../context.ts';

export function retentionCommands(program: Command): void {
  const kase = program.command('case').description('Retention of one case: review dates and erasure');

  kase
    .command('review')
    .description('Cases of your agency whose review date has come (oversight roles; recorded)')
    .option('--date <YYYY-MM-DD>', 'as of this day (default today)')
    .action(async (o: { date?: string }) => {
      if (o.date && !REVIEW_DATE.test(o.date)) throw errors.validation('--date: a date such as 2027-06-30', '--date');
      useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const { cases: due } = await reviewDue(store, caller, { date: o.date });
        if (!due.length) console.log('No case is due for review.');
        for (const c of due) console.log(`${c.id}\t${c.reviewDate}\t${c.status}\t${c.reference ?? ''}\t${c.title}`);
      });
    });

  kase
    .command('review-date <caseId> <date>')
    .description('Set when the case is next reviewed (YYYY-MM-DD, or "none" to clear it); case lead')
    .action(async (caseId: string, date: string) => {
      const value = date === 'none' ? null : date;
      if (value !== null && !REVIEW_DATE.test(value)) throw errors.validation('date: YYYY-MM-DD or none', 'date');
      useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        await changeReviewDate(store, caller, caseId, { reviewDate: value });
        console.log(value ? `Case ${caseId} is due for review on ${value}.` : `Case ${caseId} has no review date.`);
      });
    });

  kase
    .command('erase <caseId>')
    .description('Erase a case: all its data and evidence; its audit chain is kept and sealed (case lead)')
    .option('--yes', 'confirm: the erasure cannot be undone (backups made before it still hold the case)')
    .action(async (caseId: string, o: { yes?: boolean }) => {
      if (!o.yes) throw errors.validation('Erasure cannot be undone; confirm with --yes', '--yes');
      useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const r = await eraseWholeCase(store, caller, caseId, { confirm: caseId });
        const total = Object.values(r.rows).reduce((a, n) => a + n, 0);
        console.log(
          `Case ${caseId} erased: ${total} rows. Its audit chain is sealed at seq ${r.seal.seq} (global seq ${r.seal.gseq}).`,
        );
      });
    });
}
