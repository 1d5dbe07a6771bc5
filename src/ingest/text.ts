/**
 * Reading text files line by line with exact line numbers and strict decoding: a file that is
 * not valid in its declared encoding is refused, naming the first bad line, rather than
 * imported with replacement characters.
 */
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { errors } from '../shared/errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1257' | 'windows-1252';

/**
 * Whether iconv-lite reads `name` one byte per character (ISO-8859-*, windows-125x, KOI8…), or it
 * is UTF-8. Multi-byte legacy encodings are left out: their lines cannot be split at byte 10 safely.
 */
export function isLineEncoding(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n === 'utf-8' || n === 'utf8') return true;
  if (/^(utf|ucs|cesu|unicode)/.test(n) || !iconv.encodingExists(n)) return false;
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return iconv.decode(all, n).length === 256;
}

export interface TextLine {
  /** 1-based line number. */
  line: number;
  text: string;
}

/** Yields the lines of a byte stream (LF or CRLF), decoding strictly. A BOM is dropped. */
export async function* readLines(
  stream: Readable,
  encoding: TextEncoding | (string & {}) = 'utf-8',
): AsyncGenerator<TextLine> {
  const utf8 = /^utf-?8$/i.test(encoding.trim());
  if (!utf8 && !isLineEncoding(encoding))
    throw errors.importFailed(
      `encoding: "${encoding}" is not UTF-8 or a single-byte encoding (e.g. windows-1257, iso-8859-13)`,
      'encoding',
    );
  const decoder = utf8 ? new TextDecoder('utf-8', { fatal: true }) : null;
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  let first = true;
  const decode = (bytes: Buffer, at: number): string => {
    if (!decoder) return iconv.decode(bytes, encoding);
    try {
      return decoder.decode(bytes);
    } catch {
      throw errors.importFailed(
        `Line ${at} is not valid UTF-8; choose the file's encoding (e.g. windows-1257)`,
        `line ${at}`,
      );
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending = pending.length ? Buffer.concat([pending, buf]) : buf;
    let start = 0;
    for (let nl = pending.indexOf(10, start); nl !== -1; nl = pending.indexOf(10, start)) {
      line++;
      let end = nl;
      if (end > start && pending[end - 1] === 13) end--;
      let bytes = pending.subarray(start, end);
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      yield { line, text: decode(bytes, line) };
      start = nl + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length) {
    line++;
    let bytes = pending;
    if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    yield { line, text: decode(bytes, line) };
  }
}

/** Reads a whole (small) input as text, strictly decoded. */
export async function readText(stream: Readable, encoding: TextEncoding = 'utf-8'): Promise<string> {
  const parts: string[] = [];
  for await (const l of readLines(stream, encoding)) parts.push(l.text);
  return parts.join('\n');
}
