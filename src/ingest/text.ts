/**
 * Reading text files line by line with exact line numbers and strict decoding: a file that is
 * not valid in its declared encoding is refused, naming the first bad line, rather than
 * imported with replacement characters.
 */
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { errors } from '../shared/errors.ts';
import type { TextEncodingName } from '../shared/textEncodings.ts';

export { textEncodings, TextEncodingOption } from '../shared/textEncodings.ts';

/** One of the encodings every line-based importer offers (shared/textEncodings.ts). */
export type TextEncoding = TextEncodingName;

// Matching control characters is the point: real files carry them as framing and padding.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const CONTROL_NAMES =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
    ' ',
  );

const controlName = (code: number): string =>
  `${code === 0x7f ? 'DEL' : (CONTROL_NAMES[code] ?? '?')} (0x${code.toString(16).padStart(2, '0').toUpperCase()})`;

/**
 * Control characters that real files carry around their text: SOH/ETX framing each SWIFT
 * message, NUL padding to a block size, a stray form feed. They are not text, so importers
 * strip them (every C0 control but tab, CR and LF, and DEL), and say so once in the import's
 * report: which characters, how many, and the first line. Typed-in text is another matter: the
 * API refuses control characters there.
 */
export class ControlChars {
  private readonly counts = new Map<number, number>();
  private first = 0;

  /** `text` without control characters, counting what was removed on `line`. */
  strip(text: string, line: number): string {
    CONTROL.lastIndex = 0;
    if (!CONTROL.test(text)) return text;
    if (!this.first) this.first = line;
    return text.replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
      return '';
    });
  }

  /** The report's warning, when anything was removed. */
  warning(): { line: number; message: string } | null {
    if (!this.counts.size) return null;
    const total = [...this.counts.values()].reduce((a, n) => a + n, 0);
    const which = [...this.counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([code, n]) => `${n} × ${controlName(code)}`)
      .join(', ');
    return {
      line: this.first,
      message: `${total} control character(s) removed (${which}), the first on this line: framing or padding, not text`,
    };
  }
}

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

/**
 * Yields the lines of a byte stream (LF or CRLF), decoding strictly. A BOM is dropped. With
 * `controls`, control characters are stripped from each line and counted there.
 */
export async function* readLines(
  stream: Readable,
  encoding: TextEncoding | (string & {}) = 'utf-8',
  controls?: ControlChars,
): AsyncGenerator<TextLine> {
  for await (const batch of readLineBatches(stream, encoding, controls)) for (const l of batch) yield l;
}

const BOM = 0xfeff;

/**
 * The lines of `readLines`, a chunk's worth at a time: readers of million-line files take them
 * in batches, so no promise is made per line. UTF-8 chunks are decoded whole (one call, not one
 * per line) and split at line feeds, which UTF-8 never uses inside a character; a chunk that is
 * not valid UTF-8 is decoded line by line to name the first bad line. Each line loses a leading
 * BOM as a per-line decode would (the first line two: the file's own and its text's).
 */
export async function* readLineBatches(
  stream: Readable,
  encoding: TextEncoding | (string & {}) = 'utf-8',
  controls?: ControlChars,
): AsyncGenerator<TextLine[]> {
  const utf8 = /^utf-?8$/i.test(encoding.trim());
  if (!utf8 && !isLineEncoding(encoding))
    throw errors.importFailed(
      `encoding: "${encoding}" is not UTF-8 or a single-byte encoding (e.g. windows-1257, iso-8859-13)`,
      'encoding',
    );
  const decoder = utf8 ? new TextDecoder('utf-8', { fatal: true }) : null;
  const whole = utf8 ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  let first = true;
  const decode = (bytes: Buffer, at: number): string => {
    if (!decoder) return controls ? controls.strip(iconv.decode(bytes, encoding), at) : iconv.decode(bytes, encoding);
    try {
      return controls ? controls.strip(decoder.decode(bytes), at) : decoder.decode(bytes);
    } catch {
      throw errors.importFailed(
        `Line ${at} is not valid UTF-8; choose the file's encoding (e.g. windows-1257)`,
        `line ${at}`,
      );
    }
  };
  /** The complete lines of a UTF-8 chunk from one decode, or null when it is not valid UTF-8. */
  const decodeWhole = (bytes: Buffer): TextLine[] | null => {
    let text: string;
    try {
      text = whole?.decode(bytes) ?? '';
    } catch {
      return null;
    }
    CONTROL.lastIndex = 0;
    const stripping = controls && CONTROL.test(text);
    const parts = text.split('\n');
    parts.pop(); // after the chunk's last line feed: not a line of this chunk
    const out: TextLine[] = new Array(parts.length);
    for (let k = 0; k < parts.length; k++) {
      let t = parts[k] ?? '';
      line++;
      if (t.charCodeAt(t.length - 1) === 13) t = t.slice(0, -1);
      if (first) {
        first = false;
        if (t.charCodeAt(0) === BOM) t = t.slice(1);
      }
      if (t.charCodeAt(0) === BOM) t = t.slice(1);
      out[k] = { line, text: stripping ? controls.strip(t, line) : t };
    }
    return out;
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    pending = pending.length ? Buffer.concat([pending, buf]) : buf;
    const last = pending.lastIndexOf(10);
    if (last === -1) continue;
    const fast = whole ? decodeWhole(pending.subarray(0, last + 1)) : null;
    if (fast) {
      pending = pending.subarray(last + 1);
      if (fast.length) yield fast;
      continue;
    }
    const batch: TextLine[] = [];
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
      batch.push({ line, text: decode(bytes, line) });
      start = nl + 1;
    }
    pending = pending.subarray(start);
    if (batch.length) yield batch;
  }
  if (pending.length) {
    line++;
    let bytes = pending;
    if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    yield [{ line, text: decode(bytes, line) }];
  }
}

/** Reads a whole (small) input as text, strictly decoded. */
export async function readText(stream: Readable, encoding: TextEncoding = 'utf-8'): Promise<string> {
  const parts: string[] = [];
  for await (const l of readLines(stream, encoding)) parts.push(l.text);
  return parts.join('\n');
}
