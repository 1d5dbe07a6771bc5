/**
 * SWIFT MT940 customer statements (`mt940`), with or without the SWIFT envelope, any number of
 * statements per file (each starts at `:20:`).
 *
 * Output per statement: the BankAccount of `:25:` (once per file), then one transaction per
 * `:61:` line, with the `:86:` that follows it read for counterparty, text and kind
 * (mt940Details.ts). Amounts take the currency of the opening balance `:60F:`/`:60M:`.
 * A statement must end with a closing balance `:62F:`/`:62M:`: one that does not is what a
 * truncated file looks like, and importing half a statement would silently lose money.
 * `:64:` and `:65:` (available and forward balances) are checked for form only. A `:62M:` followed
 * by `:60M:` inside one :20: block splits the statement into segments: both are kept as
 * intermediate balances, and the import checks each segment (statementGate.ts). A counterparty
 * account comes from `:86:`, else from an IBAN in the `:61:` supplementary details; the
 * statement's own account is never its own counterparty. Only a structured `:86:` makes the
 * counterparty's name a holder entity.
 * After its lines, each statement's figures (:20: reference, opening and closing balance,
 * number of :61: lines) are yielded as a `statement` item.
 */
import { z } from 'zod';
import type { IntermediateBalance } from '../../domain/finance/reconcile.ts';
import { ControlChars, readLines, TextEncodingOption } from '../text.ts';
import type { ImportInput, ImportItem, Importer } from '../types.ts';
import { accountEntityId, accountRef, AccountRefCache, type AccountRef } from './accounts.ts';
import { checkOptions, ItemQueue, type BankImportOptions } from './emit.ts';
import { parseDetails } from './mt940Details.ts';
import {
  failAt,
  mt940Fields,
  parseAccountField,
  parseBalance,
  parseStatementLine,
  type Balance,
  type Mt940Field,
  type StatementLine,
} from './mt940Fields.ts';

export const Mt940Options = z
  .object({
    /** SWIFT's character set is ASCII; banks export their letters in a code page (ISO-8859-2, windows-1257…). */
    encoding: TextEncodingOption.default('utf-8'),
  })
  .strict();

export type Mt940ImportOptions = z.input<typeof Mt940Options> & BankImportOptions;

interface Statement {
  line: number;
  reference: string;
  accountField?: Mt940Field;
  accountId?: string;
  /** The own account as written (Triodos names it again in `>31` without the bank). */
  accountDisplay?: string;
  opening?: Balance;
  closing?: Balance & { tag: string; line: number; entries: number };
  /** :28C: statement number / sequence number. */
  sequence?: string;
  /** Intermediate balances inside this :20: block (a :62M: and the :60M: that follows it). */
  intermediate: IntermediateBalance[];
  /** :61: lines read so far. */
  entries: number;
  pending?: { field: Mt940Field; entry: StatementLine; details?: Mt940Field };
}

class StatementReader {
  private st: Statement | null = null;
  private readonly refs = new AccountRefCache();
  statements = 0;

  constructor(private readonly queue: ItemQueue) {}

  field(f: Mt940Field): void {
    if (f.tag === '20') {
      this.finish(f.line);
      this.st = { line: f.line, reference: f.lines.join(' ').trim(), entries: 0, intermediate: [] };
      this.statements++;
      return;
    }
    if (f.tag === '-') return this.finish(f.line);
    const st = this.st;
    if (!st) throw failAt(f.line, `:${f.tag}: comes before the statement's reference field :20:`);
    switch (f.tag) {
      case '25':
        st.accountField = f;
        break;
      case '28C':
      case '28':
        st.sequence = f.lines.join('').trim() || undefined;
        break;
      case '60F':
      case '60M':
        this.opening(st, f);
        break;
      case '61': {
        this.flush();
        if (!st.opening) throw failAt(f.line, ':61: comes before the opening balance :60F: that gives its currency');
        this.account(st);
        st.pending = { field: f, entry: parseStatementLine(f, st.opening.currency) };
        break;
      }
      case '86':
        // After a :61: it describes that line; elsewhere it is statement-level information.
        if (st.pending && !st.pending.details) st.pending.details = f;
        break;
      case '62F':
      case '62M':
        this.flush();
        st.closing = { ...parseBalance(f), tag: f.tag, line: f.line, entries: st.entries };
        if (st.opening && st.closing.currency !== st.opening.currency) {
          throw failAt(f.line, `:${f.tag}: currency ${st.closing.currency} differs from the opening balance's`);
        }
        break;
      case '64':
      case '65':
        this.flush();
        parseBalance(f);
        break;
      default:
        break;
    }
  }

  /**
   * An opening balance: the statement's first, or — after an intermediate closing `:62M:` in the
   * same :20: block — the start of its next segment. Both balances are then intermediate ones,
   * checked where they stand among the entries.
   */
  private opening(st: Statement, f: Mt940Field): void {
    const balance = parseBalance(f);
    if (!st.opening) {
      st.opening = balance;
      return;
    }
    const closing = st.closing;
    if (!closing || closing.tag !== '62M')
      throw failAt(
        f.line,
        `:${f.tag}: a second opening balance without an intermediate closing balance (:62M:) before it`,
      );
    if (balance.currency !== st.opening.currency)
      throw failAt(f.line, `:${f.tag}: currency ${balance.currency} differs from the opening balance's`);
    const mark = (b: Balance & { line: number }, tag: string, entries: number): IntermediateBalance => ({
      minor: b.minor,
      date: b.date,
      label: `the intermediate balance :${tag}: on line ${b.line}`,
      afterEntries: entries,
    });
    st.intermediate.push(mark(closing, '62M', closing.entries), mark({ ...balance, line: f.line }, f.tag, st.entries));
    st.closing = undefined;
  }

  /** Ends the open statement at `line` (a new :20:, the message end, or the end of file). */
  finish(line: number, endOfFile = false): void {
    const st = this.st;
    if (!st) return;
    this.flush();
    if (!st.closing) {
      const where = endOfFile ? `the file ends at line ${line}` : `line ${line} starts something else`;
      throw failAt(
        st.line,
        `the statement starting here (:20:${st.reference}) has no closing balance (:62F:): ${where}; is the file truncated?`,
      );
    }
    const accountId = this.account(st);
    // Without an opening balance (a statement with no lines may omit it) there are no figures to keep.
    if (st.opening) {
      this.queue.statement(st.line, {
        accountId,
        reference: st.reference,
        currency: st.opening.currency,
        openingMinor: st.opening.minor,
        openingDate: st.opening.date,
        closingMinor: st.closing.minor,
        closingDate: st.closing.date,
        entries: st.entries,
        ...(st.sequence ? { sequence: st.sequence } : {}),
        ...(st.intermediate.length ? { intermediate: st.intermediate } : {}),
      });
    }
    this.st = null;
  }

  /** The statement's BankAccount, queued before its first transaction. */
  private account(st: Statement): string {
    if (st.accountId) return st.accountId;
    if (!st.accountField) throw failAt(st.line, 'the statement has no account identification (:25:)');
    const ref = parseAccountField(st.accountField, st.opening?.currency);
    st.accountId = this.queue.account(st.accountField.line, ref);
    st.accountDisplay = ref.display;
    return st.accountId;
  }

  private flush(): void {
    const st = this.st;
    const pending = st?.pending;
    if (!st || !pending) return;
    st.pending = undefined;
    st.entries++;
    const { field, entry, details } = pending;
    const accountId = this.account(st);
    const d = details ? parseDetails(details.lines, (raw, hint) => this.refs.get(raw, hint)) : {};
    const account = d.account ?? supplementaryIban(entry.supplementary);
    let counterpartyAccountId: string | null = null;
    if (account && accountEntityId(account) !== accountId && account.display !== st.accountDisplay) {
      counterpartyAccountId = this.queue.account(field.line, account);
      if (d.structured && d.account) this.queue.holder(field.line, d.name, counterpartyAccountId);
    }
    this.queue.transaction(field.line, {
      accountId,
      counterpartyAccountId,
      counterpartyName: d.name ?? null,
      counterpartyAccount: counterpartyAccountId ? (account?.display ?? null) : null,
      amountMinor: entry.minor,
      currency: st.opening?.currency ?? '',
      bookingDate: entry.bookingDate,
      valueDate: entry.valueDate,
      text: d.text ?? entry.supplementary ?? null,
      reference: entry.bankRef ?? (entry.customerRef !== account?.display ? entry.customerRef : undefined) ?? null,
      // Type codes after N are bank-specific in practice (ASN books fees as NDIV), so they are
      // kept as written rather than translated by the SWIFT list.
      kind: d.kind ?? (entry.typeCode || null),
      place: d.place ?? null,
    });
  }
}

/** A valid IBAN among the words of a `:61:` supplementary details line. */
function supplementaryIban(text: string | undefined): AccountRef | undefined {
  for (const word of text?.split(/[\s/]+/) ?? []) {
    const ref = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(word) ? accountRef(word) : null;
    if (ref?.iban) return ref;
  }
  return undefined;
}

async function* parse(input: ImportInput, options: Mt940ImportOptions = {}): AsyncGenerator<ImportItem> {
  const { known, ...rest } = options;
  const opts = checkOptions(Mt940Options, rest);
  const queue = new ItemQueue(known);
  const reader = new StatementReader(queue);
  let last = 0;
  const controls = new ControlChars();
  for await (const f of mt940Fields(readLines(input.open(), opts.encoding, controls), (line) => (last = line))) {
    reader.field(f);
    if (queue.full) yield* queue.drain();
  }
  reader.finish(last, true);
  if (reader.statements === 0) throw failAt(1, 'no MT940 statement found (no :20: field); is this an MT940 file?');
  yield* queue.drain();
  const stripped = controls.warning();
  if (stripped) yield { kind: 'skipped', line: stripped.line, warnings: [stripped.message] };
}

export const mt940Importer: Importer<Mt940ImportOptions> = {
  format: 'mt940',
  label: 'Bank statement (SWIFT MT940)',
  parse,
};
