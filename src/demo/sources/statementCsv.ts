/**
 * Bank statements as the CSV exports of internet banks, in two layouts with their importer
 * options (the `bank-csv` format's JSON):
 * - `signed`: Finnish style, `;`-separated UTF-8, one signed amount with a decimal comma,
 *   dd.mm.yyyy dates, the statement account in a column;
 * - `dk`: Baltic style, windows-1257, the amount unsigned with a D/K mark, and opening balance,
 *   turnover and closing balance rows between each month's transactions.
 */
import iconv from 'iconv-lite';
import type { TransactionRecord } from '../../domain/records.ts';
import { csvRow } from '../../shared/csv.ts';
import type { AccountStatements } from './statementModel.ts';
import { bankReference, decimal, dmy } from './keys.ts';
import { placeText } from './statementFormats.ts';

const opts = { delimiter: ';', defuse: false } as const;

const kindWord: Record<string, string> = {
  'cash-deposit': 'Käteispano',
  'cash-withdrawal': 'Käteisnosto',
  card: 'Korttiosto',
  fee: 'Palvelumaksu',
  'direct-debit': 'Suoramaksu',
  salary: 'Palkka',
  transfer: 'Tilisiirto',
};

export const SIGNED_HEADER = [
  'Oma tili',
  'Kirjauspäivä',
  'Arvopäivä',
  'Määrä EUROA',
  'Valuutta',
  'Saaja/Maksaja',
  'Saajan tilinumero',
  'Viesti',
  'Arkistointitunnus',
  'Tapahtumalaji',
] as const;

export const signedCsvOptions = {
  mapping: {
    account: 'Oma tili',
    date: 'Kirjauspäivä',
    valueDate: 'Arvopäivä',
    amount: 'Määrä EUROA',
    currency: 'Valuutta',
    counterpartyName: 'Saaja/Maksaja',
    counterpartyAccount: 'Saajan tilinumero',
    text: 'Viesti',
    reference: 'Arkistointitunnus',
    kind: 'Tapahtumalaji',
  },
  delimiter: ';',
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
  encoding: 'utf-8',
};

const message = (t: TransactionRecord) => [placeText(t), t.text ?? ''].filter(Boolean).join(' ');

export function signedCsvFile(a: AccountStatements): Buffer {
  let out = csvRow(SIGNED_HEADER, opts);
  for (const s of a.statements)
    for (const t of s.lines)
      out += csvRow(
        [
          a.iban,
          dmy(t.bookingDate),
          dmy(t.valueDate ?? t.bookingDate),
          decimal(t.amountMinor, ','),
          t.currency,
          t.counterpartyName ?? '',
          t.counterpartyAccount ?? '',
          message(t),
          bankReference(a.bank, t.reference ?? ''),
          kindWord[t.kind ?? 'transfer'] ?? t.kind ?? '',
        ],
        opts,
      );
  return Buffer.from(out, 'utf8');
}

export const DK_HEADER = [
  'Kliendi konto',
  'Reatüüp',
  'Kuupäev',
  'Saaja/Maksja',
  'Saaja/Maksja konto',
  'Selgitus',
  'Summa',
  'Valuuta',
  'Deebet/Kreedit',
  'Arhiveerimistunnus',
  'Tehingu tüüp',
] as const;

export const dkCsvOptions = {
  mapping: {
    account: 'Kliendi konto',
    rowType: 'Reatüüp',
    date: 'Kuupäev',
    counterpartyName: 'Saaja/Maksja',
    counterpartyAccount: 'Saaja/Maksja konto',
    text: 'Selgitus',
    amount: 'Summa',
    currency: 'Valuuta',
    sign: 'Deebet/Kreedit',
    reference: 'Arhiveerimistunnus',
    kind: 'Tehingu tüüp',
  },
  delimiter: ';',
  decimal: ',',
  dateFormat: 'DD.MM.YYYY',
  encoding: 'windows-1257',
  rowTypes: { keep: ['20'], opening: ['10'], closing: ['86'], skip: ['82'] },
};

const dkKind: Record<string, string> = {
  'cash-deposit': 'Sularaha sissemakse',
  'cash-withdrawal': 'Sularaha väljamakse',
  card: 'Kaardimakse',
  fee: 'Teenustasu',
  'direct-debit': 'Otsekorraldus',
  salary: 'Palk',
  transfer: 'Ülekanne',
};

/**
 * Opening balance (10) first, then each month's transactions (20) and its turnover row (82),
 * and the closing balance (86) last: one statement per file, as an export of a period.
 */
export function dkCsvFile(a: AccountStatements): Buffer {
  const dk = (m: number) => (m < 0 ? 'D' : 'K');
  let out = csvRow(DK_HEADER, opts);
  const head = a.statements[0];
  const last = a.statements.at(-1);
  for (const s of a.statements) {
    const row = (
      type: string,
      date: string,
      minor: number,
      text: string,
      extra: Partial<Record<number, string>> = {},
    ) =>
      csvRow(
        DK_HEADER.map((_, i) =>
          i === 0
            ? a.iban
            : i === 1
              ? type
              : i === 2
                ? dmy(date)
                : i === 5
                  ? text
                  : i === 6
                    ? decimal(minor, ',', true)
                    : i === 7
                      ? a.currency
                      : i === 8
                        ? dk(minor)
                        : (extra[i] ?? ''),
        ),
        opts,
      );
    if (s === head) out += row('10', s.openingDate, s.openingMinor, 'Algsaldo');
    let turnover = 0;
    for (const t of s.lines) {
      turnover += Math.abs(t.amountMinor);
      out += row('20', t.bookingDate, t.amountMinor, message(t), {
        3: t.counterpartyName ?? '',
        4: t.counterpartyAccount ?? '',
        9: bankReference(a.bank, t.reference ?? ''),
        10: dkKind[t.kind ?? 'transfer'] ?? t.kind ?? '',
      });
    }
    out += row('82', s.closingDate, turnover, 'Käive');
    if (s === last) out += row('86', s.closingDate, s.closingMinor, 'Lõppsaldo');
  }
  return iconv.encode(out, 'windows-1257');
}
