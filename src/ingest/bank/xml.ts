/**
 * A small streaming XML tokenizer over bytes, for bank statements that may be a gigabyte.
 * It reports start tags, end tags and text to a handler as chunks arrive and keeps only the
 * unfinished tail of the last chunk, so memory does not grow with the file.
 *
 * It checks well-formedness (nesting, one root, quoted attributes, known entities, strict
 * decoding) and names the line of every problem, but it is not a general XML parser:
 * - no DTDs: `<!DOCTYPE` is refused, so no entity expansion (and no "billion laughs");
 * - namespaces are left to the handler (names arrive with their prefix);
 * - encodings: UTF-8 (what ISO 20022 prescribes) unless the prolog declares another one that
 *   iconv-lite knows (windows-1257, ISO-8859-2, Shift_JIS…), or a byte-order mark says UTF-16/32.
 *   Such input is transcoded to UTF-8 as it arrives, so the scanner itself only ever sees UTF-8.
 */
import iconv from 'iconv-lite';
import { errors } from '../../shared/errors.ts';

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, line: number): void;
  close(name: string, line: number): void;
  /** Character data (entities resolved, CDATA included); may come in several pieces. */
  text(text: string, line: number): void;
}

export interface XmlLimits {
  /** Longest text node or tag kept while waiting for its end; bounds memory on broken input. */
  maxPending?: number;
}

const LT = 0x3c;
const GT = 0x3e;
const LF = 0x0a;
const QUOT = 0x22;
const APOS = 0x27;

const NAME = /^[\p{L}_][\p{L}\p{N}_.-]*(?::[\p{L}_][\p{L}\p{N}_.-]*)?$/u;
const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));|&/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

function countLf(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === LF) n++;
  return n;
}

const NO_ATTRS: Record<string, string> = Object.freeze({});

/** An ASCII tag name: the common case, checked without Unicode regex classes. */
const ASCII_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

export class XmlTokenizer {
  private buf: Buffer = Buffer.alloc(0);
  /** Line of buf[0]. */
  private line = 1;
  /** Open elements: names and the lines they opened on, side by side (no object per element). */
  private readonly openNames: string[] = [];
  private readonly openLines: number[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private atStart = true;
  /** Bytes read before the encoding is known (up to the end of the prolog). */
  private head: Buffer | null = Buffer.alloc(0);
  private transcoder: { write(b: Buffer): string; end(): string | undefined } | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly maxPending: number;
  private readonly names = new Map<number, string>();
  /** Tag names already checked: a document repeats a few hundred names millions of times. */
  private readonly validNames = new Set<string>();

  constructor(
    private readonly handler: XmlHandler,
    limits: XmlLimits = {},
  ) {
    this.maxPending = limits.maxPending ?? 16 * 1024 * 1024;
  }

  /** The encoding the bytes are read in, once known: `utf-8` or the declared one. */
  encoding: string | null = null;

  write(chunk: Buffer): void {
    if (this.head) {
      this.head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk;
      // The prolog, if any, ends at the first ">"; its encoding decides how to read the rest.
      if (this.head.indexOf(GT) === -1 && this.head.length < 1024) return;
      chunk = this.sniff(this.head);
    } else if (this.transcoder) chunk = Buffer.from(this.transcoder.write(chunk), 'utf8');
    this.feed(chunk);
  }

  private feed(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.buf = this.buf.subarray(this.scan(false));
  }

  /** Call once the input is exhausted: refuses truncated documents. */
  end(): void {
    if (this.head) this.feed(this.sniff(this.head));
    else if (this.transcoder) this.feed(Buffer.from(this.transcoder.end() ?? '', 'utf8'));
    this.buf = this.buf.subarray(this.scan(true));
    const depth = this.openNames.length;
    if (depth) {
      const [name, line] = [this.openNames[depth - 1], this.openLines[depth - 1] ?? 0];
      throw fail(line, `<${name}> is never closed: the file ends at line ${this.line} (is it truncated?)`);
    }
    if (!this.rootSeen) throw fail(this.line, 'no XML element found (is this an XML file?)');
  }

  /**
   * Decides the encoding from the first bytes: a UTF-16/32 byte-order mark or pattern, else the
   * prolog's `encoding` (UTF-8 when none). Returns the head as UTF-8.
   */
  private sniff(head: Buffer): Buffer {
    this.head = null;
    const bom16 = (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe);
    const wide = bom16 || (head[0] === 0x3c && head[1] === 0) || (head[0] === 0 && head[1] === 0x3c);
    let enc: string;
    if (wide) {
      if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) enc = 'utf-32le';
      else if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) enc = 'utf-32be';
      else enc = head[0] === 0xfe || head[0] === 0 ? 'utf-16be' : 'utf-16le';
    } else {
      const prolog = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(
        head.toString('latin1', 0, Math.min(head.length, 1024)),
      );
      // A UTF-8 byte-order mark outweighs the declaration (XML 1.0, appendix F).
      const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
      enc = utf8Bom ? 'utf-8' : (prolog?.[1]?.trim().toLowerCase() ?? 'utf-8');
      if (enc === 'utf8') enc = 'utf-8';
      if (enc !== 'utf-8') {
        if (!iconv.encodingExists(enc)) throw fail(1, `encoding "${enc}" is not supported (use UTF-8)`);
        // The prolog was readable byte by byte, so the file is not in a two- or four-byte encoding.
        if (/^(?:utf-?(?:16|32)|ucs-?[24])/.test(enc))
          throw fail(1, `encoding "${enc}" is declared, but the file is written one byte per character`);
      }
    }
    this.encoding = enc;
    if (enc === 'utf-8') return head;
    const decoder = iconv.getDecoder(enc);
    this.transcoder = decoder;
    return Buffer.from(decoder.write(head), 'utf8');
  }

  private decode(b: Buffer, from: number, to: number, line: number): string {
    // Fast path; a replacement character means either a real U+FFFD or bad bytes: check.
    const s = b.toString('utf8', from, to);
    if (s.includes('\uFFFD')) {
      try {
        this.utf8.decode(b.subarray(from, to));
      } catch {
        throw fail(line, 'the text is not valid UTF-8');
      }
    }
    return s;
  }

  private unescape(text: string, line: number): string {
    if (!text.includes('&')) return text;
    return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex !== undefined || dec !== undefined) {
        const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
        if (code > 0x10ffff || code === 0) throw fail(line, `${whole} is not a character`);
        return String.fromCodePoint(code);
      }
      const named = name === undefined ? undefined : NAMED[name];
      if (named === undefined) throw fail(line, `unknown entity ${whole === '&' ? '"&" (write &amp;)' : whole}`);
      return named;
    });
  }

  /** Processes complete tokens of buf; returns how many bytes were consumed. */
  private scan(final: boolean): number {
    const b = this.buf;
    let i = 0;
    if (this.atStart) {
      if (b.length < 3 && !final) return 0;
      this.atStart = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
    }
    const length = b.length;
    while (i < length) {
      if (b[i] !== LT) {
        // One pass finds the next "<" and counts the text's line ends and whether it is blank:
        // text between tags is short, and a loop beats a call out to Buffer.indexOf.
        let end = i;
        let lfs = 0;
        let content = false;
        let high = 0;
        for (; end < length; end++) {
          const c = b[end] ?? 0;
          if (c === LT) break;
          if (c === LF) lfs++;
          else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) content = true;
          high |= c;
        }
        if (end === length && !final) {
          if (length - i > this.maxPending) throw fail(this.line, 'text too long without markup');
          return i;
        }
        this.text(b, i, end, lfs, content, high < 0x80);
        i = end;
        continue;
      }
      const end = this.markup(b, i, final);
      if (end === -1) {
        if (final) throw fail(this.line, 'the file ends inside a tag (is it truncated?)');
        if (b.length - i > this.maxPending) throw fail(this.line, 'markup too long');
        return i;
      }
      i = end;
    }
    return i;
  }

  /**
   * Text from `from` to `to`, holding `lfs` line ends; `content`: more than white space; `ascii`:
   * every byte below 0x80, so it is read byte for byte with nothing to check.
   */
  private text(b: Buffer, from: number, to: number, lfs: number, content: boolean, ascii: boolean): void {
    const line = this.line;
    this.line += lfs;
    if (!content) return;
    if (this.openNames.length === 0)
      throw fail(
        line,
        `text outside the ${this.rootSeen ? 'root element' : 'document element (is this an XML file?)'}`,
      );
    const raw = ascii ? b.toString('latin1', from, to) : this.decode(b, from, to, line);
    this.handler.text(this.unescape(raw, line), line);
  }

  /** Handles the markup starting at `i`; returns the index after it, or -1 if incomplete. */
  private markup(b: Buffer, i: number, final: boolean): number {
    if (i + 1 >= b.length) return -1;
    const line = this.line;
    const next = b[i + 1];
    if (next === 0x3f /* ? */) {
      const end = b.indexOf('?>', i + 2, 'latin1');
      if (end === -1) return -1;
      // Processing instructions, the XML declaration included, carry nothing a statement needs;
      // its encoding has been read before scanning (sniff).
      this.line += countLf(b, i, end);
      return end + 2;
    }
    if (next === 0x21 /* ! */) {
      const startsWith = (s: string) => b.length - i >= s.length && b.toString('latin1', i, i + s.length) === s;
      if (startsWith('<!--')) {
        const end = b.indexOf('-->', i + 4, 'latin1');
        if (end === -1) return -1;
        this.line += countLf(b, i, end);
        return end + 3;
      }
      if (startsWith('<![CDATA[')) {
        const end = b.indexOf(']]>', i + 9, 'latin1');
        if (end === -1) return -1;
        if (this.openNames.length === 0) throw fail(line, 'CDATA outside the root element');
        this.handler.text(this.decode(b, i + 9, end, line), line);
        this.line += countLf(b, i, end);
        return end + 3;
      }
      if (startsWith('<!DOCTYPE')) throw fail(line, 'DOCTYPE declarations are not allowed in bank statements');
      if (b.length - i < 9 && !final) return -1;
      throw fail(line, 'unexpected "<!" markup');
    }
    if (next === 0x2f /* / */) {
      let end = i + 2;
      while (end < b.length && b[end] !== GT) end++;
      if (end === b.length) return -1;
      const name = this.nameOf(b, i + 2, end, line).trim();
      const open = this.openNames.pop();
      const openedOn = this.openLines.pop();
      if (open === undefined) throw fail(line, `</${name}> closes nothing`);
      if (open !== name) throw fail(line, `</${name}> does not close <${open}> opened on line ${openedOn}`);
      if (this.openNames.length === 0) this.rootClosed = true;
      this.line += countLf(b, i, end);
      this.handler.close(name, line);
      return end + 1;
    }
    return this.startTag(b, i, line);
  }

  /**
   * Decodes a tag name. A document uses a few hundred names millions of times, so ASCII names
   * are interned by a hash of their bytes: no string is made for a name seen before, which
   * halves the tokenizer's time. Non-ASCII names are decoded strictly.
   */
  private nameOf(b: Buffer, from: number, to: number, line: number): string {
    let h = to - from;
    for (let k = from; k < to; k++) {
      const c = b[k] ?? 0;
      if (c >= 0x80) return this.decode(b, from, to, line);
      h = (Math.imul(h, 31) + c) | 0;
    }
    const known = this.names.get(h);
    if (known !== undefined && known.length === to - from) {
      let same = true;
      for (let k = 0; same && k < known.length; k++) same = known.charCodeAt(k) === b[from + k];
      if (same) return known;
    }
    const name = b.toString('latin1', from, to);
    if (this.names.size > 10_000) this.names.clear();
    this.names.set(h, name);
    return name;
  }

  private startTag(b: Buffer, i: number, line: number): number {
    let quote = 0;
    let end = -1;
    let lfs = 0;
    // Where the name ends: the first space, "/" or ">" (a tag without attributes: at ">").
    let nameEnd = -1;
    for (let k = i + 1; k < b.length; k++) {
      const c = b[k];
      if (c === LF) lfs++;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === QUOT || c === APOS) quote = c;
      else if (c === GT) {
        end = k;
        break;
      } else if (nameEnd === -1 && (c === 0x20 || c === 0x09 || c === 0x0d || c === LF || c === 0x2f)) nameEnd = k;
    }
    if (end === -1) return -1;
    const selfClosing = b[end - 1] === 0x2f;
    if (nameEnd === -1) nameEnd = end;
    const name = this.nameOf(b, i + 1, nameEnd, line);
    if (!this.validNames.has(name)) {
      if (!ASCII_NAME.test(name) && !NAME.test(name)) throw fail(line, `"<${name.slice(0, 20)}" is not a valid tag`);
      if (this.validNames.size < 10_000) this.validNames.add(name);
    }
    if (this.rootClosed) throw fail(line, `<${name}> comes after the root element has ended`);
    // Most tags have no attributes: they share one frozen empty object.
    const attrs: Record<string, string> = nameEnd < end - 1 ? {} : NO_ATTRS;
    const tagEnd = selfClosing ? end - 1 : end;
    const tag = nameEnd < tagEnd ? this.decode(b, nameEnd, tagEnd, line) : '';
    let at = 0;
    while (at < tag.length) {
      ATTR.lastIndex = at;
      const m = ATTR.exec(tag);
      if (!m) {
        if (tag.slice(at).trim() === '') break;
        throw fail(line, `malformed attribute in <${name}>: "${tag.slice(at).trim().slice(0, 30)}"`);
      }
      attrs[m[1] ?? ''] = this.unescape(m[2] ?? m[3] ?? '', line);
      at = ATTR.lastIndex;
    }
    this.rootSeen = true;
    this.openNames.push(name);
    this.openLines.push(line);
    this.line += lfs;
    this.handler.open(name, attrs, line);
    if (selfClosing) {
      this.openNames.pop();
      this.openLines.pop();
      if (this.openNames.length === 0) this.rootClosed = true;
      this.handler.close(name, line);
    }
    return end + 1;
  }
}
