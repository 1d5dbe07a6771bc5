import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { accountEntityId, accountRef } from './accounts.ts';
import { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
import { BankCsvOptions } from './bankCsvOptions.ts';
import { detectDelimiter } from './csvRows.ts';
import { bytesInput, checkOrder, collect, entitiesOf, importError, transactionsOf } from './statements.testing.ts';

const LV = 'LV80BANK0000435195001';
const DE = 'DE89370400440532013000';
const idOf = (raw: string) => accountEntityId(accountRef(raw) ?? { key: 'missing', display: '' });

const latvian: BankCsvImportOptions = {
  mapping: {
    date: 'Datums',
    amount: 'Summa',
    fixedCurrency: 'EUR',
    counterpartyName: 'Partneris',
    counterpartyAccount: 'Partnera konts',
    text: 'Informācija',
    reference: 'Dok. nr.',
    fixedAccount: LV,
  },
  encoding: 'utf-8',
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
};

const LATVIAN_CSV = [
  'Datums;Summa;Partneris;Partnera konts;Informācija;Dok. nr.',
  `03.04.2024;-1 234,56;SIA Ozols;${DE};"Rēķins ""12""; aprīlis";D1`,
  '04.04.2024;250,00;Jānis Bērziņš;;Alga;D2',
  '',
  '05.04.2024;(12,50);;;"Komisija',
  'par aprīli";D3',
].join('\r\n');

const parse = (text: string | Uint8Array, options: BankCsvImportOptions, chunk = 0) =>
  collect(bankCsvImporter.parse(bytesInput('x.csv', text, chunk), options));

describe('bank CSV import', () => {
  it('reads a mapped export: amounts, dates, counterparties, quoted fields', async () => {
    const items = await parse(LATVIAN_CSV, latvian, 5);
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs).toEqual([
      {
        line: 2,
        accountId: idOf(LV),
        counterpartyAccountId: idOf(DE),
        counterpartyName: 'SIA Ozols',
        counterpartyAccount: DE,
        amountMinor: -123456,
        currency: 'EUR',
        bookingDate: '2024-04-03',
        valueDate: null,
        text: 'Rēķins "12"; aprīlis',
        reference: 'D1',
        kind: null,
      },
      expect.objectContaining({
        line: 3,
        amountMinor: 25000,
        counterpartyName: 'Jānis Bērziņš',
        counterpartyAccountId: null,
        counterpartyAccount: null,
      }),
      expect.objectContaining({ line: 5, amountMinor: -1250, text: 'Komisija par aprīli', reference: 'D3' }),
    ]);
    expect(entitiesOf(items).map((e) => e.schema)).toEqual(['BankAccount', 'BankAccount', 'LegalEntity', 'Ownership']);
    expect(entitiesOf(items, 'BankAccount')[0]?.properties).toEqual({ name: [LV], iban: [LV], currency: ['EUR'] });
  });

  it('reads windows-1257 (Latvian and Lithuanian letters) when told so', async () => {
    const text =
      'Data\tSuma\tValiuta\tGavėjas\tPaskirtis\n2024-04-03\t1.234,56\teur\tŽąsų ūkis\tŠąskaita Nr. 5; ķēpa\n';
    const bytes = iconv.encode(text, 'windows-1257');
    const options: BankCsvImportOptions = {
      mapping: {
        date: 'Data',
        amount: 'Suma',
        currency: 'Valiuta',
        counterpartyName: 'Gavėjas',
        text: 'Paskirtis',
        fixedAccount: 'LT121000011101001000',
      },
      encoding: 'windows-1257',
      decimal: ',',
      dateFormat: 'YYYY-MM-DD',
    };
    const txs = transactionsOf(await parse(bytes, options, 3));
    expect(txs).toMatchObject([
      { amountMinor: 123456, currency: 'EUR', counterpartyName: 'Žąsų ūkis', text: 'Šąskaita Nr. 5; ķēpa' },
    ]);
    const refused = await importError(
      bankCsvImporter.parse(bytesInput('x.csv', bytes), { ...options, encoding: 'utf-8' }),
    );
    expect(refused.message).toMatch(/not valid UTF-8/);
  });

  it('reads debit/credit columns, an account column, skipped lines and value dates', async () => {
    const text = [
      'Account statement,,,,',
      'Period,01/04/2024 - 30/04/2024,,,',
      'Account,Date,Value date,Debit,Credit',
      `${LV},04/01/2024,04/02/2024,"1,000.00",`,
      `${DE},04/03/2024,,,12.5`,
      `${LV},04/05/2024,,-3.00,`,
    ].join('\n');
    const options: BankCsvImportOptions = {
      mapping: {
        date: 'Date',
        valueDate: 'value date',
        debit: 'Debit',
        credit: 'Credit',
        fixedCurrency: 'USD',
        account: 'Account',
      },
      decimal: '.',
      dateFormat: 'MM/DD/YYYY',
      skipRows: 2,
    };
    const items = await parse(text, options);
    checkOrder(items);
    expect(transactionsOf(items).map((t) => [t.line, t.accountId, t.amountMinor, t.bookingDate, t.valueDate])).toEqual([
      [4, idOf(LV), -100000, '2024-04-01', '2024-04-02'],
      [5, idOf(DE), 1250, '2024-04-03', null],
      [6, idOf(LV), -300, '2024-04-05', null],
    ]);
    expect(entitiesOf(items, 'BankAccount')).toHaveLength(2);
  });

  it('names line and column in errors', async () => {
    const bad = async (row: string, options: BankCsvImportOptions = latvian) =>
      importError(
        bankCsvImporter.parse(bytesInput('x.csv', `${LATVIAN_CSV.split('\r\n')[0] ?? ''}\n${row}\n`), options),
      );
    const amount = await bad('03.04.2024;12,3,4;A;;x;1');
    expect(amount.message).toBe('Line 2, column "Summa": "12,3,4" has more than one decimal mark ","');
    expect(amount.path).toBe('line 2: Summa');
    const date = await bad('2024-04-03;1;A;;x;1');
    expect(date.message).toMatch(/Line 2, column "Datums": "2024-04-03" is not a date in the format DD.MM.YYYY/);
    expect((await bad(';1;A;;x;1')).message).toMatch(/column "Datums": is empty/);
    expect((await bad('03.04.2024;1;A')).message).toMatch(/Line 2 has 3 fields; the header row has 6/);
    const missing = await importError(
      bankCsvImporter.parse(bytesInput('x.csv', LATVIAN_CSV), {
        ...latvian,
        mapping: { ...latvian.mapping, text: 'Nav' },
      }),
    );
    expect(missing.path).toBe('mapping.text');
    expect(missing.message).toMatch(/Column "Nav" is not in x.csv/);
    const both = await importError(
      bankCsvImporter.parse(bytesInput('x.csv', 'D;Dr;Cr\n01.01.2024;1;2\n'), {
        mapping: { date: 'D', debit: 'Dr', credit: 'Cr', fixedCurrency: 'EUR', fixedAccount: LV },
        decimal: ',',
        dateFormat: 'DD.MM.YYYY',
      }),
    );
    expect(both.path).toBe('line 2: Cr');
    const unclosed = await bad('03.04.2024;1;"A;;x;1');
    expect(unclosed.message).toMatch(/never closed/);
  });

  it('detects the delimiter from the header row', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('"a;x",b,c')).toBe(',');
  });
});

describe('bank CSV options', () => {
  const base = {
    mapping: { date: 'D', amount: 'A', fixedCurrency: 'EUR', fixedAccount: LV },
    decimal: ',',
    dateFormat: 'DD.MM.YYYY',
  };
  const issues = (o: unknown) => {
    const r = BankCsvOptions.safeParse(o);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a complete mapping and fills defaults', () => {
    const r = BankCsvOptions.parse(base);
    expect(r).toMatchObject({ encoding: 'utf-8', skipRows: 0 });
  });

  it('refuses incomplete or contradictory mappings with a path', () => {
    expect(issues({ ...base, mapping: { date: 'D', fixedCurrency: 'EUR', fixedAccount: LV } })).toEqual([
      'mapping.amount: name an amount column, or both a debit and a credit column',
    ]);
    expect(issues({ ...base, mapping: { ...base.mapping, debit: 'X' } })[0]).toMatch(/^mapping.amount: use either/);
    expect(issues({ ...base, mapping: { date: 'D', debit: 'X', fixedCurrency: 'EUR', fixedAccount: LV } })[0]).toMatch(
      /^mapping.credit:/,
    );
    expect(issues({ ...base, mapping: { ...base.mapping, currency: 'C' } })[0]).toMatch(
      /^mapping.currency: give either/,
    );
    expect(issues({ ...base, mapping: { ...base.mapping, fixedAccount: '--' } })[0]).toMatch(
      /^mapping.fixedAccount: "--" is not an IBAN/,
    );
    expect(issues({ ...base, mapping: { ...base.mapping, fixedCurrency: 'eur' } })[0]).toMatch(
      /^mapping.fixedCurrency:/,
    );
    expect(issues({ ...base, mapping: { ...base.mapping, colour: 'x' } })[0]).toMatch(/^mapping:/);
  });

  it('refuses bad formats and separators', () => {
    expect(issues({ ...base, dateFormat: '%d.%m.%Y' })[0]).toMatch(/^dateFormat:/);
    expect(issues({ ...base, thousandsSeparator: ',' })).toEqual([
      'thousandsSeparator: must differ from the decimal mark',
    ]);
    expect(issues({ ...base, decimal: undefined })[0]).toMatch(/^decimal:/);
    expect(issues({ ...base, delimiter: ':' })[0]).toMatch(/^delimiter:/);
  });

  it('reports a bad option from the importer as a validation error', async () => {
    const e = await importError(bankCsvImporter.parse(bytesInput('x.csv', 'a\n'), { ...base, decimal: ';' } as never));
    expect(e.code).toBe('validation_failed');
    expect(e.path).toBe('decimal');
  });
});

describe('bank CSV holder, counterparty code and place columns', () => {
  const options: BankCsvImportOptions = {
    mapping: {
      date: 'Date',
      amount: 'Amount',
      fixedCurrency: 'EUR',
      account: 'Account',
      holderName: 'Holder',
      holderId: 'Holder code',
      counterpartyName: 'Payee',
      counterpartyAccount: 'Payee account',
      counterpartyId: 'Payee code',
      place: 'Place',
    },
    encoding: 'utf-8',
    decimal: '.',
    dateFormat: 'YYYY-MM-DD',
  };
  const csv = [
    'Date,Account,Holder,Holder code,Amount,Payee,Payee account,Payee code,Place',
    `2024-05-02,${LV},Anna Kalniņa,120384-10021,-40.00,,,,Rīga Brīvības 90 ATM`,
    `2024-05-03,${LV},Anna Kalniņa,120384-10021,-300.00,SIA Ozols,${DE},40003012345,`,
  ].join('\n');

  it('names the holder with its code, the counterparty with its code, and the place of a cash line', async () => {
    const items = await parse(csv, options);
    const people = entitiesOf(items).filter((e) => e.schema === 'LegalEntity');
    expect(people.map((e) => [e.properties['name'], e.properties['idNumber']])).toEqual([
      [['Anna Kalniņa'], ['120384-10021']],
      [['SIA Ozols'], ['40003012345']],
    ]);
    const txs = transactionsOf(items);
    expect(txs.map((t) => t.place ?? null)).toEqual(['Rīga Brīvības 90 ATM', null]);
  });
});
