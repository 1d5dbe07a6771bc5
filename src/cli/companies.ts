/**
 * `elect companies import|chain|flags` and `elect resolve`: company-register extracts into a
 * case, the subcontracting chains with their red flags, and entity resolution (candidates with
 * reasons; `--apply` merges the pairs at or above a high score) — through the same services,
 * policy and audit as the API.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ChainNode, CompanyFlag } from '../domain/companies/index.ts';
import { fileInput } from '../ingest/files.ts';
import { companyRegisterImporter, type CompanyRegisterOptions } from '../ingest/formats/companyRegister.ts';
import { errors } from '../shared/errors.ts';
import { companyView } from '../services/companies/companies.ts';
import { atPath } from '../services/entities/entities.ts';
import { runImport } from '../services/imports/pipeline.ts';
import { authorizeCase } from '../services/access/policy.ts';
import { resolutionCandidates } from '../services/resolution/resolution.ts';
import { mergePair } from '../services/resolution/merge.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
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
        await authorizeCase(store, actor, o.case, 'case:write');
        const input = fileInput(file);
        const report = await runImport(store, actor, o.case, companyRegisterImporter, input, options).catch(
          (e: unknown) => {
            throw atPath(e, `${input.fileName}:`);
          },
        );
        await recordAudit(store.db, {
          caseId: o.case,
          userId: actor.id,
          action: 'collection',
          targetType: 'import',
          targetId: report.sourceId,
          detail: { via: 'cli', format: 'company-register', sha256: report.sha256 },
        });
        console.log(
          `${input.fileName} (sha256 ${report.sha256}): ${report.entitiesAdded} new entities, ${report.entitiesMerged} updated (${Object.entries(
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
          const access = await authorizeCase(store, actor, o.case, 'case:read');
          const view = await companyView(store, access);
          await recordAudit(store.db, {
            caseId: o.case,
            userId: actor.id,
            action: 'consultation',
            targetType: name === 'chain' ? 'companyChains' : 'companyFlags',
            returnedIds: view.companies.map((c) => c.id),
            detail: { via: 'cli' },
          });
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

  program
    .command('resolve <case>')
    .description('List candidate duplicates with why they scored; --apply merges those at or above --apply-at')
    .option('--threshold <n>', 'lowest score listed (0–1)', '0.5')
    .option('--apply', 'merge the pairs at or above --apply-at (each merge can be undone in the workspace)')
    .option('--apply-at <n>', 'lowest score merged by --apply', '0.99')
    .action(async (caseId: string, o: { threshold: string; apply?: boolean; applyAt: string }) => {
      const threshold = Number(o.threshold);
      const applyAt = Number(o.applyAt);
      if (!(threshold >= 0 && threshold <= 1))
        throw errors.validation('--threshold must be a number from 0 to 1', '--threshold');
      if (!(applyAt >= 0 && applyAt <= 1))
        throw errors.validation('--apply-at must be a number from 0 to 1', '--apply-at');
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const access = await authorizeCase(store, actor, caseId, o.apply ? 'case:write' : 'case:read');
        const out = await resolutionCandidates(store, access, {
          schema: 'Person',
          threshold,
          limit: 100_000,
          decided: false,
        });
        await recordAudit(store.db, {
          caseId,
          userId: actor.id,
          action: 'consultation',
          targetType: 'resolutionCandidates',
          returnedIds: out.candidates.flatMap((c) => [c.a.id, c.b.id]),
          detail: { via: 'cli', count: out.total },
        });
        console.log(`${out.total} candidate pair(s) among ${out.records} records.`);
        const gone = new Set<string>();
        for (const c of out.candidates) {
          const why = c.reasons
            .map((r) => `${r.feature} ${r.verdict} ${r.weight > 0 ? '+' : ''}${r.weight}`)
            .join(', ');
          console.log(`${c.score.toFixed(3)}\t${c.a.caption} (${c.a.id})\t${c.b.caption} (${c.b.id})\t${why}`);
          if (!o.apply || c.score < applyAt || gone.has(c.a.id) || gone.has(c.b.id)) continue;
          const m = await mergePair(store, actor, access, { keep: c.a.id, merge: c.b.id });
          gone.add(c.b.id);
          await recordAudit(store.db, {
            caseId,
            userId: actor.id,
            action: 'combination',
            targetType: 'resolutionMerge',
            targetId: m.id,
            returnedIds: [c.a.id, c.b.id],
            detail: { via: 'cli' },
          });
          console.log(
            `  merged ${c.b.id} into ${c.a.id} (merge ${m.id}; undo: DELETE /api/cases/${caseId}/resolution/merges/${m.id})`,
          );
        }
      });
    });
}
