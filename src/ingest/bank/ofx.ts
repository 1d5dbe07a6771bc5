/**
 * OFX and QFX bank and credit-card statements (`ofx`): OFX 1.x (an `OFXHEADER:100` header,
 * then SGML whose leaves have no end tags) and OFX 2.x (XML). The file's first bytes decide:
 * `<?xml`/`<?OFX` is read by the one XML reader (xml.ts, its prolog's encoding honoured), a
 * header or a bare `<OFX>` by the SGML reader (ofxSgml.ts), decoded as the header's
 * ENCODING/CHARSET says (`CHARSET:1252` is windows-1252, `ISO-8859-1`…; UTF-8 when it says
 * nothing), or as the `encoding` option says when the header is wrong. What the statements hold
 * is read in ofxReader.ts; why OFX statements are kept as "closing balance only" is explained there.
 *
 * Which OFX packages were considered: the maintained ones on npm rewrite the text with regular
 * expressions into XML or JSON, which loses line numbers (every error here names its line),
 * trims or drops CDATA and converts values to JavaScript numbers. The two tokenizers here keep
 * every value as written.
 */
import iconv from 'iconv-lite';
import { z } from 'zod';
import { errors } from '../../shared/errors.ts';
import { ControlChars, TextEncodingOption } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { checkOptions, ItemQueue, type BankImportOptions } from './emit.ts';
import { OfxReader } from './ofxReader.ts';
import { OfxSgmlTokenizer } from './ofxSgml.ts';
import { XmlTokenizer } from './xml.ts';

export const OfxOptions = z
  .object({
    /** The text encoding of an OFX 1.x file when its header's CHARSET is wrong (OFX 2.x: its XML prolog). */
    encoding: TextEncodingOption.optional(),
  })
  .strict();

export type OfxImportOptions = z.input<typeof OfxOptions> & BankImportOptions;

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

/** The encoding an OFX 1.x header names (`ENCODING:UTF-8`, `CHARSET:1252`), as an iconv name. */
export function headerEncoding(header: Readonly<Record<string, string>>): string {
  const encoding = (header['ENCODING'] ?? '').toUpperCase();
  const charset = (header['CHARSET'] ?? '').toUpperCase().replace(/^CP-?|^WINDOWS-?/, '');
  if (encoding === 'UTF-8' || encoding === 'UTF8' || encoding === 'UNICODE') return 'utf-8';
  if (charset === '' || charset === 'NONE') return 'utf-8';
  if (/^125\d$/.test(charset)) return `windows-${charset}`;
  const iso = /^(?:ISO-?)?8859-(\d{1,2})$/.exec(charset);
  if (iso) return `iso-8859-${iso[1]}`;
  return charset.toLowerCase();
}

/** Reads `KEY:VALUE` pairs of an OFX 1.x header (one a line, or several on one line). */
export function parseHeader(text: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Z][A-Z0-9]*):([^\s]*)/g)) header[m[1] ?? ''] = m[2] ?? '';
  return header;
}

interface Body {
  write(chunk: Buffer): void;
  end(): void;
}

/** The reader for the file's start, once enough of it is there to tell (null: read more). */
function bodyFor(
  head: Buffer,
  final: boolean,
  reader: OfxReader,
  controls: ControlChars,
  option?: string,
): Body | null {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && (head[start] === 0x20 || head[start] === 0x0d || head[start] === 0x0a)) start++;
  if (final && start >= head.length) throw fail(1, 'the file is empty');
  const lt = head.indexOf('<', start);
  if (lt === -1 && !final && head.length < 64 * 1024) return null;
  const opening = head.toString('latin1', start, start + 5);
  if (opening === '<?xml' || opening === '<?OFX') {
    const xml = new XmlTokenizer(reader);
    xml.write(head);
    return { write: (c) => xml.write(c), end: () => xml.end() };
  }
  const headerText = controls.strip(head.toString('latin1', start, lt === -1 ? head.length : lt), 1);
  const header = parseHeader(headerText);
  if (!header['OFXHEADER'] && headerText.trim() !== '')
    throw fail(
      1,
      `this is not an OFX file: it starts with "${headerText.trim().slice(0, 30)}", not OFXHEADER or <OFX>`,
    );
  if (lt === -1) throw fail(1, 'the OFX header is not followed by an <OFX> element (is the file truncated?)');
  const encoding = option ?? headerEncoding(header);
  if (encoding !== 'utf-8' && !iconv.encodingExists(encoding))
    throw fail(
      1,
      `the header's CHARSET "${header['CHARSET'] ?? ''}" is not an encoding known here; give the encoding option`,
    );
  let line = 1 + (head.subarray(0, lt).toString('latin1').match(/\n/g)?.length ?? 0);
  const sgml = new OfxSgmlTokenizer(reader, line, controls);
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  const single = utf8 ? null : iconv.getDecoder(encoding);
  const decode = (bytes: Buffer, final: boolean, at: number): string => {
    if (single) return single.write(bytes) + (final ? (single.end() ?? '') : '');
    try {
      return utf8?.decode(bytes, { stream: !final }) ?? '';
    } catch {
      const charset = header['CHARSET'] ?? 'NONE';
      throw fail(
        at,
        `the text after this line is not valid UTF-8; give the file's encoding (its header says CHARSET:${charset})`,
      );
    }
  };
  const write = (bytes: Buffer, final = false) => {
    const at = line;
    line += bytes.toString('latin1').match(/\n/g)?.length ?? 0;
    sgml.write(decode(bytes, final, at));
  };
  write(head.subarray(lt));
  return {
    write: (c) => write(c),
    end: () => {
      write(Buffer.alloc(0), true);
      sgml.end();
    },
  };
}

async function* parse(input: ImportInput, options: OfxImportOptions = {}): AsyncGenerator<ImportItem> {
  const { known, ...rest } = options;
  const opts = checkOptions(OfxOptions, rest);
  const queue = new ItemQueue(known);
  const reader = new OfxReader(queue);
  const controls = new ControlChars();
  let head: Buffer = Buffer.alloc(0);
  let body: Body | null = null;
  for await (const chunk of input.open() as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (body) body.write(bytes);
    else {
      head = head.length ? Buffer.concat([head, bytes]) : bytes;
      body = bodyFor(head, false, reader, controls, opts.encoding);
    }
    if (queue.full) yield* queue.drain();
  }
  body ??= bodyFor(head, true, reader, controls, opts.encoding);
  body?.end();
  reader.end();
  yield* queue.drain();
  const stripped = controls.warning();
  if (stripped) yield { kind: 'skipped', line: stripped.line, warnings: [stripped.message] };
}

export const ofxImporter: Importer<OfxImportOptions> = {
  format: 'ofx',
  label: 'Bank statement (OFX/QFX)',
  parse,
};
