/**
 * The one import pipeline every format shares: parse → validate → map → write in one
 * transaction → report. Items are validated and written in chunks inside a single transaction,
 * so memory stays bounded for large files and a failure anywhere leaves the case as it was.
 */
import type { PreparedEntity } from '../../domain/entity/prepared.ts';
import type { Reconciliation } from '../../domain/finance/reconcile.ts';
import type { StatementRecord, TransactionRecord } from '../../domain/records.ts';
import { countingInput, sha256Of } from '../../ingest/files.ts';
import type { ImportInput, ImportItem, Importer } from '../../ingest/types.ts';
import { AppError, errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { detachLinksTo, existingIds, getEntity, insertEntities } from '../../store/repos/entities/entities.ts';
import { insertFileUnlessHeld } from '../../store/repos/files/files.ts';
import { insertSource } from '../../store/repos/cases/notes.ts';
import { insertStatements, toStatementRow } from '../../store/repos/finance/statements.ts';
import { insertTransactions, toRows } from '../../store/repos/finance/transactions.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/index.ts';
import { assemble, assembles, Redirects, type AssemblyReport } from '../assembly/index.ts';
import { indexDocumentsOfSource } from '../documents/index.ts';
import { requireCase } from '../cases/index.ts';
import { prepareAll } from '../entities/index.ts';
import { checkAccounts, combineMergeable, mergeExisting, reimportExisting } from './entityWrites.ts';
import type { PendingEntity } from './entityWrites.ts';
import { WarningList } from './warnings.ts';
import { STATEMENT_FORMATS, StatementGate, type GatedStatement, type SkippedStatement } from './statementGate.ts';
import { callGateFor, type CallRecordReport } from './callGate.ts';

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
  /** Entities already in the case (a phone, an account) that this file added values to. */
  entitiesMerged: number;
  /** Entities the case already held exactly as the file has them (a re-import): left as they were. */
  entitiesUnchanged: number;
  /** Entities the case already held that the file changes: each change is a new version in their history. */
  entitiesUpdated: number;
  bySchema: Record<string, number>;
  transactionsReceived: number;
  transactionsAdded: number;
  transactionsAlreadyPresent: number;
  filesAdded: number;
  /** Bank statements (balances, entry counts) new to the case; absent when the file had none. */
  statementsAdded?: number;
  /**
   * Statements skipped whole (with their lines): already in the case, or met earlier in the file.
   * Absent when none was.
   */
  statementsSkipped?: SkippedStatement[];
  /** Statements that do not reconcile, imported because the user accepted that; absent when none. */
  unbalancedStatements?: UnbalancedStatement[];
  /**
   * What the importer assumed to read the file ("line N: …": an entry dated by its value date),
   * each once, at most MAX_WARNINGS (warnings.ts) and then how many more; absent when none.
   */
  warnings?: string[];
  /** Call records: rows added, joined to the other end's, unchanged or updated; antennas. Absent for other formats. */
  callRecords?: CallRecordReport;
  /** Records joined to the case's on strong identifiers, and conflicts raised (services/assembly); absent when none. */
  assembly?: AssemblyReport;
  durationMs: number;
}

export interface UnbalancedStatement {
  line: number;
  accountId: string;
  reference: string;
  openingDate: string;
  closingDate: string;
  currency: string;
  differenceMinor: number;
  warning: string;
}

export interface ImportOptions {
  /** Import bank statements whose balances do not add up (recorded on the statement) instead of refusing. */
  acceptUnbalanced?: boolean;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal | undefined;
  /** Entities and transactions per write; bounds memory. */
  chunkSize?: number;
  /** Runs inside the import's transaction after everything is written (e.g. store ground truth). */
  afterWrite?: (scope: CaseScope) => Promise<void>;
  /** Reads, validates and writes the whole file, then rolls it all back: would it import? */
  checkOnly?: boolean;
  /** `false` skips assembly on import (services/assembly): for measuring its cost only. */
  assemble?: boolean;
  /**
   * A partner agency's import (services/imports/ownership.ts): whose records it may change. A
   * record of the file already in the case and recorded by another agency refuses the import,
   * and assembly (which joins records across the case) does not run.
   */
  mayAlter?: ((recordedBy: string | null) => boolean) | null | undefined;
}

/** Ends a check-only import's transaction without keeping anything. */
class CheckedOnly extends Error {}

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
  let merged = 0;
  let unchanged = 0;
  let updated = 0;
  let statementsReceived = 0;
  let statementsAdded = 0;
  let skipped: SkippedStatement[] = [];
  let unbalanced: GatedStatement[] = [];
  let callRecords: CallRecordReport | undefined;
  let assembly: AssemblyReport | undefined;
  const warnings = new WarningList();

  const imported = store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const at = new Date().toISOString();
    await insertSource(scope, {
      id: sourceId,
      kind: 'import',
      label: `${importer.label}: ${input.fileName}`,
      sha256,
      file_name: input.fileName,
      created_by: actor.id,
      created_at: at,
    });
    const rec = { userId: actor.id, at, provenanceSourceId: sourceId };
    // Ids earlier merges removed mean the entity they went into; what this file touches is assembled at the end.
    const redirects = await Redirects.load(scope);
    const touched = new Set<string>();
    const firstLineOf = new Map<string, number>();
    /** Link ends not yet seen in the file or the case: checked once the whole file is read. */
    const pendingEnds = new Map<string, number>();
    /** Records the importer left out (unknown FtM schemata), by id, with their line. */
    const skippedIds = new Map<string, number>();
    let entities: PendingEntity[] = [];
    let txs: { line: number; record: TransactionRecord }[] = [];
    const files: Extract<ImportItem, { kind: 'file' }>[] = [];
    /** Bank accounts the lines named and the case or file holds: checked once each. */
    const accounts = new Set<string>();
    const statements: GatedStatement[] = [];
    // Bank statements' lines wait for their statement: a duplicate is skipped whole, a refusal writes nothing.
    const gate = STATEMENT_FORMATS.has(importer.format)
      ? new StatementGate(scope, run.acceptUnbalanced ?? false)
      : null;
    // Call records join the case's phones and calls seen from the other end, and repeat nothing.
    const calls = callGateFor(importer.format, scope, kase.country, rec, options);
    const parsed = importer.parse(counted, options);

    const flushEntities = async () => {
      if (!entities.length) return;
      const batch = combineMergeable(entities);
      entities = [];
      const prepared: PreparedEntity[] = prepareAll(
        batch.map((b) => b.record),
        kase.country,
        { strictSelectors: false, skipRequired: true, itemPath: (i) => lineOf(batch[i]?.line ?? 0) },
      );
      const mergeable = new Set<string>();
      prepared.forEach((p, i) => {
        const line = batch[i]?.line ?? 0;
        if (batch[i]?.merge) mergeable.add(p.id);
        const earlier = firstLineOf.get(p.id);
        if (earlier !== undefined && !mergeable.has(p.id))
          throw errors.importFailed(`Id ${p.id} was already used on line ${earlier}`, `line ${line}`);
        if (earlier === undefined) firstLineOf.set(p.id, line);
        if (assembles(p.schema)) touched.add(p.id);
      });
      const present = await existingIds(
        scope,
        prepared.map((p) => p.id),
      );
      const fresh: PreparedEntity[] = [];
      const changed: PreparedEntity[] = [];
      for (const [i, p] of prepared.entries()) {
        const where = lineOf(batch[i]?.line ?? 0);
        if (run.mayAlter && present.has(p.id) && !run.mayAlter((await getEntity(scope, p.id))?.recorded_by ?? null))
          throw new AppError(
            'forbidden',
            `${p.id} was recorded by the case's owner; your agency may add records, not change them`,
            where.replace(/:$/, ''),
          );
        if (!present.has(p.id)) fresh.push(p);
        else if (mergeable.has(p.id)) {
          if (await mergeExisting(scope, p, kase.country, rec, where)) merged++;
        } else if (await reimportExisting(scope, p, rec, where)) {
          // Imported before: an unchanged record is left alone, a changed one is a new version.
          updated++;
          changed.push(p);
        } else unchanged++;
      }
      [...fresh, ...changed].forEach((p) => {
        for (const end of [p.sourceId, p.targetId])
          if (end && !firstLineOf.has(end) && !pendingEnds.has(end)) pendingEnds.set(end, firstLineOf.get(p.id) ?? 0);
      });
      await insertEntities(scope, fresh, rec);
      for (const p of fresh) bySchema[p.schema] = (bySchema[p.schema] ?? 0) + 1;
      progress.entities += prepared.length;
    };

    const flushTransactions = async () => {
      if (!txs.length) return;
      await flushEntities(); // accounts named by these lines may still be in the entity buffer
      const batch = txs;
      txs = [];
      await checkAccounts(scope, batch, firstLineOf, accounts);
      txReceived += batch.length;
      txAdded += await insertTransactions(
        scope,
        toRows(
          batch.map((b) => b.record),
          sourceId,
        ),
      );
      progress.transactions += batch.length;
    };

    for await (const item of calls ? calls.pass(parsed, chunkSize) : parsed) {
      if (run.signal?.aborted) throw new AppError('import_failed', 'The import was cancelled; nothing was added');
      if (item.kind !== 'file') warnings.add(item.line, item.warnings);
      if (item.kind === 'skipped') {
        if (item.id !== undefined) skippedIds.set(item.id, item.line);
      } else if (item.kind === 'entity') {
        const record = redirects.record(item.record);
        // A record an analyst or assembly merged away is read into the entity it was merged into.
        if (record.id !== item.record.id)
          warnings.add(item.line, [`${item.record.id} was merged into ${record.id}; its values were read into it`]);
        entities.push({ line: item.line, record, merge: (item.merge ?? false) || redirects.joined(item.record.id) });
      } else if (item.kind === 'transaction') {
        const lined = redirects.lined(item);
        if (gate && !item.outsideStatement) gate.hold(lined);
        else txs.push(lined);
      } else if (item.kind === 'statement') {
        const admitted = gate
          ? await gate.admit(item.line, redirects.statement(item.statement), flushEntities)
          : { lines: [], statement: { ...item, reconciliation: reconcileWithout(item.statement) } };
        txs.push(...admitted.lines);
        if (admitted.statement) statements.push(admitted.statement);
      } else files.push(item);
      if (entities.length >= chunkSize) await flushEntities();
      if (txs.length >= chunkSize) await flushTransactions();
      if ((progress.entities + progress.transactions + entities.length + txs.length) % chunkSize === 0)
        run.onProgress?.({ ...progress });
    }
    if (gate) txs.push(...gate.leftover());
    await flushEntities();
    await flushTransactions();
    await calls?.finish();
    callRecords = calls?.report;
    skipped = gate?.skipped ?? [];
    unbalanced = gate?.unbalanced ?? [];
    statementsReceived += skipped.length;
    txReceived += gate?.skippedLines ?? 0;
    if (statements.length) {
      await checkAccounts(
        scope,
        statements.map((s) => ({ line: s.line, record: { accountId: s.statement.accountId } })),
        firstLineOf,
        accounts,
      );
      statementsReceived += statements.length;
      statementsAdded = await insertStatements(
        scope,
        statements.map((s) => toStatementRow(s.statement, sourceId, s.reconciliation)),
      );
    }
    for (const f of files) {
      if (f.file.entityId && !firstLineOf.has(f.file.entityId) && !(await existingIds(scope, [f.file.entityId])).size) {
        throw errors.importFailed(
          `The file documents ${f.file.entityId}, which is neither in the file nor in the case`,
          `line ${f.line}`,
        );
      }
      // A file its entity already holds (the same evidence imported again) is not stored twice.
      const stored = await insertFileUnlessHeld(scope, {
        id: uuidv7(),
        file_name: f.file.fileName,
        mime_type: f.file.mimeType,
        content: f.file.content,
        entity_id: f.file.entityId ?? null,
        source_id: sourceId,
        created_by: actor.id,
        created_at: at,
      });
      if (stored) filesAdded++;
    }

    for (const end of [...pendingEnds.keys()]) if (firstLineOf.has(end)) pendingEnds.delete(end);
    const found = await existingIds(scope, [...pendingEnds.keys()]);
    const toSkipped: string[] = [];
    for (const [end, line] of pendingEnds) {
      if (found.has(end)) continue;
      const skippedOn = skippedIds.get(end);
      if (skippedOn === undefined)
        throw errors.importFailed(
          `The link refers to ${end}, which is neither in the file nor in the case`,
          `line ${line}`,
        );
      toSkipped.push(end);
      warnings.add(line, [`the link refers to ${end}, skipped on line ${skippedOn}; it is kept but not drawn`]);
    }
    await detachLinksTo(scope, toSkipped);
    if (run.assemble !== false && !run.mayAlter)
      assembly = await assemble(scope, redirects, touched, { country: kase.country, by: actor.id, at, sourceId });
    // Seized documents' filter facts, near-duplicate signatures and indicator language, with them.
    await indexDocumentsOfSource(scope, sourceId);
    await run.afterWrite?.(scope);
    run.onProgress?.({ ...progress });
    if (run.checkOnly) throw new CheckedOnly();
  });
  await imported.catch((e: unknown) => {
    if (!(e instanceof CheckedOnly)) throw e;
  });

  return {
    sourceId,
    format: importer.format,
    fileName: input.fileName,
    sha256,
    entitiesAdded: Object.values(bySchema).reduce((a, n) => a + n, 0),
    entitiesMerged: merged,
    entitiesUnchanged: unchanged,
    entitiesUpdated: updated,
    bySchema,
    transactionsReceived: txReceived,
    transactionsAdded: txAdded,
    transactionsAlreadyPresent: txReceived - txAdded,
    filesAdded,
    ...(statementsReceived ? { statementsAdded } : {}),
    ...(skipped.length ? { statementsSkipped: skipped } : {}),
    ...(unbalanced.length ? { unbalancedStatements: unbalanced.map(unbalancedOf) } : {}),
    ...(warnings.size ? { warnings: warnings.list() } : {}),
    ...(callRecords ? { callRecords } : {}),
    ...(assembly && (assembly.joins.length || assembly.conflicts) ? { assembly } : {}),
    durationMs: Date.now() - started,
  };
}

/** A statement whose lines the pipeline cannot tell apart (not a statement format): only its balances are known. */
const reconcileWithout = (s: StatementRecord): Reconciliation =>
  s.openingMinor === null || s.closingMinor === null ? { status: 'no balances' } : { status: 'balanced' };

function unbalancedOf(g: GatedStatement): UnbalancedStatement {
  const s = g.statement;
  return {
    line: g.line,
    accountId: s.accountId,
    reference: s.reference,
    openingDate: s.openingDate,
    closingDate: s.closingDate,
    currency: s.currency,
    differenceMinor: g.reconciliation.status === 'unbalanced' ? g.reconciliation.differenceMinor : 0,
    warning: g.warning ?? '',
  };
}
