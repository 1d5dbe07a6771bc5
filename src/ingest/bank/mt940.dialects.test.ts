import { describe, expect, it } from 'vitest';
import { mt940Importer } from './mt940.ts';
import { bytesInput, checkOrder, collect, entitiesOf, importError, transactionsOf } from './statements.testing.ts';

const parse = (text: string) => collect(mt940Importer.parse(bytesInput('x.sta', text, 5), {}));
const failure = (text: string) => importError(mt940Importer.parse(bytesInput('x.sta', text), {}));
const statementsOf = (items: Awaited<ReturnType<typeof parse>>) =>
  items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []));

const body = (lines: string[], closing = ':62F:C240301EUR0,00') =>
  [':20:S1', ':25:LV80BANK0000435195001', ':28C:1/1', ':60F:C240229EUR0,00', ...lines, closing].join('\n');

describe('MT940 dialects', () => {
  it('reads amounts without decimals or without the comma', async () => {
    const items = await parse(
      [
        ':20:S1',
        ':25:LV80BANK0000435195001',
        ':60F:C240229EUR500',
        ':61:240301C500,NTRFNONREF',
        ':61:240301D25NMSC',
        ':62F:C240301EUR975',
        '-',
      ].join('\n'),
    );
    expect(transactionsOf(items).map((t) => t.amountMinor)).toEqual([50000, -2500]);
    expect(statementsOf(items)[0]).toMatchObject({ openingMinor: 50000, closingMinor: 97500, entries: 2 });
  });

  it('reads a SWIFT envelope with the header blocks on a line of their own and an ETX-framed message', async () => {
    const text = [
      '{1:F01HABALV22AXXX0000000000}{2:O940HABALV22XXXXN}',
      '{4:',
      body([':61:240301C1,NTRFNONREF'], ':62F:C240301EUR1,'),
      '-}',
      '{5:{CHK:123}}',
      '\u0001',
      body([':61:240302D1,NTRFNONREF'], ':62M:C240302EUR0,'),
      '-\u0003',
    ].join('\r\n');
    const items = await parse(text);
    expect(statementsOf(items).map((s) => [s.openingMinor, s.closingMinor, s.entries])).toEqual([
      [0, 100, 1],
      [0, 0, 1],
    ]);
  });

  it('ignores a preamble before the first :20: and bank header lines between messages', async () => {
    const text = [
      'This is an example file',
      '',
      '- - - - - - - - - -',
      body([':61:240301C1,NTRFNONREF'], ':62F:C240301EUR1,'),
      '-',
      'ABNANL2A',
      '940',
      'ABNANL2A',
      body([], ':62F:C240301EUR0,'),
      ':64:C240301EUR0,',
      ':65:C240302EUR0,',
      '-',
    ].join('\n');
    expect(statementsOf(await parse(text))).toHaveLength(2);
    const noDash = [body([], ':62F:C240301EUR0,'), 'ABNANL2A', '940', 'ABNANL2A', body([], ':62F:C240301EUR0,')];
    expect(statementsOf(await parse(noDash.join('\n')))).toHaveLength(2);
  });

  it('reads structured :86: variants into name, account and text', async () => {
    const items = await parse(
      body(
        [
          ':61:240301C1,NTRFNONREF',
          ':86:166?00GUTSCHRIFT?20SVWZ+Miete Maerz IBAN: DE835',
          '?2200105179219844142?30SBCRDE66?31DE83500105179219844142?32Antonio',
          '?33 Sueto',
          ':61:240301C1,NTRFNONREF',
          ':86:000>100987654321',
          '>20HUUR>21 KANTOOR>31NL91ABNA0417164300>32J JANSEN',
          ':61:240301C1,NTRFNONREF',
          ':86:/IBAN/NL65BUNQ2206724936/NAME/P.C. Wacki/REMI/Proficiat',
          ':61:240301C1,NTRFNONREF',
          ':86:/BENM/300000003998473',
          '/MAKEDONSKI TELEKOM AD - SKOPJE',
          '/00//00',
          '/povrat na pozajmica',
          ':61:240301C1,NONREF',
          ':86:999SEPA_CREDIT_TRANSFER:CCI : 015,PURPOSE:X:HOPPA Inc:GB29NWBK60161331926819:PRODUKT',
        ],
        ':62F:C240301EUR5,',
      ),
    );
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs.map((t) => [t.counterpartyName, t.counterpartyAccount, t.text])).toEqual([
      ['Antonio Sueto', 'DE83500105179219844142', 'SVWZ+Miete Maerz IBAN: DE83500105179219844142'],
      ['J JANSEN', 'NL91ABNA0417164300', 'HUUR KANTOOR'],
      ['P.C. Wacki', 'NL65BUNQ2206724936', 'Proficiat'],
      ['MAKEDONSKI TELEKOM AD - SKOPJE', '300000003998473', '00//00 povrat na pozajmica'],
      ['HOPPA Inc', 'GB29NWBK60161331926819', 'CCI : 015,PURPOSE:X | PRODUKT'],
    ]);
    expect(txs[4]?.kind).toBe('SEPA_CREDIT_TRANSFER');
    expect(entitiesOf(items, 'LegalEntity').map((e) => e.properties['name']?.[0])).toEqual([
      'Antonio Sueto',
      'J JANSEN',
      'P.C. Wacki',
      'MAKEDONSKI TELEKOM AD - SKOPJE',
      'HOPPA Inc',
    ]);
  });

  it('never makes a holder entity of free text', async () => {
    const items = await parse(
      body(
        [
          ':61:240301D1,NTRFNONREF',
          ':86:NL47INGB0002445588 Hr S Jansen         transactiedatum: 22-07-2010',
          'Betaling sieraden',
          ':61:240301D1,NTRFNONREF',
          ':86:GIRO  428428 KPN - DIGITENNE  BETALINGSKENM. 0000000421',
        ],
        ':62F:D240301EUR2,',
      ),
    );
    checkOrder(items);
    expect(entitiesOf(items, 'LegalEntity')).toEqual([]);
    expect(entitiesOf(items, 'Ownership')).toEqual([]);
    expect(transactionsOf(items).map((t) => [t.counterpartyName, t.counterpartyAccount])).toEqual([
      ['Hr S Jansen', 'NL47INGB0002445588'],
      ['KPN - DIGITENNE', '428428'],
    ]);
  });

  it('keeps an IBAN from the :61: supplementary details as the counterparty account', async () => {
    const items = await parse(
      body([':61:240301C1,NTRFNONREF//B1', 'NL91ABNA0417164300', ':86:Rente'], ':62F:C240301EUR1,'),
    );
    expect(transactionsOf(items)[0]).toMatchObject({
      counterpartyAccount: 'NL91ABNA0417164300',
      counterpartyName: null,
      text: 'Rente',
      reference: 'B1',
    });
    expect(entitiesOf(items, 'BankAccount')).toHaveLength(2);
  });

  it('refuses damage, naming the line', async () => {
    const garbage = await failure(body([':61:240301C1,NTRFNONREF'], ':62F:C240301EUR1,\nhello world'));
    expect(garbage.path).toBe('line 7');
    expect(garbage.message).toMatch(/"hello world" is not an MT940 field and cannot continue :62F:/);
    const currency = await failure(body([], ':62F:C240301USD0,'));
    expect(currency.message).toMatch(/Line 5: :62F: currency USD differs/);
    const forward = await failure(body([], ':62F:C240301EUR0,\n:64:C240301EUR1x'));
    expect(forward.path).toBe('line 6');
    const cut = await failure(body([':61:240301C1,NTRFNONREF']).replace(/\n:62F:.*$/, ''));
    expect(cut.message).toMatch(/no closing balance/);
  });
});
