/**
 * Turns the XML events of a camt.052 report, camt.053 statement or camt.054 notification
 * (001.02 to 001.10) into bank entities and transactions, one entry at a time. The three
 * messages share their structure: `<Rpt>`, `<Stmt>` and `<Ntfctn>` are all read as a statement.
 * Only three kinds of subtree are ever held in memory: the current statement's
 * header (account, balances…, without its entries), the current <Ntry> without its details,
 * and the <TxDtls> of that entry. A batch entry with more than `batchBuffer` details is
 * streamed: its details become transactions as they arrive.
 */
import { errors, isAppError } from '../../shared/errors.ts';
import { AccountRefCache } from './accounts.ts';
import {
  intermediateOf,
  readEntryHead,
  readEntryStatus,
  readStatementAccount,
  readStatementBalances,
  readTxDetails,
  newNode,
  textAt,
  type EntryHead,
  type Money,
  type StatementAccount,
  type TxDetails,
  type Warn,
  type XNode,
} from './camtModel.ts';
import type { ItemQueue } from './emit.ts';
import type { XmlHandler } from './xml.ts';

export const CAMT_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.001\.(\d{2})$/;
const OTHER_CAMT = /^urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\.001\.\d{2}$/;
const MIN_VERSION = 2;
const MAX_VERSION = 10;

/** Each message's document element and the element of one statement in it. */
const MESSAGES: Readonly<Record<string, { body: string; statement: string }>> = {
  '052': { body: 'BkToCstmrAcctRpt', statement: 'Rpt' },
  '053': { body: 'BkToCstmrStmt', statement: 'Stmt' },
  '054': { body: 'BkToCstmrDbtCdtNtfctn', statement: 'Ntfctn' },
};

export interface CamtReaderOptions {
  /** Import entries whose status is not booked (PDNG, INFO, FUTR). Default: only BOOK. */
  includePending?: boolean;
  /** Details of one entry held before it is streamed (see above). */
  batchBuffer?: number;
  /** Elements one kept subtree may have; bounds memory on hostile input. */
  maxNodes?: number;
}

type Role = 'stmt' | 'ntry' | 'tx';
interface Frame {
  name: string;
  node: XNode | null;
  role?: Role;
}

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);
const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const MAX_TEXT = 1024 * 1024;

export class CamtReader implements XmlHandler {
  /** `052`, `053` or `054` once the root element has been read. */
  message: string | null = null;
  /** `001.02` … `001.10` once the root element has been read. */
  version: string | null = null;
  statements = 0;
  /** <Ntry> elements read, booked or not, in all statements. */
  entriesRead = 0;
  private readonly stack: Frame[] = [];
  private stmt: {
    node: XNode;
    account: (StatementAccount & { id: string }) | null;
    entries: number;
    /** <Ntry> elements read so far, booked or not: an entry's position in its statement. */
    ntries: number;
    warnings: string[];
    /** The first entry's currency and the span of booking dates: what a statement without balances has. */
    currency?: string;
    first?: string;
    last?: string;
  } | null = null;
  private entry: {
    node: XNode;
    head: EntryHead | null;
    /** The entry's elements when `head` was read: with none added since, the final read is the same. */
    headChildren: number;
    txs: TxDetails[];
    streamed: boolean;
    skip: boolean;
    warnings: string[];
  } | null = null;
  private nodes = 0;
  private readonly refs = new AccountRefCache();
  private readonly batchBuffer: number;
  private readonly maxNodes: number;
  private readonly warn: Warn;

  constructor(
    private readonly sink: ItemQueue,
    private readonly options: CamtReaderOptions = {},
  ) {
    this.batchBuffer = options.batchBuffer ?? 1000;
    this.maxNodes = options.maxNodes ?? 100_000;
    // Kept with the entry (for its transactions) or the statement (for its balances).
    this.warn = (_line, message) => {
      const list = this.entry?.warnings ?? this.stmt?.warnings;
      const text = `${this.where()}: ${message}`;
      if (list && !list.includes(text)) list.push(text);
    };
  }

  /**
   * Where the reader is, for messages: the statement (its number in the file and its <Id>) and
   * the entry (its number in the statement and its reference). A statement written on one line
   * would otherwise only ever be "line 1".
   */
  where(): string {
    const stmt = this.stmt;
    if (!stmt) return this.statements ? `after statement ${this.statements}` : 'before the first statement';
    const id = textAt(stmt.node, 'Id');
    let at = `statement ${this.statements}${id ? ` (${id})` : ''}`;
    const entry = this.entry;
    if (entry) {
      const ref = textAt(entry.node, 'AcctSvcrRef') ?? textAt(entry.node, 'NtryRef');
      at += `, entry ${stmt.ntries}${ref ? ` (reference ${ref})` : ''}`;
    }
    return at;
  }

  /** `error` with the reader's position added after its line, when it is an import error. */
  locate(error: unknown): unknown {
    if (!isAppError(error) || error.code !== 'import_failed' || this.version === null) return error;
    const m = /^(Line \d+: )?([\s\S]*)$/.exec(error.message);
    return errors.importFailed(`${m?.[1] ?? ''}${this.where()}: ${m?.[2] ?? error.message}`, error.path);
  }

  open(qname: string, attrs: Record<string, string>, line: number): void {
    // No closures here: this runs for every element, and under tsx each closure costs a
    // defineProperty (esbuild's keepNames).
    const name = localName(qname);
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.checkRoot(qname, attrs, line);
      this.stack.push({ name, node: null });
    } else if (this.stack.length === 1) {
      const body = MESSAGES[this.message ?? '']?.body;
      if (name !== body) throw fail(line, `expected <${body}>, found <${name}>`);
      this.stack.push({ name, node: null });
    } else if (this.stack.length === 2 && name === MESSAGES[this.message ?? '']?.statement) {
      this.statements++;
      this.nodes = 0;
      this.stmt = { node: newNode(name, line, attrs), account: null, entries: 0, ntries: 0, warnings: [] };
      this.stack.push({ name, node: this.stmt.node, role: 'stmt' });
    } else if (parent.role === 'stmt' && name === 'Ntry') {
      this.statementAccount();
      this.nodes = 0;
      this.entriesRead++;
      if (this.stmt) this.stmt.ntries++;
      const node = newNode(name, line, attrs);
      this.entry = { node, head: null, headChildren: 0, txs: [], streamed: false, skip: false, warnings: [] };
      this.stack.push({ name, node: this.entry.node, role: 'ntry' });
    } else if (name === 'TxDtls' && parent.name === 'NtryDtls' && this.entry) {
      this.entryHead();
      this.stack.push({ name, node: newNode(name, line, attrs), role: 'tx' });
    } else if (!parent.node) {
      this.stack.push({ name, node: null });
    } else {
      if (++this.nodes > this.maxNodes)
        throw fail(line, `more than ${this.maxNodes} elements in one entry or statement header`);
      const node = newNode(name, line, attrs);
      parent.node.children.push(node);
      this.stack.push({ name, node });
    }
  }

  text(text: string, line: number): void {
    const node = this.stack[this.stack.length - 1]?.node;
    if (!node) return;
    if (node.text.length + text.length > MAX_TEXT)
      throw fail(line, `<${node.name}> holds more than ${MAX_TEXT} characters of text`);
    node.text += text;
  }

  close(): void {
    const frame = this.stack.pop();
    if (!frame?.role || !frame.node) return;
    if (frame.role === 'tx') this.addDetails(frame.node);
    else if (frame.role === 'ntry') this.finishEntry();
    else this.finishStatement();
  }

  /**
   * The statement's figures, after its entries (its header holds every <Bal>). A balance the file
   * does not give is null (a notification has none): the statement is then kept as not
   * reconcilable, dated by its period (<FrToDt>), else its entries' booking dates, else its creation.
   */
  private finishStatement(): void {
    const stmt = this.stmt;
    if (!stmt) return;
    const account = this.statementAccount();
    const { opening, closing, interim } = readStatementBalances(stmt.node, this.warn);
    const openingDate = opening?.date ?? account.from ?? stmt.first ?? account.date ?? closing?.date;
    const closingDate = closing?.date ?? account.date ?? stmt.last ?? openingDate;
    const currency = account.ref.currency ?? opening?.money.currency ?? closing?.money.currency ?? stmt.currency;
    if (openingDate && closingDate && currency)
      this.sink.statement(
        stmt.node.line,
        {
          accountId: account.id,
          reference: account.statementId ?? '',
          currency,
          openingMinor: opening?.money.minor ?? null,
          openingDate,
          closingMinor: closing?.money.minor ?? null,
          closingDate,
          entries: stmt.entries,
          ...(account.sequence ? { sequence: account.sequence } : {}),
          ...intermediateOf(interim, opening, closing),
        },
        stmt.warnings,
      );
    this.stmt = null;
  }

  /** After the document: a camt message without statements is not a statement file. */
  finish(): void {
    const element = MESSAGES[this.message ?? '']?.statement ?? 'Stmt';
    if (this.statements === 0) throw fail(1, `the document contains no statement (<${element}>)`);
  }

  private checkRoot(qname: string, attrs: Record<string, string>, line: number): void {
    const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '';
    const ns = attrs[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
    if (localName(qname) !== 'Document')
      throw fail(line, `the root element is <${qname}>, not an ISO 20022 <Document>`);
    const m = CAMT_NAMESPACE.exec(ns);
    if (!m) {
      const other = OTHER_CAMT.exec(ns);
      const what = other ? `a camt.${other[1]} message` : ns ? `namespace "${ns}"` : 'no namespace';
      throw fail(
        line,
        `this is ${what}, not a camt.052, camt.053 or camt.054 bank statement ` +
          '(urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN)',
      );
    }
    const v = Number(m[2]);
    if (v < MIN_VERSION || v > MAX_VERSION) {
      throw fail(line, `camt.${m[1]} version 001.${m[2]} is not supported (supported: 001.02 to 001.10)`);
    }
    this.message = m[1] ?? '053';
    this.version = `001.${m[2]}`;
  }

  /** The statement's account entities, once, before its first entry. */
  private statementAccount(): StatementAccount & { id: string } {
    const stmt = this.stmt;
    if (!stmt) throw new Error('no open statement');
    if (stmt.account) return stmt.account;
    const account = readStatementAccount(stmt.node);
    const id = this.sink.account(stmt.node.line, account.ref);
    this.sink.holder(stmt.node.line, account.ownerName, id);
    stmt.account = { ...account, id };
    return stmt.account;
  }

  private entryHead(): EntryHead {
    const entry = this.entry;
    if (!entry) throw new Error('no open entry');
    if (!entry.head) {
      const status = readEntryStatus(entry.node);
      entry.skip = !this.options.includePending && status !== undefined && status !== 'BOOK';
      entry.head = readEntryHead(entry.node, this.stmt?.account?.date, entry.skip ? undefined : this.warn);
      entry.headChildren = entry.node.children.length;
    }
    return entry.head;
  }

  private addDetails(node: XNode): void {
    const entry = this.entry;
    if (!entry) return;
    const head = this.entryHead();
    entry.txs.push(readTxDetails(node, head.money.credit ? 1 : -1, this.refs));
    if (entry.txs.length > this.batchBuffer) {
      entry.streamed = true;
      this.emitEach(head, entry.txs);
      entry.txs = [];
    }
  }

  private finishEntry(): void {
    const entry = this.entry;
    if (!entry) return;
    // Read again when elements came after the details (<AddtlNtryInf>); else the first read holds.
    const same = entry.head && !entry.skip && entry.node.children.length === entry.headChildren ? entry.head : null;
    const status = same ? same.status : readEntryStatus(entry.node);
    const pending = !this.options.includePending && status !== undefined && status !== 'BOOK';
    if (!entry.skip && !pending) {
      const head = same ?? readEntryHead(entry.node, this.stmt?.account?.date, this.warn);
      const txs = entry.txs;
      if (entry.streamed) this.emitEach(head, txs);
      else if (txs.length <= 1) this.emit(head, txs[0], head.money, true);
      else if (txs.every((t) => t.money)) {
        // Split only when the parts make up the booked amount: parts in another currency, or
        // an entry that also books charges, would otherwise change the account's balance.
        const sum = txs.reduce((a, t) => a + (t.money?.currency === head.money.currency ? t.money.minor : NaN), 0);
        if (sum === head.money.minor) this.emitEach(head, txs);
        else {
          this.warn(
            head.line,
            `the ${txs.length} parts of this batch entry do not add up to its amount: kept as one line`,
          );
          this.emit(head, undefined, head.money, true, `Batch of ${txs.length} transactions`);
        }
      }
      // A batch whose parts have no amounts cannot be split: keep the booked total as one line.
      else this.emit(head, undefined, head.money, true, `Batch of ${txs.length} transactions`);
    }
    // Cleared last: until here, messages name this entry.
    this.entry = null;
  }

  private emitEach(head: EntryHead, txs: readonly TxDetails[]): void {
    for (const tx of txs) {
      if (!tx.money) throw fail(tx.line, 'a part of this batch entry has no amount (<Amt> or <AmtDtls><TxAmt>)');
      this.emit(head, tx, tx.money, false);
    }
  }

  private emit(head: EntryHead, tx: TxDetails | undefined, money: Money, whole: boolean, note?: string): void {
    const account = this.statementAccount();
    const stmt = this.stmt;
    if (stmt) {
      stmt.entries++;
      stmt.currency ??= money.currency;
      if (!stmt.first || head.bookingDate < stmt.first) stmt.first = head.bookingDate;
      if (!stmt.last || head.bookingDate > stmt.last) stmt.last = head.bookingDate;
    }
    const party = tx ? (money.credit ? tx.debtor : tx.creditor) : undefined;
    let counterpartyAccountId: string | null = null;
    // A whole entry is named by its <Ntry> line, a part of a batch by its <TxDtls> line.
    const line = whole || !tx ? head.line : tx.line;
    if (party?.account) {
      counterpartyAccountId = this.sink.account(line, party.account);
      this.sink.holder(line, party.name, counterpartyAccountId);
    }
    const text = lineText(
      note,
      tx?.remittance,
      tx?.info,
      whole ? head.info : undefined,
      tx?.endToEndId ? `EndToEndId ${tx.endToEndId}` : undefined,
    );
    const code = tx?.code ?? head.code;
    const kind = head.reversal ? (code ? `${code} reversal` : 'reversal') : (code ?? '');
    this.sink.transaction(
      line,
      {
        accountId: account.id,
        counterpartyAccountId,
        counterpartyName: party?.name ?? null,
        counterpartyAccount: party?.account?.display ?? null,
        amountMinor: money.minor,
        currency: money.currency,
        bookingDate: head.bookingDate,
        valueDate: head.valueDate ?? null,
        text: text || null,
        reference: tx?.accountServicerRef ?? head.reference ?? null,
        kind: kind || null,
      },
      this.entry?.warnings,
    );
  }
}

/** A line's text: its parts in order, each once, joined by " | " (a loop: it runs for every line). */
function lineText(
  note: string | undefined,
  remittance: readonly string[] | undefined,
  ...rest: (string | undefined)[]
): string {
  const parts: string[] = [];
  if (note) parts.push(note);
  if (remittance) for (const r of remittance) if (r && !parts.includes(r)) parts.push(r);
  for (const r of rest) if (r && !parts.includes(r)) parts.push(r);
  return parts.join(' | ');
}
