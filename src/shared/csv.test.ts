import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, csvText } from './csv.ts';

describe('the one CSV writer', () => {
  it('quotes cells with the delimiter, quotes or line breaks, and defuses formulas on request', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-12.50', { defuse: false })).toBe('-12.50');
    expect(csvCell('a|b', { delimiter: '|' })).toBe('"a|b"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('writes what a CSV reader reads back, for any text and delimiter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', ';', '\t', '|'),
        (rows, delimiter) => {
          const width = rows[0]?.length ?? 0;
          const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const text = csvText(['h1', ...Array.from({ length: width - 1 }, (_, i) => `h${i + 2}`)], even, {
            defuse: false,
            delimiter,
          });
          const back = parse(text, { delimiter, relax_column_count: false }) as string[][];
          expect(back.slice(1)).toEqual(even);
        },
      ),
    );
  });
});
