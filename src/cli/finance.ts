/**
 * `elect import-statements`, `elect flags` and `elect proceeds`: bank statements into a case,
 * the red-flag findings (rerun when the case changed, decided one by one) and the proceeds
 * estimate with its assumptions — through the same services, policy and audit as the API.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EntityRowsQuery } from '../shared/contracts/entities.ts';
import { ASSUMPTIONS, FindingsQuery, ProceedsBody } from '../shared/contracts/finance.ts';
import { entityRows } from '../services/entities/index.ts';
import type { FindingStatus } from '../shared/contracts/finance.ts';
import { errors } from '../shared/errors.ts';
import {
  findingRecords,
  findingsPage,
  proceedsEstimate,
  RULES,
  recordDecision,
  refreshRules,
  storeProceedsModel,
} from '../services/finance/index.ts';
import type { ProceedsEstimate, RunSummary } from '../services/finance/index.ts';
import type { ImportReport } from '../services/imports/index.ts';
import {
  bankCsvPresetNames,
  bankFormatIds,
  checkBankFormat,
  encodingFlag,
  importStatementFiles,
} from '../services/imports/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { printStatementGuess } from './guess.ts';
import { withStore } from './context.ts';
import { parseOrThrow } from './parse.ts';
import { endProgress, progressPrinter } from './progress.ts';

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw errors.validation(`Cannot read ${what} from ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

const money = (minor: number, currency = 'EUR') =>
  `${currency} ${(minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function printRun(s: RunSummary): void {
  const per =
    Object.entries(s.byRule)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ') || 'none';
  for (const n of s.notices) console.log(`Note: ${n.message}`);
  console.log(
    `Rules ran over ${s.transactions} transactions of ${s.accounts} accounts in ${(s.durationMs / 1000).toFixed(1)} s: ${s.findings} findings (${per})${s.noLongerReported ? `; ${s.noLongerReported} decided finding(s) no longer reported` : ''}.`,
  );
}

interface ImportStatementsFlags {
  case?: string;
  format?: string;
  options?: string;
  preset?: string;
  guess?: string;
  flags: boolean;
  acceptUnbalanced?: boolean;
  keepGoing?: boolean;
  encoding?: string;
}

/** What happened to the file's statements beyond the counts: skipped duplicates, accepted imbalances. */
function printStatements(fileName: string, report: ImportReport): void {
  for (const s of report.statementsSkipped ?? []) console.log(`${fileName}: line ${s.line}: ${s.message}`);
  for (const u of report.unbalancedStatements ?? []) console.warn(`${fileName}: line ${u.line}: warning: ${u.warning}`);
  for (const w of report.warnings ?? []) console.warn(`${fileName}: ${w.replace(/^(line \d+: )?/, '$1warning: ')}`);
}

export function financeCommands(program: Command): void {
  program
    .command('import-statements [files...]')
    .description(
      'Import bank statements (camt.053, MT940 or bank CSV) into a case, then rerun the red-flag rules; ' +
        'or propose bank CSV options for a file (--guess)',
    )
    .option('--case <id>', 'case id')
    .option('--format <format>', `one of ${bankFormatIds.join(', ')}`)
    .option('--options <file.json>', 'importer options as JSON (bank-csv: mapping, decimal, dateFormat…)')
    .option('--preset <name>', `bank-csv export layout: ${bankCsvPresetNames.join(', ')} (--options override it)`)
    .option(
      '--guess <file>',
      'print proposed bank-csv options for the file as JSON (reasons on stderr); import nothing',
    )
    .option('--no-flags', 'do not rerun the red-flag rules afterwards')
    .option(
      '--accept-unbalanced',
      'import statements whose entries do not add up to their closing balance (each recorded with a warning)',
    )
    .option('--keep-going', 'import the files that can be imported and name the others (default: all files or none)')
    .option('--encoding <enc>', "the files' text encoding (mt940, bank-csv, ofx), e.g. iso-8859-2, windows-1257")
    .action(async (files: string[], o: ImportStatementsFlags) => {
      if (o.guess) return printStatementGuess(o.guess);
      if (!o.case) throw errors.validation('Give the case: --case <id>', '--case');
      if (!o.format) throw errors.validation(`Give the format: --format ${bankFormatIds.join('|')}`, '--format');
      if (!files.length) throw errors.validation('Name the statement files to import', 'files');
      checkBankFormat(o.format);
      if (o.preset && o.format !== 'bank-csv')
        throw errors.validation(`--preset belongs to --format bank-csv, not --format ${o.format}`, '--preset');
      // No `known` look-up: it would query outside the import's transaction (one connection on
      // SQLite); the pipeline merges accounts the case already has instead.
      const options: Record<string, unknown> = {
        ...((o.options ? readJson(o.options, 'importer options') : {}) as Record<string, unknown>),
        ...(o.preset ? { preset: o.preset } : {}),
        ...(o.encoding ? { encoding: encodingFlag(o.encoding) } : {}),
      };
      const { case: caseId, format } = o;
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const run = await importStatementFiles(store, caller, caseId, files, {
          format,
          options,
          onProgress: progressPrinter('statements'),
          chunkSize: 5000,
          ...(o.acceptUnbalanced ? { acceptUnbalanced: true } : {}),
          ...(o.keepGoing ? { keepGoing: true } : {}),
        }).finally(endProgress);
        for (const { fileName, report } of run.imported) {
          console.log(
            `${fileName} (sha256 ${report.sha256}): ${report.transactionsAdded} transactions added, ${report.transactionsAlreadyPresent} already present; ${report.entitiesAdded} new entities`,
          );
          printStatements(fileName, report);
        }
        for (const r of run.refused) console.error(`not imported: ${r.error}`);
        if (run.refused.length) process.exitCode = 2;
        if (!o.flags) return;
        const summary = await refreshRules(store, caller, caseId, { afterImport: true });
        if (summary) printRun(summary);
        else console.log('Findings are up to date.');
      });
    });

  program
    .command('flags')
    .description('Red-flag findings of a case: rerun the rules if the case changed, list them, confirm or dismiss one')
    .requiredOption('--case <id>', 'case id')
    .option('--rerun', 'run the rules even if nothing changed (with --rule/--params: those)')
    .option('--rule <id...>', `rules to run: ${RULES.map((r) => r.id).join(', ')}`)
    .option('--params <file.json>', 'parameters per rule id, as JSON')
    .option('--status <status>', 'list only open, confirmed or dismissed findings')
    .option('--confirm <findingId>', 'confirm a finding')
    .option('--dismiss <findingId>', 'dismiss a finding')
    .option('--note <text>', 'note recorded with the decision')
    .option('--limit <n>', 'findings listed', '50')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        case: string;
        rerun?: boolean;
        rule?: string[];
        params?: string;
        status?: string;
        confirm?: string;
        dismiss?: string;
        note?: string;
        limit: string;
        json?: boolean;
      }) => {
        await withStore(program, async (store) => {
          const caller = cliCaller(await cliActor(program, store));
          const decision = o.confirm ?? o.dismiss;
          if (decision) {
            const status: FindingStatus = o.confirm ? 'confirmed' : 'dismissed';
            const row = await recordDecision(store, caller, o.case, {
              findingId: decision,
              decision: { status, note: o.note },
            });
            console.log(`Finding ${row?.id ?? decision} ${status}.`);
            return;
          }
          const params = o.params ? (readJson(o.params, 'rule parameters') as Record<string, unknown>) : undefined;
          const summary = await refreshRules(store, caller, o.case, {
            rerun: o.rerun,
            rules: o.rule,
            parameters: params,
          });
          if (summary && !o.json) printRun(summary);
          const status = o.status as FindingStatus | undefined;
          if (status && !['open', 'confirmed', 'dismissed'].includes(status))
            throw errors.validation('--status: open, confirmed or dismissed', '--status');
          const limit = Math.max(1, Math.min(10_000, Number(o.limit) || 50));
          if (!o.json) {
            // As a reader knows them: the rule's name, the account's IBAN and holders, the run's words.
            const query = FindingsQuery.parse({ status, limit: Math.min(limit, 1000) });
            const page = await findingsPage(store, caller, o.case, query);
            for (const f of page.findings) {
              const holders = f.subject.holders.length ? ` (${f.subject.holders.join(', ')})` : '';
              console.log(
                `\n${f.title} — ${f.subject.caption ?? f.subject.id}${holders}\n  score ${Math.round(f.score * 100)} · ${f.status}${f.current ? '' : ' (no longer reported)'} · ${f.evidenceCount} statement line(s) · id ${f.id}`,
              );
              console.log(`  ${f.explanation}`);
            }
            if (!page.findings.length) console.log('No findings.');
            if (!summary) for (const n of page.notices) console.log(`Note: ${n.message}`);
            return;
          }
          const rows = await findingRecords(store, caller, o.case, { status, limit });
          console.log(
            JSON.stringify(
              rows.map((r) => ({
                ...r,
                evidence: JSON.parse(r.evidence) as unknown,
                account_ids: JSON.parse(r.account_ids) as unknown,
              })),
              null,
              2,
            ),
          );
        });
      },
    );

  program
    .command('proceeds')
    .description('Proceeds estimate for confiscation and compensation, printed with every assumption and its source')
    .requiredOption('--case <id>', 'case id')
    .option('--model <file.json>', 'assumptions and choices (JSON); without --save only this estimate uses them')
    .option('--save', 'store the model given with --model as the case’s')
    .option('--json', 'print JSON')
    .action(async (o: { case: string; model?: string; save?: boolean; json?: boolean }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const model = o.model ? parseOrThrow(ProceedsBody, readJson(o.model, 'proceeds model')) : undefined;
        if (o.save && !model) throw errors.validation('--save needs --model <file.json>', '--save');
        if (o.save && model) await storeProceedsModel(store, caller, o.case, model);
        const estimate = await proceedsEstimate(store, caller, o.case, o.save ? undefined : model);
        if (o.json) console.log(JSON.stringify(estimate, null, 2));
        else {
          // Victims and accounts by the names the reader may see (pseudonyms for victims without contact).
          const ids = [...estimate.victims.map((v) => v.personId), ...estimate.funnels.map((f) => f.accountId)];
          const rows = ids.length
            ? (await entityRows(store, caller, o.case, EntityRowsQuery.parse({ ids: ids.join(','), limit: 1000 }))).rows
            : [];
          const names = new Map(rows.map((r) => [r.id, r.caption]));
          printEstimate(estimate, (id) => names.get(id) ?? id);
        }
      });
    });
}

/** The estimate's kinds of proceeds and bases in words. */
const KIND_WORDS: Record<string, string> = {
  wageKickback: 'wage kick-backs',
  deduction: 'deductions',
  recruitmentFee: 'recruitment fees',
  sexualServices: 'sexual services',
  wagesOwed: 'wages owed',
};
const assumptionWords = (name: string): string =>
  Object.hasOwn(ASSUMPTIONS, name) ? ASSUMPTIONS[name as keyof typeof ASSUMPTIONS].meaning : name;

function printEstimate(e: ProceedsEstimate, nameOf: (id: string) => string): void {
  console.log('Assumptions');
  if (!e.assumptions.length) console.log('  (none entered)');
  for (const a of e.assumptions) {
    console.log(
      `  ${assumptionWords(a.name)} = ${a.value} ${a.unit}${a.appliesTo?.length ? ` (for ${a.appliesTo.length})` : ''}${a.used ? '' : ' [not used]'}`,
    );
    console.log(`    source: ${a.source}`);
  }
  for (const n of e.norms) {
    console.log(`  ${n.name} = ${money(n.monthlyMinor, n.currency)}/month (sourced norm)`);
    console.log(`    source: ${n.source}`);
  }
  console.log('\nVictims (labour exploitation)');
  for (const v of e.victims) {
    console.log(
      `  ${nameOf(v.personId)}: taken ${money(v.takenMinor, v.currency)}${v.owedMinor === null ? '' : `, owed ${money(v.owedMinor, v.currency)}`}`,
    );
    for (const i of v.items)
      console.log(`    ${KIND_WORDS[i.kind] ?? i.kind} (${i.basis}) ${money(i.amountMinor, i.currency)}: ${i.explanation}`);
  }
  console.log('\nSexual exploitation');
  for (const f of e.funnels)
    console.log(
      `  funnel account ${nameOf(f.accountId)}: ${f.deposits} cash deposits, ${money(f.depositsMinor, f.currency)} (${f.first ?? ''} – ${f.last ?? ''})`,
    );
  console.log(`  ${e.sexual.explanation}`);
  const t = e.totals;
  console.log(`\nTotals (${t.currency})`);
  for (const [k, v] of Object.entries(t.byKind)) console.log(`  ${(KIND_WORDS[k] ?? k).padEnd(18)} ${money(v, t.currency)}`);
  console.log(`  proceeds of crime (confiscation): ${money(t.proceedsMinor, t.currency)}`);
  console.log(`  owed to victims (compensation):   ${money(t.owedToVictimsMinor, t.currency)}`);
  for (const n of e.notes) console.log(`Note: ${n}`);
}
