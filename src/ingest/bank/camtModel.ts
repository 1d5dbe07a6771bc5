/**
 * camt.053 content as the importer needs it, read from small element trees: the statement's
 * header (everything in <Stmt> but its entries), one <Ntry> without its transaction details,
 * and one <TxDtls>. Element names follow ISO 20022; where versions differ both forms are read:
 * - BIC: `FinInstnId/BIC` (001.02–001.04) or `FinInstnId/BICFI` (001.05+);
 * - parties: `Dbtr/Nm` (up to 001.06) or `Dbtr/Pty/Nm` (Party40Choice, 001.07+);
 * - entry status: `Sts` as a code (up to 001.07) or `Sts/Cd` / `Sts/Prtry` (001.08);
 * - transaction amount: `TxDtls/Amt` (001.03+) or `TxDtls/AmtDtls/TxAmt/Amt`.
 */
import type { IntermediateBalance } from '../../domain/finance/reconcile.ts';
import { errors } from '../../shared/errors.ts';
import { accountRef, asBic, type AccountRef, type AccountRefCache } from './accounts.ts';
import { isCurrencyCode, parseXmlAmount } from './amounts.ts';
import { isoDate } from './dates.ts';

export interface XNode {
  name: string;
  line: number;
  attrs: Record<string, string>;
  text: string;
  children: XNode[];
}

export const newNode = (name: string, line: number, attrs: Record<string, string>): XNode => ({
  name,
  line,
  attrs,
  text: '',
  children: [],
});

/** The first child named `name` (a loop: this runs for every element of every entry, no closure made). */
function child(node: XNode, name: string): XNode | undefined {
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (children[i]?.name === name) return children[i];
  return undefined;
}

/** The first descendant along `path` (child names). */
export function find(node: XNode | undefined, ...path: string[]): XNode | undefined {
  let at = node;
  for (let i = 0; at && i < path.length; i++) at = child(at, path[i] ?? '');
  return at;
}

/** All children named `name` of the node at `path`. */
export const findAll = (node: XNode | undefined, name: string, ...path: string[]): XNode[] =>
  find(node, ...path)?.children.filter((c) => c.name === name) ?? [];

/** Whitespace other than single spaces, which `textAt` folds to one space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

/** Trimmed text at `path`, or undefined when absent or empty. */
export function textAt(node: XNode | undefined, ...path: string[]): string | undefined {
  let at = node;
  for (let i = 0; at && i < path.length; i++) at = child(at, path[i] ?? '');
  const t = at?.text.trim();
  return t ? (LOOSE_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t) : undefined;
}

const fail = (line: number, message: string) => errors.importFailed(`Line ${line}: ${message}`, `line ${line}`);

export interface Money {
  /** Signed from the statement account's point of view. */
  minor: number;
  currency: string;
  /** CRDT: kept apart from the sign, which a zero amount does not have. */
  credit: boolean;
}

/** Something a reader accepted but a person should know about (the import's warnings). */
export type Warn = (line: number, message: string) => void;

/**
 * `<Amt Ccy="EUR">8.85</Amt>` with the sign of `<CdtDbtInd>`; details without their own
 * indicator take the entry's (`fallbackSign`). `fallbackSign` 'balance': the balance sign
 * rules of ISO 20022 — without an indicator, a zero balance is a credit, a negative amount
 * (some banks write one) a debit, and any other amount is taken as a credit with a warning.
 */
function readMoney(
  amt: XNode,
  indicator: XNode | undefined,
  fallbackSign: 1 | -1 | 'balance' | undefined,
  what: string,
  warn?: Warn,
): Money {
  const currency = amt.attrs['Ccy'] ?? '';
  if (!isCurrencyCode(currency))
    throw fail(amt.line, `${what} amount needs a currency code (Ccy="EUR"), not "${currency}"`);
  let text = amt.text;
  let sign: 1 | -1 | undefined;
  if (indicator) sign = signOf(indicator);
  else if (fallbackSign === 'balance') {
    const negative = /^\s*-/.test(text);
    if (negative) text = text.replace('-', '');
    sign = negative ? -1 : 1;
    if (!negative && !/^\s*[0.]*\s*$/.test(text))
      warn?.(amt.line, `${what} has no credit/debit indicator (<CdtDbtInd>): taken as a credit balance`);
  } else sign = fallbackSign;
  if (sign === undefined) throw fail(amt.line, `${what} has no credit/debit indicator (<CdtDbtInd>)`);
  const parsed = parseXmlAmount(text, currency);
  if (!parsed.ok) throw fail(amt.line, `${what} amount "${amt.text.trim()}" ${parsed.reason}`);
  // `|| 0`: a zero debit is 0, not -0.
  return { minor: sign * parsed.minor || 0, currency, credit: sign === 1 };
}

function signOf(indicator: XNode): 1 | -1 {
  const v = indicator.text.trim();
  if (v === 'CRDT') return 1;
  if (v === 'DBIT') return -1;
  throw fail(indicator.line, `credit/debit indicator "${v}" is neither CRDT nor DBIT`);
}

/**
 * ISODate or ISODateTime as XML Schema writes them, with an optional time-zone offset and
 * fraction of a second of any length: `2017-04-03`, `2017-04-03+02:00`,
 * `2013-12-27T22:04:52.0+01:00`, `2023-07-06T10:27:07.213294607Z`. The calendar day as written
 * is kept (the bank's own day): converting to UTC would move late evening bookings.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:Z|[+-](\d{2}):(\d{2}))?$/;

/** Dates read before, as written: a statement repeats a few days thousands of times. */
const datesRead = new Map<string, string | null>();

export function camtDate(text: string): string | null {
  let date = datesRead.get(text);
  if (date === undefined) {
    date = readCamtDate(text);
    if (datesRead.size >= 10_000) datesRead.clear();
    datesRead.set(text, date);
  }
  return date;
}

function readCamtDate(text: string): string | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[4], m[5], m[6], m[7], m[8]].map(Number);
  if ((hour ?? 0) > 24 || (minute ?? 0) > 59 || (second ?? 0) > 60) return null;
  if ((offsetHours ?? 0) > 14 || (offsetMinutes ?? 0) > 59) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date element holding `<Dt>` or `<DtTm>`. */
export function readDate(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  const raw = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  if (raw === undefined) return undefined;
  const date = camtDate(raw);
  if (!date) throw fail(node.line, `"${raw}" is not a date`);
  return date;
}

/** A date-time element itself (`<CreDtTm>`, `<FrToDt><ToDtTm>`). */
function readDateTime(node: XNode | undefined): string | undefined {
  const raw = node?.text.trim();
  if (!node || !raw) return undefined;
  const date = camtDate(raw);
  if (!date) throw fail(node.line, `"${raw}" is not a date`);
  return date;
}

/** Bank transaction code: `PMNT/RCDT/ESCT` (ISO domain) or the bank's proprietary code. */
function readCode(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  const domain = [
    textAt(node, 'Domn', 'Cd'),
    textAt(node, 'Domn', 'Fmly', 'Cd'),
    textAt(node, 'Domn', 'Fmly', 'SubFmlyCd'),
  ].filter(Boolean);
  return domain.length ? domain.join('/') : textAt(node, 'Prtry', 'Cd');
}

const bicOf = (fin: XNode | undefined): string | undefined => asBic(textAt(fin, 'BIC') ?? textAt(fin, 'BICFI'));

/** `Acct/Id/IBAN` or `Acct/Id/Othr/Id` of an account element. */
const accountIdOf = (acct: XNode | undefined): string | undefined =>
  textAt(acct, 'Id', 'IBAN') ?? textAt(acct, 'Id', 'Othr', 'Id');

export interface StatementAccount {
  ref: AccountRef;
  ownerName?: string | undefined;
  statementId?: string | undefined;
  /** `<ElctrncSeqNb>`, else `<LglSeqNb>`. */
  sequence?: string | undefined;
  /** The statement's own date: its period's end, else its creation (for entries without one). */
  date?: string | undefined;
  /** Its period's start (`<FrToDt><FrDtTm>`), when given. */
  from?: string | undefined;
}

export function readStatementAccount(stmt: XNode): StatementAccount {
  const acct = find(stmt, 'Acct');
  const raw = accountIdOf(acct);
  const svcr = find(acct, 'Svcr', 'FinInstnId');
  const ref = accountRef(raw, { bic: bicOf(svcr), bankName: textAt(svcr, 'Nm'), currency: textAt(acct, 'Ccy') });
  if (!ref)
    throw fail(
      stmt.line,
      `the statement has no usable account identifier (<Acct><Id><IBAN> or <Othr><Id>)${raw ? `: "${raw}"` : ''}`,
    );
  return {
    ref,
    ownerName: textAt(acct, 'Ownr', 'Nm') ?? textAt(acct, 'Ownr', 'Pty', 'Nm'),
    statementId: textAt(stmt, 'Id'),
    sequence: textAt(stmt, 'ElctrncSeqNb') ?? textAt(stmt, 'LglSeqNb'),
    date: readDateTime(find(stmt, 'FrToDt', 'ToDtTm')) ?? readDateTime(find(stmt, 'CreDtTm')),
    from: readDateTime(find(stmt, 'FrToDt', 'FrDtTm')),
  };
}

export interface BalanceFigure {
  money: Money;
  date: string;
}

/** The statement's balance of type `codes` (the first code found wins), from its <Bal> elements. */
function readBalance(stmt: XNode, codes: readonly string[], warn?: Warn): BalanceFigure | undefined {
  const bals = findAll(stmt, 'Bal');
  for (const code of codes) {
    const bal = bals.find((b) => textAt(b, 'Tp', 'CdOrPrtry', 'Cd') === code);
    if (!bal) continue;
    const amt = find(bal, 'Amt');
    if (!amt) throw fail(bal.line, `the ${code} balance has no amount (<Amt>)`);
    const money = readMoney(amt, find(bal, 'CdtDbtInd'), 'balance', `the ${code} balance`, warn);
    const date = readDate(find(bal, 'Dt'));
    if (!date) throw fail(bal.line, `the ${code} balance has no date (<Dt><Dt> or <Dt><DtTm>)`);
    return { money, date };
  }
  return undefined;
}

/**
 * Opening (OPBD, or PRCD: the previous statement's closing) and closing (CLBD) booked
 * balances, each when the statement gives it (a notification gives neither), and the interim
 * booked balances (ITBD) in date order. Available balances (OPAV, ITAV, CLAV) include credit
 * lines and holds: they are not what the entries add up to, so they are not read.
 */
export function readStatementBalances(
  stmt: XNode,
  warn?: Warn,
): { opening: BalanceFigure | undefined; closing: BalanceFigure | undefined; interim: BalanceFigure[] } {
  const interim = findAll(stmt, 'Bal')
    .filter((b) => textAt(b, 'Tp', 'CdOrPrtry', 'Cd') === 'ITBD')
    .map((b) => readBalance({ ...stmt, children: [b] }, ['ITBD'], warn))
    .filter((b): b is BalanceFigure => !!b)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { opening: readBalance(stmt, ['OPBD', 'PRCD'], warn), closing: readBalance(stmt, ['CLBD'], warn), interim };
}

/**
 * Interim booked balances (ITBD) dated inside the statement's period: each holds after every
 * entry booked on or before its date. One dated on the opening or closing day says no more than
 * those balances (and whether it is the start or the end of that day is not written), so it is
 * not checked; without both an opening and a closing balance nothing is.
 */
export function intermediateOf(
  interim: readonly BalanceFigure[],
  opening: BalanceFigure | undefined,
  closing: BalanceFigure | undefined,
): { intermediate?: IntermediateBalance[] } {
  if (!opening || !closing) return {};
  const inside = interim.filter((b) => b.date > opening.date && b.date < closing.date);
  if (!inside.length) return {};
  return {
    intermediate: inside.map((b) => ({
      minor: b.money.minor,
      date: b.date,
      label: `the interim booked balance (ITBD) of ${b.date}`,
    })),
  };
}

/** An entry's own data (its <NtryDtls> are read separately, one <TxDtls> at a time). */
export interface EntryHead {
  line: number;
  money: Money;
  bookingDate: string;
  valueDate?: string | undefined;
  reference?: string | undefined;
  code?: string | undefined;
  status?: string | undefined;
  reversal: boolean;
  info?: string | undefined;
}

/** `BOOK`, `PDNG`, `INFO`…: `Sts` as a code (up to 001.07) or `Sts/Cd` / `Sts/Prtry` (001.08+). */
export const readEntryStatus = (ntry: XNode): string | undefined =>
  textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts', 'Prtry') ?? textAt(ntry, 'Sts');

/**
 * An entry without a booking date is dated by its value date, else by the statement's date
 * (`statementDate`); `warn` records which (once per entry: pass it on the final read only).
 */
export function readEntryHead(ntry: XNode, statementDate?: string, warn?: Warn): EntryHead {
  const amt = find(ntry, 'Amt');
  if (!amt) throw fail(ntry.line, 'the entry has no amount (<Amt>)');
  const money = readMoney(amt, find(ntry, 'CdtDbtInd'), undefined, 'the entry');
  const valueDate = readDate(find(ntry, 'ValDt'));
  let bookingDate = readDate(find(ntry, 'BookgDt'));
  if (!bookingDate) {
    bookingDate = valueDate ?? statementDate;
    if (!bookingDate)
      throw fail(
        ntry.line,
        'the entry has no booking date (<BookgDt>), no value date (<ValDt>) and its statement no date',
      );
    const from = valueDate ? 'its value date' : 'the statement date';
    warn?.(ntry.line, `the entry has no booking date (<BookgDt>): booked on ${from} ${bookingDate}`);
  }
  return {
    line: ntry.line,
    money,
    bookingDate,
    valueDate,
    reference: textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef'),
    code: readCode(find(ntry, 'BkTxCd')),
    status: readEntryStatus(ntry),
    reversal: textAt(ntry, 'RvslInd') === 'true',
    info: textAt(ntry, 'AddtlNtryInf'),
  };
}

export interface Party {
  name?: string | undefined;
  account?: AccountRef | undefined;
}

export interface TxDetails {
  line: number;
  /** Own amount, when the details carry one. */
  money?: Money | undefined;
  accountServicerRef?: string | undefined;
  endToEndId?: string | undefined;
  code?: string | undefined;
  debtor: Party;
  creditor: Party;
  remittance: string[];
  info?: string | undefined;
}

function readParty(
  rltd: XNode | undefined,
  agents: XNode | undefined,
  role: 'Dbtr' | 'Cdtr',
  refs: AccountRefCache,
): Party {
  const party = find(rltd, role);
  const acct = find(rltd, `${role}Acct`);
  const name = textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');
  const bic = bicOf(find(agents, `${role}Agt`, 'FinInstnId'));
  const account = refs.get(accountIdOf(acct), { bic, currency: textAt(acct, 'Ccy') }) ?? undefined;
  return { name, account };
}

export function readTxDetails(tx: XNode, entrySign: 1 | -1, refs: AccountRefCache): TxDetails {
  const amt = find(tx, 'Amt') ?? find(tx, 'AmtDtls', 'TxAmt', 'Amt');
  const money = amt ? readMoney(amt, find(tx, 'CdtDbtInd'), entrySign, 'the transaction') : undefined;
  const rltd = find(tx, 'RltdPties');
  const agents = find(tx, 'RltdAgts');
  const rmt = find(tx, 'RmtInf');
  const remittance = findAll(tx, 'Ustrd', 'RmtInf')
    .map((n) => n.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const strd of findAll(rmt, 'Strd')) {
    const ref = textAt(strd, 'CdtrRefInf', 'Ref');
    if (ref) remittance.push(`Creditor reference ${ref}`);
    for (const line of findAll(strd, 'AddtlRmtInf'))
      if (line.text.trim()) remittance.push(line.text.replace(/\s+/g, ' ').trim());
  }
  const e2e = textAt(tx, 'Refs', 'EndToEndId');
  return {
    line: tx.line,
    money,
    accountServicerRef: textAt(tx, 'Refs', 'AcctSvcrRef'),
    endToEndId: e2e && e2e !== 'NOTPROVIDED' ? e2e : undefined,
    code: readCode(find(tx, 'BkTxCd')),
    debtor: readParty(rltd, agents, 'Dbtr', refs),
    creditor: readParty(rltd, agents, 'Cdtr', refs),
    remittance,
    info: textAt(tx, 'AddtlTxInf'),
  };
}
