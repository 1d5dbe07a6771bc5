import { describe, expect, it } from 'vitest';
import { accountEntityId, accountRef } from './accounts.ts';
import { mt940Importer } from './mt940.ts';
import { bytesInput, checkOrder, collect, entitiesOf, fixtureInput, importError, transactionsOf } from './statements.testing.ts';

const ABN = 'wolph-mt940_jejik_abnamro.sta';
const SEPA = 'wolph-mt940_betterplace_sepa_snippet.sta';
const ASNB = 'wolph-mt940_ASNB_mt940.txt';

const idOf = (raw: string, hint: { bankCode?: string; bic?: string } = {}) => {
  const ref = accountRef(raw, hint);
  if (!ref) throw new Error(`bad test account ${raw}`);
  return accountEntityId(ref);
};
const parseText = (text: string, chunk = 0) => collect(mt940Importer.parse(bytesInput('test.sta', text, chunk), {}));
const sum = (xs: readonly { amountMinor: number }[]) => xs.reduce((s, t) => s + t.amountMinor, 0);

describe('MT940 fixtures', () => {
  it('ABN AMRO: two statements with header lines, 10 lines, card payments in :86:', async () => {
    const items = await collect(mt940Importer.parse(fixtureInput(ABN, 64), {}));
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(10);
    expect(new Set(txs.map((t) => t.accountId))).toEqual(new Set([idOf('517852257')]));
    expect(txs[0]).toMatchObject({
      line: 8,
      amountMinor: -900,
      currency: 'EUR',
      bookingDate: '2011-05-24',
      valueDate: '2011-05-24',
      counterpartyName: 'KPN - DIGITENNE',
      counterpartyAccount: '428428',
      kind: 'giro transfer',
      text: 'GIRO 428428 KPN - DIGITENNE BETALINGSKENM. 000000042188659 5314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW',
    });
    // :61:1105210523D11,59N426NONREF — value date 21 May, booked 23 May.
    expect(txs[1]).toMatchObject({
      line: 12,
      amountMinor: -1159,
      bookingDate: '2011-05-23',
      valueDate: '2011-05-21',
      reference: null,
      counterpartyName: 'DIRCKIII FIL2500 KATWIJK',
      counterpartyAccountId: null,
      kind: 'card payment',
      place: 'DIRCKIII FIL2500 KATWIJK',
    });
    expect(txs.map((t) => t.amountMinor)).toEqual([
      -900, -1159, -1163, -1180, -1345, -1549, -10700, -14148, -949, -1500,
    ]);
    expect(txs[9]).toMatchObject({
      line: 38,
      counterpartyName: 'MYCOM DEN HAAG',
      counterpartyAccount: '528939882',
      counterpartyAccountId: idOf('528939882'),
    });
    expect(entitiesOf(items, 'BankAccount').map((a) => a.properties['accountNumber']?.[0])).toEqual([
      '517852257',
      '428428',
      '528939882',
    ]);
  });

  it('German SEPA: structured ?20–?33 subfields, bank code/account in :25:, CR/DR with funds code', async () => {
    const items = await collect(mt940Importer.parse(fixtureInput(SEPA, 100), {}));
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(11);
    const first = idOf('0194787400888', { bankCode: '50880050' });
    const second = idOf('0194791600888', { bankCode: '50880050' });
    expect(txs.filter((t) => t.accountId === first)).toHaveLength(4);
    expect(txs.filter((t) => t.accountId === second)).toHaveLength(7);
    expect(txs[0]).toMatchObject({
      line: 5,
      amountMinor: 5099005,
      bookingDate: '2007-09-04',
      valueDate: '2007-09-07',
      reference: '0724710333343453',
      counterpartyName: 'KARL KAUFMANN',
      counterpartyAccount: 'DE14508800500194785000',
      counterpartyAccountId: idOf('DE14508800500194785000'),
      kind: 'GUTSCHRIFT',
      text: 'EREF+EndToEndId TFNR 22 004 00001 SVWZ+Verw CTSc-01 BC-PPP TFNr 22 004 Empfaenger Marta Metzger',
    });
    expect(txs[3]).toMatchObject({
      amountMinor: -150000,
      reference: '536D80EFEC56ACF8',
      kind: 'SEPA-UEBERW',
      counterpartyName: null,
    });
    expect(txs[10]).toMatchObject({ amountMinor: -357256903, kind: 'SAMMLER', text: '0904059001' });
    // Statement 1 balances: 766656,49 + lines = 1125250,40.
    expect(sum(txs.slice(0, 4))).toBe(112525040 - 76665649);
    const cp = entitiesOf(items, 'BankAccount').find((a) => a.id === idOf('DE14508800500194785000'));
    expect(cp?.properties).toMatchObject({ iban: ['DE14508800500194785000'], bic: ['DRESDEFF508'] });
    expect(entitiesOf(items, 'BankAccount')[0]?.properties['description']).toEqual(['Bank code 50880050']);
  });

  it('ASN: 31 enveloped statements, 8 lines, blank lines inside :86:', async () => {
    const items = await collect(mt940Importer.parse(fixtureInput(ASNB, 333), {}));
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(8);
    expect(new Set(txs.map((t) => t.accountId))).toEqual(new Set([idOf('NL81ASNB9999999999')]));
    expect(txs[0]).toMatchObject({
      line: 6,
      amountMinor: -6500,
      bookingDate: '2020-01-01',
      counterpartyName: 'hr gjlm paulissen',
      counterpartyAccount: 'NL47INGB9999999999',
      text: 'Betaling sieraden',
      kind: 'NOVB',
    });
    expect(txs[2]).toMatchObject({
      amountMinor: -80155,
      counterpartyName: 'international card services',
      text: '000000000000000000000000000000000 0000000000000000 Betaling aan ICS 99999999999 ICS Referentie: 2020-01-05 19:47 000000000000000',
    });
    expect(txs[3]).toMatchObject({
      amountMinor: -165,
      bookingDate: '2020-01-25',
      counterpartyName: null,
      text: 'Kosten gebruik betaalrekening inclusief 1 betaalpas',
    });
    // Opening 444,29 on 1 January, closing 501,23 on 31 January.
    expect(sum(txs)).toBe(50123 - 44429);
    expect(entitiesOf(items, 'BankAccount')).toHaveLength(5);
  });
});

const statement = (ref: string, account: string, lines: string[], closing = ':62F:C240301EUR0,00') =>
  [`:20:${ref}`, `:25:${account}`, ':28C:1/1', ':60F:C240229EUR0,00', ...lines, closing].join('\r\n');

const TWO = [
  statement('S1', 'LV80BANK0000435195001', [
    ':61:2403010301C1234,56NTRFREF1//B1',
    ':86:/TRTP/SEPA OVERBOEKING/IBAN/DE89370400440532013000/BIC/COBADEFF',
    'XXX/NAME/Jānis Bērziņš/REMI/USTD//Rēķins 12/3/EREF/E2E-1/',
    ':61:240302D0,5NCHGNONREF',
    ':86:Komisija',
  ]),
  '-',
  statement(
    'S2',
    'HABALV22/LV80BANK0000435195001EUR',
    [':61:240303RD10,NTRFNONREF', ':86:/CNTP/NL91ABNA0417164300/ABNANL2A/J JANSEN/AMSTERDAM/'],
    ':62M:C240303EUR10,00',
  ),
  '-',
].join('\r\n');

describe('MT940 statements', () => {
  it('reads several statements, Dutch keyword :86:, reversals and IBANs with the currency glued on', async () => {
    const items = await parseText(TWO);
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs.map((t) => [t.amountMinor, t.bookingDate, t.valueDate])).toEqual([
      [123456, '2024-03-01', '2024-03-01'],
      [-50, '2024-03-02', '2024-03-02'],
      [1000, '2024-03-03', '2024-03-03'],
    ]);
    expect(txs[0]).toMatchObject({
      counterpartyName: 'Jānis Bērziņš',
      counterpartyAccount: 'DE89370400440532013000',
      kind: 'SEPA OVERBOEKING',
      text: 'Rēķins 12/3 | EndToEndId E2E-1',
      reference: 'B1',
    });
    expect(txs[2]).toMatchObject({ counterpartyName: 'J JANSEN', counterpartyAccount: 'NL91ABNA0417164300' });
    // Same account in both statements ("BIC/IBANCCY" in the second): one entity.
    expect(new Set(txs.map((t) => t.accountId))).toEqual(new Set([idOf('LV80BANK0000435195001')]));
    expect(entitiesOf(items, 'BankAccount').filter((a) => a.id === idOf('LV80BANK0000435195001'))).toHaveLength(1);
    expect(
      entitiesOf(items, 'BankAccount').find((a) => a.id === idOf('NL91ABNA0417164300'))?.properties['bic'],
    ).toEqual(['ABNANL2A']);
  });

  it('gives the same result with and without the SWIFT envelope', async () => {
    const wrapped = TWO.split('\r\n-\r\n')
      .filter((s) => s.trim())
      .map(
        (s) =>
          `{1:F01HABALV22AXXX0000000000}{2:O940HABALV22XXXXN}{3:{108:ABC}}{4:\r\n${s.replace(/\r\n-$/, '')}\r\n-}{5:{CHK:123}}`,
      )
      .join('\r\n');
    const bare = transactionsOf(await parseText(TWO)).map(({ line: _line, ...t }) => t);
    const enveloped = transactionsOf(await parseText(wrapped, 7)).map(({ line: _line, ...t }) => t);
    expect(enveloped).toEqual(bare);
  });

  it('refuses a :61: with a bad amount, naming its line', async () => {
    const text = statement('S1', 'LV80BANK0000435195001', [':61:2403010301C12.50NTRFNONREF']);
    const e = await importError(mt940Importer.parse(bytesInput('x.sta', text), {}));
    expect(e.code).toBe('import_failed');
    expect(e.path).toBe('line 5');
    expect(e.message).toMatch(/:61: amount "12.50" is not a SWIFT amount/);
  });

  it('refuses a truncated statement, naming where it starts', async () => {
    const text = [
      statement('S1', 'LV80BANK0000435195001', [':61:240301C1,00NTRFNONREF']),
      '-',
      ':20:S2',
      ':25:LV80BANK0000435195001',
      ':60F:C240301EUR1,00',
      ':61:240302C1,00NTRFNONREF',
      ':86:cut here',
    ].join('\n');
    const e = await importError(mt940Importer.parse(bytesInput('x.sta', text), {}));
    expect(e.path).toBe('line 8');
    expect(e.message).toMatch(/:20:S2.*no closing balance.*file ends at line 12.*truncated/);
    const noEnd = await importError(
      mt940Importer.parse(bytesInput('x.sta', ':20:A\n:25:123456789\n:60F:C240301EUR1,00\n:20:B\n'), {}),
    );
    expect(noEnd.path).toBe('line 1');
  });

  it('refuses other broken fields', async () => {
    const fail = async (lines: string[]) =>
      (await importError(mt940Importer.parse(bytesInput('x.sta', statement('S', 'LV80BANK0000435195001', lines)), {})))
        .message;
    expect(await fail([':61:2402300301C1,00NTRFNONREF'])).toMatch(/"240230" is not a date/);
    expect(await fail([':61:240301X1,00NTRFNONREF'])).toMatch(/no debit\/credit mark/);
    expect(await fail([':61:240301C1,00XTRFNONREF'])).toMatch(/not a transaction type/);
    expect(await fail([':61:2403010901C1,00NTRFNONREF'])).toMatch(/"0901" is not an entry date/);
    const noOpening = await importError(
      mt940Importer.parse(
        bytesInput('x.sta', ':20:A\n:25:123456789\n:61:240301C1,00NTRFNONREF\n:62F:C240301EUR1,00'),
        {},
      ),
    );
    expect(noOpening.message).toMatch(/before the opening balance/);
    const notMt940 = await importError(mt940Importer.parse(bytesInput('x.csv', 'date;amount\n2024-01-01;1,00\n'), {}));
    expect(notMt940.message).toMatch(/no MT940 statement found/);
    const early = await importError(mt940Importer.parse(bytesInput('x.sta', ':25:123456789\n:20:A\n'), {}));
    expect(early.message).toMatch(/:25: comes before the statement's reference field :20:/);
  });

  it('reads windows-1252 files when told so', async () => {
    const text = statement(
      'S',
      'DE89370400440532013000',
      [':61:240301C1,00NTRFNONREF', ':86:166?00GUTSCHRIFT?20Miete M\u00e4rz?32M\u00fcller'],
      ':62F:C240301EUR1,00',
    );
    const bytes = Buffer.from(text, 'latin1');
    const refused = await importError(mt940Importer.parse(bytesInput('x.sta', bytes), {}));
    expect(refused.message).toMatch(/not valid UTF-8/);
    const txs = transactionsOf(
      await collect(mt940Importer.parse(bytesInput('x.sta', bytes), { encoding: 'windows-1252' })),
    );
    expect(txs[0]).toMatchObject({ text: 'Miete März', counterpartyName: 'Müller', kind: 'GUTSCHRIFT' });
  });
});
