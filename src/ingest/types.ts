/**
 * The import framework's contract. An importer only parses: it turns a file into a stream of
 * items, each with the line it came from. The shared pipeline (pipeline.ts) validates, maps,
 * writes everything in one transaction and reports — the same for every format.
 */
import type { Readable } from 'node:stream';
import type { EntityRecord, StatementRecord, TransactionRecord } from '../domain/records.ts';

export interface ImportInput {
  /** The file's name as the user gave it (for messages and provenance). */
  fileName: string;
  /** Opens the raw bytes. May be called more than once (e.g. to hash, then to parse). */
  open: () => Readable;
  /** Size in bytes when known, for progress. */
  size?: number | undefined;
}

/** One parsed item and the 1-based line (or record number) it came from. */
export type ImportItem =
  /**
   * `merge`: the id is derived from a selector (a phone number, an IBAN), or the entity was met
   * embedded in another, so the same entity may already be in the case or come again in the
   * file; its values are then added to it. `warnings`: values the importer left out.
   */
  | { kind: 'entity'; line: number; record: EntityRecord; merge?: boolean; warnings?: string[] | undefined }
  /**
   * A record the importer left out, and why (an FtM entity of a schema the model does not know,
   * an antenna without coordinates). `id` lets the pipeline tell a link to it from a link to nothing.
   */
  | { kind: 'skipped'; line: number; id?: string; warnings: string[] }
  /**
   * `warnings`: what the importer assumed to read this line or statement and a person should
   * know (an entry dated by its value date because it has no booking date, a balance without a
   * credit/debit indicator). They belong in the import's report; nothing is stored for them.
   */
  | { kind: 'transaction'; line: number; record: TransactionRecord; warnings?: string[] | undefined }
  /** A file kept with the case: a web or ad capture, an attachment found in the input. */
  | { kind: 'file'; line: number; file: ImportedFile }
  /**
   * A bank statement's balances and entry count, yielded after its transactions (and after
   * the entity of its account). Re-importing the same statement adds nothing.
   */
  | { kind: 'statement'; line: number; statement: StatementRecord; warnings?: string[] | undefined };

export interface ImportedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  /** The entity it documents, when known (an OnlineAd for its capture). */
  entityId?: string | undefined;
}

export interface Importer<Options> {
  /** Short id used by the CLI and API: `ftm`, `ftm-mapping`, `cdr`, … */
  format: string;
  label: string;
  /**
   * Parses the input. Malformed content throws `errors.importFailed(message, 'line N')`
   * (shared/errors.ts) naming the line; the pipeline then writes nothing.
   */
  parse: (input: ImportInput, options: Options) => AsyncIterable<ImportItem>;
}
