import type { Command } from 'commander';
import { CaseCreate } from '../../shared/contracts/index.ts';
import { myCases, openNewCase } from '../../services/cases/index.ts';
import { cliCaller } from '../../services/useCase/index.ts';
import { cliActor } from '../actor.ts';
import { withStore } from '../context.ts';
import { parseOrThrow } from '../parse.ts';

export function casesCommand(program: Command): void {
  const cases = program.command('cases').description('List the cases you are a member of, or open one');
  cases.action(async () => {
    await withStore(program, async (store) => {
      const { cases: list } = await myCases(store, cliCaller(await cliActor(program, store)));
      if (!list.length)
        console.log(
          'No cases yet. Open one with: elect cases add "<title>" --country LV, or load a demo with: elect demo',
        );
      for (const c of list) console.log(`${c.id}\t${c.status}\t${c.myRole ?? ''}\t${c.country}\t${c.title}`);
    });
  });
  cases
    .command('add <title>')
    .description('Open a case; you become its lead')
    .requiredOption('--country <CC>', 'country whose numbering plan reads national phone numbers (LV, EE, FI…)')
    .option('--reference <ref>', 'the agency’s case reference')
    .action(async (title: string, o: { country: string; reference?: string }) => {
      await withStore(program, async (store) => {
        const input = parseOrThrow(CaseCreate, {
          title,
          country: o.country,
          ...(o.reference ? { reference: o.reference } : {}),
        });
        const c = await openNewCase(store, cliCaller(await cliActor(program, store)), input);
        console.log(c.id);
      });
    });
}
