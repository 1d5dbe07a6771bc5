import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { textEncodings } from '../shared/contracts/imports.ts';
import { errors } from '../shared/errors.ts';
import { writeCaseExport } from '../services/entities/index.ts';
import { cdrMappingNames, importFile, importFormatIds, ocrLanguages, optionsFor } from '../services/imports/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { endProgress, progressPrinter } from './progress.ts';

interface ImportFlags {
  case: string;
  format: string;
  mapping?: string;
  cdrMapping?: string;
  subscriber?: string;
  antennas?: string;
  encoding?: string;
  delimiter?: string;
  ocrLanguages?: string;
}

/** The options file named by --cdr-mapping, unless it names a saved mapping. */
function callOptionsText(value: string | undefined): string | undefined {
  if (value === undefined || cdrMappingNames.includes(value)) return undefined;
  try {
    return readFileSync(value, 'utf8');
  } catch {
    throw errors.validation(
      `"${value}" is neither a saved call-record mapping (${cdrMappingNames.join(', ')}) nor a readable options file`,
      '--cdr-mapping',
    );
  }
}

export function importExportCommands(program: Command): void {
  program
    .command('import <file>')
    .description('Import a file into a case: all of it, or nothing if any line is wrong')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--format <format>', `one of ${importFormatIds.join(', ')}`)
    .option('--mapping <file.yml>', 'FtM mapping (format ftm-mapping); the file is its CSV')
    .option(
      '--cdr-mapping <name|file.json>',
      `call records (cdr, cdr-antennas): a saved mapping (${cdrMappingNames.join(', ')}) or an options file`,
    )
    .option('--subscriber <number>', "the subscriber's own number or label, for one subscriber's call record")
    .option('--antennas <file.csv>', 'call records: cell/antenna positions read with them (id, latitude, longitude)')
    .option('--encoding <enc>', `utf-8 (default) or a single-byte code page: ${textEncodings.slice(1).join(', ')}`)
    .option('--delimiter <char>', 'CSV delimiter')
    .option('--ocr-languages <list>', `documents: OCR languages, comma-separated (${ocrLanguages().join(', ')})`)
    .action(async (file: string, o: ImportFlags) => {
      const mappingText = o.format === 'ftm-mapping' && o.mapping ? readFileSync(o.mapping, 'utf8') : undefined;
      const options = optionsFor(o.format, { ...o, mappingText, cdrMappingText: callOptionsText(o.cdrMapping) });
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const { fileName, report } = await importFile(store, caller, o.case, {
          path: file,
          format: o.format,
          bank: false,
          options,
          antennas: o.antennas,
          onProgress: progressPrinter(file.split(/[\\/]/).pop() ?? file),
        }).finally(endProgress);
        const schemata =
          Object.entries(report.bySchema)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'no new entities';
        console.log(
          `${fileName} (sha256 ${report.sha256}): ${schemata}; ${report.entitiesMerged} merged; ${report.entitiesUnchanged} unchanged, ${report.entitiesUpdated} updated; ${report.transactionsAdded} transactions added, ${report.transactionsAlreadyPresent} already present`,
        );
        const files = report.filesAdded;
        if (files)
          console.log(`${files} evidence file${files === 1 ? '' : 's'} kept, encrypted, each with its SHA-256`);
        const c = report.callRecords;
        if (c) {
          console.log(
            `${c.rows} call records: ${c.added} new calls, ${c.otherEnd} already present (seen from the other end), ${c.unchanged} unchanged, ${c.updated} updated; antennas: ${c.antennasAdded} added, ${c.antennasUnchanged} unchanged, ${c.antennasUpdated} updated, ${c.placesAttached} calls given places`,
          );
        }
        for (const w of report.warnings ?? [])
          console.warn(`${fileName}: ${w.replace(/^(line \d+: )?/, '$1warning: ')}`);
      });
    });

  program
    .command('ocr-languages')
    .description('List the OCR languages whose data this installation has (for --ocr-languages)')
    .action(() => {
      const languages = ocrLanguages();
      console.log(languages.length ? languages.join('\n') : 'No OCR language data is installed');
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
