/**
 * The body of an OFX 1.x file (SGML) as the same open/text/close events the XML reader gives
 * (xml.ts `XmlHandler`), so one OFX reader serves OFX 1.x and 2.x. OFX 1.x leaves carry no end
 * tag (`<TRNAMT>-6.60<FITID>…`), aggregates do (`</STMTTRN>`), and banks put the whole body on a
 * few long lines or indent it freely. The rules here:
 * - a leaf ends at the next tag: an element that has text, or is a known leaf, is closed when
 *   another tag starts (an explicit `</TRNAMT>` is accepted too);
 * - an end tag closes every open leaf above its element; one that closes nothing open is an error;
 * - text is trimmed; `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&nbsp;` and numeric references are
 *   resolved, and an `&` that starts none of them is kept as written (`AT&T`);
 * - `<![CDATA[…]]>`, comments and processing instructions are read as in XML;
 * - control characters are stripped (counted for the report's warning).
 * Not a general SGML parser: no DTD, the element structure is inferred as above.
 */
import { errors } from '../../shared/errors.ts';
import type { ControlChars } from '../text.ts';
import type { XmlHandler } from './xml.ts';

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

/** Leaves an OFX statement uses, closed at the next tag even when empty (`<MEMO><NAME>…`). */
const LEAVES = new Set(
  (
    'CODE SEVERITY MESSAGE DTSERVER LANGUAGE DTPROFUP DTACCTUP ORG FID TRNUID CURDEF BANKID BRANCHID ACCTID ' +
    'ACCTTYPE ACCTKEY DTSTART DTEND TRNTYPE DTPOSTED DTUSER DTAVAIL TRNAMT FITID CORRECTFITID CORRECTACTION ' +
    'SRVRTID CHECKNUM REFNUM SIC PAYEEID NAME EXTDNAME MEMO CURSYM CURRATE BALAMT DTASOF INV401KSOURCE ' +
    'ADDR1 ADDR2 ADDR3 CITY STATE POSTALCODE COUNTRY PHONE MKTGINFO'
  ).split(' '),
);

const NAME = /^[A-Za-z0-9_.:-]+$/;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos|nbsp));/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const countLf = (s: string, from = 0, to = s.length): number => {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export class OfxSgmlTokenizer {
  private buf = '';
  private line: number;
  private readonly stack: { name: string; line: number; leaf: boolean; children: number }[] = [];
  private rootSeen = false;

  /** `firstLine`: the line the body starts on (after the header). */
  constructor(
    private readonly handler: XmlHandler,
    firstLine: number,
    private readonly controls: ControlChars,
    private readonly maxPending = 16 * 1024 * 1024,
  ) {
    this.line = firstLine;
  }

  write(text: string): void {
    this.buf += text;
    this.buf = this.buf.slice(this.scan(false));
  }

  /** Call once the input is exhausted: refuses a truncated body. */
  end(): void {
    this.buf = this.buf.slice(this.scan(true));
    while (this.top()?.leaf) this.closeTop(this.line);
    const open = this.top();
    if (open)
      throw fail(open.line, `<${open.name}> is never closed: the file ends at line ${this.line} (is it truncated?)`);
    if (!this.rootSeen) throw fail(this.line, 'no OFX element found (is this an OFX file?)');
  }

  private top() {
    return this.stack[this.stack.length - 1];
  }

  private closeTop(line: number): void {
    const el = this.stack.pop();
    if (el) this.handler.close(el.name, line);
  }

  private scan(final: boolean): number {
    const b = this.buf;
    let i = 0;
    while (i < b.length) {
      const lt = b.indexOf('<', i);
      if (lt !== i) {
        if (lt === -1 && !final) {
          if (b.length - i > this.maxPending) throw fail(this.line, 'text too long without markup');
          return i;
        }
        const end = lt === -1 ? b.length : lt;
        this.text(b.slice(i, end));
        i = end;
        continue;
      }
      const end = this.markup(b, i);
      if (end === -1) {
        if (final) throw fail(this.line, 'the file ends inside a tag (is it truncated?)');
        if (b.length - i > this.maxPending) throw fail(this.line, 'markup too long');
        return i;
      }
      i = end;
    }
    return i;
  }

  private text(raw: string): void {
    const line = this.line;
    this.line += countLf(raw);
    const text = this.controls.strip(raw, line).trim();
    if (text === '') return;
    const top = this.top();
    if (!top) throw fail(line, `text outside the <OFX> element: "${text.slice(0, 30)}"`);
    top.leaf = true;
    this.handler.text(unescape(text), line);
  }

  /** Handles the markup at `i`; returns the index after it, or -1 when it is incomplete. */
  private markup(b: string, i: number): number {
    const line = this.line;
    if (b.startsWith('<![CDATA[', i)) {
      const end = b.indexOf(']]>', i + 9);
      if (end === -1) return -1;
      const top = this.top();
      if (!top) throw fail(line, 'CDATA outside the <OFX> element');
      top.leaf = true;
      this.handler.text(this.controls.strip(b.slice(i + 9, end), line), line);
      this.line += countLf(b, i, end);
      return end + 3;
    }
    if (b.startsWith('<!--', i) || b.startsWith('<?', i)) {
      const close = b.startsWith('<!--', i) ? '-->' : '?>';
      const end = b.indexOf(close, i + 2);
      if (end === -1) return -1;
      this.line += countLf(b, i, end);
      return end + close.length;
    }
    const end = b.indexOf('>', i + 1);
    const next = b.indexOf('<', i + 1);
    if (next !== -1 && (end === -1 || next < end)) return this.badTag(b, i, line);
    if (end === -1) return -1;
    const closing = b[i + 1] === '/';
    const name = b
      .slice(i + (closing ? 2 : 1), end)
      .trim()
      .toUpperCase();
    if (!NAME.test(name)) return this.badTag(b, i, line);
    this.line += countLf(b, i, end);
    if (closing) this.close(name, line);
    else this.open(name, line);
    return end + 1;
  }

  private badTag(b: string, i: number, line: number): never {
    throw fail(line, `"${b.slice(i, i + 20).split(/[\r\n]/)[0] ?? ''}" is not an OFX tag`);
  }

  private open(name: string, line: number): void {
    const top = this.top();
    if (top && (top.leaf || LEAVES.has(top.name))) this.closeTop(line);
    const parent = this.top();
    if (!parent && this.rootSeen) throw fail(line, `<${name}> comes after the <OFX> element has ended`);
    if (parent) parent.children++;
    this.rootSeen = true;
    this.stack.push({ name, line, leaf: false, children: 0 });
    this.handler.open(name, {}, line);
  }

  private close(name: string, line: number): void {
    const at = this.stack.findLastIndex((e) => e.name === name);
    if (at === -1) throw fail(line, `</${name}> closes nothing that is open`);
    // Above it may be leaves without an end tag; an aggregate (it holds elements) needs its own.
    while (this.stack.length > at + 1) {
      const inner = this.top();
      if (inner && inner.children > 0)
        throw fail(line, `</${name}> comes before <${inner.name}> (line ${inner.line}) is closed`);
      this.closeTop(line);
    }
    this.closeTop(line);
  }
}
