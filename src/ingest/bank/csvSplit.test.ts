import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csvSplit.ts';

/** Rows split from `text` line by line, as readCsvRows feeds them. */
function split(text: string, delimiter: string): { line: number; values: string[] }[] {
  const s = new CsvSplitter(delimiter);
  const out: { line: number; values: string[] }[] = [];
  text.split('\n').forEach((t, i) => {
    if (t === '' && !s.pending) return;
    const values = s.push(t, i + 1);
    if (values) out.push({ line: s.startLine, values });
  });
  if (s.pending) throw new Error('unclosed');
  return out;
}

const quote = (v: string, d: string) =>
  /["\n]/.test(v) || v.includes(d) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;

describe('CSV splitting', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes, naming the first line', () => {
    expect(split('a;b;c\n"x;1";"say ""hi""";\n"two\nlines";2;3', ';')).toEqual([
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['x;1', 'say "hi"', ''] },
      { line: 3, values: ['two\nlines', '2', '3'] },
    ]);
  });

  it('refuses quotes inside unquoted values and text after a closing quote', () => {
    expect(() => new CsvSplitter(';').push('ab"c;d', 7)).toThrow(/Line 7: field 1 has a quote/);
    expect(() => new CsvSplitter(',').push('"ab"c,d', 3)).toThrow(
      /Line 3: a quoted field \(field 1\) is followed by "c"/,
    );
  });

  it('when lenient, reads a stray quote as text and a lost opening quote as missing, with a warning', () => {
    const s = new CsvSplitter(',', true);
    expect(s.push('NL77RABO0311467415","EUR",5 1/2" disk', 3)).toEqual(['NL77RABO0311467415', 'EUR', '5 1/2" disk']);
    expect(s.warnings).toEqual([
      'field 1 ends with a quote that has no opening quote; read as "NL77RABO0311467415"',
      'field 3 has a quote inside an unquoted value; read as written',
    ]);
    expect(s.push('a,b', 4)).toEqual(['a', 'b']);
    expect(s.warnings).toEqual([]);
  });

  it('reads back any table written in RFC 4180, and agrees with csv-parse', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ';', ',', '"', '\n', 'ä', '1'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.constantFrom(';', ',', '\t', '|'),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(field, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (d, width, table) => {
          const rows = table.map((r) => r.slice(0, width));
          const text = rows.map((r) => r.map((v) => quote(v, d)).join(d)).join('\n');
          const got = split(text, d).map((r) => r.values);
          expect(got).toEqual(rows);
          expect(got).toEqual(parseCsv(text, { delimiter: d, relax_column_count: true }) as string[][]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
