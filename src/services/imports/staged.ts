/**
 * What the import desk knows of a staged file and of the items an importer reads from it: the
 * file's inputs (whole, or its first lines for a preview), each item checked as the import
 * would check it, and line messages. Shared by the desk, the wizard and the import job.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ImportInput, ImportItem } from '../../ingest/types.ts';
import type { LineMessage, PreviewItem } from '../../shared/contracts/imports.ts';
import { isAppError } from '../../shared/errors.ts';
import { prepareAll } from '../entities/index.ts';
/** A request body spooled to a file of its own, removed by `dispose`. */
export interface SpooledFile {
  path: string;
  dispose: () => Promise<void>;
}

/** Most problems listed per check; more than that and the file is plainly the wrong one. */
export const MAX_MESSAGES = 200;

export interface StagedUpload extends SpooledFile {
  id: string;
  caseId: string;
  userId: string;
  fileName: string;
  size: number;
  sha256: string;
  at: number;
}

/** `line 17` → 17; any other path is a field of the options. */
export function messageOf(e: unknown): LineMessage {
  if (!isAppError(e))
    return { line: null, path: null, message: 'The import stopped on an unexpected error; nothing was added' };
  const m = /^line (\d+)/.exec(e.path ?? '');
  return { line: m ? Number(m[1]) : null, path: m ? null : (e.path ?? null), message: e.message };
}

export const inputOf = (u: StagedUpload): ImportInput => ({
  fileName: u.fileName,
  open: () => createReadStream(u.path),
  size: u.size,
});

/** The first `lines` lines of the file, for previews of formats that read the whole file first. */
export function headOf(u: StagedUpload, lines: number): { input: ImportInput; wasCut: () => boolean } {
  let cutAt = false;
  const input: ImportInput = {
    fileName: u.fileName,
    open: () => {
      async function* head(): AsyncGenerator<Buffer> {
        let seen = 0;
        for await (const chunk of createReadStream(u.path) as AsyncIterable<Buffer>) {
          let cut = -1;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1))
            if (++seen >= lines) {
              cut = i;
              break;
            }
          if (cut === -1) {
            yield chunk;
            continue;
          }
          cutAt = cut + 1 < chunk.length;
          yield chunk.subarray(0, cut + 1);
          return;
        }
      }
      return Readable.from(head());
    },
  };
  return { input, wasCut: () => cutAt };
}

/** What a parsed item looks like in the preview, checked as the import would check it. */
export function previewItem(item: Exclude<ImportItem, { kind: 'skipped' }>, country: string): PreviewItem {
  if (item.kind === 'transaction') {
    const t = item.record;
    return {
      line: item.line,
      kind: 'transaction',
      schema: null,
      caption: `${t.bookingDate} ${(t.amountMinor / 100).toFixed(2)} ${t.currency}`,
      properties: { counterpartyName: t.counterpartyName ? [t.counterpartyName] : [], text: t.text ? [t.text] : [] },
      error: null,
    };
  }
  if (item.kind === 'file')
    return { line: item.line, kind: 'file', schema: null, caption: item.file.fileName, properties: {}, error: null };
  if (item.kind === 'statement') {
    const s = item.statement;
    return {
      line: item.line,
      kind: 'statement',
      schema: null,
      caption: `${s.reference} ${s.openingDate}–${s.closingDate} ${s.currency}`,
      properties: { entries: [String(s.entries)] },
      error: null,
    };
  }
  try {
    const [p] = prepareAll([item.record], country, { strictSelectors: false, skipRequired: true });
    return {
      line: item.line,
      kind: 'entity',
      schema: item.record.schema,
      caption: p?.caption ?? item.record.id,
      properties: p?.properties ?? {},
      error: null,
    };
  } catch (e) {
    const props = item.record.properties;
    return {
      line: item.line,
      kind: 'entity',
      schema: item.record.schema,
      caption: props['name']?.[0] ?? item.record.id,
      properties: props,
      error: messageOf(e).message,
    };
  }
}

/** A report's "line N: message" as the desk's line message. */
export function lineMessageOf(warning: string): LineMessage {
  const m = /^line (\d+): ([\s\S]*)$/.exec(warning);
  return m ? { line: Number(m[1]), path: null, message: m[2] ?? '' } : { line: null, path: null, message: warning };
}

/** Adds the server-side hooks an importer offers (values dropped by FtM cleaning → warnings). */
export function withHooks(
  format: string,
  options: Record<string, unknown>,
  warnings: LineMessage[],
): Record<string, unknown> {
  if (format !== 'ftm-mapping') return options;
  return {
    ...options,
    onDiscard: (d: { line: number; entity: string; property: string; value: string }) => {
      if (warnings.length < MAX_MESSAGES)
        warnings.push({
          line: d.line,
          path: null,
          message: `${d.entity}.${d.property}: "${d.value}" was not understood and is left out`,
        });
    },
  };
}
