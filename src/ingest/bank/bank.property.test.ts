import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountEntityId, accountRef } from './accounts.ts';
import { currencyExponent, parseLocaleAmount, parseSwiftAmount, type AmountStyle } from './amounts.ts';
import { camt053Importer } from './camt053.ts';
import { camtDocument, type TestEntry, type TestStatement } from './camtDocuments.testing.ts';
import { mt940Importer } from './mt940.ts';
import { bytesInput, checkOrder, collect, transactionsOf } from './statements.testing.ts';

const IBANS = ['LV80BANK0000435195001', 'DE89370400440532013000', 'GB29NWBK60161331926819', 'NL91ABNA0417164300'];
const idOf = (iban: string) => accountEntityId(accountRef(iban) ?? { key: iban, display: iban });

/** `digits` split into integer and fraction for `exp` decimals, integer grouped by `group`. */
function format(abs: number, exp: number, decimal: string, group: string, extraZeros: number): string {
  const digits = String(abs).padStart(exp + 1, '0');
  const int = digits.slice(0, digits.length - exp);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  return exp || extraZeros
    ? `${grouped}${decimal}${digits.slice(digits.length - exp)}${'0'.repeat(extraZeros)}`
    : grouped;
}

const STYLES: { style: AmountStyle; group: string }[] = [
  { style: { decimal: ',' }, group: '.' },
  { style: { decimal: ',' }, group: ' ' },
  { style: { decimal: ',' }, group: '\u00a0' },
  { style: { decimal: ',' }, group: '' },
  { style: { decimal: ',', thousands: ' ' }, group: '\u202f' },
  { style: { decimal: '.' }, group: ',' },
  { style: { decimal: '.' }, group: "'" },
  { style: { decimal: '.', thousands: '' }, group: '' },
  { style: { decimal: '.', thousands: ',' }, group: ',' },
];
const NEGATIVE = [
  (s: string) => `-${s}`,
  (s: string) => `(${s})`,
  (s: string) => `${s}-`,
  (s: string) => `\u2212${s}`,
  (s: string) => `-${s} EUR`,
];

describe('amount parsing round-trips', () => {
  it('reads back any minor-unit value written in any supported style', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
        fc.constantFrom(...STYLES),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        fc.nat(NEGATIVE.length - 1),
        fc.nat(2),
        (value, { style, group }, currency, negative, extraZeros) => {
          const text = format(Math.abs(value), currencyExponent(currency), style.decimal, group, extraZeros);
          const written = value < 0 ? (NEGATIVE[negative] ?? NEGATIVE[0])!(text) : text;
          expect(parseLocaleAmount(written, style, currency)).toEqual({ ok: true, minor: value });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back SWIFT amounts', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999_999_999 }), fc.constantFrom('EUR', 'JPY', 'BHD'), (value, currency) => {
        const exp = currencyExponent(currency);
        // The comma is mandatory, trailing fraction zeros are not: 9, 9,5 and 9,50 are valid.
        const written = exp ? format(value, exp, ',', '', 0).replace(/0+$/, '') : `${value},`;
        expect(parseSwiftAmount(written, currency)).toEqual({ ok: true, minor: value });
      }),
    );
  });
});

const entryArb = fc.record({
  minor: fc.nat({ max: 99_999_999_999 }),
  credit: fc.boolean(),
  reversal: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
  withEntryDate: fc.boolean(),
  details: fc.array(
    fc.stringMatching(/^[A-Za-z0-9 ,./+?ĀāŠš-]{0,60}$/).map((s) => `x${s}`),
    { maxLength: 6 },
  ),
});

describe('MT940 generated statements', () => {
  it('yield every :61: line, with the statement sums', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            account: fc.constantFrom(...IBANS),
            entries: fc.array(entryArb, { maxLength: 8 }),
            envelope: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 200 }),
        async (statements, eol, chunk) => {
          const expected = new Map<string, number>();
          let count = 0;
          const text = statements
            .map((s, i) => {
              let balance = 0;
              const lines = s.entries.flatMap((e) => {
                // RC (reversal of a credit) takes money out, RD puts it back in.
                const mark = e.reversal ? (e.credit ? 'RD' : 'RC') : e.credit ? 'C' : 'D';
                const signed = e.credit ? e.minor : -e.minor;
                balance += signed;
                count++;
                expected.set(s.account, (expected.get(s.account) ?? 0) + signed);
                const dd = String(e.day).padStart(2, '0');
                const amount = format(e.minor, 2, ',', '', 0);
                return [
                  `:61:2403${dd}${e.withEntryDate ? `03${dd}` : ''}${mark}${amount}NTRFNONREF//B${i}`,
                  ...(e.details.length ? [`:86:${e.details[0] ?? ''}`, ...e.details.slice(1)] : []),
                ];
              });
              const close = `:62F:${balance < 0 ? 'D' : 'C'}240331EUR${format(Math.abs(balance), 2, ',', '', 0)}`;
              const body = [`:20:STMT${i}`, `:25:${s.account}`, `:28C:${i}/1`, ':60F:C240301EUR0,00', ...lines, close];
              return s.envelope
                ? ['{1:F01TESTLV22AXXX0000000000}{2:O940TESTLV22XXXXN}{4:', ...body, '-}{5:}'].join(eol)
                : [...body, '-'].join(eol);
            })
            .join(eol);
          const items = await collect(mt940Importer.parse(bytesInput('gen.sta', text, chunk), {}));
          checkOrder(items);
          const txs = transactionsOf(items);
          expect(txs).toHaveLength(count);
          for (const [account, total] of expected) {
            expect(txs.filter((t) => t.accountId === idOf(account)).reduce((s, t) => s + t.amountMinor, 0)).toBe(total);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

const camtEntryArb = fc.record({
  parts: fc.array(fc.nat({ max: 9_999_999 }), { minLength: 1, maxLength: 4 }),
  credit: fc.boolean(),
  batch: fc.boolean(),
  party: fc.constantFrom(...IBANS),
});

const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

describe('camt.053 generated documents', () => {
  it('give the same totals and counts as the entries they were made from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ account: fc.constantFrom(...IBANS), entries: fc.array(camtEntryArb, { maxLength: 6 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 300 }),
        async (statements, version, chunk) => {
          let total = 0;
          let count = 0;
          const docs: TestStatement[] = statements.map((s) => ({
            iban: s.account,
            entries: s.entries.map((e): TestEntry => {
              const sum = e.parts.reduce((a, b) => a + b, 0);
              const sign = e.credit ? 1 : -1;
              total += sign * sum;
              // A batch (two or more parts with amounts) is split; anything else is one line.
              const split = e.batch && e.parts.length > 1;
              count += split ? e.parts.length : 1;
              const party = e.credit ? 'debtor' : 'creditor';
              return {
                amount: money(sum),
                indicator: e.credit ? 'CRDT' : 'DBIT',
                txs: split
                  ? e.parts.map((p) => ({
                      amount: money(p),
                      amtDtls: version < 4,
                      [party]: { name: 'Party', iban: e.party },
                    }))
                  : [{ [party]: { name: 'Party', iban: e.party } }],
              };
            }),
          }));
          const items = await collect(
            camt053Importer.parse(bytesInput('gen.xml', camtDocument(version, docs), chunk), {}),
          );
          checkOrder(items);
          const txs = transactionsOf(items);
          expect(txs).toHaveLength(count);
          expect(txs.reduce((s, t) => s + t.amountMinor, 0)).toBe(total);
        },
      ),
      { numRuns: 60 },
    );
  });
});
