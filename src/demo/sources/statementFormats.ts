/**
 * Bank statements in the two standard formats: ISO 20022 camt.053.001.08 (XML) and SWIFT MT940.
 * Cash carries its place the way banks write it: camt gives the ISO bank transaction code
 * (`PMNT/CNTR/CDPT`, `PMNT/CCRD/CWDL`) and the ATM or branch in `AddtlNtryInf`; MT940 puts
 * the transaction type and the place in `:86:` keyword fields.
 */
import type { TransactionRecord } from '../../domain/records.ts';
import type { AccountStatements } from './statementModel.ts';
import { bankReference, decimal } from './keys.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO bank transaction code (domain/family/sub-family) of a generated line's kind. */
export function isoCode(t: TransactionRecord): [string, string, string] {
  const out = t.amountMinor < 0;
  switch (t.kind) {
    case 'cash-deposit':
      return ['PMNT', 'CNTR', 'CDPT'];
    case 'cash-withdrawal':
      return ['PMNT', 'CCRD', 'CWDL'];
    case 'card':
      return ['PMNT', 'CCRD', 'POSD'];
    case 'fee':
      return ['ACMT', 'MDOP', 'CHRG'];
    case 'direct-debit':
      return ['PMNT', 'RDDT', 'ESDD'];
    case 'salary':
      return ['PMNT', 'RCDT', 'SALA'];
    default:
      return out ? ['PMNT', 'ICDT', 'ESCT'] : ['PMNT', 'RCDT', 'ESCT'];
  }
}

/** Where the bank says the cash moved: "ATM Vantaa", "Branch Tallinn". */
export const placeText = (t: TransactionRecord): string =>
  t.place ? `${t.kind === 'cash-deposit' ? 'Cash deposit' : 'ATM'} ${t.place}` : '';

function camtEntry(a: AccountStatements, t: TransactionRecord): string {
  const [domain, family, sub] = isoCode(t);
  const credit = t.amountMinor >= 0;
  const ref = bankReference(a.bank, t.reference ?? '');
  const party = t.counterpartyName || t.counterpartyAccount ? (credit ? 'Dbtr' : 'Cdtr') : null;
  const related = party
    ? [
        '<RltdPties>',
        t.counterpartyName ? `<${party}><Pty><Nm>${esc(t.counterpartyName)}</Nm></Pty></${party}>` : '',
        t.counterpartyAccount ? `<${party}Acct><Id><IBAN>${t.counterpartyAccount}</IBAN></Id></${party}Acct>` : '',
        '</RltdPties>',
      ].join('')
    : '';
  const remit = t.text ? `<RmtInf><Ustrd>${esc(t.text)}</Ustrd></RmtInf>` : '';
  const info = placeText(t) || t.text || '';
  return [
    '<Ntry>',
    `<Amt Ccy="${t.currency}">${decimal(t.amountMinor, '.', true)}</Amt>`,
    `<CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>`,
    '<Sts><Cd>BOOK</Cd></Sts>',
    `<BookgDt><Dt>${t.bookingDate}</Dt></BookgDt>`,
    `<ValDt><Dt>${t.valueDate ?? t.bookingDate}</Dt></ValDt>`,
    `<AcctSvcrRef>${ref}</AcctSvcrRef>`,
    `<BkTxCd><Domn><Cd>${domain}</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${sub}</SubFmlyCd></Fmly></Domn></BkTxCd>`,
    `<NtryDtls><TxDtls><Refs><AcctSvcrRef>${ref}</AcctSvcrRef></Refs>${related}${remit}</TxDtls></NtryDtls>`,
    info ? `<AddtlNtryInf>${esc(info)}</AddtlNtryInf>` : '',
    '</Ntry>',
  ].join('');
}

const balance = (code: 'OPBD' | 'CLBD', minor: number, ccy: string, date: string) =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${decimal(minor, '.', true)}</Amt>` +
  `<CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;

/** One camt.053.001.08 document with the account's monthly statements. */
export function camtFile(a: AccountStatements, bic: string): string {
  const stmts = a.statements.map((s) =>
    [
      '<Stmt>',
      `<Id>${a.iban}-${s.month}</Id>`,
      `<ElctrncSeqNb>${s.number}</ElctrncSeqNb>`,
      `<CreDtTm>${s.closingDate}T23:59:00</CreDtTm>`,
      `<FrToDt><FrDtTm>${s.openingDate}T00:00:00</FrDtTm><ToDtTm>${s.closingDate}T23:59:59</ToDtTm></FrToDt>`,
      `<Acct><Id><IBAN>${a.iban}</IBAN></Id><Ccy>${a.currency}</Ccy>`,
      `${a.ownerName ? `<Ownr><Nm>${esc(a.ownerName)}</Nm></Ownr>` : ''}<Svcr><FinInstnId><BICFI>${bic}</BICFI></FinInstnId></Svcr></Acct>`,
      balance('OPBD', s.openingMinor, a.currency, s.openingDate),
      balance('CLBD', s.closingMinor, a.currency, s.closingDate),
      ...s.lines.map((t) => camtEntry(a, t)),
      '</Stmt>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
    '<BkToCstmrStmt>',
    `<GrpHdr><MsgId>${a.iban}-${a.statements.length}</MsgId><CreDtTm>${a.statements.at(-1)?.closingDate ?? '2024-12-31'}T23:59:00</CreDtTm></GrpHdr>`,
    ...stmts,
    '</BkToCstmrStmt>',
    '</Document>',
    '',
  ].join('\n');
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const swift = (minor: number) => decimal(minor, ',', true);
/** The SWIFT X character set, roughly: letters without diacritics, digits and a few marks. */
const swiftText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, ' ');

function field86(t: TransactionRecord): string[] {
  const kind = t.kind === 'cash-deposit' ? 'CASH DEPOSIT' : t.kind === 'cash-withdrawal' ? 'CASH WITHDRAWAL' : '';
  const parts = [
    `/TRTP/${kind || (t.kind ?? 'TRANSFER').toUpperCase()}`,
    t.counterpartyAccount ? `/IBAN/${t.counterpartyAccount}` : '',
    t.counterpartyName ? `/NAME/${swiftText(t.counterpartyName)}` : '',
    `/REMI/USTD//${swiftText([placeText(t), t.text ?? ''].filter(Boolean).join(' '))}/`,
  ].join('');
  const lines: string[] = [];
  for (let i = 0; i < parts.length && lines.length < 6; i += 65) lines.push(parts.slice(i, i + 65));
  return lines.map((l, i) => (i === 0 ? `:86:${l}` : l));
}

/** One MT940 file with the account's monthly statements (each its own `:20:` … `:62F:`). */
export function mt940File(a: AccountStatements, bic: string): string {
  const sign = (m: number) => (m < 0 ? 'D' : 'C');
  const out: string[] = [];
  for (const s of a.statements) {
    out.push(
      `{1:F01${bic.padEnd(12, 'X')}0000000000}{2:O940${bic.padEnd(12, 'X')}N}{4:`,
      `:20:${a.iban.slice(-8)}${s.month.replace('-', '')}`,
      `:25:${a.iban}`,
      `:28C:${s.number}/1`,
      `:60F:${sign(s.openingMinor)}${yymmdd(s.openingDate)}${a.currency}${swift(s.openingMinor)}`,
    );
    for (const t of s.lines) {
      const ref = bankReference(a.bank, t.reference ?? '');
      const dc = t.amountMinor < 0 ? 'D' : 'C';
      const code = t.kind?.startsWith('cash') ? 'NCHK' : t.kind === 'fee' ? 'NCHG' : 'NTRF';
      out.push(
        `:61:${yymmdd(t.valueDate ?? t.bookingDate)}${t.bookingDate.slice(5, 7)}${t.bookingDate.slice(8, 10)}${dc}${swift(t.amountMinor)}${code}NONREF//${ref}`,
      );
      out.push(...field86(t));
    }
    out.push(`:62F:${sign(s.closingMinor)}${yymmdd(s.closingDate)}${a.currency}${swift(s.closingMinor)}`, '-}');
  }
  return `${out.join('\r\n')}\r\n`;
}
