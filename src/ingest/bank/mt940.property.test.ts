/**
 * A small MT940 writer covering the dialects the reader supports (envelope or bare, preamble
 * and bank header lines, amounts with and without decimals or comma, final or intermediate
 * balances, :64:/:65:, structured `?`/`>` subfields, keyword and free-text :86: wrapped at any
 * width, an IBAN in the supplementary details); whatever it writes must read back equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountEntityId, accountRef } from './accounts.ts';
import { mt940Importer } from './mt940.ts';
import { reconcile } from '../../domain/finance/reconcile.ts';
import { bytesInput, checkOrder, collect, transactionsOf } from './statements.testing.ts';

const OWN = ['LV80BANK0000435195001', 'DE89370400440532013000'];
const OTHER = ['GB29NWBK60161331926819', 'NL91ABNA0417164300', 'NL65BUNQ2206724936'];
const idOf = (iban: string) => accountEntityId(accountRef(iban) ?? { key: iban, display: iban });

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const textArb = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const nameArb = fc.stringMatching(/^[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10})?$/);

const entryArb = fc.record({
  minor: fc.nat({ max: 9_999_999_999 }),
  credit: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
  withEntryDate: fc.boolean(),
  details: fc.constantFrom('none', 'supplementary', 'german', 'triodos', 'keywords', 'free'),
  party: fc.constantFrom(...OTHER),
  name: nameArb,
  text: textArb,
  split: fc.nat(40),
  width: fc.integer({ min: 8, max: 65 }),
});

type Entry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

/** Amount as banks write it: `12,5`, `12,50`, `12,` or `12`. */
function amount(minor: number, style: number): string {
  const int = Math.floor(minor / 100);
  const frac = String(minor % 100).padStart(2, '0');
  if (frac !== '00') return style === 0 ? `${int},${frac.replace(/0$/, '')}` : `${int},${frac}`;
  return style === 2 ? String(int) : `${int},${style === 1 ? '00' : ''}`;
}

const wrap = (text: string, width: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
};

/** The :86: lines of an entry and what the reader should make of them. */
function details(e: Entry): { lines: string[]; name: string | null; account: string | null; text: string | null } {
  const cut = Math.min(e.split, e.text.length);
  switch (e.details) {
    case 'german': {
      const raw = `166?00GUTSCHRIFT?20${e.text.slice(0, cut)}?21${e.text.slice(cut)}?30NWBKGB2L?31${e.party}?32${e.name}`;
      return { lines: wrap(raw, e.width), name: e.name, account: e.party, text: squash(e.text) };
    }
    case 'triodos': {
      const raw = `000>100987654321>20${e.text.slice(0, cut)}>21${e.text.slice(cut)}>31${e.party}>32${e.name}`;
      return { lines: wrap(raw, e.width), name: e.name, account: e.party, text: squash(e.text) };
    }
    case 'keywords': {
      const raw = `/TRTP/SEPA OVERBOEKING/IBAN/${e.party}/BIC/NWBKGB2L/NAME/${e.name}/REMI/USTD//${e.text}/EREF/NOTPROVIDED`;
      return { lines: wrap(raw, e.width), name: e.name, account: e.party, text: squash(e.text) };
    }
    case 'free':
      return { lines: [`x ${e.text}`], name: null, account: null, text: `x ${e.text}` };
    default:
      return { lines: [], name: null, account: e.details === 'supplementary' ? e.party : null, text: null };
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const statementArb = fc.record({
  account: fc.constantFrom(...OWN),
  entries: fc.array(entryArb, { maxLength: 6 }),
  envelope: fc.boolean(),
  header: fc.boolean(),
  intermediate: fc.boolean(),
  forward: fc.boolean(),
  opening: fc.integer({ min: -9_999_999, max: 9_999_999 }),
  style: fc.nat(2),
  /** Where a :62M:/:60M: pair splits the statement inside its :20: block, if anywhere. */
  split: fc.option(fc.nat(6), { nil: undefined }),
});

describe('MT940 written in every supported dialect', () => {
  it('reads back what was written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statementArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 200 }),
        async (statements, preamble, eol, chunk) => {
          const expected: unknown[] = [];
          const figures: unknown[] = [];
          const blocks = statements.map((s, i) => {
            const balance = (tag: string, minor: number, dd: string) =>
              `:${tag}:${minor < 0 ? 'D' : 'C'}2403${dd}EUR${amount(Math.abs(minor), s.style)}`;
            let closing = s.opening;
            const split = s.split !== undefined && s.split <= s.entries.length ? s.split : undefined;
            const intermediate: unknown[] = [];
            const lines = s.entries.flatMap((e, k) => {
              const pair =
                k === split
                  ? [balance('62M', closing, '15'), balance('60M', closing, '15')].map((b) => {
                      intermediate.push({ minor: closing, date: '2024-03-15', afterEntries: k });
                      return b;
                    })
                  : [];
              // A zero debit is 0, not -0: amounts are whole minor units.
              const signed = e.credit || e.minor === 0 ? e.minor : -e.minor;
              closing += signed;
              const dd = String(e.day).padStart(2, '0');
              const d = details(e);
              expected.push({
                accountId: idOf(s.account),
                amountMinor: signed,
                valueDate: `2024-03-${dd}`,
                bookingDate: `2024-03-${dd}`,
                counterpartyName: d.name,
                counterpartyAccount: d.account,
                text: d.text ?? (e.details === 'supplementary' ? e.party : null),
              });
              return [
                ...pair,
                `:61:2403${dd}${e.withEntryDate ? `03${dd}` : ''}${e.credit ? 'C' : 'D'}${amount(e.minor, s.style)}NTRFNONREF`,
                ...(e.details === 'supplementary' ? [e.party] : []),
                ...(d.lines.length ? [`:86:${d.lines[0] ?? ''}`, ...d.lines.slice(1)] : []),
              ];
            });
            figures.push({
              accountId: idOf(s.account),
              reference: `STMT${i}`,
              currency: 'EUR',
              openingMinor: s.opening,
              openingDate: '2024-03-01',
              closingMinor: closing,
              closingDate: '2024-03-29',
              entries: s.entries.length,
              sequence: `${i}/1`,
              ...(intermediate.length ? { intermediate } : {}),
            });
            const m = s.intermediate ? 'M' : 'F';
            const body = [
              `:20:STMT${i}`,
              `:25:${s.account}`,
              `:28C:${i}/1`,
              balance(`60${m}`, s.opening, '01'),
              ...lines,
              balance(`62${m}`, closing, '29'),
              ...(s.forward ? [balance('64', closing, '29'), balance('65', closing, '30')] : []),
            ];
            if (s.envelope) return ['{1:F01TESTLV22AXXX0000000000}{2:O940TESTLV22XXXXN}{4:', ...body, '-}{5:}'];
            return [...(s.header ? ['ABNANL2A', '940', 'ABNANL2A'] : []), ...body, '-'];
          });
          const text = [...(preamble ? ['Example file', '', '- - - - -'] : []), ...blocks.flat()].join(eol);
          const items = await collect(mt940Importer.parse(bytesInput('gen.sta', text, chunk), {}));
          checkOrder(items);
          const txs = transactionsOf(items).map((t) => ({
            accountId: t.accountId,
            amountMinor: t.amountMinor,
            valueDate: t.valueDate,
            bookingDate: t.bookingDate,
            counterpartyName: t.counterpartyName,
            counterpartyAccount: t.counterpartyAccount,
            text: t.text,
          }));
          expect(txs).toEqual(expected);
          const read = items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []));
          expect(
            read.map((r) => ({
              ...r,
              ...(r.intermediate && { intermediate: r.intermediate.map(({ label: _, ...b }) => b) }),
            })),
          ).toEqual(figures);
          // Every segment adds up, as written: the intermediate balances stand where they were written.
          let at = 0;
          const all = transactionsOf(items);
          for (const r of read) {
            const own = all.slice(at, (at += r.entries)).map((t) => t.amountMinor);
            expect(reconcile({ ...r, amountsMinor: own })).toEqual({ status: 'balanced' });
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
