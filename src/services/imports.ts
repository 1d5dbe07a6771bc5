/**
 * The one import pipeline every format shares: parse → validate → map → write in one
 * transaction → report. Items are validated and written in chunks inside a single transaction,
 * so memory stays bounded for large files and a failure anywhere leaves the case as it was.
 */
import type { PreparedEntity } from '../domain/entity/prepared.ts';
import type { TransactionRecord } from '../domain/records.ts';
import { countingInput, sha256Of } from '../ingest/files.ts';
import type { ImportInput, ImportItem, Importer } from '../ingest/types.ts';
import { AppError, errors } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import type { CaseScope } from '../store/caseScope.ts';
import { existingIds, getEntities, insertEntities } from '../store/repos/entities.ts';
import { insertFile } from '../store/repos/files.ts';
import { insertSource } from '../store/repos/notes.ts';
import { insertTransactions, toRows } from '../store/repos/transactions.ts';
import type { Store } from '../store/store.ts';
import type { Actor } from './actor.ts';
import { requireCase } from './cases.ts';
import { prepareAll } from './entities.ts';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number | undefined;
  entities: number;
  transactions: number;
}

export interface ImportReport {
  sourceId: string;
  format: string;
  fileName: string;
  sha256: string;
  entitiesAdded: number;
  bySchema: Record<string, number>;
  transactionsReceived: number;
  transactionsAdded: number;
  transactionsAlreadyPresent: number;
  filesAdded: number;
  durationMs: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal | undefined;
  /** Entities and transactions per write; bounds memory. */
  chunkSize?: number;
  /** Runs inside the import's transaction after everything is written (e.g. store ground truth). */
  afterWrite?: (scope: CaseScope) => Promise<void>;
}

const lineOf = (line: number) => `line ${line}:`;

export async function runImport<O>(
  store: Store,
  actor: Actor,
  caseId: string,
  importer: Importer<O>,
  input: ImportInput,
  options: O,
  run: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const kase = await requireCase(store, caseId);
  const sha256 = await sha256Of(input);
  const chunkSize = run.chunkSize ?? 1000;
  const progress: ImportProgress = { bytesRead: 0, totalBytes: input.size, entities: 0, transactions: 0 };
  const counted = countingInput(input, (n) => (progress.bytesRead += n));
  const sourceId = uuidv7();
  const bySchema: Record<string, number> = {};
  let txReceived = 0;
  let txAdded = 0;
  let filesAdded = 0;

  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const at = new Date().toISOString();
    await insertSource(scope, { id: sourceId, kind: 'import', label: `${importer.label}: ${input.fileName}`, sha256, file_name: input.fileName, created_by: actor.id, created_at: at });
    const rec = { userId: actor.id, at, provenanceSourceId: sourceId };
    const firstLineOf = new Map<string, number>();
    /** Link ends not yet seen in the file or the case: checked once the whole file is read. */
    const pendingEnds = new Map<string, number>();
    let entities: { line: number; record: { id: string; schema: string; properties: unknown } }[] = [];
    let txs: { line: number; record: TransactionRecord }[] = [];
    const files: Extract<ImportItem, { kind: 'file' }>[] = [];

    const flushEntities = async () => {
      if (!entities.length) return;
      const batch = entities;
      entities = [];
      const prepared: PreparedEntity[] = prepareAll(
        batch.map((b) => b.record),
        kase.country,
        { strictSelectors: false, itemPath: (i) => lineOf(batch[i]?.line ?? 0) },
      );
      prepared.forEach((p, i) => {
        const line = batch[i]?.line ?? 0;
        const earlier = firstLineOf.get(p.id);
        if (earlier !== undefined) throw errors.importFailed(`Id ${p.id} was already used on line ${earlier}`, `line ${line}`);
        firstLineOf.set(p.id, line);
      });
      const clash = await existingIds(scope, prepared.map((p) => p.id));
      if (clash.size) {
        const [id] = clash;
        throw errors.conflict(`Entity ${id} is already in this case (imported before?)`, `line ${firstLineOf.get(id ?? '') ?? 0}`);
      }
      prepared.forEach((p, i) => {
        for (const end of [p.sourceId, p.targetId]) if (end && !firstLineOf.has(end) && !pendingEnds.has(end)) pendingEnds.set(end, batch[i]?.line ?? 0);
      });
      await insertEntities(scope, prepared, rec);
      for (const p of prepared) bySchema[p.schema] = (bySchema[p.schema] ?? 0) + 1;
      progress.entities += prepared.length;
    };

    const flushTransactions = async () => {
      if (!txs.length) return;
      await flushEntities(); // accounts named by these lines may still be in the entity buffer
      const batch = txs;
      txs = [];
      await checkAccounts(scope, batch, firstLineOf);
      txReceived += batch.length;
      txAdded += await insertTransactions(scope, toRows(batch.map((b) => b.record), sourceId));
      progress.transactions += batch.length;
    };

    for await (const item of importer.parse(counted, options)) {
      if (run.signal?.aborted) throw new AppError('import_failed', 'The import was cancelled; nothing was added');
      if (item.kind === 'entity') entities.push({ line: item.line, record: item.record });
      else if (item.kind === 'transaction') txs.push({ line: item.line, record: item.record });
      else files.push(item);
      if (entities.length >= chunkSize) await flushEntities();
      if (txs.length >= chunkSize) await flushTransactions();
      if ((progress.entities + progress.transactions + entities.length + txs.length) % chunkSize === 0) run.onProgress?.({ ...progress });
    }
    await flushEntities();
    await flushTransactions();
    for (const f of files) {
      if (f.file.entityId && !firstLineOf.has(f.file.entityId) && !(await existingIds(scope, [f.file.entityId])).size) {
        throw errors.importFailed(`The file documents ${f.file.entityId}, which is neither in the file nor in the case`, `line ${f.line}`);
      }
      await insertFile(scope, {
        id: uuidv7(), file_name: f.file.fileName, mime_type: f.file.mimeType, content: f.file.content,
        entity_id: f.file.entityId ?? null, source_id: sourceId, created_by: actor.id, created_at: at,
      });
      filesAdded++;
    }

    for (const end of [...pendingEnds.keys()]) if (firstLineOf.has(end)) pendingEnds.delete(end);
    const found = await existingIds(scope, [...pendingEnds.keys()]);
    for (const [end, line] of pendingEnds) {
      if (!found.has(end)) throw errors.importFailed(`The link refers to ${end}, which is neither in the file nor in the case`, `line ${line}`);
    }
    await run.afterWrite?.(scope);
    run.onProgress?.({ ...progress });
  });

  return {
    sourceId,
    format: importer.format,
    fileName: input.fileName,
    sha256,
    entitiesAdded: progress.entities,
    bySchema,
    transactionsReceived: txReceived,
    transactionsAdded: txAdded,
    transactionsAlreadyPresent: txReceived - txAdded,
    filesAdded,
    durationMs: Date.now() - started,
  };
}

async function checkAccounts(scope: CaseScope, batch: readonly { line: number; record: TransactionRecord }[], inFile: Map<string, number>): Promise<void> {
  const ids = [...new Set(batch.flatMap((b) => [b.record.accountId, ...(b.record.counterpartyAccountId ? [b.record.counterpartyAccountId] : [])]))];
  const rows = new Map((await getEntities(scope, ids)).map((e) => [e.id, e.schema]));
  for (const b of batch) {
    for (const id of [b.record.accountId, b.record.counterpartyAccountId]) {
      if (id && rows.get(id) !== 'BankAccount') {
        throw errors.importFailed(`${id} is not a bank account in this case${inFile.has(id) ? '' : ' or file'}`, `line ${b.line}`);
      }
    }
  }
}
