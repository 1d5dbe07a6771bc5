/**
 * Options of the bank CSV importer as one zod schema, shared by the API, the CLI and the web
 * form so that all three accept and refuse the same things with the same messages.
 *
 * Decimal mark and date format have no defaults on purpose: `12,50` and `03/04/2024` read
 * differently in different countries, and a wrong guess gives plausible but false amounts
 * and dates rather than an error.
 */
import { z } from 'zod';
import { TextEncodingOption } from '../text.ts';
import { accountRef } from './accounts.ts';
import { compileDateFormat } from './dates.ts';

/** A column by its header name, or by its position (1 = first) when the header does not match the rows. */
const column = z.union([
  z.string().trim().min(1, 'name a column of the file'),
  z.number().int().min(1, 'column positions start at 1').max(1000),
]);
const mark = z.string().trim().min(1);
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR');

/** Which column holds what. Column names are matched to the header row. */
export const BankCsvMapping = z
  .object({
    date: column,
    valueDate: column.optional(),
    /** One signed amount column… */
    amount: column.optional(),
    /** …written unsigned, with a debit/credit mark (D/K, C/D, +/-, Debet/Kredit) in this column… */
    sign: column.optional(),
    /** …or a debit (money out) and a credit (money in) column. */
    debit: column.optional(),
    credit: column.optional(),
    currency: column.optional(),
    /** The currency of every row, when the file has no currency column. */
    fixedCurrency: currencyCode.optional(),
    counterpartyName: column.optional(),
    counterpartyAccount: column.optional(),
    /** The counterparty's personal or registration code, where the bank prints it. */
    counterpartyId: column.optional(),
    /** The account holder's name and personal or registration code (exports of several accounts). */
    holderName: column.optional(),
    holderId: column.optional(),
    /** Where a cash deposit, withdrawal or card payment happened (town, branch, ATM). */
    place: column.optional(),
    text: column.optional(),
    reference: column.optional(),
    kind: column.optional(),
    /** Column telling transaction rows from balance and turnover rows (see `rowTypes`). */
    rowType: column.optional(),
    /** Column with the statement account's IBAN or number (exports covering several accounts)… */
    account: column.optional(),
    /** …or the IBAN (or number) of the one account the whole file is about. */
    fixedAccount: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.amount !== undefined && (m.debit !== undefined || m.credit !== undefined)) {
      issue('amount', 'use either an amount column or debit and credit columns, not both');
    } else if (m.sign !== undefined && m.amount === undefined) {
      issue('sign', 'a debit/credit mark column goes with an amount column');
    } else if (m.amount === undefined && (m.debit === undefined || m.credit === undefined)) {
      issue(
        m.debit === undefined && m.credit === undefined ? 'amount' : m.debit === undefined ? 'debit' : 'credit',
        'name an amount column, or both a debit and a credit column',
      );
    }
    if ((m.currency === undefined) === (m.fixedCurrency === undefined)) {
      issue('currency', 'give either a currency column or a fixed currency');
    }
    if ((m.account === undefined) === (m.fixedAccount === undefined)) {
      issue('account', "give either an account column or the statement's account (fixedAccount)");
    } else if (m.fixedAccount !== undefined && !accountRef(m.fixedAccount)) {
      issue('fixedAccount', `"${m.fixedAccount}" is not an IBAN or account number`);
    }
  });

export const BankCsvOptions = z
  .object({
    mapping: BankCsvMapping,
    /** UTF-8 or a single-byte code page of the shared list (windows-1250…1258, iso-8859-*, …). */
    encoding: TextEncodingOption.default('utf-8'),
    /** XLSX exports: the sheet by name or number (1 = first); the first sheet when not given. */
    sheet: z.union([z.string().trim().min(1), z.number().int().min(1).max(1000)]).optional(),
    /** Field delimiter; detected from the header row when not given. */
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    decimal: z.enum([',', '.']),
    /** E.g. `DD.MM.YYYY`, `YYYY-MM-DD`, `DD/MM/YYYY`, `MM/DD/YYYY`, `D.M.YYYY`. */
    dateFormat: z.string().trim().min(1),
    /**
     * `' '` accepts any space; `''` forbids separators. Not given: spaces, apostrophes and the
     * mark that is not the decimal one, between groups of three digits only.
     */
    thousandsSeparator: z.enum(['.', ',', ' ', "'", '']).optional(),
    /** Lines before the header row (bank name, period, balances…). */
    skipRows: z.number().int().min(0).max(10_000).default(0),
    /** Non-empty lines after the data (totals, "end of statement") to leave out. */
    skipFooterRows: z.number().int().min(0).max(10_000).default(0),
    /**
     * Read a quote inside an unquoted field as text (a field that only ends with a quote lost its
     * opening one: that quote is dropped), with a warning naming the line, instead of refusing it.
     */
    lenientQuotes: z.boolean().default(false),
    /** Marks in the `sign` column, compared ignoring case and surrounding spaces. */
    signMarks: z
      .strictObject({ debit: z.array(mark).min(1), credit: z.array(mark).min(1) })
      .default({ debit: ['D', 'DR', 'Debet', 'Debit', '-'], credit: ['K', 'C', 'CR', 'Kredit', 'Credit', '+'] }),
    /**
     * Values of the `rowType` column: rows of a `keep` type are transactions; `opening` and
     * `closing` rows carry the statement's balances; rows of any other listed type (turnover…)
     * are passed over. A value in no list is an error, so a new kind of row is not lost unseen.
     */
    rowTypes: z
      .strictObject({
        keep: z.array(mark).min(1),
        opening: z.array(mark).default([]),
        closing: z.array(mark).default([]),
        skip: z.array(mark).default([]),
      })
      .optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if ((o.rowTypes === undefined) !== (o.mapping.rowType === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['rowTypes'], message: 'a row type column and its values go together' });
    }
    const debits = new Set(o.signMarks.debit.map((d) => d.toLowerCase()));
    const both = o.signMarks.credit.find((c) => debits.has(c.toLowerCase()));
    if (both !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['signMarks'], message: `"${both}" is both a debit and a credit mark` });
    }
    if (o.thousandsSeparator !== undefined && o.thousandsSeparator === o.decimal) {
      ctx.addIssue({ code: 'custom', path: ['thousandsSeparator'], message: 'must differ from the decimal mark' });
    }
    try {
      compileDateFormat(o.dateFormat);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['dateFormat'], message: e instanceof Error ? e.message : String(e) });
    }
  });

export type BankCsvMappingInput = z.input<typeof BankCsvMapping>;
export type BankCsvOptionsInput = z.input<typeof BankCsvOptions>;
export type BankCsvOptionsParsed = z.output<typeof BankCsvOptions>;
