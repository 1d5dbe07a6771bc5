/**
 * The guess on exports of known shapes: a single-byte encoding chosen by the letters it yields,
 * a preset recognised by its header with the account it needs found above the table or in the
 * file name, pending rows left out by a word in the date column, and what it says when the
 * options do not read the file.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guessBankCsv } from './csvGuess.ts';
import { bytesInput } from './statements.testing.ts';

const guess = (name: string, text: string, encoding = 'utf-8', presets = true) =>
  guessBankCsv(bytesInput(name, iconv.encode(text, encoding)), { presets });
const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

describe('guessing bank CSV options', () => {
  it('reads a windows-1257 Latvian export as windows-1257 and an ISO-8859-1 Danish one as windows-1252', async () => {
    const latvian = lines(
      'Datums;Summa;Valūta;Saņēmējs;Konts',
      '05.03.2024;-12,50;EUR;Žanis Ēķis;LV80BANK0000435195001',
      '06.03.2024;100,00;EUR;SIA Ģimenes ķēķis;LV80BANK0000435195001',
    );
    const lv = await guess('izraksts.csv', latvian, 'windows-1257');
    expect(lv.options).toMatchObject({ encoding: 'windows-1257', mapping: { counterpartyName: 'Saņēmējs' } });
    expect(lv.check).toEqual({ ok: true, transactions: 2, statements: 0 });

    const danish = lines(
      '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"',
      '"02.03.2024";"Føtex Århus";"-1.234,56";"8.765,44";"Udført";"Nej"',
      '"01.03.2024";"Løn";"10.000,00";"10.000,00";"Udført";"Nej"',
    );
    const da = await guess('DK3409123456789.csv', danish, 'iso-8859-1');
    expect(da.preset).toBe('danske-dk');
    expect(da.options).toEqual({
      preset: 'danske-dk',
      encoding: 'windows-1252',
      mapping: { fixedAccount: '3409123456789' },
    });
    expect(da.check).toMatchObject({ ok: true, transactions: 2 });
    expect(da.notes.find((n) => n.option === 'encoding')?.why).toMatch(/da|no/);
  });

  it('takes the account written above the table for a preset that needs one', async () => {
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
        'Vuokra',
        '',
        '',
      ),
      tab(
        '05.03.2024',
        '05.03.2024',
        '05.03.2024',
        '1200,00',
        'Työnantaja Oy',
        'FI5810171000000122',
        'NDEAFIHH',
        'Palkka',
        '',
        '',
        'Palkka maaliskuu',
        '',
        '',
      ),
    );
    const g = await guess('Tapahtumat.txt', text);
    expect(g.options).toEqual({
      preset: 'nordea-fi-tsv',
      skipRows: 2,
      mapping: { fixedAccount: 'FI2112345600000785' },
    });
    expect(g.notes.find((n) => n.option === 'mapping.fixedAccount')?.why).toBe('line 1 names it');
    expect(g.check).toMatchObject({ ok: true, transactions: 2 });
  });

  it("leaves out rows whose date is a word ('Varaus'), found column by column", async () => {
    const text = lines(
      'Kirjauspäivä;Määrä;Maksaja;Maksunsaaja;Nimi;Otsikko;Viitenumero;Saldo;Valuutta',
      'Varaus;-5,00;FI2112345600000785;;KAUPPA;Ostos;;;EUR',
      '2024/03/02;-12,50;FI2112345600000785;FI4250001510000023;Kauppa Oy;Ostos;;987,50;EUR',
      '2024/03/01;1000,00;FI4250001510000023;FI2112345600000785;Työnantaja Oy;Palkka;;1000,00;EUR',
    );
    const g = await guess('nordea.csv', text, 'utf-8', false);
    expect(g.options).toMatchObject({
      dateFormat: 'YYYY/MM/DD',
      rowTypes: { keep: ['*'], skip: ['Varaus'] },
      mapping: { date: 'Kirjauspäivä', rowType: 'Kirjauspäivä', amount: 'Määrä', fixedAccount: 'FI2112345600000785' },
    });
    expect(g.check).toMatchObject({ ok: true, transactions: 2 });
  });

  it('proposes the preset and says what is missing when the layout does not name the account', async () => {
    const text = lines(
      'Kirjauspäivä;Arvopäivä;Määrä EUROA;Laji;Selitys;Saaja/Maksaja;Saajan tilinumero ja pankin BIC;Viite;Viesti;Arkistointitunnus',
      '01.03.2024;01.03.2024;-12,50;162;PKORTTIMAKSU;K-MARKET;;;;20240301/5ABC/001',
    );
    const g = await guess('tapahtumat20240101-20240331.csv', text, 'iso-8859-1');
    expect(g.preset).toBe('op');
    expect(g.check).toMatchObject({ ok: false, error: expect.stringMatching(/fixedAccount/) });
    expect(g.notes.find((n) => n.option === 'mapping.fixedAccount')?.why).toMatch(/add it before importing/);
  });
});
