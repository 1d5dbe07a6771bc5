/**
 * `elect companies import|chain|flags`: company-register extracts into a case, and the
 * subcontracting chains with their red flags — through the same use cases as the API.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { companyChains, flagsByCompany, importCompanyRegister } from '../services/companies/index.ts';
import type { ChainNode, CompanyFlag, CompanyRegisterOptions } from '../services/companies/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';

function printChain(n: ChainNode, flags: Record<string, CompanyFlag[]>, depth = 0): void {
  const pad = '  '.repeat(depth);
  const via = n.via ? ` (${n.via.kind} ${n.via.contract ?? ''} ${n.via.start ?? '?'} – ${n.via.end ?? '…'})` : ' (top)';
  const posted = n.workers.filter((w) => w.posted).length;
  console.log(
    `${pad}${n.name} [${(n.country ?? '?').toUpperCase()}]${via}${n.workers.length ? `, ${n.workers.length} workers (${posted} posted)` : ''}${n.cycle ? ' — circular' : ''}`,
  );
  for (const f of flags[n.companyId] ?? []) console.log(`${pad}  ! ${f.rule}: ${f.explanation}`);
  for (const c of n.children) printChain(c, flags, depth + 1);
}

export function companyCommands(program: Command): void {
  const companies = program
    .command('companies')
    .description('Company registers, subcontracting chains and company red flags');
  companies
    .command('import <file>')
    .description('Import a company-register extract (CSV) with a column mapping')
    .requiredOption('--case <id>', 'case id')
    .requiredOption(
      '--options <file.json>',
      'options as JSON: {"mapping":{"name":"Company","registrationNumber":"Reg no",…},"dateFormat":"%d.%m.%Y","country":"EE"}',
    )
    .action(async (file: string, o: { case: string; options: string }) => {
      let options: CompanyRegisterOptions;
      try {
        options = JSON.parse(readFileSync(o.options, 'utf8')) as CompanyRegisterOptions;
      } catch (e) {
        throw errors.validation(
          `Cannot read the options from ${o.options}: ${e instanceof Error ? e.message : String(e)}`,
          '--options',
        );
      }
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { fileName, report } = await importCompanyRegister(store, cliCaller(actor), o.case, {
          path: file,
          options,
        });
        console.log(
          `${fileName} (sha256 ${report.sha256}): ${report.entitiesAdded} new entities, ${report.entitiesMerged} updated (${Object.entries(
            report.bySchema,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`,
        );
      });
    });
  for (const [name, what] of [
    ['chain', "Print the subcontracting and posting chains with each company's red flags"],
    ['flags', 'List the company red flags with their explanations'],
  ] as const) {
    companies
      .command(name)
      .description(what)
      .requiredOption('--case <id>', 'case id')
      .action(async (o: { case: string }) => {
        await withStore(program, async (store) => {
          const actor = await cliActor(program, store);
          const caller = cliCaller(actor);
          const view =
            name === 'chain'
              ? await companyChains(store, caller, o.case, { rules: undefined })
              : await flagsByCompany(store, caller, o.case);
          if (name === 'chain') {
            if (!view.chains.length) console.log('No subcontracting or posting chains in this case.');
            for (const c of view.chains) printChain(c, view.flags);
            return;
          }
          for (const c of view.companies)
            for (const f of view.flags[c.id] ?? []) console.log(`${c.name}\t${f.rule}\t${f.explanation}`);
        });
      });
  }
}
