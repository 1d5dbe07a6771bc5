import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures } from '../../../test/support/fixtures.ts';
import { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
import { BankCsvOptions } from './bankCsvOptions.ts';
import {
  bytesInput,
  fixtureInput,
  checkOrder,
  collect,
  entitiesOf,
  importError,
  transactionsOf,
} from './statements.testing.ts';

const LV = 'LV80BANK0000435195001';

const parse = (text: string | Uint8Array, options: BankCsvImportOptions) =>
  collect(bankCsvImporter.parse(bytesInput('s.csv', text), options));

// Shaped like a Swedbank (Baltic) export: balance and turnover rows among the transactions.
const SWEDBANK = [
  '"Klienta konts";"Ieraksta tips";"Datums";"Saņēmējs/Maksātājs";"Informācija";"Summa";"Valūta";"Debets/Kredīts"',
  `"${LV}";"10";"01.04.2024";"";"Sākuma atlikums";"1000,00";"EUR";"K"`,
  `"${LV}";"20";"03.04.2024";"SIA Ozols";"Rēķins 12";"234,56";"EUR";"D"`,
  `"${LV}";"20";"04.04.2024";"Jānis";"Alga";"50,00";"EUR";"K"`,
  `"${LV}";"82";"30.04.2024";"";"Apgrozījums";"234,56";"EUR";"D"`,
  `"${LV}";"86";"30.04.2024";"";"Beigu atlikums";"815,44";"EUR";"K"`,
].join('\n');

const swedbank: BankCsvImportOptions = {
  mapping: {
    account: 'Klienta konts',
    rowType: 'Ieraksta tips',
    date: 'Datums',
    counterpartyName: 'Saņēmējs/Maksātājs',
    text: 'Informācija',
    amount: 'Summa',
    sign: 'Debets/Kredīts',
    currency: 'Valūta',
  },
  rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
};

describe('bank CSV layouts', () => {
  it('signs amounts from a D/K column and keeps only transaction rows, balances as a statement', async () => {
    const items = await parse(SWEDBANK, swedbank);
    checkOrder(items);
    expect(transactionsOf(items).map((t) => [t.line, t.amountMinor, t.text])).toEqual([
      [3, -23456, 'Rēķins 12'],
      [4, 5000, 'Alga'],
    ]);
    const statements = items.flatMap((i) => (i.kind === 'statement' ? [i] : []));
    expect(statements).toHaveLength(1);
    expect(statements[0]?.statement).toMatchObject({
      openingMinor: 100000,
      openingDate: '2024-04-01',
      closingMinor: 81544,
      closingDate: '2024-04-30',
      currency: 'EUR',
      entries: 2,
    });
  });

  it('refuses a row type or a sign mark it was not told about, naming line and column', async () => {
    const other = await importError(
      bankCsvImporter.parse(bytesInput('s.csv', SWEDBANK), { ...swedbank, rowTypes: { keep: ['20'], skip: ['82'] } }),
    );
    expect(other.message).toMatch(/Line 2, column "Ieraksta tips": "10" is not one of the row types/);
    const mark = await importError(
      bankCsvImporter.parse(
        bytesInput('s.csv', SWEDBANK.replace('"234,56";"EUR";"D"', '"234,56";"EUR";"X"')),
        swedbank,
      ),
    );
    expect(mark.message).toMatch(/Line 3, column "Debets\/Kredīts": "X" is neither a debit mark/);
  });

  it('reads custom sign marks such as +/-, ignoring case', async () => {
    const text = 'Date;Amount;Dir\n2024-04-01;5.00;-\n2024-04-02;7.00;+\n2024-04-03;1.00;debet\n';
    const options: BankCsvImportOptions = {
      mapping: { date: 'Date', amount: 'Amount', sign: 'Dir', fixedCurrency: 'EUR', fixedAccount: LV },
      decimal: '.',
      dateFormat: 'YYYY-MM-DD',
      signMarks: { debit: ['-', 'Debet'], credit: ['+', 'Kredit'] },
    };
    expect(transactionsOf(await parse(text, options)).map((t) => t.amountMinor)).toEqual([-500, 700, -100]);
  });

  it('reads any single-byte encoding iconv-lite knows and refuses others naming the option', async () => {
    const text = 'Data;Kwota;Teksts\n2024-04-01;12,00;Zażółć gęślą jaźń\n';
    for (const encoding of ['iso-8859-2', 'windows-1250', 'ISO-8859-13', 'iso-8859-4', 'windows-1257']) {
      const letters = encoding.endsWith('2') || encoding.endsWith('50') ? 'Zażółć gęślą jaźń' : 'Žąsų ūkis';
      const bytes = iconv.encode(text.replace('Zażółć gęślą jaźń', letters), encoding);
      const options: BankCsvImportOptions = {
        mapping: { date: 'Data', amount: 'Kwota', text: 'Teksts', fixedCurrency: 'PLN', fixedAccount: LV },
        decimal: ',',
        dateFormat: 'YYYY-MM-DD',
        encoding,
      };
      expect(transactionsOf(await parse(bytes, options))[0]?.text).toBe(letters);
    }
    for (const encoding of ['shift_jis', 'utf-16le', 'no-such-thing']) {
      const r = BankCsvOptions.safeParse({ ...swedbank, encoding });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['encoding']);
    }
  });

  it('reads back any amount written with any decimal and thousands separator pair', async () => {
    const pairs = [
      [',', '.'],
      [',', ' '],
      ['.', ','],
      ['.', "'"],
      [',', ''],
      ['.', ''],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pairs), fc.integer({ min: -1e11, max: 1e11 }), async ([dec, th], minor) => {
        const units = Math.floor(Math.abs(minor) / 100).toString();
        const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, th);
        const written = `${minor < 0 ? '-' : ''}${grouped}${dec}${String(Math.abs(minor) % 100).padStart(2, '0')}`;
        const text = `Date\tAmount\n2024-04-01\t${written}\n`;
        const options: BankCsvImportOptions = {
          mapping: { date: 'Date', amount: 'Amount', fixedCurrency: 'EUR', fixedAccount: LV },
          delimiter: '\t',
          decimal: dec,
          thousandsSeparator: th,
          dateFormat: 'YYYY-MM-DD',
        };
        expect(transactionsOf(await parse(text, options))[0]?.amountMinor).toBe(minor);
      }),
      { numRuns: 60 },
    );
  });

  it('reads lines ending CR CR LF, and with lenient quotes a row whose opening quote was lost', async () => {
    const text = ['"Datum","Bedrag","Tekst"', '"2024-04-01","-1,50","a"', '2024-04-02","2,00","b"', ''].join('\r\r\n');
    const options: BankCsvImportOptions = {
      mapping: { date: 'Datum', amount: 'Bedrag', text: 'Tekst', fixedCurrency: 'EUR', fixedAccount: LV },
      decimal: ',',
      dateFormat: 'YYYY-MM-DD',
    };
    const strict = await importError(bankCsvImporter.parse(bytesInput('s.csv', text), options));
    expect(strict.message).toMatch(/Line 3: field 1 has a quote inside an unquoted value/);
    const items = await parse(text, { ...options, lenientQuotes: true });
    expect(transactionsOf(items).map((t) => [t.bookingDate, t.amountMinor, t.text])).toEqual([
      ['2024-04-01', -150, 'a'],
      ['2024-04-02', 200, 'b'],
    ]);
    const warned = items.flatMap((i) => (i.kind === 'transaction' ? (i.warnings ?? []) : []));
    expect(warned).toEqual(['field 1 ends with a quote that has no opening quote; read as "2024-04-02"']);
  });

  it('skips lines before the header and after the data, and reads columns by position', async () => {
    // The header names four columns, the rows have five (an unnamed sign column at the end).
    const text = [
      'Konta izraksts',
      'Datums;Summa;Valūta;Apraksts',
      '01.04.2024;10,00;EUR;Pirmais;D',
      '',
      '02.04.2024;2,50;EUR;Otrais;K',
      '',
      'Kopā;7,50;;;',
      'Beigas;;;;',
    ].join('\n');
    const options: BankCsvImportOptions = {
      mapping: { date: 1, amount: 2, currency: 3, text: 'Apraksts', sign: 5, fixedAccount: '123-456-789' },
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
      skipRows: 1,
      skipFooterRows: 2,
    };
    const txs = transactionsOf(await parse(text, options));
    // The made-up account number keeps its dashes; matching still ignores them.
    const account = entitiesOf(await parse(text, options), 'BankAccount')[0];
    expect(account?.properties).toMatchObject({ name: ['123-456-789'], accountNumber: ['123-456-789', '123456789'] });
    expect(txs.map((t) => [t.line, t.amountMinor, t.text])).toEqual([
      [3, -1000, 'Pirmais'],
      [5, 250, 'Otrais'],
    ]);
    const named = await importError(
      bankCsvImporter.parse(bytesInput('s.csv', text), { ...options, mapping: { ...options.mapping, sign: 'Zīme' } }),
    );
    expect(named.message).toMatch(/Column "Zīme" is not in s.csv/);
  });
});

describeWithFixtures('bank CSV corpus', () => {
  it('Swedbank LT: ragged rows by position, D/K column, balance rows as a reconciling statement', async () => {
    const options: BankCsvImportOptions = {
      mapping: {
        account: 1,
        rowType: 2,
        date: 3,
        counterpartyName: 4,
        text: 5,
        amount: 6,
        currency: 7,
        sign: 8,
        reference: 11,
      },
      rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
      decimal: '.',
      dateFormat: 'YYYY-MM-DD',
    };
    const items = await collect(bankCsvImporter.parse(fixtureInput('bank2ynab_swedbank_lt_statement.xls'), options));
    checkOrder(items);
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(13);
    expect(txs.filter((t) => t.amountMinor < 0).reduce((s, t) => s - t.amountMinor, 0)).toBe(28470);
    expect(txs.filter((t) => t.amountMinor > 0).reduce((s, t) => s + t.amountMinor, 0)).toBe(286363);
    const statement = items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []));
    expect(statement).toMatchObject([{ openingMinor: 1037404, closingMinor: 1295297, currency: 'LTL', entries: 13 }]);
    const s = statement[0];
    expect(s && (s.openingMinor ?? 0) + txs.reduce((n, t) => n + t.amountMinor, 0)).toBe(s?.closingMinor);
  });

  it('SpareBank 1: separate money-in and money-out columns, the header with an extra empty column', async () => {
    const options: BankCsvImportOptions = {
      mapping: {
        date: 'Dato',
        text: 'Beskrivelse',
        credit: 'Inn',
        debit: 'Ut',
        counterpartyAccount: 'Til konto',
        fixedCurrency: 'NOK',
        fixedAccount: '9876.54.32109',
      },
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    };
    const items = await collect(bankCsvImporter.parse(fixtureInput('beancount-no-sparebank1_sb1.csv'), options));
    const txs = transactionsOf(items);
    expect(txs).toHaveLength(15);
    expect(txs.filter((t) => t.amountMinor > 0).reduce((n, t) => n + t.amountMinor, 0)).toBe(3343734);
    expect(txs.filter((t) => t.amountMinor < 0).reduce((n, t) => n + t.amountMinor, 0)).toBe(-2947669);
    expect(entitiesOf(items, 'BankAccount')[0]?.properties['name']).toEqual(['9876.54.32109']);
  });

  it('Raiffeisen CZ: ISO-8859-2 header read by name', async () => {
    const options: BankCsvImportOptions = {
      mapping: {
        date: 'Datum zaúčtování',
        account: 'Číslo účtu',
        counterpartyName: 'Název protiúčtu',
        text: 'Zpráva',
        amount: 'Zaúčtovaná částka',
        currency: 'Měna účtu',
      },
      encoding: 'iso-8859-2',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    };
    const file = 'bank2ynab_raiffeisen_cz_Movements_1234512345_201805271848.csv';
    const txs = transactionsOf(await collect(bankCsvImporter.parse(fixtureInput(file), options)));
    expect(txs).toMatchObject([
      { amountMinor: -100, currency: 'CZK', bookingDate: '2018-05-27', text: 'Memo for me test' },
    ]);
  });
});
