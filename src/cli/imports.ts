import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { fileInput } from '../ingest/files.ts';
import { cdrMappings, importers, isImportFormat, withSubscriber } from '../ingest/formats/index.ts';
import type { ImporterOptions } from '../ingest/formats/index.ts';
import { errors } from '../shared/errors.ts';
import { authorizeCase } from '../services/access/policy.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
import { writeCaseExport } from '../services/entities/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { atPath } from '../services/entities/entities.ts';
import { runImport } from '../services/imports/pipeline.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { endProgress, progressPrinter } from './progress.ts';

interface ImportFlags {
  case: string;
  format: string;
  mapping?: string;
  cdrMapping?: string;
  subscriber?: string;
  encoding?: 'utf-8' | 'windows-1257' | 'windows-1252';
  delimiter?: string;
}

/** Builds the chosen format's options from the flags; the importer validates the rest. */
function optionsFor(format: keyof ImporterOptions, o: ImportFlags): ImporterOptions[keyof ImporterOptions] {
  const common = {
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
  };
  if (format === 'ftm') return common;
  if (format === 'ftm-mapping') {
    if (!o.mapping) throw errors.validation('An FtM mapping import needs --mapping <file.yml>', '--mapping');
    return { ...common, mapping: readFileSync(o.mapping, 'utf8') };
  }
  const preset = cdrMappings[(o.cdrMapping ?? 'bandicootEgo') as keyof typeof cdrMappings];
  if (!preset)
    throw errors.validation(
      `Unknown saved call-record mapping; known: ${Object.keys(cdrMappings).join(', ')}`,
      '--cdr-mapping',
    );
  if (!o.subscriber) throw errors.validation("Give the subscriber's own number with --subscriber", '--subscriber');
  return { ...withSubscriber(preset, o.subscriber), ...common };
}

export function importExportCommands(program: Command): void {
  program
    .command('import <file>')
    .description('Import a file into a case: all of it, or nothing if any line is wrong')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--format <format>', `one of ${Object.keys(importers).join(', ')}`)
    .option('--mapping <file.yml>', 'FtM mapping (format ftm-mapping); the file is its CSV')
    .option('--cdr-mapping <name>', `saved call-record mapping: ${Object.keys(cdrMappings).join(', ')}`)
    .option('--subscriber <number>', "the subscriber's own number, for one subscriber's call record")
    .option('--encoding <enc>', 'utf-8 (default), windows-1257 or windows-1252')
    .option('--delimiter <char>', 'CSV delimiter')
    .action(async (file: string, o: ImportFlags) => {
      if (!isImportFormat(o.format))
        throw errors.validation(
          `Unknown format "${o.format}"; use one of ${Object.keys(importers).join(', ')}`,
          '--format',
        );
      const format = o.format;
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        await authorizeCase(store, actor, o.case, 'case:write');
        let input;
        try {
          input = fileInput(file);
        } catch {
          throw errors.validation(`Cannot read ${file}`, 'file');
        }
        const importer = importers[format] as (typeof importers)['ftm'];
        let report;
        try {
          report = await runImport(
            store,
            actor,
            o.case,
            importer,
            input,
            optionsFor(format, o) as ImporterOptions['ftm'],
            { onProgress: progressPrinter(input.fileName) },
          );
        } catch (e) {
          endProgress();
          // Errors name the file and then the line: `donations.csv: line 17: …`.
          throw atPath(e, `${input.fileName}:`);
        }
        endProgress();
        await recordAudit(store.db, {
          caseId: o.case,
          userId: actor.id,
          action: 'collection',
          targetType: 'import',
          targetId: report.sourceId,
          detail: { via: 'cli', file: input.fileName, sha256: report.sha256 },
        });
        const schemata =
          Object.entries(report.bySchema)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'no new entities';
        console.log(
          `${input.fileName} (sha256 ${report.sha256}): ${schemata}; ${report.entitiesMerged} merged; ${report.transactionsAdded} transactions added, ${report.transactionsAlreadyPresent} already present`,
        );
      });
    });

  program
    .command('export')
    .description('Export a case as FollowTheMoney entity JSON lines')
    .requiredOption('--case <id>', 'case id')
    .option('--format <format>', 'ftm', 'ftm')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--ftm-only', 'leave out THB extension properties (for tools that know only FtM)')
    .option('--victim-identities', "let victims' identifying properties out (case lead only; logged)")
    .action(
      async (o: { case: string; format: string; out?: string; ftmOnly?: boolean; victimIdentities?: boolean }) => {
        if (o.format !== 'ftm') throw errors.validation('Only the ftm format can be exported so far', '--format');
        await withStore(program, async (store) => {
          const caller = cliCaller(await cliActor(program, store));
          // The file is opened once the export is allowed and under way.
          const open = () => (o.out ? createWriteStream(o.out) : process.stdout);
          let out: ReturnType<typeof open> | undefined;
          const { entities: n } = await writeCaseExport(store, caller, o.case, {
            format: 'ftm',
            extensionProperties: !o.ftmOnly,
            victimIdentities: !!o.victimIdentities,
            write: async (line) => {
              out ??= open();
              if (!out.write(line)) await once(out, 'drain');
            },
          });
          if (o.out) (out ?? open()).end();
          if (o.out) console.error(`${n} entities written to ${o.out}`);
        });
      },
    );
}
