/**
 * What the pipeline does with a bank statement before anything of it is written: a statement
 * already in the case, or met earlier in the same file, is skipped whole (its lines too), so money
 * is never counted twice; a statement whose opening balance plus its entries is not its closing
 * balance is refused, naming the account, the period and the difference, unless the user accepts
 * unbalanced statements explicitly (the statement then records it). Statements without balances
 * are kept and marked "no balances".
 *
 * camt.053, MT940, OFX and bank CSV importers yield each statement's lines before the statement
 * itself, in statement order, and the statement counts them (`entries`): the lines of a statement
 * are the first `entries` lines of its account not yet claimed.
 */
import { formatMinor, reconcile, statementKey, type Reconciliation } from '../../domain/finance/reconcile.ts';
import type { StatementRecord, TransactionRecord } from '../../domain/records.ts';
import type { Properties } from '../../domain/schema/types.ts';
import { errors } from '../../shared/errors.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import { getEntity } from '../../store/repos/entities/entities.ts';
import { hasStatement } from '../../store/repos/finance/statements.ts';

/**
 * Formats whose transactions belong to the statement items that follow them, except lines marked
 * `outsideStatement` (bank CSV rows of an account without balance rows).
 */
export const STATEMENT_FORMATS: ReadonlySet<string> = new Set(['camt053', 'mt940', 'ofx', 'bank-csv']);

export interface Lined<T> {
  line: number;
  record: T;
}

export interface GatedStatement {
  line: number;
  statement: StatementRecord;
  reconciliation: Reconciliation;
  /** For an accepted unbalanced statement: what the report and the account show. */
  warning?: string;
}

export interface SkippedStatement {
  line: number;
  reference: string;
  account: string;
  period: string;
  /** Where it was met before. */
  reason: 'already in the case' | 'earlier in this file';
  /** The sentence a report shows. */
  message: string;
}

export class StatementGate {
  private readonly pending: Lined<TransactionRecord>[] = [];
  private readonly seen = new Set<string>();
  readonly skipped: SkippedStatement[] = [];
  readonly unbalanced: GatedStatement[] = [];
  /** Lines of skipped statements: read, and already present. */
  skippedLines = 0;

  constructor(
    private readonly scope: CaseScope,
    private readonly acceptUnbalanced: boolean,
  ) {}

  /** Holds a line until its statement arrives. */
  hold(t: Lined<TransactionRecord>): void {
    this.pending.push(t);
  }

  /**
   * Decides on a statement: its lines to write and the statement with its reconciliation, or
   * nothing when it is a duplicate. Throws when it does not reconcile and that is not accepted.
   * `flushEntities` makes the account readable (to name it in a refusal or a skip).
   */
  async admit(
    line: number,
    s: StatementRecord,
    flushEntities: () => Promise<void>,
  ): Promise<{ lines: Lined<TransactionRecord>[]; statement: GatedStatement | null }> {
    const lines = this.claim(s);
    const key = statementKey(s);
    const repeated = this.seen.has(key);
    if (repeated || (await hasStatement(this.scope, s))) {
      await flushEntities();
      const account = await this.accountLabel(s.accountId);
      const reason = repeated ? 'earlier in this file' : 'already in the case';
      const message =
        `${statementName(s)} of account ${account} for ${periodOf(s)} skipped ` +
        `with its ${s.entries} line(s): it is ${repeated ? 'repeated from earlier in this file' : 'already in the case'}`;
      this.skipped.push({ line, reference: s.reference, account, period: periodOf(s), reason, message });
      this.skippedLines += lines.length;
      return { lines: [], statement: null };
    }
    this.seen.add(key);
    const reconciliation = reconcile({
      openingMinor: s.openingMinor,
      closingMinor: s.closingMinor,
      amountsMinor: lines.map((l) => l.record.amountMinor),
      bookingDates: lines.map((l) => l.record.bookingDate),
      intermediate: s.intermediate,
    });
    const gated = { line, statement: s, reconciliation };
    if (reconciliation.status === 'unbalanced') {
      await flushEntities();
      if (!this.acceptUnbalanced) {
        throw errors.importFailed(await this.refusal(s, reconciliation), `line ${line}`);
      }
      const where = reconciliation.segment
        ? ` in segment ${reconciliation.segment.index} of ${reconciliation.segment.count}`
        : '';
      const warning =
        `${statementName(s)} of account ${await this.accountLabel(s.accountId)} ` +
        `for ${periodOf(s)} does not reconcile${where} ` +
        `(difference ${formatMinor(reconciliation.differenceMinor, s.currency)})` +
        '; imported because unbalanced statements were accepted';
      this.unbalanced.push({ ...gated, warning });
    }
    return { lines, statement: gated };
  }

  /** Lines no statement claimed (a statement the importer gave no figures for): written as they are. */
  leftover(): Lined<TransactionRecord>[] {
    return this.pending.splice(0);
  }

  private claim(s: StatementRecord): Lined<TransactionRecord>[] {
    const n = Math.min(s.entries, this.pending.length);
    const first = this.pending.slice(0, n);
    // A line of another account means an earlier statement left its lines unclaimed: take this account's.
    if (first.every((t) => t.record.accountId === s.accountId)) return this.pending.splice(0, n);
    const mine: Lined<TransactionRecord>[] = [];
    for (let i = 0; i < this.pending.length && mine.length < s.entries;) {
      const t = this.pending[i] as Lined<TransactionRecord>;
      if (t.record.accountId === s.accountId) mine.push(...this.pending.splice(i, 1));
      else i++;
    }
    return mine;
  }

  private async refusal(s: StatementRecord, r: Extract<Reconciliation, { status: 'unbalanced' }>): Promise<string> {
    const money = (m: number) => formatMinor(m, s.currency);
    const seg = r.segment;
    const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
    const sum = seg
      ? ` in segment ${seg.index} of ${seg.count} (from ${seg.from} to ${seg.to}): ${money(seg.startMinor)} plus` +
        ` ${entries(seg.entries)} gives ${money(r.expectedClosingMinor)}, but ${seg.to} is ${money(seg.endMinor)}`
      : `: opening ${money(s.openingMinor ?? 0)} plus ${entries(s.entries)} gives ${money(r.expectedClosingMinor)},` +
        ` but the closing balance is ${money(s.closingMinor ?? 0)}`;
    return (
      `The ${statementName(s)} of account ${await this.accountLabel(s.accountId)} for ${periodOf(s)}` +
      ` does not reconcile${sum} (difference ${money(r.differenceMinor)}). Nothing was imported; to import it` +
      ' anyway, accept unbalanced statements (--accept-unbalanced).'
    );
  }

  private async accountLabel(accountId: string): Promise<string> {
    const row = await getEntity(this.scope, accountId);
    if (!row) return accountId;
    const props = JSON.parse(row.properties) as Properties;
    return props['iban']?.[0] ?? props['accountNumber']?.[0] ?? accountId;
  }
}

/** `statement "REF" (no. 999/2)`: the bank's reference and number, as far as the file gives them. */
const statementName = (s: StatementRecord): string =>
  `statement ${s.reference ? `"${s.reference}" ` : ''}${s.sequence ? `(no. ${s.sequence}) ` : ''}`.trimEnd();

const periodOf = (s: StatementRecord): string =>
  s.openingDate === s.closingDate ? s.openingDate : `${s.openingDate} to ${s.closingDate}`;
