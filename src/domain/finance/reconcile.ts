/**
 * Does a bank statement add up? Its opening balance plus the sum of its entries must equal its
 * closing balance (all in signed minor units of the statement's currency). A statement whose
 * file gives no opening balance cannot be checked: it is "not reconcilable", neither refused
 * nor trusted. And when is a statement the same statement again: the bank's reference alone
 * does not say (some banks give every statement the same `:20:`), so the account, reference,
 * period and both balances together do.
 */

export type Reconciliation =
  | { status: 'balanced' }
  | { status: 'unbalanced'; expectedClosingMinor: number; differenceMinor: number }
  | { status: 'no balances' };

export interface StatementFigures {
  openingMinor: number | null;
  closingMinor: number | null;
  /** Signed amounts of the statement's entries, in minor units. */
  amountsMinor: readonly number[];
}

export function reconcile(s: StatementFigures): Reconciliation {
  if (s.openingMinor === null || s.closingMinor === null) return { status: 'no balances' };
  const expectedClosingMinor = s.amountsMinor.reduce((sum, a) => sum + a, s.openingMinor);
  const differenceMinor = s.closingMinor - expectedClosingMinor;
  return differenceMinor === 0
    ? { status: 'balanced' }
    : { status: 'unbalanced', expectedClosingMinor, differenceMinor };
}

export interface StatementIdentity {
  accountId: string;
  reference: string;
  openingDate: string;
  closingDate: string;
  openingMinor: number | null;
  closingMinor: number | null;
}

/** One string per statement: equal exactly when account, reference, period and balances are. */
export const statementKey = (s: StatementIdentity): string =>
  [s.accountId, s.reference, s.openingDate, s.closingDate, s.openingMinor, s.closingMinor].join('\u001f');

/** Minor units as a decimal amount with the currency ("-12.34 EUR"); two decimals unless told otherwise. */
export function formatMinor(minor: number, currency: string, decimals = 2): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (decimals === 0) return `${sign}${abs} ${currency}`;
  const scale = 10 ** decimals;
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(decimals, '0');
  return `${sign}${whole}.${frac} ${currency}`;
}
