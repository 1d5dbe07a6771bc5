/**
 * Any camt statement written in any of the dialects banks use reads back equal: camt.052/053/054,
 * versions 001.02 to 001.10, dates with or without time, offset and fraction, entries without
 * a booking date, UTF-8, windows-1257, ISO-8859-13 or UTF-16, one line or many, in any chunks.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { camt053Importer } from './camt053.ts';
import { camtDocument, type TestEntry } from './camtDocuments.testing.ts';
import { bytesInput, checkOrder, collect, transactionsOf } from './statements.testing.ts';

const LV = 'LV80BANK0000435195001';
const DE = 'DE89370400440532013000';
const BALTIC = [...'abcJNSZ āēīūčšžņķļģąęėįųĀŪŠŽ'];

const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** How a day is written: ISODate or ISODateTime, with or without offset and fraction. */
const STYLES = [
  (d: string) => d,
  (d: string) => `${d}+02:00`,
  (d: string) => `${d}Z`,
  (d: string) => `${d}T00:00:00`,
  (d: string) => `${d}T22:04:52.0+01:00`,
  (d: string) => `${d}T23:59:59.213294607Z`,
  (d: string) => `${d}T12:35:33.115965-05:00`,
];
const entryArb = fc.record({
  minor: fc.integer({ min: 0, max: 10_000_000 }),
  credit: fc.boolean(),
  booking: fc.option(dateArb, { nil: undefined }),
  value: dateArb,
  style: fc.integer({ min: 0, max: STYLES.length - 1 }),
  name: fc
    .array(fc.constantFrom(...BALTIC), { minLength: 1, maxLength: 12 })
    .map((c) => `N${c.join('')}`.replace(/\s+/g, ' ').trim()),
});

const BODY = {
  '052': ['BkToCstmrAcctRpt', 'Rpt'],
  '053': ['BkToCstmrStmt', 'Stmt'],
  '054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
};
const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

describe('camt dialects', () => {
  it('read back what was written, whatever the message, version, date style, encoding and layout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('052', '053', '054'),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom('UTF-8', 'windows-1257', 'ISO-8859-13', 'UTF-16LE'),
        fc.boolean(),
        fc.integer({ min: 0, max: 200 }),
        async (entries, message, version, encoding, oneLine, chunk) => {
          const tests: TestEntry[] = entries.map((e) => {
            const style = STYLES[e.style] ?? STYLES[0];
            const party = e.credit ? 'debtor' : 'creditor';
            return {
              amount: money(e.minor),
              indicator: e.credit ? 'CRDT' : 'DBIT',
              booking: e.booking === undefined ? 'NONE' : style?.(e.booking),
              value: style?.(e.value),
              txs: [{ [party]: { name: e.name, iban: DE } }],
            };
          });
          const [body, stmt] = BODY[message];
          let doc = camtDocument(version, [{ iban: LV, entries: tests }])
            .replace(/<BookgDt><Dt>NONE<\/Dt><\/BookgDt>\n?/g, '')
            .replace(/camt\.053\.001/, `camt.${message}.001`)
            .replace(/BkToCstmrStmt>/g, `${body}>`)
            .replace(/<(\/?)Stmt>/g, `<$1${stmt}>`)
            .replace('encoding="UTF-8"', `encoding="${encoding}"`);
          if (oneLine) doc = doc.replace(/\n/g, '');
          const bytes = encoding === 'UTF-8' ? Buffer.from(doc) : iconv.encode(doc, encoding, { addBOM: true });
          const items = await collect(camt053Importer.parse(bytesInput('gen.xml', bytes, chunk), {}));
          checkOrder(items);
          expect(
            transactionsOf(items).map((t) => [t.amountMinor, t.bookingDate, t.valueDate, t.counterpartyName]),
          ).toEqual(entries.map((e) => [(e.credit ? 1 : -1) * e.minor || 0, e.booking ?? e.value, e.value, e.name]));
        },
      ),
      { numRuns: 80 },
    );
  });
});
