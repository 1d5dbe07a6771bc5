/**
 * `elect report`, `elect evidence-register` and `elect anx export|import`: the prosecution
 * package from the command line, through the same services, policy and audit as the API.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ReportBody } from '../shared/contracts/prosecution.ts';
import { errors } from '../shared/errors.ts';
import { evidenceRegister } from '../services/prosecution/evidenceRegister.ts';
import { authorizeCase } from '../services/access/policy.ts';
import { exportAnx, importAnx } from '../services/prosecution/anx.ts';
import { finishedReport, reportJob, startReport } from '../services/prosecution/reportJobs.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
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
        const actor = await cliActor(program, store);
        const access = await authorizeCase(store, actor, caseId, 'case:read');
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
        const job = await startReport(store, actor, access, body);
        const timer = setInterval(() => {
          const j = reportJob(actor, caseId, job.id);
          process.stderr.write(`\r${Math.round(j.progress * 100)}% ${j.step}      `);
        }, 250);
        try {
          const { job: done, bytes } = await finishedReport(actor, caseId, job.id);
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
        const actor = await cliActor(program, store);
        await authorizeCase(store, actor, caseId, 'case:read');
        const out = await evidenceRegister(store, caseId, { verify: true });
        await recordAudit(store.db, {
          caseId,
          userId: actor.id,
          action: 'consultation',
          targetType: 'evidence-register',
          returnedIds: out.items.map((i) => i.fileId),
          detail: { via: 'cli', ok: out.ok },
        });
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
        const actor = await cliActor(program, store);
        const access = await authorizeCase(store, actor, caseId, 'case:read');
        const out = await exportAnx(store, actor, access, o.chart);
        writeFileSync(o.out, out.text, 'utf8');
        await recordAudit(store.db, {
          caseId,
          userId: actor.id,
          action: 'disclosure',
          targetType: 'chart',
          targetId: o.chart ?? null,
          returnedIds: out.ids,
          detail: { via: 'cli', format: 'anx' },
        });
        console.log(`Wrote ${o.out}: ${out.entities} entities, ${out.links} links.`);
      });
    });
  anx
    .command('import <case> <file>')
    .description('Import an ANX chart into a case (all or nothing) and save it as a chart')
    .action(async (caseId: string, file: string) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        await authorizeCase(store, actor, caseId, 'case:write');
        let content: string;
        try {
          content = readFileSync(file, 'utf8');
        } catch (e) {
          throw errors.validation(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
        }
        const out = await importAnx(store, actor, caseId, file.split('/').pop() ?? file, content);
        await recordAudit(store.db, {
          caseId,
          userId: actor.id,
          action: 'collection',
          targetType: 'import',
          targetId: out.report.sourceId,
          detail: { via: 'cli', format: 'anx', entities: out.report.entitiesAdded },
        });
        console.log(
          `Imported ${out.report.entitiesAdded} entities and ${out.report.transactionsAdded} transactions; chart ${out.chartId ?? '(none)'}.`,
        );
      });
    });
}
