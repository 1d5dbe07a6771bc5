/**
 * Test helpers for the bank importers: inputs over memory (optionally in tiny chunks, so
 * tokens and multi-byte characters straddle chunk boundaries) and over the shared fixtures,
 * and small accessors for what an import yielded. Not used by the importers themselves.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fixturePath as corpusPath } from '../../../test/support/fixtures.ts';
import type { EntityRecord, TransactionRecord } from '../../domain/records.ts';
import type { AppError } from '../../shared/errors.ts';
import { isAppError } from '../../shared/errors.ts';
import type { ImportInput, ImportItem } from '../types.ts';

export function bytesInput(fileName: string, content: string | Uint8Array, chunkSize = 0): ImportInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    fileName,
    size: bytes.length,
    open: () => {
      if (chunkSize <= 0) return Readable.from([bytes]);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
      return Readable.from(chunks);
    },
  };
}

/** A bank file of the real-file corpus; tests reading it are declared with `describeWithFixtures`. */
export const fixturePath = (name: string): string => corpusPath('bank', name);

export function fixtureInput(name: string, highWaterMark = 1024): ImportInput {
  const file = fixturePath(name);
  return { fileName: name, open: () => createReadStream(file, { highWaterMark }) };
}

export async function collect(items: AsyncIterable<ImportItem>): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export type Lined<T> = T & { line: number };

export const transactionsOf = (items: readonly ImportItem[]): Lined<TransactionRecord>[] =>
  items.flatMap((i) => (i.kind === 'transaction' ? [{ ...i.record, line: i.line }] : []));

export const entitiesOf = (items: readonly ImportItem[], schema?: string): Lined<EntityRecord>[] =>
  items.flatMap((i) =>
    i.kind === 'entity' && (!schema || i.record.schema === schema) ? [{ ...i.record, line: i.line }] : [],
  );

/** The AppError a parse fails with (fails the test when it succeeds or throws something else). */
export async function importError(items: AsyncIterable<ImportItem>): Promise<AppError> {
  try {
    await collect(items);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

/**
 * Checks what the pipeline checks: every entity id once, and every account a transaction
 * names yielded before it (or known to the case).
 */
export function checkOrder(items: readonly ImportItem[], known: ReadonlySet<string> = new Set()): void {
  const seen = new Set<string>(known);
  for (const item of items) {
    if (item.kind === 'entity') {
      if (seen.has(item.record.id))
        throw new Error(`entity ${item.record.id} yielded twice or already known (line ${item.line})`);
      seen.add(item.record.id);
      continue;
    }
    if (item.kind !== 'transaction') continue;
    for (const id of [item.record.accountId, item.record.counterpartyAccountId]) {
      if (id && !seen.has(id)) throw new Error(`transaction on line ${item.line} names ${id} before it exists`);
    }
  }
}
