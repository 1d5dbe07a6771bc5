/**
 * Does a bank statement add up? Its opening balance plus the sum of its entries must equal its
 * closing balance (all in signed minor units of the statement's currency), and where the file
 * gives intermediate balances, every segment between them adds up on its own. A statement whose
 * file gives no opening balance cannot be checked: it is "not reconcilable" ("no balances", or
 * "closing balance only"), neither refused nor trusted. And when is a statement the same
 * statement again: the bank's reference alone does not say (some banks give every statement the
 * same `:20:`), so the account, reference, period and both balances together do.
 */

export type Reconciliation =
  | { status: 'balanced' }
  | {
      status: 'unbalanced';
      /** What the closing balance (or, with `segment`, the failing segment's end balance) should be. */
      expectedClosingMinor: number;
      differenceMinor: number;
      /** The first segment that does not add up, when the statement gives intermediate balances. */
      segment?: FailedSegment;
    }
  | { status: 'no balances' }
  /** Only a closing balance (OFX's ledger balance): the opening would be derived from it, so nothing is checked. */
  | { status: 'closing balance only' };

/**
 * A balance inside a statement: MT940 `:62M:`/`:60M:` where a statement continues, camt `ITBD`.
 * It holds after the statement's first `afterEntries` entries when given (a position in the
 * file), otherwise after every entry booked on or before `date`.
 */
export interface IntermediateBalance {
  minor: number;
  date: string;
  /** How the file names it, for messages: `:62M: on line 14`, `ITBD of 2024-03-15`. */
  label: string;
  afterEntries?: number | undefined;
}

export interface FailedSegment {
  /** 1-based; segments run opening → each intermediate balance in order → closing. */
  index: number;
  count: number;
  /** Labels of the balances the segment starts and ends at. */
  from: string;
  to: string;
  startMinor: number;
  endMinor: number;
  entries: number;
}

export interface StatementFigures {
  openingMinor: number | null;
  closingMinor: number | null;
  /** Signed amounts of the statement's entries, in minor units. */
  amountsMinor: readonly number[];
  /** Booking dates of the entries (same order), needed for intermediate balances given by date. */
  bookingDates?: readonly string[] | undefined;
  intermediate?: readonly IntermediateBalance[] | undefined;
}

interface Boundary {
  minor: number;
  label: string;
  /** Sum and count of the entries before it. */
  sum: number;
  count: number;
}

function boundaries(s: StatementFigures, opening: number, closing: number): Boundary[] {
  const total = s.amountsMinor.reduce((sum, a) => sum + a, 0);
  const inner = (s.intermediate ?? []).map((b): Boundary => {
    let sum = 0;
    let count = 0;
    s.amountsMinor.forEach((a, i) => {
      const before = b.afterEntries !== undefined ? i < b.afterEntries : (s.bookingDates?.[i] ?? '\uffff') <= b.date;
      if (before) [sum, count] = [sum + a, count + 1];
    });
    return { minor: b.minor, label: b.label, sum, count };
  });
  return [
    { minor: opening, label: 'the opening balance', sum: 0, count: 0 },
    ...inner,
    { minor: closing, label: 'the closing balance', sum: total, count: s.amountsMinor.length },
  ];
}

export function reconcile(s: StatementFigures): Reconciliation {
  if (s.openingMinor === null)
    return s.closingMinor === null ? { status: 'no balances' } : { status: 'closing balance only' };
  if (s.closingMinor === null) return { status: 'no balances' };
  const b = boundaries(s, s.openingMinor, s.closingMinor);
  for (let i = 1; i < b.length; i++) {
    const start = b[i - 1] as Boundary;
    const end = b[i] as Boundary;
    const expected = start.minor + end.sum - start.sum;
    if (expected === end.minor) continue;
    const failed = {
      status: 'unbalanced' as const,
      expectedClosingMinor: expected,
      differenceMinor: end.minor - expected,
    };
    if (b.length === 2) return failed;
    const segment = {
      index: i,
      count: b.length - 1,
      from: start.label,
      to: end.label,
      startMinor: start.minor,
      endMinor: end.minor,
      entries: end.count - start.count,
    };
    return { ...failed, segment };
  }
  return { status: 'balanced' };
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
