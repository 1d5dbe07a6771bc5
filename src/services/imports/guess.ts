/**
 * Proposed options for a bank CSV export nobody has described yet: from a file on disk (the
 * CLI's `import-statements --guess`, which reads no case) or from a file uploaded to the import
 * desk (the import form's "guess" button, a consultation of the upload recorded in the case).
 */
import { guessBankCsv, type BankCsvGuess } from '../../ingest/bank/index.ts';
import { fileInput } from '../../ingest/files.ts';
import type { ImportInput } from '../../ingest/types.ts';
import type { ImportGuessBody } from '../../shared/contracts/imports.ts';
import { errors } from '../../shared/errors.ts';
import { caseUseCase } from '../useCase/index.ts';
import type { ImportDesk } from './desk.ts';
import { inputOf } from './desk.ts';
import type { z } from 'zod';

export type { BankCsvGuess } from '../../ingest/bank/index.ts';
export { bankCsvPresetNames } from '../../ingest/bank/index.ts';

export async function guessStatementFile(path: string): Promise<BankCsvGuess> {
  let input: ImportInput;
  try {
    input = fileInput(path);
  } catch {
    throw errors.validation(`Cannot read ${path}`, 'file');
  }
  return guessBankCsv(input);
}

export const guessImportOptions = caseUseCase({
  permission: 'case:write',
  audit: { action: 'consultation', target: 'upload' },
  run: async ({ store, caseId, actor, audit }, i: { desk: ImportDesk; body: z.output<typeof ImportGuessBody> }) => {
    const upload = await i.desk.upload(store, i.body.uploadId, caseId, actor.id);
    audit.target(upload.id);
    audit.detail({ format: i.body.format, guess: true });
    return guessBankCsv(inputOf(upload));
  },
});
