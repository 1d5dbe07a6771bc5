/**
 * `elect indicators list|show|import`, `elect assess`,
 * `elect assessments list|history|fill|import-observations|suggest`
 * and `elect legal-matrix`: victim identification from the command line, through the same
 * services, policy and audit as the API (assessments need victim contact on the case).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import {
  assessPerson,
  casePersons,
  fillFromObservations,
  importObservations,
  suggestFromData,
  importIndicatorCatalogue,
  indicatorCatalogue,
  indicatorCatalogues,
  openLegalMatrix,
  personAssessments,
  textIn,
} from '../services/identification/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw errors.validation(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readText(file)) as unknown;
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw errors.validation(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

export function identificationCommands(program: Command): void {
  const ind = program
    .command('indicators')
    .description('Indicator catalogues: built-in and imported lists, versions, items');
  ind
    .command('list')
    .description('List the catalogues and their versions')
    .action(async () => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { catalogues } = await indicatorCatalogues(store, cliCaller(actor));
        for (const c of catalogues) {
          const lists = c.lists.map((l) => `${l.id} (${l.items} items, ${l.unverified} unverified)`).join('; ');
          console.log(`${c.key}@${c.version}  ${c.origin}  ${c.title.en}\n    ${lists}\n    source: ${c.source}`);
        }
      });
    });
  ind
    .command('show <key>')
    .description('Print a catalogue’s items with rating, verification and source')
    .option('--version <n>', 'version (default newest)')
    .option('--lang <lang>', 'en, fi, et or lv', 'en')
    .action(async (key: string, o: { version?: string; lang: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const version = o.version ? Number(o.version) : undefined;
        const { catalogue: c } = await indicatorCatalogue(store, cliCaller(actor), { key, version });
        console.log(`${c.key}@${c.version} ${textIn(c.title, o.lang)}\n${c.source}`);
        for (const l of c.lists) {
          console.log(`\n${l.id} — ${textIn(l.text, o.lang)}`);
          for (const it of l.items)
            console.log(
              `  ${it.id.padEnd(26)} ${(it.dimension ?? '').padEnd(34)} ${(it.rating ?? '').padEnd(6)} ${it.verification.padEnd(10)} ${textIn(it.text, o.lang)}`,
            );
        }
        if (c.rule) console.log(`\nRule (${c.rule.verification}): ${c.rule.source}`);
      });
    });
  ind
    .command('import <file>')
    .description(
      'Import an agency’s list as a new version (administrators): a catalogue JSON, or CSV with --key --version --title --source',
    )
    .option('--format <format>', 'json or csv (default: from the file name)')
    .option('--key <key>')
    .option('--version <n>')
    .option('--title <title>')
    .option('--source <source>')
    .action(
      async (file: string, o: { format?: string; key?: string; version?: string; title?: string; source?: string }) => {
        await withStore(program, async (store) => {
          const actor = await cliActor(program, store);
          const format = o.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
          const body =
            format === 'csv'
              ? {
                  format: 'csv' as const,
                  csv: readText(file),
                  key: o.key ?? '',
                  version: Number(o.version ?? 0),
                  title: o.title ?? '',
                  source: o.source ?? '',
                }
              : { format: 'json' as const, catalogue: readJson(file) };
          if (body.format === 'csv' && (!body.key || !body.title || !body.source || !(body.version > 0)))
            throw errors.validation('CSV needs --key, --version, --title and --source', '--key');
          const { catalogue: s } = await importIndicatorCatalogue(store, cliCaller(actor), body);
          console.log(`Imported ${s.key}@${s.version}: ${s.lists.map((l) => `${l.id} ${l.items}`).join(', ')}`);
        });
      },
    );

  program
    .command('assess <caseId> <personId>')
    .description(
      'Record an assessment of a person from a JSON file (list, population, indicators with evidence and grading, acts)',
    )
    .requiredOption('--file <assessment.json>', 'the assessment, as the API takes it')
    .action(async (caseId: string, personId: string, o: { file: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { assessment: a } = await assessPerson(store, cliCaller(actor), caseId, {
          personId,
          body: readJson(o.file),
        });
        console.log(`${a.outcome}: ${a.decision.explanation}`);
        for (const n of a.decision.nextSteps) console.log(`  next: ${n.text} (${n.source})`);
      });
    });

  const as = program
    .command('assessments')
    .description('Assessments of a case: persons and results, a person’s history, filling from recorded observations');
  as.command('list')
    .requiredOption('--case <id>')
    .option('--presumed', 'only presumed victims')
    .description('Persons with their latest result')
    .action(async (o: { case: string; presumed?: boolean }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { persons } = await casePersons(store, cliCaller(actor), o.case, {
          assessed: o.presumed ? 'presumed' : 'assessed',
          limit: 500,
        });
        for (const p of persons)
          console.log(`${p.id}  ${p.caption}  ${p.latest?.outcome ?? '-'}  ${p.latest?.explanation ?? ''}`);
        console.log(`${persons.length} person(s).`);
      });
    });
  as.command('history')
    .requiredOption('--case <id>')
    .requiredOption('--person <id>')
    .description('Every assessment of a person, newest first')
    .action(async (o: { case: string; person: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const { assessments: list } = await personAssessments(store, cliCaller(actor), o.case, {
          personId: o.person,
        });
        for (const a of list)
          console.log(
            `${a.createdAt}  ${a.catalogue.key}@${a.catalogue.version} ${a.list}  ${a.method}  ${a.outcome}\n    ${a.decision.explanation}`,
          );
      });
    });
  as.command('fill')
    .requiredOption('--case <id>')
    .description('A new assessment per person with recorded observations, decided by the Delphi rule')
    .action(async (o: { case: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const out = await fillFromObservations(store, cliCaller(actor), o.case, {});
        for (const a of out.results) console.log(`${a.personId}  ${a.outcome}  ${a.explanation}`);
        console.log(`${out.assessed} assessed, ${out.presumed} presumed victim(s).`);
      });
    });

  as.command('import-observations <file>')
    .requiredOption('--case <id>')
    .description(
      'Interview and inspection records (CSV: Name, Date of birth, Passport, Personal code, Recorded on, ' +
        'Catalogue, Indicator, Strength, Record) as observations on the persons they name',
    )
    .action(async (file: string, o: { case: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const out = await importObservations(store, cliCaller(actor), o.case, { path: file });
        for (const u of out.unmatched) console.log(`line ${u.line}: no person of the case is ${u.name || 'named'}`);
        console.log(
          `${out.rows} row(s): ${out.recorded} observation(s) recorded on ${out.persons} person(s), ` +
            `${out.already} already there, ${out.unmatched.length} naming nobody of the case.`,
        );
      });
    });

  as.command('suggest')
    .requiredOption('--case <id>')
    .description(
      'Possible victims from the records: suggested observations (kick-backs, deductions, low pay, a suspect’s contacts)',
    )
    .action(async (o: { case: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const out = await suggestFromData(store, cliCaller(actor), o.case, {});
        for (const s of out.suggestions)
          console.log(
            `${s.personId}  ${s.signal}  ${s.catalogue}:${s.item}${s.added ? '' : ' (already suggested)'}\n` +
              `    ${s.detail}; ${s.transactionIds.length} line(s), ${s.entityIds.length} entit(ies); ${s.source}`,
          );
        console.log(
          `${out.persons} possible victim(s), ${out.suggestions.filter((s) => s.added).length} new observation(s) ` +
            `to confirm; ${out.unresolvedAccounts} worker account(s) held by no Person yet.`,
        );
      });
    });

  program
    .command('legal-matrix')
    .requiredOption('--case <id>')
    .option('--victim <id>')
    .description('Act, means and purpose per victim and suspect, with supporting facts and gaps')
    .action(async (o: { case: string; victim?: string }) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const m = await openLegalMatrix(store, cliCaller(actor), o.case, { victim: o.victim });
        const name = new Map(m.suspects.map((s) => [s.id, s.caption]));
        for (const v of m.victims) {
          console.log(
            `\n${v.caption}${v.child ? ' (child)' : ''} — ${v.complete ? 'all elements supported' : 'gaps remain'}`,
          );
          for (const r of v.rows) {
            console.log(`  ${r.suspectId ? `against ${name.get(r.suspectId) ?? r.suspectId}` : 'all facts'}:`);
            for (const c of r.cells)
              console.log(
                `    ${c.element.padEnd(8)} ${c.status.padEnd(12)} ${
                  c.facts
                    .map((f) => f.value)
                    .filter((x, i, a) => a.indexOf(x) === i)
                    .join(', ') ||
                  c.gap ||
                  ''
                }`,
              );
          }
        }
        console.log(`\n${m.source}`);
      });
    });
}
