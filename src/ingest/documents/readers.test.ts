import { strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArchiveBudget, DEFAULT_ARCHIVE_LIMITS, unpackZip } from './archive.ts';
import { detectDocument } from './detect.ts';
import { readDocxText, readOdtText, readXlsxSheets } from './office.ts';
import { readPdfText } from './pdf.ts';
import { nestedZip, writeDocx, writeOdt, writePdf, writeXlsx, writeZip, zipBomb } from './samples.testing.ts';

describe('document type from the bytes', () => {
  it('tells PDF, DOCX, XLSX, ODT, ZIP, PNG and text apart whatever the name says', async () => {
    const kinds = await Promise.all(
      [
        await writePdf([['x']]),
        writeDocx(['x']),
        writeXlsx([{ name: 'S', rows: [['x']] }]),
        writeOdt(['x']),
        writeZip({ 'a.txt': strToU8('a') }),
        strToU8('plain text, ä ö õ ü'),
        new Uint8Array([0, 1, 2, 3, 250, 251, 0, 0]),
      ].map(async (b) => (await detectDocument(b)).kind),
    );
    expect(kinds).toEqual(['pdf', 'docx', 'xlsx', 'odt', 'zip', 'text', 'unknown']);
  });
});

describe('document readers', () => {
  it('reads a PDF page by page, a blank page empty', async () => {
    const pdf = await writePdf([['Darba līgums', 'Nr. 17/2024'], ['Паспорт серии АБ'], []]);
    const { pages } = await readPdfText(pdf);
    expect(pages).toEqual(['Darba līgums\nNr. 17/2024', 'Паспорт серии АБ', '']);
  });

  it('reads the paragraphs of a DOCX and of an ODT', async () => {
    const words = ['Töösuhte leping', 'Palk 3,50 € tunnis & öövahetus <ei>'];
    expect(await readDocxText(writeDocx(words))).toBe(words.join('\n\n'));
    expect(readOdtText(writeOdt(words))).toBe(words.join('\n'));
  });

  it('reads every sheet of an XLSX as the spreadsheet shows it', async () => {
    const xlsx = writeXlsx([
      {
        name: 'Maksājumi',
        rows: [
          ['Datums', 'Summa', 'Saņēmējs'],
          [{ date: '2024-03-01' }, 450.5, 'Jānis Bērziņš'],
        ],
      },
      { name: 'Tukšs', rows: [] },
    ]);
    const sheets = await readXlsxSheets(xlsx);
    expect(sheets).toEqual([
      {
        name: 'Maksājumi',
        rows: [
          ['Datums', 'Summa', 'Saņēmējs'],
          ['2024-03-01', '450.5', 'Jānis Bērziņš'],
        ],
      },
      { name: 'Tukšs', rows: [] },
    ]);
  });
});

describe('archive limits', () => {
  const budget = (o: Partial<typeof DEFAULT_ARCHIVE_LIMITS> = {}) =>
    new ArchiveBudget({ ...DEFAULT_ARCHIVE_LIMITS, ...o });

  it('unpacks the files of an archive in order, folders left out', () => {
    const zip = writeZip({ 'a.txt': strToU8('one'), 'dir/b.txt': strToU8('two') });
    expect(unpackZip(zip, budget(), 1, 'x.zip').map((m) => [m.name, Buffer.from(m.bytes).toString()])).toEqual([
      ['a.txt', 'one'],
      ['dir/b.txt', 'two'],
    ]);
  });

  it('refuses a bomb by its ratio, naming the limit', () => {
    const inner = unpackZip(zipBomb(), budget(), 1, 'bomb.zip').find((m) => m.name === 'inner.zip');
    expect(inner).toBeDefined();
    expect(() => unpackZip(inner?.bytes ?? new Uint8Array(), budget(), 2, 'inner.zip')).toThrow(
      expect.objectContaining({ status: 413, path: 'limits.maxRatio' }) as Error,
    );
  });

  it('refuses archives nested deeper than the limit', () => {
    expect(() => unpackZip(nestedZip(1), budget({ maxDepth: 0 }), 1, 'x.zip')).toThrow(
      /nested 1 deep, beyond the limit of 0/,
    );
  });

  it('any archive within the limits gives all its files; one over a limit is refused', () => {
    const files = fc.dictionary(
      fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.txt$/),
      fc.uint8Array({ maxLength: 2000 }),
      { minKeys: 1, maxKeys: 12 },
    );
    fc.assert(
      fc.property(
        files,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 500, max: 30_000 }),
        (entries, maxMembers, maxTotalBytes) => {
          // A file name that is also a folder of another would make the archive ambiguous.
          const names = Object.keys(entries);
          if (names.some((n) => names.some((o) => o.startsWith(`${n.slice(0, -4)}/`)))) return;
          const zip = writeZip(entries);
          const total = Object.values(entries).reduce((a, b) => a + b.length, 0);
          const limits = budget({ maxMembers, maxTotalBytes, ratioFloor: 0, maxRatio: 1e9 });
          const within = names.length <= maxMembers && total <= maxTotalBytes;
          if (within) {
            const got = unpackZip(zip, limits, 1, 'p.zip');
            expect(Object.fromEntries(got.map((m) => [m.name, Buffer.from(m.bytes)]))).toEqual(
              Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)])),
            );
          } else
            expect(() => unpackZip(zip, limits, 1, 'p.zip')).toThrow(expect.objectContaining({ status: 413 }) as Error);
        },
      ),
      { numRuns: 150 },
    );
  });
});
