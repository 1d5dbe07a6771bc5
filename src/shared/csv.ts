/**
 * The one CSV writer: a cell quoted when it must be (delimiter, quote, line break), rows joined
 * by CRLF as RFC 4180 has it. `defuse` (on by default) prefixes text a spreadsheet would run as
 * a formula with an apostrophe — for exports people open; files meant for importers turn it off.
 */
export interface CsvCellOptions {
  /** Prefix `= + - @` and tab/CR starts with `'` (spreadsheet formula injection). Default true. */
  defuse?: boolean;
  /** Field delimiter the cell sits between; default `,` (`;` is always quoted too). */
  delimiter?: string;
  /** Quote every non-empty cell, not only those that must be (the audit export's fixed form). */
  quoteAll?: boolean;
}

export function csvCell(value: string | number | null | undefined, opts: CsvCellOptions = {}): string {
  let s = value === null || value === undefined ? '' : String(value);
  if ((opts.defuse ?? true) && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const delimiter = opts.delimiter ?? ',';
  const special = opts.quoteAll || s.includes(delimiter) || /[",\n\r;]/.test(s);
  return special ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line with its CRLF. */
export function csvRow(cells: readonly (string | number | null | undefined)[], opts: CsvCellOptions = {}): string {
  return `${cells.map((c) => csvCell(c, opts)).join(opts.delimiter ?? ',')}\r\n`;
}

/** A whole CSV text: header and rows. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  opts: CsvCellOptions = {},
): string {
  return [header, ...rows].map((r) => csvRow(r, opts)).join('');
}
