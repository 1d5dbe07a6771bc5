/**
 * Splits decoded CSV lines into rows (RFC 4180: fields in double quotes, `""` for a quote, line
 * breaks inside quoted fields). Bank exports run to millions of lines and most have no quotes,
 * so a line without a quote character is split with one `String.split`; only quoted lines go
 * through the state machine. A general CSV library spent more time per line than storing it.
 *
 * Strict like csv-parse's defaults: a quote inside an unquoted field, or anything but the
 * delimiter after a closing quote, is an error naming the line. When told to be lenient, a quote
 * inside an unquoted field is read as text instead (an unquoted field that merely ends with a
 * quote lost its opening quote: that closing quote is dropped), and the row carries a warning.
 */
import { errors } from '../../shared/errors.ts';

export class CsvSplitter {
  private fields: string[] = [];
  private field = '';
  private open = false;
  private start = 0;
  private notes: string[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly lenientQuotes = false,
  ) {}

  /** What was assumed to read the row last returned (lenient quotes only). */
  get warnings(): readonly string[] {
    return this.notes;
  }

  /** Whether a quoted field is still open (the row continues on the next line). */
  get pending(): boolean {
    return this.open;
  }

  /** The line the pending row started on. */
  get startLine(): number {
    return this.start;
  }

  /** Adds one line (without its line break); returns the row it completes, or null. */
  push(text: string, line: number): string[] | null {
    const d = this.delimiter;
    if (!this.open) {
      if (this.notes.length) this.notes = [];
      if (text.indexOf('"') === -1) {
        this.start = line;
        return text.split(d);
      }
      this.fields = [];
      this.field = '';
      this.start = line;
    } else this.field += '\n';
    const n = text.length;
    let i = 0;
    for (;;) {
      if (this.open) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.field += text.slice(i);
          return null;
        }
        this.field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          this.field += '"';
          i = q + 2;
          continue;
        }
        this.open = false;
        this.fields.push(this.field);
        this.field = '';
        i = q + 1;
        if (i === n) return this.fields;
        if (!text.startsWith(d, i))
          throw errors.importFailed(
            `Line ${line}: a quoted field (field ${this.fields.length}) is followed by "${text[i] ?? ''}" instead of the delimiter`,
            `line ${line}`,
          );
        i += d.length;
      }
      // At the start of a field.
      if (text.charCodeAt(i) === 34) {
        this.open = true;
        i++;
        continue;
      }
      const next = text.indexOf(d, i);
      const value = text.slice(i, next === -1 ? n : next);
      if (value.indexOf('"') === -1) this.fields.push(value);
      else this.fields.push(this.stray(value, line));
      if (next === -1) return this.fields;
      i = next + d.length;
    }
  }

  /** An unquoted value with a quote in it: an error, or (lenient) text with a warning. */
  private stray(value: string, line: number): string {
    const field = this.fields.length + 1;
    if (!this.lenientQuotes)
      throw errors.importFailed(`Line ${line}: field ${field} has a quote inside an unquoted value`, `line ${line}`);
    const lost = /^[^"]+"$/.test(value);
    const read = lost ? value.slice(0, -1) : value;
    this.notes.push(
      lost
        ? `field ${field} ends with a quote that has no opening quote; read as "${read}"`
        : `field ${field} has a quote inside an unquoted value; read as written`,
    );
    return read;
  }
}
