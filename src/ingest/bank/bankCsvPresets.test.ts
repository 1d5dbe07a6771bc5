/**
 * Every preset imports a sample of its layout, written here after the layout's public description
 * (docs/BANK-CSV.md), in the preset's encoding; options given beside a preset override its fields.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../domain/records.ts';
import { bankCsvImporter, type BankCsvImportOptions } from './bankCsv.ts';
import { BANK_CSV_PRESETS, bankCsvPresetNames } from './bankCsvPresets.ts';
import { bytesInput, checkOrder, collect, importError, transactionsOf } from './statements.testing.ts';
import type { ImportItem } from '../types.ts';

const LV = 'LV80HABA0551012345678';
const EE = 'EE382200221020145685';
const FI = 'FI2112345600000785';

const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;
const read = async (text: string, options: BankCsvImportOptions, encoding = 'utf-8') => {
  const items = await collect(bankCsvImporter.parse(bytesInput('export.csv', iconv.encode(text, encoding)), options));
  checkOrder(items);
  return items;
};
const amounts = (items: ImportItem[]) => transactionsOf(items).map((t) => [t.bookingDate, t.amountMinor, t.currency]);
const statementsOf = (items: ImportItem[]): StatementRecord[] =>
  items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []));

const SWEDBANK_LV = lines(
  '"Klienta konts";"Ieraksta tips";"Datums";"Saņēmējs/Maksātājs";"Informācija saņēmējam";"Summa";"Valūta";' +
    '"Debets/Kredīts";"Arhīva kods";"Maksājuma veids";"Refernces numurs";"Dokumenta numurs";',
  `"${LV}";"10";"01.03.2024";"";"Sākuma atlikums";"1200,00";"EUR";"K";"";"AS";"";"";`,
  `"${LV}";"20";"04.03.2024";"SIA ZEMENES";"Rēķins 17";"345,67";"EUR";"D";"2024030400123456";"MK";"RF18539007547034";"17";`,
  `"${LV}";"20";"05.03.2024";"JĀNIS BĒRZIŅŠ";"Alga";"1000,00";"EUR";"K";"2024030500654321";"INB";"";"";`,
  `"${LV}";"82";"31.03.2024";"";"Apgrozījums";"345,67";"EUR";"D";"";"K2";"";"";`,
  `"${LV}";"82";"31.03.2024";"";"Apgrozījums";"1000,00";"EUR";"K";"";"K2";"";"";`,
  `"${LV}";"900";"31.03.2024";"";"Uzkrātie procenti";"0,12";"EUR";"K";"";"";"";"";`,
  `"${LV}";"86";"31.03.2024";"";"Beigu atlikums";"1854,33";"EUR";"K";"";"LS";"";"";`,
);

describe('bank CSV presets', () => {
  it('swedbank: D/K signs, the row types, a reconciling statement; any language of the header', async () => {
    const items = await read(SWEDBANK_LV, { preset: 'swedbank' });
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.counterpartyName, t.reference, t.kind])).toEqual([
      [-34567, 'SIA ZEMENES', 'RF18539007547034', 'MK'],
      [100000, 'JĀNIS BĒRZIŅŠ', null, 'INB'],
    ]);
    expect(statementsOf(items)).toMatchObject([{ openingMinor: 120000, closingMinor: 185433, entries: 2 }]);
    const english = SWEDBANK_LV.replace(
      /^.*\r\n/,
      '"Client account";"Row type";"Date";"Beneficiary/Payer";"Details";"Amount";"Currency";"Debit/Credit";' +
        '"Transfer reference";"Transaction type";"Reference number";"Document number";\r\n',
    );
    expect(amounts(await read(english, { preset: 'swedbank' }))).toEqual(amounts(items));
  });

  it('swedbank-lt: comma-delimited, decimal point, ISO dates, ragged rows', async () => {
    const text = lines(
      '"Account No","","Date","Beneficiary","Details","Amount","Currency","D/K","Record ID","Code","Reference No",' +
        '"Doc. No","Code in payer IS","Client code","Originator","Beneficiary party",',
      '"LT121000011101001000","10","2024-03-01","","Opening balance","50.00","EUR","K","","AS","","",',
      '"LT121000011101001000","20","2024-03-02","UAB RYTAS","PIRKINYS 2024.03.01","7.25","EUR","D","20240302001","K","","","",',
      '"LT121000011101001000","82","2024-03-31","","Turnover","7.25","EUR","D","","K2","","",',
      '"LT121000011101001000","86","2024-03-31","","Closing balance","42.75","EUR","K","","LS","","",',
    );
    const items = await read(text, { preset: 'swedbank-lt' });
    expect(amounts(items)).toEqual([['2024-03-02', -725, 'EUR']]);
    expect(statementsOf(items)).toMatchObject([{ openingMinor: 5000, closingMinor: 4275, entries: 1 }]);
  });

  it('seb-ee and seb-ee-en: D/C signs, balance rows in the type column, every other type kept', async () => {
    const header =
      '"Kliendi konto";"Dokumendi number";"Kuupäev";"Saaja/maksja konto";"Saaja/maksja nimi";"Saaja panga kood";' +
      '"Tühi";"Deebet/Kreedit (D/C)";"Summa";"Viitenumber";"Arhiveerimistunnus";"Selgitus";"Teenustasu";"Valuuta";' +
      '"Isikukood või registrikood";"Tüüp"';
    const row = (...v: string[]) => v.map((x) => `"${x}"`).join(';');
    const text = lines(
      header,
      row(EE, '', '01.03.2024', '', '', '', '', 'C', '300,00', '', '', 'Algsaldo', '0', 'EUR', '', 'AS'),
      row(
        EE,
        '12',
        '03.03.2024',
        'EE471000001020145685',
        'OÜ Kask',
        '',
        '',
        'D',
        '49,90',
        '1234561',
        'RO1',
        'Arve',
        '0',
        'EUR',
        '',
        'MK',
      ),
      row(EE, '13', '04.03.2024', '', 'Mari Maasikas', '', '', 'C', '20,00', '', 'RO2', 'Tagasi', '0', 'EUR', '', 'MV'),
      row(EE, '', '31.03.2024', '', '', '', '', 'D', '49,90', '', '', 'Käive', '0', 'EUR', '', 'K2'),
      row(EE, '', '31.03.2024', '', '', '', '', 'C', '270,10', '', '', 'Lõppsaldo', '0', 'EUR', '', 'LS'),
    );
    const items = await read(text, { preset: 'seb-ee' });
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.counterpartyName, t.counterpartyAccount])).toEqual([
      [-4990, 'OÜ Kask', 'EE471000001020145685'],
      [2000, 'Mari Maasikas', null],
    ]);
    expect(statementsOf(items)).toMatchObject([{ openingMinor: 30000, closingMinor: 27010, entries: 2 }]);
    const english = text.replace(
      /^.*\r\n/,
      '"Account";"Document No.";"Date";"Beneficiary\'s account";"Beneficiary\'s name";"Beneficiary\'s bank code";' +
        '"Empty";"(D/C)";"Amount";"Reference no.";"Archive ID";"Description";"Commission fee";"Currency";' +
        '"Personal code or register code";"Type"\r\n',
    );
    expect(amounts(await read(english, { preset: 'seb-ee-en' }))).toEqual(amounts(items));
  });

  it('op: ISO-8859-1, signed euro amounts; the account from the user', async () => {
    const text = lines(
      'Kirjauspäivä;Arvopäivä;Määrä  EUROA;Laji;Selitys;Saaja/Maksaja;Saajan tilinumero ja pankin BIC;Viite;Viesti;Arkistointitunnus',
      '01.03.2024;01.03.2024;-12,50;162;PKORTTIMAKSU;K-MARKET KÄPYLÄ;;;;20240301/5ABC/001',
      '02.03.2024;02.03.2024;1500,00;710;TILISIIRTO;Työnantaja Oy;FI4250001510000023 OKOYFIHH;;Palkka;20240302/5ABC/002',
    );
    const items = await read(text, { preset: 'op', mapping: { fixedAccount: FI } }, 'iso-8859-1');
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.currency, t.counterpartyName, t.text, t.kind])).toEqual([
      [-1250, 'EUR', 'K-MARKET KÄPYLÄ', null, 'PKORTTIMAKSU'],
      [150000, 'EUR', 'Työnantaja Oy', 'Palkka', 'TILISIIRTO'],
    ]);
    const missing = await importError(bankCsvImporter.parse(bytesInput('op.csv', text), { preset: 'op' }));
    expect(missing.message).toMatch(/account: give either an account column or the statement's account/);
  });

  it("nordea-fi: slash dates, pending 'Varaus' rows left out", async () => {
    const text = lines(
      'Kirjauspäivä;Määrä;Maksaja;Maksunsaaja;Nimi;Otsikko;Viitenumero;Saldo;Valuutta',
      'Varaus;-5,00;FI2112345600000785;;KAUPPA;Ostos;;;EUR',
      '2024/03/02;-12,50;FI2112345600000785;FI4250001510000023;Kauppa Oy;Ostos;RF12 3456;987,50;EUR',
      '2024/03/01;1000,00;FI4250001510000023;FI2112345600000785;Työnantaja Oy;Palkka;;1000,00;EUR',
    );
    const items = await read(text, { preset: 'nordea-fi', mapping: { fixedAccount: FI } });
    expect(amounts(items)).toEqual([
      ['2024-03-02', -1250, 'EUR'],
      ['2024-03-01', 100000, 'EUR'],
    ]);
    expect(transactionsOf(items)[0]).toMatchObject({ line: 3, counterpartyName: 'Kauppa Oy', reference: 'RF12 3456' });
  });

  it('nordea-fi-tsv: tab-separated after the account line', async () => {
    const tab = (...v: string[]) => v.join('\t');
    const text = lines(
      tab('Tilinumero', 'FI21 1234 5600 0007 85'),
      '',
      tab(
        'Kirjauspäivä',
        'Arvopäivä',
        'Maksupäivä',
        'Määrä',
        'Saaja/Maksaja',
        'Tilinumero',
        'BIC',
        'Tapahtuma',
        'Viite',
        'Maksajan viite',
        'Viesti',
        'Kortinnumero',
        'Kuitti',
      ),
      tab(
        '04.03.2024',
        '04.03.2024',
        '04.03.2024',
        '-45,00',
        'Vuokranantaja',
        'FI4250001510000023',
        'OKOYFIHH',
        'Tilisiirto',
        '1232',
        '',
        'Vuokra maaliskuu',
        '',
        '',
      ),
    );
    const items = await read(text, { preset: 'nordea-fi-tsv', mapping: { fixedAccount: FI } });
    expect(transactionsOf(items)).toMatchObject([
      {
        line: 4,
        amountMinor: -4500,
        currency: 'EUR',
        counterpartyAccount: 'FI4250001510000023',
        text: 'Vuokra maaliskuu',
      },
    ]);
  });

  it('sparebank1: money in and money out columns in NOK', async () => {
    const text = lines(
      'Dato;Beskrivelse;Rentedato;Inn;Ut;Til konto;Fra konto;',
      '"28.02.2024";"KIWI";;;"-348,56";"12345678901";"98765432109";',
      '"14.02.2024";"Lønn";;"28750,34";;"98765432109";"56712345678";',
    );
    const items = await read(text, { preset: 'sparebank1', mapping: { fixedAccount: '9876.54.32109' } });
    expect(amounts(items)).toEqual([
      ['2024-02-28', -34856, 'NOK'],
      ['2024-02-14', 2875034, 'NOK'],
    ]);
  });

  it('danske-dk: ISO-8859-1, thousands points, DKK', async () => {
    const text = lines(
      '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"',
      '"02.03.2024";"Føtex";"-1.234,56";"8.765,44";"Udført";"Nej"',
      '"01.03.2024";"Løn";"10.000,00";"10.000,00";"Udført";"Nej"',
    );
    const items = await read(text, { preset: 'danske-dk', mapping: { fixedAccount: '3409-1234567' } }, 'iso-8859-1');
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.currency, t.text])).toEqual([
      [-123456, 'DKK', 'Føtex'],
      [1000000, 'DKK', 'Løn'],
    ]);
  });

  it('every preset documents its bank, layout, source and header, and has its section in docs/BANK-CSV.md', () => {
    const doc = readFileSync(new URL('../../../docs/BANK-CSV.md', import.meta.url), 'utf8');
    const sections = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([...bankCsvPresetNames]);
    for (const name of bankCsvPresetNames) {
      const p = BANK_CSV_PRESETS.get(name);
      expect(p?.bank && p.layout && p.source && p.headers.length >= 5).toBeTruthy();
    }
  });

  it('options beside a preset override it; null drops a column; an unknown preset is named', async () => {
    const comma = SWEDBANK_LV.replaceAll(';', ',').replace(/(\d),(\d\d)"/g, '$1.$2"');
    const items = await read(comma, { preset: 'swedbank', delimiter: ',', decimal: '.', mapping: { reference: null } });
    expect(transactionsOf(items).map((t) => [t.amountMinor, t.reference])).toEqual([
      [-34567, null],
      [100000, null],
    ]);
    // A debit/credit pair given beside a preset with one amount column replaces it.
    const split = lines('Dato;Beskrivelse;Rentedato;Inn;Ut', '01.03.2024;X;;;-1,00');
    const replaced = await read(split, {
      preset: 'danske-dk',
      encoding: 'utf-8',
      mapping: { date: 'Dato', text: 'Beskrivelse', debit: 'Ut', credit: 'Inn', fixedAccount: '1234567' },
    });
    expect(amounts(replaced)).toEqual([['2024-03-01', -100, 'DKK']]);
    const unknown = await importError(bankCsvImporter.parse(bytesInput('x.csv', comma), { preset: 'nosuchbank' }));
    expect(unknown).toMatchObject({
      path: 'preset',
      message: expect.stringMatching(/"nosuchbank" is not a preset; one of swedbank/),
    });
  });
});
