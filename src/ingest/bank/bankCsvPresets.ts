/**
 * Presets: the bank CSV options of common Nordic and Baltic export layouts, as data. A preset is
 * named in the options (`{"preset": "swedbank", "mapping": {"fixedAccount": "…"}}`, `--preset` on
 * the command line, the import form's preset field); options given beside it override its fields,
 * and a mapping given beside it overrides its columns one by one (`null` drops a column of the
 * preset). Each preset says where its layout is known from; docs/BANK-CSV.md shows each with a
 * worked example, and bankCsvPresets.test.ts imports a sample of each layout.
 *
 * Only layouts whose columns are publicly described are here. The account a file is about is not
 * in some layouts (it is in the file name or the page it was downloaded from): those presets need
 * `mapping.fixedAccount` from the user, as `needs` says.
 */
import { errors } from '../../shared/errors.ts';
import { ANY_ROW_TYPE } from './csvBalances.ts';
import type { BankCsvMappingInput, BankCsvOptionsInput } from './bankCsvOptions.ts';

type Mapping = Partial<BankCsvMappingInput>;
type MappingKey = keyof BankCsvMappingInput;

export interface BankCsvPreset {
  name: string;
  bank: string;
  /** The layout in a sentence: delimiter, decimal mark, dates, how the sign is written. */
  layout: string;
  /** Where the layout is known from (public descriptions of the export). */
  source: string;
  /** Options the user must add, e.g. `mapping.fixedAccount`. */
  needs: readonly string[];
  /** Header names every file of this layout has (any case and spacing): how `--guess` recognises it. */
  headers: readonly string[];
  options: Omit<Partial<BankCsvOptionsInput>, 'mapping'> & { mapping: Mapping };
}

/** Options naming a preset: its fields, overridden by the ones given. */
export type BankCsvPresetInput = Omit<Partial<BankCsvOptionsInput>, 'mapping'> & {
  preset: string;
  mapping?: { [K in MappingKey]?: BankCsvMappingInput[K] | null };
};

/** Swedbank's Baltic export: the same twelve columns in every language of its internet bank. */
const SWEDBANK_COLUMNS: Mapping = {
  account: 1,
  rowType: 2,
  date: 3,
  counterpartyName: 4,
  text: 5,
  amount: 6,
  currency: 7,
  sign: 8,
  kind: 10,
  reference: 11,
};
/** 10 opening balance, 20 transaction, 82 turnover, 86 closing balance, 900 accrued interest (information). */
const SWEDBANK_ROWS = { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82', '900'] };
const SWEDBANK_SOURCE =
  'Swedbank internet bank "account statement" CSV export; row type codes 10/20/82/86/900 and the D/K column as ' +
  'described by several public statement converters for Swedbank Latvia, Estonia and Lithuania.';

/** SEB Estonia: the transaction type column also carries the balance rows (AS opening, LS closing, K2 turnover). */
const SEB_ROWS = { keep: [ANY_ROW_TYPE], opening: ['AS'], closing: ['LS'], skip: ['K2'] };

const PRESETS: readonly BankCsvPreset[] = [
  {
    name: 'swedbank',
    bank: 'Swedbank Latvia and Estonia (also the English export)',
    layout: "';' delimited, decimal comma, DD.MM.YYYY, unsigned amounts with a D/K column, balance rows by row type",
    source: SWEDBANK_SOURCE,
    needs: [],
    headers: ['Klienta konts', 'Ieraksta tips', 'Datums', 'Summa', 'Valūta', 'Debets/Kredīts'],
    options: {
      mapping: SWEDBANK_COLUMNS,
      rowTypes: SWEDBANK_ROWS,
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'swedbank-lt',
    bank: 'Swedbank Lithuania (older export)',
    layout: "',' delimited, decimal point, YYYY-MM-DD, the same twelve columns (and more) as the Baltic export",
    source: `${SWEDBANK_SOURCE} The Lithuanian variant as in the corpus file bank2ynab_swedbank_lt_statement.xls.`,
    needs: [],
    headers: ['Account No', 'Date', 'Beneficiary', 'Details', 'Amount', 'Currency', 'D/K', 'Record ID'],
    options: {
      mapping: SWEDBANK_COLUMNS,
      rowTypes: SWEDBANK_ROWS,
      delimiter: ',',
      decimal: '.',
      dateFormat: 'YYYY-MM-DD',
    },
  },
  {
    name: 'seb-ee',
    bank: 'SEB Estonia',
    layout: "';' delimited, decimal comma, DD.MM.YYYY, unsigned amounts with a D/C column, balance rows by type",
    source: 'SEB Pank (Estonia) internet bank CSV export, column names as read by public bank-statement importers.',
    needs: [],
    headers: ['Kliendi konto', 'Kuupäev', 'Saaja/maksja konto', 'Saaja/maksja nimi', 'Deebet/Kreedit (D/C)'],
    options: {
      mapping: {
        account: 'Kliendi konto',
        date: 'Kuupäev',
        counterpartyAccount: 'Saaja/maksja konto',
        counterpartyName: 'Saaja/maksja nimi',
        text: 'Selgitus',
        amount: 'Summa',
        sign: 'Deebet/Kreedit (D/C)',
        currency: 'Valuuta',
        reference: 'Viitenumber',
        rowType: 'Tüüp',
      },
      rowTypes: SEB_ROWS,
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'seb-ee-en',
    bank: 'SEB Estonia, English export',
    layout: 'as seb-ee, with English column names',
    source: 'SEB Pank (Estonia) internet bank CSV export in English, column names as read by public importers.',
    needs: [],
    headers: ['Account', 'Date', "Beneficiary's account", "Beneficiary's name", '(D/C)', 'Archive ID'],
    options: {
      mapping: {
        account: 'Account',
        date: 'Date',
        counterpartyAccount: "Beneficiary's account",
        counterpartyName: "Beneficiary's name",
        text: 'Description',
        amount: 'Amount',
        sign: '(D/C)',
        currency: 'Currency',
        reference: 'Reference no.',
        rowType: 'Type',
      },
      rowTypes: SEB_ROWS,
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'op',
    bank: 'OP Financial Group (Finland)',
    layout: "';' delimited, ISO-8859-1, decimal comma, DD.MM.YYYY, signed amounts in euro",
    source:
      'OP internet bank "transactions as a file" export (Kirjauspäivä;Arvopäivä;Määrä EUROA;Laji;Selitys;' +
      'Saaja/Maksaja;Saajan tilinumero ja pankin BIC;Viite;Viesti;Arkistointitunnus), as read by public converters.',
    needs: ['mapping.fixedAccount'],
    headers: ['Kirjauspäivä', 'Arvopäivä', 'Määrä EUROA', 'Laji', 'Selitys', 'Saaja/Maksaja'],
    options: {
      mapping: {
        date: 1,
        valueDate: 2,
        amount: 3,
        kind: 5,
        counterpartyName: 6,
        reference: 8,
        text: 9,
        fixedCurrency: 'EUR',
      },
      encoding: 'iso-8859-1',
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'nordea-fi',
    bank: 'Nordea Finland (netbank export from 2023)',
    layout: "';' delimited, decimal comma, YYYY/MM/DD, signed amounts; pending rows dated 'Varaus' are left out",
    source:
      'Nordea Finland netbank CSV (Kirjauspäivä;Määrä;Maksaja;Maksunsaaja;Nimi;Otsikko;Viitenumero;Saldo;Valuutta) ' +
      'as described by public importers; reservations carry "Varaus" instead of a booking date.',
    needs: ['mapping.fixedAccount'],
    headers: ['Kirjauspäivä', 'Määrä', 'Maksaja', 'Maksunsaaja', 'Nimi', 'Otsikko', 'Viitenumero'],
    options: {
      mapping: { date: 1, rowType: 1, amount: 2, counterpartyName: 5, text: 6, reference: 7, currency: 9 },
      rowTypes: { keep: [ANY_ROW_TYPE], skip: ['Varaus'] },
      delimiter: ';',
      decimal: ',',
      dateFormat: 'YYYY/MM/DD',
    },
  },
  {
    name: 'nordea-fi-tsv',
    bank: 'Nordea Finland (older tab-separated export)',
    layout: 'tab-separated, the account on the first line, decimal comma, DD.MM.YYYY, signed amounts in euro',
    source:
      'Nordea Finland "Tapahtumat" text export (Kirjauspäivä, Arvopäivä, Maksupäivä, Määrä, Saaja/Maksaja, ' +
      'Tilinumero, BIC, Tapahtuma, Viite, Maksajan viite, Viesti, Kortinnumero, Kuitti) as read by public tools.',
    needs: ['mapping.fixedAccount'],
    headers: ['Kirjauspäivä', 'Arvopäivä', 'Maksupäivä', 'Määrä', 'Saaja/Maksaja', 'Tilinumero', 'Tapahtuma'],
    options: {
      mapping: {
        date: 1,
        valueDate: 2,
        amount: 4,
        counterpartyName: 5,
        counterpartyAccount: 6,
        kind: 8,
        reference: 9,
        text: 11,
        fixedCurrency: 'EUR',
      },
      delimiter: '\t',
      skipRows: 1,
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'sparebank1',
    bank: 'SpareBank 1 (Norway)',
    layout: "';' delimited, decimal comma, DD.MM.YYYY, money in and money out in separate columns, NOK",
    source: 'SpareBank 1 account export, as in the corpus file beancount-no-sparebank1_sb1.csv.',
    needs: ['mapping.fixedAccount'],
    headers: ['Dato', 'Beskrivelse', 'Rentedato', 'Inn', 'Ut', 'Til konto', 'Fra konto'],
    options: {
      mapping: {
        date: 'Dato',
        text: 'Beskrivelse',
        valueDate: 'Rentedato',
        credit: 'Inn',
        debit: 'Ut',
        fixedCurrency: 'NOK',
      },
      delimiter: ';',
      decimal: ',',
      dateFormat: 'DD.MM.YYYY',
    },
  },
  {
    name: 'danske-dk',
    bank: 'Danske Bank (Denmark)',
    layout: "';' delimited, ISO-8859-1, DD.MM.YYYY, amounts like -1.234,56, DKK",
    source: 'Danske Bank netbank CSV (Dato;Tekst;Beløb;Saldo;Status;Afstemt) as read by public converters.',
    needs: ['mapping.fixedAccount'],
    headers: ['Dato', 'Tekst', 'Beløb', 'Saldo', 'Status', 'Afstemt'],
    options: {
      mapping: { date: 'Dato', text: 'Tekst', amount: 'Beløb', fixedCurrency: 'DKK' },
      encoding: 'iso-8859-1',
      delimiter: ';',
      decimal: ',',
      thousandsSeparator: '.',
      dateFormat: 'DD.MM.YYYY',
    },
  },
];

export const BANK_CSV_PRESETS: ReadonlyMap<string, BankCsvPreset> = new Map(PRESETS.map((p) => [p.name, p]));
export const bankCsvPresetNames: readonly string[] = PRESETS.map((p) => p.name);

/** Mapping keys that are alternatives: a key given drops the preset's keys of the other way. */
const ALTERNATIVES: readonly (readonly [readonly MappingKey[], readonly MappingKey[]])[] = [
  [['amount'], ['debit', 'credit']],
  [
    ['debit', 'credit'],
    ['amount', 'sign'],
  ],
  [['currency'], ['fixedCurrency']],
  [['fixedCurrency'], ['currency']],
  [['account'], ['fixedAccount']],
  [['fixedAccount'], ['account']],
];

function mergeMapping(preset: Mapping, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...preset };
  for (const [named, dropped] of ALTERNATIVES)
    if (named.some((k) => given[k] !== undefined && given[k] !== null)) for (const k of dropped) delete out[k];
  for (const [k, v] of Object.entries(given)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The options a preset and the options given beside it make; without a preset, the options as given. */
export function withPreset(options: Record<string, unknown>): Record<string, unknown> {
  const { preset, ...given } = options;
  if (preset === undefined) return given;
  const p = typeof preset === 'string' ? BANK_CSV_PRESETS.get(preset.trim().toLowerCase()) : undefined;
  if (!p)
    throw errors.validation(
      `Import options: preset: "${String(preset)}" is not a preset; one of ${bankCsvPresetNames.join(', ')}`,
      'preset',
    );
  const mapping = given['mapping'];
  return {
    ...p.options,
    ...given,
    mapping: mergeMapping(
      p.options.mapping,
      mapping && typeof mapping === 'object' ? (mapping as Record<string, unknown>) : {},
    ),
  };
}
