/**
 * The demo's source files: writing a scenario's folder of sources (`elect demo write-sources`)
 * and importing such a folder into a case through the ordinary importers, one saved mapping per
 * source, reading only `sources.json` (the import plan) and the files it names — never the
 * ground truth beside them.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { writeSources } from '../../demo/sources/index.ts';
import type { SourceImport, WrittenSources } from '../../demo/sources/index.ts';
import type { ScenarioOptions } from '../../demo/index.ts';
import { errorText, errors, isAppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { captureAd } from '../captures/index.ts';
import { importCompanyRegister } from '../companies/index.ts';
import type { CompanyRegisterOptions } from '../companies/index.ts';
import { importObservations } from '../identification/index.ts';
import { importFile, importStatementFiles, optionsFor } from '../imports/index.ts';
import type { Caller } from '../useCase/index.ts';
import { savedPageArchive } from './savedPage.ts';

export type { SourceImport, WrittenSources };

/** Writes the scenario's source files, `sources.json` and `truth.json` into `out`. */
export function writeDemoSources(opts: ScenarioOptions & { out: string }): WrittenSources {
  return writeSources(opts);
}

const Plan = z.object({
  format: z.literal('elect-thb-demo-sources'),
  imports: z.array(
    z.union([
      z.object({
        kind: z.literal('statements'),
        format: z.enum(['camt053', 'mt940', 'bank-csv']),
        bank: z.string(),
        files: z.array(z.string()),
        options: z.string().optional(),
      }),
      z.object({ kind: z.literal('register'), country: z.string(), file: z.string(), options: z.string() }),
      z.object({ kind: z.literal('mapping'), source: z.string(), file: z.string(), mapping: z.string() }),
      z.object({ kind: z.literal('calls'), file: z.string(), options: z.string(), subscriber: z.string() }),
      z.object({
        kind: z.literal('capture'),
        file: z.string(),
        url: z.string(),
        capturedAt: z.string(),
        resources: z.array(z.string()).optional(),
      }),
      z.object({ kind: z.literal('observations'), source: z.string(), file: z.string() }),
      z.object({ kind: z.literal('documents'), format: z.enum(['chat', 'mail']), file: z.string() }),
    ]),
  ),
});

/** The import plan of a sources folder. */
export function readSourcePlan(dir: string): SourceImport[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  } catch (e) {
    throw errors.validation(
      `Cannot read ${join(dir, 'sources.json')}: ${e instanceof Error ? e.message : String(e)}`,
      'sources.json',
    );
  }
  const plan = Plan.safeParse(raw);
  if (!plan.success) throw errors.validation(`sources.json: ${plan.error.message}`, 'sources.json');
  return plan.data.imports as SourceImport[];
}

export interface SourceImportRun {
  imported: number;
  /** Imports that failed, each named with its error; the rest went in. */
  failed: { what: string; error: string }[];
  statementFilesRefused: number;
}

const label = (s: SourceImport) =>
  s.kind === 'statements' ? `${s.format} statements of ${s.bank}` : `${s.kind} ${s.file}`;

/** Runs the plan's imports in the order given, each through its ordinary importer. */
export async function importSources(
  store: Store,
  caller: Caller,
  caseId: string,
  dir: string,
  steps: readonly SourceImport[],
  onStep?: (what: string) => void,
): Promise<SourceImportRun> {
  const run: SourceImportRun = { imported: 0, failed: [], statementFilesRefused: 0 };
  const json = (rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;
  for (const s of steps) {
    onStep?.(label(s));
    try {
      if (s.kind === 'statements') {
        const r = await importStatementFiles(
          store,
          caller,
          caseId,
          s.files.map((f) => join(dir, f)),
          { format: s.format, options: s.options ? json(s.options) : {}, keepGoing: true, chunkSize: 5000 },
        );
        run.statementFilesRefused += r.refused.length;
        for (const f of r.refused) run.failed.push({ what: label(s), error: f.error });
      } else if (s.kind === 'register') {
        await importCompanyRegister(store, caller, caseId, {
          path: join(dir, s.file),
          options: json(s.options) as unknown as CompanyRegisterOptions,
        });
      } else if (s.kind === 'mapping') {
        const mappingText = readFileSync(join(dir, s.mapping), 'utf8');
        await importFile(store, caller, caseId, {
          path: join(dir, s.file),
          format: 'ftm-mapping',
          bank: false,
          options: optionsFor('ftm-mapping', { mappingText }),
        });
      } else if (s.kind === 'calls') {
        await importFile(store, caller, caseId, {
          path: join(dir, s.file),
          format: 'cdr',
          bank: false,
          options: optionsFor('cdr', {
            cdrMapping: s.options,
            cdrMappingText: readFileSync(join(dir, s.options), 'utf8'),
            subscriber: s.subscriber,
          }),
        });
      } else if (s.kind === 'observations') {
        await importObservations(store, caller, caseId, { path: join(dir, s.file) });
      } else if (s.kind === 'documents') {
        await importFile(store, caller, caseId, {
          path: join(dir, s.file),
          format: s.format,
          bank: false,
          options: {},
        });
      } else {
        // A page saved with its files beside it goes in as one archive (MHTML), as a capture tool
        // packages a page with the pictures it shows.
        const page = readFileSync(join(dir, s.file));
        const resources = s.resources ?? [];
        await captureAd(store, caller, caseId, {
          bytes: resources.length ? savedPageArchive(page, s.url, dir, s.file, resources) : page,
          fileName: resources.length ? basename(s.file).replace(/\.html?$/i, '.mhtml') : basename(s.file),
          url: s.url,
          capturedAt: s.capturedAt.length === 10 ? `${s.capturedAt}T12:00:00.000Z` : s.capturedAt,
        });
      }
      run.imported++;
    } catch (e) {
      run.failed.push({ what: label(s), error: isAppError(e) ? errorText(e) : String(e) });
    }
  }
  return run;
}
