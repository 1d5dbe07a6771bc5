/**
 * Ordering and de-duplication of what the bank importers yield.
 *
 * A transaction may only name accounts that exist, and the pipeline refuses an entity id it
 * has already seen in the file or in the case unless the item is marked `merge`. Bank
 * entities have derived ids (accounts.ts), so re-importing an overlapping statement meets its
 * own accounts again. The queue therefore
 * - yields each entity id once per file;
 * - asks `known` which ids the case already holds, in batches (one query per `limit` items,
 *   not one per line), and drops those;
 * - marks what it yields `merge`, so that without `known` the pipeline combines the values
 *   with the case's entity instead of refusing the import;
 * - yields every queued entity before the transactions queued with it, so an account always
 *   exists before the first line that names it, and statements after both.
 */
import type { z } from 'zod';
import type { EntityRecord, StatementRecord, TransactionRecord } from '../../domain/records.ts';
import { cashPlaceOf } from '../../domain/finance/cashPlace.ts';
import { errors } from '../../shared/errors.ts';
import type { ImportItem } from '../types.ts';
import { accountEntity, accountEntityId, holderEntities, type AccountRef } from './accounts.ts';

/** Which of these entity ids already exist in the case (the pipeline's caller supplies it). */
export type KnownIds = (ids: string[]) => Promise<Set<string>>;

/** Options every bank importer takes. */
export interface BankImportOptions {
  known?: KnownIds | undefined;
}

export class ItemQueue {
  private readonly seen = new Set<string>();
  private readonly holders = new Set<string>();
  private entities: { line: number; record: EntityRecord }[] = [];
  private transactions: Extract<ImportItem, { kind: 'transaction' }>[] = [];
  private statements: { line: number; statement: StatementRecord; warnings?: string[] | undefined }[] = [];

  constructor(
    private readonly known: KnownIds | undefined,
    private readonly limit = 1000,
  ) {}

  entity(line: number, record: EntityRecord): void {
    if (this.seen.has(record.id)) return;
    this.seen.add(record.id);
    this.entities.push({ line, record });
  }

  /** Queues the BankAccount of `ref` (once) and returns its id. */
  account(line: number, ref: AccountRef): string {
    const id = accountEntityId(ref);
    if (!this.seen.has(id)) this.entity(line, accountEntity(ref));
    return id;
  }

  /**
   * Queues the holder `name` of `accountId` with its Ownership link. Folding the name is the
   * costly part, so pairs already handled are remembered (boundedly: after a reset, a pair is
   * folded again and its ids are found in `seen`).
   */
  holder(line: number, name: string | undefined, accountId: string, idNumber?: string): void {
    if (!name) return;
    const pair = `${name}\u001f${accountId}\u001f${idNumber ?? ''}`;
    if (this.holders.has(pair)) return;
    if (this.holders.size >= 100_000) this.holders.clear();
    this.holders.add(pair);
    for (const e of holderEntities(name, accountId, idNumber)) this.entity(line, e);
  }

  /**
   * `warnings`: what was assumed to read the line (see ImportItem); only when there are some.
   * `outsideStatement`: the line belongs to no statement item of the file (see ImportItem).
   */
  transaction(line: number, record: TransactionRecord, warnings?: readonly string[], outsideStatement = false): void {
    // A cash line's ATM or branch, wherever the format put it (code and text; domain/finance/cashPlace.ts).
    const place = record.place ? undefined : cashPlaceOf(record.kind, record.text);
    // Built field by field rather than spread from empty objects: this runs for every line.
    const item: Extract<ImportItem, { kind: 'transaction' }> = {
      kind: 'transaction',
      line,
      record: place ? { ...record, place } : record,
    };
    if (warnings?.length) item.warnings = [...warnings];
    if (outsideStatement) item.outsideStatement = true;
    this.transactions.push(item);
  }

  /** Queues a statement's figures; call it after the statement's last transaction. */
  statement(line: number, statement: StatementRecord, warnings?: readonly string[]): void {
    this.statements.push(warnings?.length ? { line, statement, warnings: [...warnings] } : { line, statement });
  }

  get full(): boolean {
    return this.entities.length + this.transactions.length >= this.limit;
  }

  async *drain(): AsyncGenerator<ImportItem> {
    const entities = this.entities;
    const transactions = this.transactions;
    this.entities = [];
    const statements = this.statements;
    this.transactions = [];
    this.statements = [];
    const existing =
      entities.length && this.known ? await this.known(entities.map((e) => e.record.id)) : new Set<string>();
    for (const e of entities)
      if (!existing.has(e.record.id)) yield { kind: 'entity', line: e.line, record: e.record, merge: true };
    yield* transactions;
    for (const s of statements) yield { kind: 'statement', ...s };
  }
}

/** Validates an importer's options with its zod schema; the first problem is reported. */
export function checkOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw errors.validation(
    `Import options: ${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`,
    path || 'options',
  );
}
