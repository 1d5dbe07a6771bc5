/**
 * Any statement a test writer puts in any OFX dialect reads back equal: OFX 1.x SGML one
 * element a line (indented), the whole body on one line, leaves with end tags, in UTF-8 or
 * windows-1252, and OFX 2.x XML with CDATA, in any chunking of the bytes.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { accountEntityId, accountRef } from './accounts.ts';
import { ofxImporter } from './ofx.ts';
import { bytesInput, checkOrder, collect, transactionsOf } from './statements.testing.ts';

const DIALECTS = ['sgml-lines', 'sgml-flat', 'sgml-closed', 'xml', 'xml-cdata'] as const;
type Dialect = (typeof DIALECTS)[number];

const text = fc.stringMatching(/^[A-Za-z0-9éÄ&<>'"#., ]{0,24}$/);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const entryArb = fc.record({
  minor: fc.integer({ min: -99_999_999, max: 99_999_999 }),
  day: fc.integer({ min: 1, max: 28 }),
  fitid: fc.stringMatching(/^[A-Z0-9]{1,12}$/),
  name: text,
  memo: text,
  type: fc.constantFrom('DEBIT', 'CREDIT', 'POS', 'CHECK', 'XFER'),
  time: fc.constantFrom('', '120000', '122017.000[-5:EST]', '235959.123[+2:CET]'),
});

const statementArb = fc.record({
  account: fc.constantFrom('1452687~7', '12300 000012345678', '0532-013-000', 'LV80BANK0000435195001'),
  currency: fc.constantFrom('USD', 'EUR', 'JPY', 'CAD'),
  entries: fc.array(entryArb, { maxLength: 5 }),
  ledger: fc.option(fc.integer({ min: -9_999_999, max: 9_999_999 }), { nil: null }),
  card: fc.boolean(),
});
type Spec = typeof statementArb extends fc.Arbitrary<infer T> ? T : never;

const decimals = (currency: string) => (currency === 'JPY' ? 0 : 2);

function money(minor: number, currency: string): string {
  const d = decimals(currency);
  const abs = Math.abs(minor);
  const body = d ? `${Math.floor(abs / 10 ** d)}.${String(abs % 10 ** d).padStart(d, '0')}` : String(abs);
  return `${minor < 0 ? '-' : ''}${body}`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One element, as the dialect writes it. */
function leaf(name: string, value: string, dialect: Dialect, raw = false): string {
  if (dialect === 'xml-cdata' && raw) return `<${name}><![CDATA[${value}]]></${name}>`;
  const v = escape(value);
  return dialect.startsWith('xml') || dialect === 'sgml-closed' ? `<${name}>${v}</${name}>` : `<${name}>${v}`;
}

function write(statements: readonly Spec[], dialect: Dialect): string {
  const el = (name: string, value: string, raw = false) => leaf(name, value, dialect, raw);
  const body = statements.map((s) => {
    const rs = s.card ? 'CCSTMTRS' : 'STMTRS';
    const from = s.card
      ? ['<CCACCTFROM>', el('ACCTID', s.account), '</CCACCTFROM>']
      : [
          '<BANKACCTFROM>',
          el('BANKID', '021000021'),
          el('ACCTID', s.account),
          el('ACCTTYPE', 'CHECKING'),
          '</BANKACCTFROM>',
        ];
    const lines = s.entries.flatMap((e) => [
      '<STMTTRN>',
      el('TRNTYPE', e.type),
      el('DTPOSTED', `202403${String(e.day).padStart(2, '0')}${e.time}`),
      el('TRNAMT', money(e.minor, s.currency)),
      el('FITID', e.fitid),
      ...(squash(e.name) ? [el('NAME', e.name, true)] : []),
      ...(squash(e.memo) ? [el('MEMO', e.memo, true)] : []),
      '</STMTTRN>',
    ]);
    const ledger =
      s.ledger === null
        ? []
        : ['<LEDGERBAL>', el('BALAMT', money(s.ledger, s.currency)), el('DTASOF', '20240331235959'), '</LEDGERBAL>'];
    const wrap = s.card ? ['CREDITCARDMSGSRSV1', 'CCSTMTTRNRS'] : ['BANKMSGSRSV1', 'STMTTRNRS'];
    return [
      `<${wrap[0]}>`,
      `<${wrap[1]}>`,
      el('TRNUID', '1'),
      `<${rs}>`,
      el('CURDEF', s.currency),
      ...from,
      '<BANKTRANLIST>',
      el('DTSTART', '20240301'),
      el('DTEND', '20240331'),
      ...lines,
      '</BANKTRANLIST>',
      ...ledger,
      `</${rs}>`,
      `</${wrap[1]}>`,
      `</${wrap[0]}>`,
    ];
  });
  const elements = ['<OFX>', ...body.flat(), '</OFX>'];
  if (dialect.startsWith('xml'))
    return `<?xml version="1.0" encoding="UTF-8"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n${elements.join('\n')}\n`;
  const header = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n';
  if (dialect === 'sgml-flat') return header + elements.join('');
  return header + elements.map((e) => `  ${e}`).join('\r\n');
}

describe('OFX written in every dialect', () => {
  it('reads back what was written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statementArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...DIALECTS),
        fc.integer({ min: 1, max: 300 }),
        async (statements, dialect, chunk) => {
          const written = write(statements, dialect);
          const bytes = dialect.startsWith('xml') ? Buffer.from(written) : iconv.encode(written, 'windows-1252');
          const items = await collect(ofxImporter.parse(bytesInput('gen.ofx', bytes, chunk), {}));
          checkOrder(items);
          const idOf = (s: Spec) => {
            const ref = accountRef(s.account, { bankCode: s.card ? undefined : '021000021', keepWritten: true });
            return ref ? accountEntityId(ref) : '';
          };
          expect(
            transactionsOf(items).map((t) => [t.accountId, t.amountMinor, t.currency, t.bookingDate, t.reference]),
          ).toEqual(
            statements.flatMap((s) =>
              s.entries.map((e) => [
                idOf(s),
                e.minor,
                s.currency,
                `2024-03-${String(e.day).padStart(2, '0')}`,
                e.fitid,
              ]),
            ),
          );
          expect(transactionsOf(items).map((t) => [t.counterpartyName, t.text, t.kind])).toEqual(
            statements.flatMap((s) => s.entries.map((e) => [squash(e.name) || null, squash(e.memo) || null, e.type])),
          );
          expect(items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []))).toEqual(
            statements.map((s) => ({
              accountId: idOf(s),
              reference: '',
              currency: s.currency,
              openingMinor: null,
              openingDate: '2024-03-01',
              closingMinor: s.ledger,
              closingDate: '2024-03-31',
              entries: s.entries.length,
            })),
          );
        },
      ),
      { numRuns: 120 },
    );
  });
});
