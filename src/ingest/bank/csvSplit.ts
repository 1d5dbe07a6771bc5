/**
 * Splits decoded CSV lines into rows (RFC 4180: fields in double quotes, `""` for a quote, line
 * breaks inside quoted fields). Bank exports run to millions of lines and most have no quotes,
 * so a line without a quote character is split with one `String.split`; only quoted lines go
 * through the state machine. A general CSV library spent more time per line than storing it.
 *
 * Strict like csv-parse's defaults: a quote inside an unquoted field, or anything but the
 * delimiter after a closing quote, is an error naming the line.
 */
import { errors } from '../../shared/errors.ts';

export class CsvSplitter {
  private fields: string[] = [];
  private field = '';
  private open = false;
  private start = 0;

  constructor(private readonly delimiter: string) {}

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
      if (value.indexOf('"') !== -1)
        throw errors.importFailed(
          `Line ${line}: field ${this.fields.length + 1} has a quote inside an unquoted value`,
          `line ${line}`,
        );
      this.fields.push(value);
      if (next === -1) return this.fields;
      i = next + d.length;
    }
  }
}
