/**
 * The guess reads back what a test writer wrote: a bank export of random layout (delimiter,
 * quoting, encoding and header language, date format, decimal and thousands marks, signed
 * amounts or a debit/credit mark column or money-in/money-out columns, balance rows with a row
 * type column, lines before the header and after the data, columns in any order) is guessed to
 * options that import the same lines and statements as were written.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bankCsvImporter } from './bankCsv.ts';
import { guessBankCsv } from './csvGuess.ts';
import { SIGN_PAIRS } from './csvGuessCells.ts';
import { bytesInput, collect, transactionsOf } from './statements.testing.ts';

type Field =
  'date' | 'amount' | 'sign' | 'debit' | 'credit' | 'currency' | 'account' | 'name' | 'text' | 'ref' | 'type' | 'id';

interface Language {
  encodings: string[];
  iban: string;
  currency: string;
  names: Record<Field, string>;
  words: string[];
  opening: string;
  closing: string;
}

const LANGUAGES: Record<string, Language> = {
  lv: {
    encodings: ['utf-8', 'windows-1257'],
    iban: 'LV80BANK0000435195001',
    currency: 'EUR',
    names: {
      date: 'Datums',
      amount: 'Summa',
      sign: 'Debets/Kredīts',
      debit: 'Debets',
      credit: 'Kredīts',
      currency: 'Valūta',
      account: 'Klienta konts',
      name: 'Saņēmējs/Maksātājs',
      text: 'Informācija saņēmējam',
      ref: 'Maksājuma veids',
      type: 'Ieraksta veids',
      id: 'Arhīva kods',
    },
    words: [
      'Rēķins',
      'alga',
      'īre',
      'Ozols',
      'Bērziņš',
      'ģimene',
      'ķirsis',
      'ļoti',
      'ņemts',
      'Čaks',
      'Šķūnis',
      'Žagata',
    ],
    opening: 'Sākuma atlikums',
    closing: 'Beigu atlikums',
  },
  lt: {
    encodings: ['utf-8', 'windows-1257'],
    iban: 'LT121000011101001000',
    currency: 'EUR',
    names: {
      date: 'Data',
      amount: 'Suma',
      sign: 'Debetas/Kreditas',
      debit: 'Debetas',
      credit: 'Kreditas',
      currency: 'Valiuta',
      account: 'Kliento sąskaita',
      name: 'Mokėtojas arba gavėjas',
      text: 'Mokėjimo paskirtis',
      ref: 'Įmokos kodas',
      type: 'Įrašo tipas',
      id: 'Dokumento Nr',
    },
    words: ['Sąskaita', 'ąžuolas', 'ęsti', 'ėjimas', 'įmonė', 'šuo', 'ųsai', 'ūkis', 'Žalgiris', 'Čiurlionis'],
    opening: 'Likutis pradžiai',
    closing: 'Likutis pabaigai',
  },
  fi: {
    encodings: ['utf-8', 'windows-1252'],
    iban: 'FI2112345600000785',
    currency: 'EUR',
    names: {
      date: 'Kirjauspäivä',
      amount: 'Määrä',
      sign: 'D/C',
      debit: 'Veloitus',
      credit: 'Hyvitys',
      currency: 'Valuutta',
      account: 'Tilinumero',
      name: 'Saaja/Maksaja',
      text: 'Viesti',
      ref: 'Viite',
      type: 'Kirje tüüp',
      id: 'Arkistointitunnus',
    },
    words: ['Vuokra', 'Kauppa', 'Työnantaja', 'Äänekoski', 'Öljy', 'Määrä', 'Hämeenlinna', 'palkka'],
    opening: 'Alkusaldo',
    closing: 'Loppusaldo',
  },
  sv: {
    encodings: ['utf-8', 'windows-1252'],
    iban: 'SE4550000000058398257466',
    currency: 'SEK',
    names: {
      date: 'Bokföringsdag',
      amount: 'Belopp',
      sign: 'D/K',
      debit: 'Uttag',
      credit: 'Insättning',
      currency: 'Valuta',
      account: 'Konto',
      name: 'Mottagare',
      text: 'Meddelande',
      ref: 'Referens',
      type: 'Row type',
      id: 'Verifikationsnummer',
    },
    words: ['Hyra', 'Lön', 'Återbetalning', 'Åkeri', 'Ärende', 'Östermalm', 'för', 'mars'],
    opening: 'Ingående saldo',
    closing: 'Utgående saldo',
  },
  en: {
    encodings: ['utf-8'],
    iban: 'DE89370400440532013000',
    currency: 'EUR',
    names: {
      date: 'Booking date',
      amount: 'Amount',
      sign: 'Debit/Credit',
      debit: 'Money out',
      credit: 'Money in',
      currency: 'Currency',
      account: 'Account number',
      name: 'Counterparty',
      text: 'Details',
      ref: 'Reference',
      type: 'Record type',
      id: 'Transaction ID',
    },
    words: ['Rent', 'Salary', 'Invoice', 'Müller', 'Straße', 'Groceries', 'Refund'],
    opening: 'Opening balance',
    closing: 'Closing balance',
  },
};

const DATE_WRITERS: Record<string, (y: number, m: number, d: number) => string> = {
  'YYYY-MM-DD': (y, m, d) => `${y}-${p2(m)}-${p2(d)}`,
  'DD.MM.YYYY': (y, m, d) => `${p2(d)}.${p2(m)}.${y}`,
  'DD/MM/YYYY': (y, m, d) => `${p2(d)}/${p2(m)}/${y}`,
  'YYYY/MM/DD': (y, m, d) => `${y}/${p2(m)}/${p2(d)}`,
  'DD.MM.YY': (y, m, d) => `${p2(d)}.${p2(m)}.${String(y).slice(2)}`,
};
const p2 = (n: number) => String(n).padStart(2, '0');

interface Layout {
  lang: string;
  encoding: number;
  delimiter: string;
  quoteAll: boolean;
  dateFormat: string;
  decimal: ',' | '.';
  thousands: number;
  money: 'signed' | 'marked' | 'inOut';
  pair: number;
  balances: 'none' | 'swedbank' | 'codes' | 'words';
  currencyColumn: boolean;
  preamble: number;
  footer: number;
  order: number[];
  lines: { day: number; minor: number; word: number; name: number }[];
  opening: number;
}

function money(minor: number, l: Layout, signed: boolean): string {
  const abs = Math.abs(minor);
  const units = String(Math.floor(abs / 100));
  const seps = ['', l.decimal === ',' ? '.' : ',', ' ', "'"];
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, seps[l.thousands % seps.length] ?? '');
  return `${signed && minor < 0 ? '-' : ''}${grouped}${l.decimal}${p2(abs % 100)}`;
}

/** Writes the export; returns its bytes and what an import of it must give. */
function write(l: Layout) {
  const lang = LANGUAGES[l.lang] as Language;
  const currency = lang.currency;
  const date = (d: number) => (DATE_WRITERS[l.dateFormat] as (y: number, m: number, d: number) => string)(2024, 3, d);
  const pair = SIGN_PAIRS[l.pair % SIGN_PAIRS.length] ?? { debit: 'D', credit: 'K' };
  const fields: Field[] = ['date', 'amount', 'account', 'name', 'text', 'ref', 'id'];
  if (l.money === 'marked') fields.push('sign');
  if (l.money === 'inOut') fields.splice(1, 1, 'debit', 'credit');
  if (l.currencyColumn) fields.push('currency');
  const balances = l.money === 'inOut' ? 'none' : l.balances;
  if (balances !== 'none') fields.push('type');
  const order = fields
    .map((f, i) => [f, l.order[i] ?? i] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([f]) => f);
  const cell = (v: string) =>
    l.quoteAll || v.includes(l.delimiter) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  const row = (values: Partial<Record<Field, string>>) => order.map((f) => cell(values[f] ?? '')).join(l.delimiter);
  const out: string[] = [];
  for (let i = 0; i < l.preamble; i++) out.push(i === 0 ? `${lang.words[0]} ${lang.words[1]}` : '');
  out.push(order.map((f) => cell(lang.names[f])).join(l.delimiter));
  const amountCells = (minor: number): Partial<Record<Field, string>> => {
    if (l.money === 'signed') return { amount: money(minor, l, true) };
    if (l.money === 'marked') return { amount: money(minor, l, false), sign: minor < 0 ? pair.debit : pair.credit };
    return minor < 0 ? { debit: money(minor, l, l.thousands % 2 === 0) } : { credit: money(minor, l, false) };
  };
  const types = { swedbank: ['10', '20', '86'], codes: ['AS', 'MK', 'LS'], words: ['A', 'T', 'Z'] }[
    balances === 'none' ? 'words' : balances
  ];
  const common = { account: lang.iban, currency };
  const balanceRow = (kind: 0 | 2, minor: number, day: number) =>
    row({
      ...common,
      ...amountCells(minor),
      date: date(day),
      text: kind === 0 ? lang.opening : lang.closing,
      type: types[kind],
    });
  if (balances !== 'none') out.push(balanceRow(0, l.opening, 1));
  const expected = l.lines.map((t, i) => ({
    bookingDate: `2024-03-${p2(t.day)}`,
    amountMinor: t.minor,
    currency,
    text: `${lang.words[t.word % lang.words.length]} ${i + 1}`,
    counterpartyName: `${lang.words[t.name % lang.words.length]} SIA`,
  }));
  l.lines.forEach((t, i) =>
    out.push(
      row({
        ...common,
        ...amountCells(t.minor),
        date: date(t.day),
        name: expected[i]?.counterpartyName,
        text: expected[i]?.text,
        ref: `RF${18 + i} ${i}`,
        id: String(2024030100000000 + i),
        type: types[1],
      }),
    ),
  );
  const closing = l.opening + l.lines.reduce((n, t) => n + t.minor, 0);
  if (balances !== 'none') out.push(balanceRow(2, closing, 31));
  for (let i = 0; i < l.footer; i++)
    out.push(i === 0 ? `${lang.words[2]}${l.delimiter}${money(closing, l, true)}` : '--');
  const encoding = lang.encodings[l.encoding % lang.encodings.length] ?? 'utf-8';
  const statements =
    balances === 'none' ? [] : [{ openingMinor: l.opening, closingMinor: closing, entries: l.lines.length }];
  return { bytes: iconv.encode(`${out.join('\r\n')}\r\n`, encoding), expected, statements };
}

const layout: fc.Arbitrary<Layout> = fc.record({
  lang: fc.constantFrom(...Object.keys(LANGUAGES)),
  encoding: fc.nat(3),
  delimiter: fc.constantFrom(';', ',', '\t', '|'),
  quoteAll: fc.boolean(),
  dateFormat: fc.constantFrom(...Object.keys(DATE_WRITERS)),
  decimal: fc.constantFrom(',' as const, '.' as const),
  thousands: fc.nat(3),
  money: fc.constantFrom('signed' as const, 'marked' as const, 'inOut' as const),
  pair: fc.nat(SIGN_PAIRS.length - 1),
  balances: fc.constantFrom('none' as const, 'swedbank' as const, 'codes' as const, 'words' as const),
  currencyColumn: fc.boolean(),
  preamble: fc.nat(3),
  footer: fc.nat(2),
  order: fc.array(fc.nat(100), { minLength: 11, maxLength: 11 }),
  lines: fc
    .array(
      fc.record({
        day: fc.integer({ min: 2, max: 30 }),
        minor: fc.integer({ min: -9_999_999, max: 9_999_999 }).filter((n) => n !== 0),
        word: fc.nat(20),
        name: fc.nat(20),
      }),
      { minLength: 3, maxLength: 10 },
    )
    // Both directions, so a mark column shows both marks and money goes in and out.
    .map((ls) =>
      ls.map((t, i) =>
        i === 0 ? { ...t, minor: -Math.abs(t.minor) } : i === 1 ? { ...t, minor: Math.abs(t.minor) } : t,
      ),
    ),
  opening: fc.integer({ min: 0, max: 99_999_999 }),
});

describe('guessing bank CSV options', () => {
  it('reads back any export the writer makes', async () => {
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const { bytes, expected, statements } = write(l);
        const guess = await guessBankCsv(bytesInput('export.csv', bytes));
        expect(guess.check, JSON.stringify(guess.options)).toMatchObject({ ok: true });
        const items = await collect(bankCsvImporter.parse(bytesInput('export.csv', bytes), guess.options as never));
        const read = transactionsOf(items).map((t) => ({
          bookingDate: t.bookingDate,
          amountMinor: t.amountMinor,
          currency: t.currency,
          text: t.text,
          counterpartyName: t.counterpartyName,
        }));
        expect(read, JSON.stringify(guess.options)).toEqual(expected);
        const got = items.flatMap((i) => (i.kind === 'statement' ? [i.statement] : []));
        expect(got).toMatchObject(statements);
      }),
      { numRuns: 150 },
    );
  });
});
