/**
 * `elect report`, `elect evidence-register` and `elect anx export|import`: the prosecution
 * package from the command line, through the same services, policy and audit as the API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ReportBody } from '../shared/contracts/prosecution.ts';
import { errors } from '../shared/errors.ts';
import {
  caseEvidenceRegister,
  caseReportPdf,
  chartExport,
  chartImport,
  reportProgress,
  startCaseReport,
} from '../services/prosecution/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { parseOrThrow } from './parse.ts';

export function prosecutionCommands(program: Command): void {
  program
    .command('report <case>')
    .description('Write the case report (PDF) in a language with the chosen sections')
    .option(
      '--sections <list>',
      'comma-separated: summary,persons,legalMatrix,chain,charts,timeline,finance,evidence,audit (default: all)',
    )
    .option('--lang <lang>', 'en, fi, et or lv (default: your language)')
    .option('--charts <ids>', 'comma-separated saved chart ids to draw as figures')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .action(async (caseId: string, o: { sections?: string; lang?: string; charts?: string; out: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const list = (s?: string) =>
          s
            ? s
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean)
            : [];
        const body = parseOrThrow(ReportBody, {
          sections: list(o.sections),
          language: o.lang,
          chartIds: list(o.charts),
        });
        const job = await startCaseReport(store, caller, caseId, body);
        const timer = setInterval(() => {
          void reportProgress(store, caller, caseId, job.id).then((j) =>
            process.stderr.write(`\r${Math.round(j.progress * 100)}% ${j.step}      `),
          );
        }, 250);
        try {
          const { job: done, bytes } = await caseReportPdf(store, caller, caseId, { jobId: job.id, wait: true });
          writeFileSync(o.out, bytes);
          process.stderr.write('\n');
          console.log(`Wrote ${o.out}: ${done.pages} pages, ${bytes.length} bytes.`);
        } finally {
          clearInterval(timer);
        }
      });
    });

  program
    .command('evidence-register <case>')
    .description('List every evidence file with SHA-256, source, time and chain of custody, verifying every hash')
    .option('--json', 'print JSON')
    .action(async (caseId: string, o: { json?: boolean }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const out = await caseEvidenceRegister(store, caller, caseId, { verify: true });
        if (o.json) return console.log(JSON.stringify(out, null, 2));
        for (const i of out.items)
          console.log(
            `${i.status.padEnd(14)} ${i.sha256}  ${i.fileName}  ${i.obtainedAt}  ${i.source}  custody: ${i.custody.length}`,
          );
        console.log(
          out.ok ? `All ${out.items.length} files verified.` : `VERIFICATION FAILED: ${out.failed.join(', ')}`,
        );
        if (!out.ok) process.exitCode = 1;
      });
    });

  const anx = program.command('anx').description("Chart exchange with i2 Analyst's Notebook (ANX)");
  anx
    .command('export <case>')
    .description('Write a saved chart (or the whole case) as ANX')
    .option('--chart <id>', 'saved chart id (default: the whole case)')
    .requiredOption('--out <file.anx>', 'where to write it')
    .action(async (caseId: string, o: { chart?: string; out: string }) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const out = await chartExport(store, caller, caseId, { chartId: o.chart, format: 'anx' });
        writeFileSync(o.out, out.text, 'utf8');
        console.log(`Wrote ${o.out}: ${out.entities ?? 0} entities, ${out.links ?? 0} links.`);
      });
    });
  anx
    .command('import <case> <file>')
    .description('Import an ANX chart into a case (all or nothing) and save it as a chart')
    .action(async (caseId: string, file: string) => {
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        let content: string;
        try {
          content = readFileSync(file, 'utf8');
        } catch (e) {
          throw errors.validation(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
        }
        const out = await chartImport(store, caller, caseId, { fileName: file.split('/').pop() ?? file, content });
        console.log(
          `Imported ${out.report.entitiesAdded} entities and ${out.report.transactionsAdded} transactions; chart ${out.chartId ?? '(none)'}.`,
        );
      });
    });
}
