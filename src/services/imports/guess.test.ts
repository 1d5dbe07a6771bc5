/**
 * What the import form is told about bank CSV (its presets, the list fields, the guess) and how
 * a guess refuses a file it cannot read as a statement export.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFormats } from './formats.ts';
import { bankCsvPresetNames, guessStatementFile } from './guess.ts';

describe('bank CSV in the import form and the guess', () => {
  it('offers the presets, the row type and mark lists, lenient quotes and a guess', () => {
    const bank = describeFormats().find((f) => f.format === 'bank-csv');
    expect(bank?.guess).toBe(true);
    expect(bank?.fields.find((f) => f.name === 'preset')?.values).toEqual([...bankCsvPresetNames]);
    expect(bank?.fields.filter((f) => f.kind === 'list').map((f) => f.name)).toEqual([
      'signMarks.debit',
      'signMarks.credit',
      'rowTypes.keep',
      'rowTypes.opening',
      'rowTypes.closing',
      'rowTypes.skip',
    ]);
    expect(bank?.fields.find((f) => f.name === 'encoding')?.values).toContain('iso-8859-13');
    expect(bank?.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['mapping.rowType', 'lenientQuotes']));
  });

  it('refuses files it cannot read as an export, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elect-guess-'));
    await expect(guessStatementFile(join(dir, 'missing.csv'))).rejects.toMatchObject({ path: 'file' });
    const noHeader = join(dir, 'rows.csv');
    writeFileSync(noHeader, '01.03.2024;12,50;EUR\n02.03.2024;-3,00;EUR\n');
    await expect(guessStatementFile(noHeader)).rejects.toThrow(/the data starts on line 1: the file has no header row/);
    const prose = join(dir, 'notes.csv');
    writeFileSync(prose, 'Name;Town\nAnna;Rīga\n');
    await expect(guessStatementFile(prose)).rejects.toThrow(/no line holds a date and an amount/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(guessStatementFile(empty)).rejects.toThrow(/the file is empty/);
  });
});
