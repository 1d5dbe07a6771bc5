/**
 * Balance rows of bank CSV exports (Swedbank and other Baltic banks put opening balance,
 * turnover and closing balance rows among the transactions): they are not transactions, but
 * the opening and closing rows give the statement figures that the statement gate reconciles.
 *
 * A statement is the run of rows of one account between its opening and its closing balance row
 * (in either order: some exports list the newest row first). A file may hold several statements
 * of an account, or the same statement twice: each is its own statement item, yielded at its
 * last balance row, so the gate can skip a repeated one with its lines. An account that has
 * balance rows must have every transaction row inside a statement; one outside is refused,
 * since the gate could not tell which statement it belongs to.
 */
import type { StatementRecord } from '../../domain/records.ts';
import { errors } from '../../shared/errors.ts';
import type { BankCsvOptionsParsed } from './bankCsvOptions.ts';

type RowTypes = NonNullable<BankCsvOptionsParsed['rowTypes']>;
export type RowKind = 'keep' | 'opening' | 'closing' | 'skip';

/** In `rowTypes.keep`: every value not in another list is a transaction. */
export const ANY_ROW_TYPE = '*';

interface Cell {
  cell(key: 'rowType'): string;
  fail(key: 'rowType', message: string): Error;
}

/** What the row type column says the row is; a value in none of the lists is an error. */
export function rowTypeOf(row: Cell, types: RowTypes): RowKind {
  const t = row.cell('rowType').toLowerCase();
  const has = (list: readonly string[]) => list.some((v) => v.toLowerCase() === t);
  if (has(types.opening)) return 'opening';
  if (has(types.closing)) return 'closing';
  if (has(types.skip)) return 'skip';
  if (has(types.keep) || types.keep.includes(ANY_ROW_TYPE)) return 'keep';
  const known = [...types.keep, ...types.opening, ...types.closing, ...types.skip].join(', ');
  throw row.fail('rowType', `"${row.cell('rowType')}" is not one of the row types given (${known})`);
}

export interface Balance {
  line: number;
  minor: number;
  date: string;
  currency: string;
}

type Kind = 'opening' | 'closing';

interface Account {
  /** The statement being read: its first balance row and the entries since. */
  open: { kind: Kind; balance: Balance; entries: number } | null;
  statements: number;
  /** First transaction row read outside a statement. */
  outside: number | null;
}

export class CsvBalances {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly fileName: string) {}

  private of(accountId: string): Account {
    let a = this.accounts.get(accountId);
    if (!a) this.accounts.set(accountId, (a = { open: null, statements: 0, outside: null }));
    return a;
  }

  private fail(line: number, message: string): Error {
    return errors.importFailed(`${this.fileName}: line ${line}: ${message}`, `line ${line}`);
  }

  /** Counts a transaction row; whether it lies inside a statement (its line then waits for it). */
  entry(accountId: string, line: number): boolean {
    const a = this.of(accountId);
    if (a.open) {
      a.open.entries++;
      return true;
    }
    if (a.statements) throw this.outside(line);
    a.outside ??= line;
    return false;
  }

  private outside(line: number): Error {
    return this.fail(
      line,
      'a transaction of an account with balance rows, outside its statement (not between an opening and a closing balance row)',
    );
  }

  /** A balance row: opens a statement, or closes the open one and returns it. */
  add(kind: Kind, accountId: string, balance: Balance): StatementRecord | null {
    const a = this.of(accountId);
    if (a.outside !== null) throw this.outside(a.outside);
    if (!a.open) {
      a.open = { kind, balance, entries: 0 };
      return null;
    }
    if (a.open.kind === kind)
      throw this.fail(
        balance.line,
        `a second ${kind} balance for the account before its ${kind === 'opening' ? 'closing' : 'opening'} one (the first is on line ${a.open.balance.line})`,
      );
    const opening = kind === 'opening' ? balance : a.open.balance;
    const closing = kind === 'closing' ? balance : a.open.balance;
    const entries = a.open.entries;
    a.open = null;
    a.statements++;
    return {
      accountId,
      reference: `${opening.date}/${closing.date}`,
      currency: closing.currency,
      openingMinor: opening.minor,
      openingDate: opening.date,
      closingMinor: closing.minor,
      closingDate: closing.date,
      entries,
    };
  }

  /** At the end of the file: a statement left open is an error. */
  finish(): void {
    for (const a of this.accounts.values()) {
      if (!a.open) continue;
      const { kind, balance } = a.open;
      throw this.fail(balance.line, `an ${kind} balance without a${kind === 'opening' ? ' closing' : 'n opening'} one`);
    }
  }
}
