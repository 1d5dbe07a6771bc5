/**
 * The shape of a bank export's text: its delimiter, where the header row is (lines before it
 * are skipped), where the data ends (lines after it are a footer), and whether the header has
 * the rows' number of fields (if not, columns go by position).
 */
import { CsvSplitter } from './csvSplit.ts';
import { dateColumn, readNumber } from './csvGuessCells.ts';

export const DELIMITERS = [';', ',', '\t', '|'] as const;

export interface Row {
  line: number;
  fields: string[];
}

/** Splits lines into rows (quoted fields may span lines); unreadable lines become one-field rows. */
export function splitRows(lines: readonly string[], firstLine: number, delimiter: string, lenient = true): Row[] {
  const rows: Row[] = [];
  let splitter = new CsvSplitter(delimiter, lenient);
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (text === '' && !splitter.pending) return;
    try {
      const fields = splitter.push(text, line);
      if (fields) rows.push({ line: splitter.startLine, fields: [...fields] });
    } catch {
      splitter = new CsvSplitter(delimiter, lenient);
      rows.push({ line, fields: [text] });
    }
  });
  return rows;
}

/** Whether any line of `lines` needs lenient quotes (a quote inside an unquoted field). */
export function needsLenientQuotes(lines: readonly string[], delimiter: string): boolean {
  const strict = new CsvSplitter(delimiter);
  for (const [i, text] of lines.entries()) {
    if (text === '' && !strict.pending) continue;
    try {
      strict.push(text, i + 1);
    } catch (e) {
      if (e instanceof Error && /quote inside an unquoted value/.test(e.message)) return true;
      return false;
    }
  }
  return false;
}

/** The delimiter that splits most of the first lines into the same number (≥ 2) of fields. */
export function chooseDelimiter(lines: readonly string[]): { delimiter: string; why: string } {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 60);
  let best = { delimiter: ';', lines: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const counts = splitRows(sample, 1, d).map((r) => r.fields.length);
    const tally = new Map<number, number>();
    for (const c of counts) if (c >= 2) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [fields, n] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    if (n > best.lines || (n === best.lines && fields > best.fields)) best = { delimiter: d, lines: n, fields };
  }
  const name = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' }[best.delimiter] ?? best.delimiter;
  return {
    delimiter: best.delimiter,
    why: `${best.lines} of the first ${sample.length} lines split into ${best.fields} fields at each ${name}`,
  };
}

const looksLikeDate = (v: string): boolean => v.trim() !== '' && dateColumn([v.trim()]) !== null;

/** A row holding a date and a number beside it: a data (or balance) row, not a header or a note. */
export function isDataRow(fields: readonly string[]): boolean {
  const date = fields.findIndex(looksLikeDate);
  if (date === -1) return false;
  return fields.some((f, i) => i !== date && f.trim() !== '' && readNumber(f) !== null && !looksLikeDate(f));
}

/** A row of names: no cell is a number or a date. */
const namesOnly = (r: Row): boolean =>
  r.fields.some((f) => f.trim() !== '') &&
  r.fields.every((f) => f.trim() === '' || (readNumber(f) === null && !looksLikeDate(f)));

export interface Frame {
  header: Row;
  /** Lines before the header row. */
  skipRows: number;
  /** Rows of the sample between the header and the footer. */
  data: Row[];
  /** Lines (non-empty) after the last data row. */
  skipFooterRows: number;
  /** The header has a different number of fields than some data rows. */
  byPosition: boolean;
  /** Lines before the header, for an account number written above the table. */
  preamble: Row[];
}

/**
 * Finds the header (the last line before the first data row of the table's width) and the
 * footer (the lines after the last data row, read from `tail` when the sample does not reach
 * the end). Throws when no line is data or the data starts on the first line.
 */
export function findFrame(head: Row[], tail: Row[] | null): Frame {
  const dataLike = head.filter((r) => r.fields.length >= 2 && isDataRow(r.fields));
  if (!dataLike.length) throw new Error('no line holds a date and an amount: this does not look like a statement');
  const tally = new Map<number, number>();
  for (const r of dataLike) tally.set(r.fields.length, (tally.get(r.fields.length) ?? 0) + 1);
  const width = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const slack = Math.max(1, Math.floor(width / 4));
  const fits = (r: Row) => Math.abs(r.fields.length - width) <= slack && isDataRow(r.fields);
  const first = head.findIndex(fits);
  // Back from the first dated row over rows of the table's width holding numbers (a pending row
  // whose date is a word) to the row of names.
  let at = first - 1;
  while (at > 0 && !namesOnly(head[at] as Row) && Math.abs((head[at] as Row).fields.length - width) <= slack) at--;
  const header = head[at];
  if (first < 1 || !header)
    throw new Error(
      `the data starts on line ${head[first]?.line ?? 1}: the file has no header row to name its columns`,
    );
  const rest = head.slice(at + 1);
  const ends = tail ?? rest;
  let last = ends.length - 1;
  while (last >= 0 && !fits(ends[last] as Row)) last--;
  const skipFooterRows = last < 0 ? 0 : ends.length - 1 - last;
  const lastLine = tail ? Infinity : (ends[last]?.line ?? Infinity);
  const data = rest.filter((r) => r.line <= lastLine);
  return {
    header,
    skipRows: header.line - 1,
    data,
    skipFooterRows,
    byPosition: data.some((r) => r.fields.length !== header.fields.length),
    preamble: head.slice(0, at),
  };
}
