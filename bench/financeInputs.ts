/**
 * Inputs for the financial benchmarks, written to temporary files: a bank CSV export and a
 * camt.053 statement. The CSV lines are the scenario generator's statement lines (accounts by
 * IBAN, real-looking counterparties, texts and references), so parsing and fingerprinting see
 * ordinary variety rather than one repeated line.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { scenarioStream } from '../src/demo/index.ts';

const csvField = (v: string | null | undefined): string => {
  if (v === null || v === undefined) return '';
  return /[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** Bank CSV options that read the file written by `writeStatementCsv`. */
export const CSV_OPTIONS = {
  mapping: {
    account: 'Account',
    date: 'Date',
    amount: 'Amount',
    currency: 'Currency',
    counterpartyName: 'Counterparty',
    counterpartyAccount: 'Counterparty account',
    text: 'Text',
    reference: 'Reference',
    kind: 'Type',
  },
  delimiter: ';' as const,
  decimal: '.' as const,
  dateFormat: 'YYYY-MM-DD',
};

/** Writes `rows` statement lines (plus a header) and returns the file's size in bytes. */
export async function writeStatementCsv(file: string, rows: number, seed = 91): Promise<number> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('Account;Date;Amount;Currency;Counterparty;Counterparty account;Text;Reference;Type\n');
  const iban = new Map<string, string>();
  let n = 0;
  let buf = '';
  for (const item of scenarioStream({ seed, scale: Math.ceil(rows / 4700) + 5 })) {
    if (item.kind === 'entity' && item.record.schema === 'BankAccount') {
      const i = item.record.properties.iban?.[0];
      if (i) iban.set(item.record.id, i);
      continue;
    }
    if (item.kind !== 'transaction') continue;
    const t = item.record;
    const amount = (t.amountMinor / 100).toFixed(2);
    buf += `${iban.get(t.accountId) ?? ''};${t.bookingDate};${amount};${t.currency};${csvField(t.counterpartyName)};${csvField(t.counterpartyAccount)};${csvField(t.text)};${csvField(t.reference)};${csvField(t.kind)}\n`;
    if (++n % 5000 === 0) {
      await write(buf);
      buf = '';
    }
    if (n === rows) break;
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

const COUNTERPARTIES = 20_000;

function camtEntry(i: number): string {
  const who = i % COUNTERPARTIES;
  const cp = `LV${String(10 + (who % 89)).padStart(2, '0')}TEST${String(who).padStart(13, '0')}`;
  const credit = i % 3 === 0;
  const amount = `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`;
  const party = credit ? 'Dbtr' : 'Cdtr';
  const day = String((i % 28) + 1).padStart(2, '0');
  return (
    `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
    `<BookgDt><Dt>2024-03-${day}</Dt></BookgDt><ValDt><Dt>2024-03-${day}</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\n<NtryDtls>\n` +
    `<TxDtls><Refs><EndToEndId>E2E-${i}</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt>` +
    `<RltdPties><${party}><Nm>Counterparty ${who}</Nm></${party}><${party}Acct><Id><IBAN>${cp}</IBAN></Id></${party}Acct></RltdPties>` +
    `<RmtInf><Ustrd>Invoice ${i} payment for services rendered</Ustrd></RmtInf></TxDtls>\n</NtryDtls></Ntry>\n`
  );
}

/** A camt.053.001.08 document of about `bytes` bytes (statements of 10,000 entries); returns entries and size. */
export async function writeCamt053(file: string, bytes: number): Promise<{ entries: number; size: number }> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>\n',
  );
  await write('<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-04-01T00:00:00</CreDtTm></GrpHdr>\n');
  let entries = 0;
  for (let stmt = 0; out.bytesWritten + out.writableLength < bytes; stmt++) {
    await write(
      `<Stmt><Id>S${stmt}</Id><Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id><Ownr><Nm>Bench Owner</Nm></Ownr></Acct>\n`,
    );
    let chunk = '';
    for (let k = 0; k < 10_000 && out.bytesWritten + out.writableLength + chunk.length < bytes; k++) {
      chunk += camtEntry(entries++);
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(`${chunk}</Stmt>\n`);
  }
  await write('</BkToCstmrStmt></Document>\n');
  out.end();
  await once(out, 'finish');
  return { entries, size: out.bytesWritten };
}
