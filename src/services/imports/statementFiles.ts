/**
 * Several bank statement files into a case: every file is checked first (read, validated and
 * rolled back), so the run imports all of them or none; when asked to keep going, the good files
 * are imported and the bad ones named.
 */
import { errorText, errors, isAppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Caller } from '../useCase/index.ts';
import { importFile } from './fileImports.ts';
import type { FileImport } from './fileImports.ts';
import type { ImportReport } from './pipeline.ts';

export interface StatementFilesRun {
  imported: { fileName: string; report: ImportReport }[];
  /** Files that would not import, each with its error written once ("file: line N: message"). */
  refused: { path: string; error: string }[];
}

export async function importStatementFiles(
  store: Store,
  caller: Caller,
  caseId: string,
  paths: readonly string[],
  each: Omit<FileImport, 'path' | 'bank' | 'checkOnly'> & { keepGoing?: boolean },
): Promise<StatementFilesRun> {
  const { keepGoing, ...one } = each;
  // The check reads each file once more; only the import itself reports progress.
  const { onProgress, ...common } = one;
  const refused: StatementFilesRun['refused'] = [];
  const good: string[] = [];
  for (const path of paths) {
    try {
      await importFile(store, caller, caseId, { ...common, path, bank: true, checkOnly: true });
      good.push(path);
    } catch (e) {
      if (!isAppError(e) || e.code === 'forbidden' || e.code === 'not_found') throw e;
      refused.push({ path, error: errorText(e) });
    }
  }
  if (refused.length && !keepGoing)
    throw errors.importFailed(
      `Nothing was imported: ${refused.length} of ${paths.length} file(s) would not import ` +
        `(import the others with --keep-going):\n${refused.map((r) => `  ${r.error}`).join('\n')}`,
    );
  const imported: StatementFilesRun['imported'] = [];
  for (const path of good)
    imported.push(
      await importFile(store, caller, caseId, { ...common, ...(onProgress ? { onProgress } : {}), path, bank: true }),
    );
  return { imported, refused };
}
