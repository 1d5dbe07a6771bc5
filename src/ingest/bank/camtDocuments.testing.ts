/**
 * Builders of small camt.053 documents for tests, following the ISO 20022 message structure
 * of each version where it differs (BIC vs BICFI, Dbtr/Nm vs Dbtr/Pty/Nm, Sts vs Sts/Cd).
 */

export interface TestParty {
  name?: string;
  iban?: string;
  other?: string;
  bic?: string;
}

export interface TestTx {
  amount?: string;
  ccy?: string;
  /** Put the amount in AmtDtls/TxAmt (as 001.02 has it) instead of TxDtls/Amt. */
  amtDtls?: boolean;
  indicator?: string;
  e2e?: string;
  ref?: string;
  debtor?: TestParty;
  creditor?: TestParty;
  ustrd?: string[];
}

export interface TestEntry {
  amount?: string;
  ccy?: string;
  indicator?: string;
  booking?: string;
  value?: string;
  status?: string;
  ref?: string;
  code?: string;
  info?: string;
  txs?: TestTx[];
}

export interface TestStatement {
  iban?: string;
  other?: string;
  owner?: string;
  bic?: string;
  entries: TestEntry[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function party(role: 'Dbtr' | 'Cdtr', p: TestParty | undefined, version: number): string {
  if (!p) return '';
  const name = p.name ? (version >= 7 ? `<Pty><Nm>${esc(p.name)}</Nm></Pty>` : `<Nm>${esc(p.name)}</Nm>`) : '';
  const id = p.iban ? `<IBAN>${p.iban}</IBAN>` : p.other ? `<Othr><Id>${p.other}</Id></Othr>` : '';
  return `${name ? `<${role}>${name}</${role}>` : ''}${id ? `<${role}Acct><Id>${id}</Id></${role}Acct>` : ''}`;
}

function agent(role: 'Dbtr' | 'Cdtr', p: TestParty | undefined, version: number): string {
  if (!p?.bic) return '';
  return `<${role}Agt><FinInstnId><${version >= 5 ? 'BICFI' : 'BIC'}>${p.bic}</${version >= 5 ? 'BICFI' : 'BIC'}></FinInstnId></${role}Agt>`;
}

function tx(t: TestTx, version: number): string {
  const amount = t.amount === undefined ? '' : `<Amt Ccy="${t.ccy ?? 'EUR'}">${t.amount}</Amt>`;
  const refs =
    t.e2e || t.ref
      ? `<Refs>${t.ref ? `<AcctSvcrRef>${t.ref}</AcctSvcrRef>` : ''}${t.e2e ? `<EndToEndId>${t.e2e}</EndToEndId>` : ''}</Refs>`
      : '';
  const amt = t.amtDtls
    ? `<AmtDtls><TxAmt>${amount}</TxAmt></AmtDtls>`
    : `${amount}${t.indicator ? `<CdtDbtInd>${t.indicator}</CdtDbtInd>` : ''}`;
  const agents = agent('Dbtr', t.debtor, version) + agent('Cdtr', t.creditor, version);
  return [
    '<TxDtls>',
    refs,
    amt,
    `<RltdPties>${party('Dbtr', t.debtor, version)}${party('Cdtr', t.creditor, version)}</RltdPties>`,
    agents ? `<RltdAgts>${agents}</RltdAgts>` : '',
    t.ustrd ? `<RmtInf>${t.ustrd.map((u) => `<Ustrd>${esc(u)}</Ustrd>`).join('')}</RmtInf>` : '',
    '</TxDtls>',
  ].join('\n');
}

function entry(e: TestEntry, version: number): string {
  const status = e.status ?? 'BOOK';
  return [
    '<Ntry>',
    e.amount === undefined ? '' : `<Amt Ccy="${e.ccy ?? 'EUR'}">${e.amount}</Amt>`,
    e.indicator === '' ? '' : `<CdtDbtInd>${e.indicator ?? 'CRDT'}</CdtDbtInd>`,
    version >= 8 ? `<Sts><Cd>${status}</Cd></Sts>` : `<Sts>${status}</Sts>`,
    `<BookgDt><Dt>${e.booking ?? '2024-03-01'}</Dt></BookgDt>`,
    e.value ? `<ValDt><Dt>${e.value}</Dt></ValDt>` : '',
    e.ref ? `<AcctSvcrRef>${e.ref}</AcctSvcrRef>` : '',
    e.code ? `<BkTxCd><Prtry><Cd>${e.code}</Cd></Prtry></BkTxCd>` : '',
    e.txs?.length ? `<NtryDtls>\n${e.txs.map((t) => tx(t, version)).join('\n')}\n</NtryDtls>` : '',
    e.info ? `<AddtlNtryInf>${esc(e.info)}</AddtlNtryInf>` : '',
    '</Ntry>',
  ]
    .filter(Boolean)
    .join('\n');
}

function statement(s: TestStatement, version: number, index: number): string {
  const id = s.iban ? `<IBAN>${s.iban}</IBAN>` : s.other ? `<Othr><Id>${s.other}</Id></Othr>` : '';
  const bic = s.bic
    ? `<Svcr><FinInstnId><${version >= 5 ? 'BICFI' : 'BIC'}>${s.bic}</${version >= 5 ? 'BICFI' : 'BIC'}></FinInstnId></Svcr>`
    : '';
  return [
    '<Stmt>',
    `<Id>STMT-${index}</Id>`,
    '<CreDtTm>2024-03-02T06:00:00</CreDtTm>',
    `<Acct><Id>${id}</Id><Ccy>EUR</Ccy>${s.owner ? `<Ownr><Nm>${esc(s.owner)}</Nm></Ownr>` : ''}${bic}</Acct>`,
    '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>',
    ...s.entries.map((e) => entry(e, version)),
    '</Stmt>',
  ].join('\n');
}

/** A whole camt.053.001.0`version` document. */
export function camtDocument(version: number, statements: TestStatement[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${String(version).padStart(2, '0')}">`,
    '<BkToCstmrStmt>',
    '<GrpHdr><MsgId>TEST</MsgId><CreDtTm>2024-03-02T06:00:00</CreDtTm></GrpHdr>',
    ...statements.map((s, i) => statement(s, version, i + 1)),
    '</BkToCstmrStmt>',
    '</Document>',
    '',
  ].join('\n');
}
