/**
 * Balance rows of bank CSV exports (Swedbank and other Baltic banks put opening balance,
 * turnover and closing balance rows among the transactions): they are not transactions, but
 * the opening and closing rows give the statement figures that the statement gate reconciles.
 */
import type { StatementRecord } from '../../domain/records.ts';
import { errors } from '../../shared/errors.ts';
import type { BankCsvOptionsParsed } from './bankCsvOptions.ts';

type RowTypes = NonNullable<BankCsvOptionsParsed['rowTypes']>;
export type RowKind = 'keep' | 'opening' | 'closing' | 'skip';

interface Cell {
  cell(key: 'rowType'): string;
  fail(key: 'rowType', message: string): Error;
}

/** What the row type column says the row is; a value in none of the lists is an error. */
export function rowTypeOf(row: Cell, types: RowTypes): RowKind {
  const t = row.cell('rowType').toLowerCase();
  const has = (list: readonly string[]) => list.some((v) => v.toLowerCase() === t);
  if (has(types.keep)) return 'keep';
  if (has(types.opening)) return 'opening';
  if (has(types.closing)) return 'closing';
  if (has(types.skip)) return 'skip';
  const known = [...types.keep, ...types.opening, ...types.closing, ...types.skip].join(', ');
  throw row.fail('rowType', `"${row.cell('rowType')}" is not one of the row types given (${known})`);
}

interface Balance {
  line: number;
  minor: number;
  date: string;
  currency: string;
}

interface Figures {
  opening?: Balance;
  closing?: Balance;
  entries: number;
}

export class CsvBalances {
  private readonly byAccount = new Map<string, Figures>();

  constructor(private readonly fileName: string) {}

  private of(accountId: string): Figures {
    let f = this.byAccount.get(accountId);
    if (!f) this.byAccount.set(accountId, (f = { entries: 0 }));
    return f;
  }

  entry(accountId: string): void {
    this.of(accountId).entries++;
  }

  add(kind: 'opening' | 'closing', accountId: string, balance: Balance): void {
    const f = this.of(accountId);
    const had = f[kind];
    if (had)
      throw errors.importFailed(
        `${this.fileName}: line ${balance.line}: a second ${kind} balance for the account (the first is on line ${had.line})`,
        `line ${balance.line}`,
      );
    f[kind] = balance;
  }

  /** One statement per account that has both an opening and a closing balance row. */
  *statements(): Generator<{ line: number; statement: StatementRecord }> {
    for (const [accountId, f] of this.byAccount) {
      const { opening, closing } = f;
      if (!opening && !closing) continue;
      if (!opening || !closing) {
        const b = opening ?? closing;
        const line = b?.line ?? 1;
        throw errors.importFailed(
          `${this.fileName}: line ${line}: an ${opening ? 'opening' : 'closing'} balance without a ${opening ? 'closing' : 'opening'} one`,
          `line ${line}`,
        );
      }
      yield {
        line: closing.line,
        statement: {
          accountId,
          reference: `${opening.date}/${closing.date}`,
          currency: closing.currency,
          openingMinor: opening.minor,
          openingDate: opening.date,
          closingMinor: closing.minor,
          closingDate: closing.date,
          entries: f.entries,
        },
      };
    }
  }
}
