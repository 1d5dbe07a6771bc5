/**
 * What an OFX statement says, read from the events of either tokenizer (ofxSgml.ts for OFX
 * 1.x, xml.ts for OFX 2.x): one statement per bank (`STMTRS`) or credit-card (`CCSTMTRS`)
 * response, its account (`BANKACCTFROM`/`CCACCTFROM`, ACCTID as written), currency (`CURDEF`),
 * one transaction per `STMTTRN`, and the ledger balance (`LEDGERBAL`).
 *
 * OFX gives a closing ledger balance and no opening one, so a statement cannot be checked:
 * opening = closing − Σ entries would hold by construction. The statement is yielded with its
 * closing balance only (openingMinor null), and the gate records it as not reconcilable.
 * Its period is `BANKTRANLIST`'s DTSTART–DTEND; its reference is empty (OFX has no statement
 * id: TRNUID changes with every download), so account, period and balance tell statements apart.
 * The bank's FITID becomes each line's reference, and with it part of the line's fingerprint.
 *
 * Only one transaction's elements are held at a time: a STMTTRN is read when it closes and then
 * dropped from the tree.
 */
import { errors } from '../../shared/errors.ts';
import type { TransactionRecord } from '../../domain/records.ts';
import { AccountRefCache, type AccountRef } from './accounts.ts';
import { isCurrencyCode, toMinor } from './amounts.ts';
import { isoDate } from './dates.ts';
import type { ItemQueue } from './emit.ts';
import type { XmlHandler } from './xml.ts';

export interface OfxNode {
  name: string;
  line: number;
  text: string;
  children: OfxNode[];
}

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

/** The element at `path` below `node` (direct children at each step). */
function childAt(node: OfxNode | undefined, ...path: string[]): OfxNode | undefined {
  let at = node;
  for (const name of path) at = at?.children.find((c) => c.name === name);
  return at;
}

/** The trimmed text at `path`, or undefined when absent or empty. */
export function textOf(node: OfxNode | undefined, ...path: string[]): string | undefined {
  const t = childAt(node, ...path)
    ?.text.replace(/\s+/g, ' ')
    .trim();
  return t === '' ? undefined : t;
}

/** OFX dates: `YYYYMMDD[HHMMSS[.XXX]][[offset[:zone]]]`. The bank's calendar day is kept. */
export function parseOfxDate(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:[.,]\d{1,6})?)?)?)?\s*(?:\[[^\]]*\])?$/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** OFX amounts: signed, a decimal point or comma, no thousands separators (`-6.60`, `+100`, `1234,5`). */
export function parseOfxAmount(text: string, currency: string): ReturnType<typeof toMinor> {
  const m = /^([+-])?(\d*)(?:[.,](\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && !m[3]))
    return { ok: false, reason: 'is not an amount (a signed number with a decimal point, e.g. -34.51)' };
  return toMinor(m[2] || '0', m[3] ?? '', m[1] === '-', currency);
}

const STATEMENTS = new Set(['STMTRS', 'CCSTMTRS']);
const ACCOUNTS: Readonly<Record<string, string>> = { STMTRS: 'BANKACCTFROM', CCSTMTRS: 'CCACCTFROM' };

interface Open {
  node: OfxNode;
  accountId?: string;
  accountWritten?: string;
  currency?: string;
  entries: number;
  first?: string;
  last?: string;
}

export class OfxReader implements XmlHandler {
  private readonly stack: OfxNode[] = [];
  private stmt: Open | null = null;
  private readonly refs = new AccountRefCache();
  private bankName: string | undefined;
  statements = 0;

  constructor(private readonly queue: ItemQueue) {}

  open(name: string, _attrs: Record<string, string>, line: number): void {
    const node: OfxNode = { name, line, text: '', children: [] };
    if (this.stack.length === 0 && name !== 'OFX') throw fail(line, `the root element is <${name}>, not <OFX>`);
    this.stack[this.stack.length - 1]?.children.push(node);
    this.stack.push(node);
    if (STATEMENTS.has(name)) {
      if (this.stmt) throw fail(line, `<${name}> inside the statement that starts on line ${this.stmt.node.line}`);
      this.statements++;
      this.stmt = { node, entries: 0 };
    }
  }

  text(text: string): void {
    const node = this.stack[this.stack.length - 1];
    if (node) node.text += text;
  }

  close(name: string, line: number): void {
    const node = this.stack.pop();
    if (!node) return;
    const parent = this.stack[this.stack.length - 1];
    const stmt = this.stmt;
    if (name === 'FI' && parent?.name === 'SONRS') this.bankName = textOf(node, 'ORG');
    if (!stmt) return;
    if (name === 'CURDEF' && parent === stmt.node) stmt.currency = this.currencyOf(node);
    else if (name === ACCOUNTS[stmt.node.name] && parent === stmt.node) this.account(stmt, node);
    else if (name === 'STMTTRN' && parent) {
      this.transaction(stmt, node);
      parent.children.pop();
    } else if (node === stmt.node) {
      this.statement(stmt, line);
      parent?.children.pop();
      this.stmt = null;
    }
  }

  /** After the document: a file without a statement is not a bank statement. */
  end(): void {
    if (this.statements === 0)
      throw fail(1, 'the file holds no bank or credit-card statement (<STMTRS> or <CCSTMTRS>)');
  }

  private currencyOf(node: OfxNode): string {
    const c = node.text.trim().toUpperCase();
    if (!isCurrencyCode(c)) throw fail(node.line, `<${node.name}> "${node.text.trim()}" is not a currency code`);
    return c;
  }

  private account(stmt: Open, node: OfxNode): void {
    const raw = textOf(node, 'ACCTID');
    if (!raw) throw fail(node.line, `<${node.name}> has no account number (<ACCTID>)`);
    const ref = this.refs.get(raw, {
      bankCode: textOf(node, 'BANKID'),
      bankName: this.bankName,
      currency: stmt.currency,
      keepWritten: true,
    });
    if (!ref) throw fail(node.line, `<ACCTID> "${raw}" is not an account number`);
    stmt.accountId = this.queue.account(node.line, ref);
    stmt.accountWritten = ref.written ?? ref.display;
  }

  private where(stmt: Open, node: OfxNode): string {
    const fitid = textOf(node, 'FITID');
    return `transaction ${stmt.entries + 1}${fitid ? ` (FITID ${fitid})` : ''}`;
  }

  private transaction(stmt: Open, node: OfxNode): void {
    const where = this.where(stmt, node);
    const at = (name: string) => childAt(node, name)?.line ?? node.line;
    if (!stmt.accountId)
      throw fail(node.line, `${where} comes before the statement's account (<${ACCOUNTS[stmt.node.name]}>)`);
    const currency = textOf(node, 'CURRENCY', 'CURSYM')?.toUpperCase() ?? stmt.currency;
    if (!currency) throw fail(node.line, `${where} comes before the statement's currency (<CURDEF>)`);
    const amountText = textOf(node, 'TRNAMT');
    if (!amountText) throw fail(node.line, `${where} has no amount (<TRNAMT>)`);
    const amount = parseOfxAmount(amountText, currency);
    if (!amount.ok) throw fail(at('TRNAMT'), `${where}: <TRNAMT> "${amountText}" ${amount.reason}`);
    const posted = textOf(node, 'DTPOSTED');
    const bookingDate = posted ? parseOfxDate(posted) : null;
    if (!bookingDate)
      throw fail(at('DTPOSTED'), `${where}: ${posted ? `<DTPOSTED> "${posted}" is not a date` : 'no <DTPOSTED>'}`);
    const avail = textOf(node, 'DTAVAIL');
    const valueDate = avail ? parseOfxDate(avail) : null;
    if (avail && !valueDate) throw fail(at('DTAVAIL'), `${where}: <DTAVAIL> "${avail}" is not a date`);
    const to = childAt(node, 'BANKACCTTO') ?? childAt(node, 'CCACCTTO');
    const cp: AccountRef | null = this.refs.get(textOf(to, 'ACCTID'), {
      bankCode: textOf(to, 'BANKID'),
      keepWritten: true,
    });
    const name = textOf(node, 'NAME') ?? textOf(node, 'PAYEE', 'NAME');
    let counterpartyAccountId: string | null = null;
    if (cp) {
      counterpartyAccountId = this.queue.account(to?.line ?? node.line, cp);
      if (counterpartyAccountId !== stmt.accountId) this.queue.holder(node.line, name, counterpartyAccountId);
      else counterpartyAccountId = null;
    }
    const check = textOf(node, 'CHECKNUM');
    const memo = textOf(node, 'MEMO');
    const text = [memo, check && /[1-9]/.test(check) ? `check ${check}` : undefined].filter(Boolean).join('; ');
    const record: TransactionRecord = {
      accountId: stmt.accountId,
      counterpartyAccountId,
      counterpartyName: name ?? null,
      counterpartyAccount: counterpartyAccountId ? (cp?.written ?? cp?.display ?? null) : null,
      amountMinor: amount.minor,
      currency,
      bookingDate,
      valueDate,
      text: text || null,
      reference: textOf(node, 'FITID') ?? null,
      kind: textOf(node, 'TRNTYPE') ?? null,
    };
    this.queue.transaction(node.line, record);
    stmt.entries++;
    if (!stmt.first || bookingDate < stmt.first) stmt.first = bookingDate;
    if (!stmt.last || bookingDate > stmt.last) stmt.last = bookingDate;
  }

  private statement(stmt: Open, line: number): void {
    const node = stmt.node;
    if (!stmt.currency) throw fail(node.line, `the statement has no currency (<CURDEF>)`);
    if (!stmt.accountId) throw fail(node.line, `the statement has no account (<${ACCOUNTS[node.name]}>)`);
    const list = childAt(node, 'BANKTRANLIST');
    const ledger = childAt(node, 'LEDGERBAL');
    const date = (el: OfxNode | undefined, name: string): string | undefined => {
      const t = textOf(el, name);
      if (t === undefined) return undefined;
      const d = parseOfxDate(t);
      if (!d) throw fail(childAt(el, name)?.line ?? line, `<${name}> "${t}" is not a date`);
      return d;
    };
    let closingMinor: number | null = null;
    if (ledger) {
      const text = textOf(ledger, 'BALAMT');
      if (!text) throw fail(ledger.line, '<LEDGERBAL> has no amount (<BALAMT>)');
      const r = parseOfxAmount(text, stmt.currency);
      if (!r.ok) throw fail(childAt(ledger, 'BALAMT')?.line ?? ledger.line, `<BALAMT> "${text}" ${r.reason}`);
      closingMinor = r.minor;
    }
    const asOf = date(ledger, 'DTASOF');
    const openingDate = date(list, 'DTSTART') ?? stmt.first ?? asOf;
    const closingDate = date(list, 'DTEND') ?? asOf ?? stmt.last ?? openingDate;
    if (!openingDate || !closingDate)
      throw fail(node.line, 'the statement has no period (<BANKTRANLIST> DTSTART/DTEND), lines or balance date');
    this.queue.statement(node.line, {
      accountId: stmt.accountId,
      reference: '',
      currency: stmt.currency,
      openingMinor: null,
      openingDate,
      closingMinor,
      closingDate,
      entries: stmt.entries,
    });
  }
}
