import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../domain/records.ts';
import { headerEncoding, ofxImporter, parseHeader } from './ofx.ts';
import { parseOfxAmount, parseOfxDate } from './ofxReader.ts';
import { bytesInput, checkOrder, collect, entitiesOf, importError, transactionsOf } from './statements.testing.ts';

const HEADER = [
  'OFXHEADER:100',
  'DATA:OFXSGML',
  'VERSION:102',
  'SECURITY:NONE',
  'ENCODING:USASCII',
  'CHARSET:1252',
  'COMPRESSION:NONE',
  'OLDFILEUID:NONE',
  'NEWFILEUID:NONE',
  '',
].join('\r\n');

/** An OFX 1.x bank statement, leaves without end tags, one element a line. */
const sgml = (lines: string, ledger = '<LEDGERBAL><BALAMT>1500.00<DTASOF>20240331</LEDGERBAL>') => `${HEADER}
<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240401<LANGUAGE>ENG
<FI><ORG>Example Bank<FID>1234</FI></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>EUR
<BANKACCTFROM><BANKID>12345678<ACCTID>0532 013-000<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20240301<DTEND>20240331
${lines}
</BANKTRANLIST>
${ledger}
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
`;

const trn = (fitid: string, amount: string, extra = '') =>
  `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240305120000.000[-5:EST]<TRNAMT>${amount}<FITID>${fitid}${extra}</STMTTRN>`;

const read = async (text: string | Uint8Array, options = {}) => {
  const items = await collect(ofxImporter.parse(bytesInput('s.ofx', text, 13), options));
  checkOrder(items);
  const statements = items.flatMap((i): StatementRecord[] => (i.kind === 'statement' ? [i.statement] : []));
  return { items, statements, txs: transactionsOf(items) };
};

describe('OFX values', () => {
  it('reads dates with times, fractions and zones as the bank day', () => {
    expect(parseOfxDate('20090401122017.000[-5:EST]')).toBe('2009-04-01');
    expect(parseOfxDate('20131215')).toBe('2013-12-15');
    expect(parseOfxDate('20240229235959')).toBe('2024-02-29');
    expect(parseOfxDate('20230229')).toBeNull();
    expect(parseOfxDate('2024-03-01')).toBeNull();
  });

  it('reads signed amounts with a point or a comma, never guessing thousands', () => {
    expect(parseOfxAmount('-34.51', 'USD')).toEqual({ ok: true, minor: -3451 });
    expect(parseOfxAmount('+100', 'USD')).toEqual({ ok: true, minor: 10000 });
    expect(parseOfxAmount('1234,5', 'EUR')).toEqual({ ok: true, minor: 123450 });
    expect(parseOfxAmount('-.5', 'EUR')).toEqual({ ok: true, minor: -50 });
    expect(parseOfxAmount('1,234.56', 'USD').ok).toBe(false);
    expect(parseOfxAmount('12.345', 'EUR').ok).toBe(false);
    expect(parseOfxAmount('', 'EUR').ok).toBe(false);
  });

  it('takes the encoding from the header', () => {
    expect(headerEncoding(parseHeader(HEADER))).toBe('windows-1252');
    expect(headerEncoding(parseHeader('OFXHEADER:100 ENCODING:UTF-8 CHARSET:NONE'))).toBe('utf-8');
    expect(headerEncoding(parseHeader('OFXHEADER:100\nCHARSET:ISO-8859-1'))).toBe('iso-8859-1');
    expect(headerEncoding(parseHeader('OFXHEADER:100\nCHARSET:NONE'))).toBe('utf-8');
  });
});

describe('OFX statements', () => {
  it('reads an SGML statement: account as written, lines with FITID, a closing balance only', async () => {
    const { items, statements, txs } = await read(
      sgml(
        [
          trn('A1', '-12.50', '<NAME>Coffee &amp; Co<MEMO>Card 1234'),
          trn('A2', '+1,00', '<CHECKNUM>0<NAME>AT&T<MEMO>'),
          '<STMTTRN><TRNTYPE>CHECK<DTPOSTED>20240307<DTAVAIL>20240308<TRNAMT>-200<FITID>A3<CHECKNUM>319' +
            '<BANKACCTTO><BANKID>87654321<ACCTID>99-1234<ACCTTYPE>SAVINGS</BANKACCTTO><NAME>Landlord</STMTTRN>',
        ].join('\n'),
      ),
    );
    const own = entitiesOf(items, 'BankAccount')[0];
    expect(own?.properties).toMatchObject({
      accountNumber: ['0532 013-000', '0532013000'],
      bankName: ['Example Bank'],
      currency: ['EUR'],
    });
    expect(txs.map((t) => [t.amountMinor, t.bookingDate, t.reference, t.counterpartyName, t.text])).toEqual([
      [-1250, '2024-03-05', 'A1', 'Coffee & Co', 'Card 1234'],
      [100, '2024-03-05', 'A2', 'AT&T', null],
      [-20000, '2024-03-07', 'A3', 'Landlord', 'check 319'],
    ]);
    expect(txs[2]).toMatchObject({ valueDate: '2024-03-08', kind: 'CHECK', counterpartyAccount: '99-1234' });
    expect(entitiesOf(items, 'LegalEntity').map((e) => e.properties['name'])).toEqual([['Landlord']]);
    expect(statements).toEqual([
      {
        accountId: own?.id,
        reference: '',
        currency: 'EUR',
        openingMinor: null,
        openingDate: '2024-03-01',
        closingMinor: 150000,
        closingDate: '2024-03-31',
        entries: 3,
      },
    ]);
  });

  it('reads the whole body on one line, end tags on leaves, and credit-card statements', async () => {
    const body = sgml(trn('B1', '-1.00')).replace(/\n(?!<OFX>)/g, '');
    expect((await read(body)).txs).toHaveLength(1);
    const closed = sgml('<STMTTRN><TRNTYPE>POS</TRNTYPE><DTPOSTED>20240302</DTPOSTED><TRNAMT>-3</TRNAMT></STMTTRN>');
    expect((await read(closed)).txs.map((t) => t.amountMinor)).toEqual([-300]);
    const card = sgml(trn('C1', '-9.99'))
      .replace('BANKMSGSRSV1', 'CREDITCARDMSGSRSV1')
      .replace('</BANKMSGSRSV1>', '</CREDITCARDMSGSRSV1>')
      .replace(/STMTTRNRS/g, 'CCSTMTTRNRS')
      .replace(/STMTRS>/g, 'CCSTMTRS>')
      .replace(/<BANKACCTFROM>.*<\/BANKACCTFROM>/, '<CCACCTFROM><ACCTID>4111 1111 1111 1111</CCACCTFROM>');
    const cc = await read(card);
    expect(cc.statements).toHaveLength(1);
    expect(entitiesOf(cc.items, 'BankAccount')[0]?.properties['accountNumber']?.[0]).toBe('4111 1111 1111 1111');
  });

  it('reads OFX 2 XML with CDATA, entities and its prolog encoding', async () => {
    const xml = iconv.encode(
      `<?xml version="1.0" encoding="windows-1257"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>9</TRNUID><STMTRS><CURDEF>EUR</CURDEF>
<BANKACCTFROM><BANKID>HABALV22</BANKID><ACCTID>LV80BANK0000435195001</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20240301</DTSTART><DTEND>20240331</DTEND>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20240302</DTPOSTED><TRNAMT>250.00</TRNAMT><FITID>X1</FITID>
<NAME><![CDATA[Jānis Bērziņš  ]]></NAME><MEMO>Rēķins &lt;42&gt;</MEMO></STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>-10.00</BALAMT><DTASOF>20240331</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
      'windows-1257',
    );
    const { items, txs, statements } = await read(xml);
    expect(txs[0]).toMatchObject({ counterpartyName: 'Jānis Bērziņš', text: 'Rēķins <42>', amountMinor: 25000 });
    expect(entitiesOf(items, 'BankAccount')[0]?.properties['iban']).toEqual(['LV80BANK0000435195001']);
    expect(statements[0]).toMatchObject({ closingMinor: -1000, openingMinor: null });
  });

  it('decodes an SGML body as its header says, or as the encoding option says', async () => {
    const text = sgml(trn('E1', '-1.00', '<NAME>Café Müller'));
    const latin = iconv.encode(text, 'windows-1252');
    expect((await read(latin)).txs[0]?.counterpartyName).toBe('Café Müller');
    const polish = iconv.encode(sgml(trn('E2', '-1.00', '<NAME>Łódź')), 'iso-8859-2');
    expect((await read(polish, { encoding: 'iso-8859-2' })).txs[0]?.counterpartyName).toBe('Łódź');
    const utf8 = Buffer.from(text.replace('CHARSET:1252', 'CHARSET:NONE'));
    expect((await read(utf8)).txs[0]?.counterpartyName).toBe('Café Müller');
    const mislabelled = Buffer.from(latin.toString('latin1').replace('CHARSET:1252', 'CHARSET:NONE'), 'latin1');
    const wrong = await importError(ofxImporter.parse(bytesInput('x.ofx', mislabelled), {}));
    expect(wrong.message).toMatch(/not valid UTF-8/);
  });

  it('strips control characters (NUL padding, SOH framing) and says so once', async () => {
    const { items, txs } = await read(`\u0001${sgml(trn('N1', '-1.00', '<NAME>A\u0000B'))}\u0000\u0000\u0000`);
    expect(txs[0]?.counterpartyName).toBe('AB');
    expect(items.filter((i) => i.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        line: expect.any(Number),
        warnings: [expect.stringMatching(/^5 control character\(s\) removed \(4 × NUL \(0x00\), 1 × SOH \(0x01\)\)/)],
      },
    ]);
  });

  it('refuses what is not an OFX statement, naming the line and the transaction', async () => {
    const error = async (text: string) => (await importError(ofxImporter.parse(bytesInput('x.ofx', text), {}))).message;
    expect(await error('Date;Amount\n2024-01-01;5\n')).toMatch(/not an OFX file/);
    expect(await error('')).toMatch(/empty/);
    expect(await error(sgml(trn('F1', '12.345')))).toMatch(
      /^Line 18: transaction 1 \(FITID F1\): <TRNAMT> "12.345" has more decimals than EUR has/,
    );
    expect(await error(sgml(trn('F2', '-1').replace('20240305120000.000[-5:EST]', '2024-03-05')))).toMatch(
      /transaction 1 \(FITID F2\): <DTPOSTED> "2024-03-05" is not a date/,
    );
    expect(await error(sgml(trn('F3', '-1')).split('</BANKTRANLIST>')[0] ?? '')).toMatch(
      /<BANKTRANLIST> is never closed: the file ends at line \d+ \(is it truncated\?\)/,
    );
    expect(await error(sgml(trn('F4', '-1')).replace('</STMTRS>', '</STMTRS></BANKTRANLIST>'))).toMatch(
      /<\/BANKTRANLIST> closes nothing that is open/,
    );
    expect(await error(`${HEADER}<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>`)).toMatch(
      /holds no bank or credit-card statement/,
    );
    expect(await error(sgml(trn('F5', '-1')).replace('<CURDEF>EUR', ''))).toMatch(/before the statement's currency/);
  });
});
