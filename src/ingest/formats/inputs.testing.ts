/**
 * Test helpers: `ImportInput`s over bytes in memory and over fixture files, so format tests
 * do not depend on the (separately owned) ingest/files.ts. Not used by the importers.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fixtureBytes, fixturePath, fixtureText } from '../../../test/support/fixtures.ts';
import type { EntityRecord } from '../../domain/records.ts';
import type { ImportInput, ImportItem } from '../types.ts';

/**
 * An input over bytes in memory. `chunkSize` splits them into small chunks so tests exercise
 * values, lines and multi-byte characters that straddle chunk boundaries.
 */
export function bytesInput(fileName: string, content: string | Uint8Array, chunkSize = 0): ImportInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    fileName,
    open: () => {
      if (chunkSize <= 0) return Readable.from([bytes]);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
      return Readable.from(chunks);
    },
  };
}

/** Files of the real-file corpus; tests reading them are declared with `describeWithFixtures`. */
export { fixtureBytes, fixturePath, fixtureText };

/** An input that streams a fixture file from disk. */
export function fixtureInput(relative: string): ImportInput {
  const file = fixturePath(relative);
  return { fileName: path.basename(file), open: () => createReadStream(file, { highWaterMark: 4096 }) };
}

/** Drains an importer's output. */
export async function collect(items: AsyncIterable<ImportItem>): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export type LinedEntity = EntityRecord & { line: number };

/** Drains an importer that yields only entities; each record with its line. */
export async function collectEntities(items: AsyncIterable<ImportItem>): Promise<LinedEntity[]> {
  const out: LinedEntity[] = [];
  for await (const item of items) {
    if (item.kind !== 'entity') throw new Error(`expected entities only, got a ${item.kind} on line ${item.line}`);
    out.push({ ...item.record, line: item.line });
  }
  return out;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}
