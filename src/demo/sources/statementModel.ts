/**
 * Statement lines grouped the way banks deliver them: per account, one statement per calendar
 * month, each with an opening and a closing balance that the entries reconcile to.
 */
import type { EntityRecord, TransactionRecord } from '../../domain/records.ts';
import { first, pick } from './keys.ts';

export interface MonthStatement {
  /** `2024-01`. */
  month: string;
  number: number;
  openingMinor: number;
  closingMinor: number;
  openingDate: string;
  closingDate: string;
  lines: TransactionRecord[];
}

export interface AccountStatements {
  account: EntityRecord;
  iban: string;
  currency: string;
  bank: string;
  ownerName: string;
  statements: MonthStatement[];
}

const lastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Per account with lines, its monthly statements in date order. */
export function statementsByAccount(
  accounts: ReadonlyMap<string, EntityRecord>,
  owners: ReadonlyMap<string, string>,
  lines: readonly TransactionRecord[],
): AccountStatements[] {
  const byAccount = new Map<string, TransactionRecord[]>();
  for (const t of lines) byAccount.set(t.accountId, [...(byAccount.get(t.accountId) ?? []), t]);
  const out: AccountStatements[] = [];
  for (const [id, txs] of byAccount) {
    const account = accounts.get(id);
    if (!account) continue;
    const iban = first(account, 'iban') || first(account, 'accountNumber');
    txs.sort(
      (a, b) => a.bookingDate.localeCompare(b.bookingDate) || (a.reference ?? '').localeCompare(b.reference ?? ''),
    );
    let balance = 50_000 + pick(iban, 400_000);
    const months = new Map<string, TransactionRecord[]>();
    for (const t of txs) months.set(t.bookingDate.slice(0, 7), [...(months.get(t.bookingDate.slice(0, 7)) ?? []), t]);
    const statements: MonthStatement[] = [];
    for (const [month, ls] of months) {
      const opening = balance;
      for (const t of ls) balance += t.amountMinor;
      statements.push({
        month,
        number: statements.length + 1,
        openingMinor: opening,
        closingMinor: balance,
        openingDate: `${month}-01`,
        closingDate: lastDay(month),
        lines: ls,
      });
    }
    out.push({
      account,
      iban,
      currency: first(account, 'currency') || txs[0]?.currency || 'EUR',
      bank: first(account, 'bankName') || 'Bank',
      ownerName: owners.get(id) ?? '',
      statements,
    });
  }
  return out.sort((a, b) => a.iban.localeCompare(b.iban));
}
