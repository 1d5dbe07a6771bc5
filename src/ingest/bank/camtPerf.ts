/**
 * Performance check of the camt.053 importer (not part of the test run):
 *
 *   npx tsx --expose-gc src/ingest/bank/camtPerf.ts [megabytes=50]
 *
 * Writes a statement of about the given size to a temporary file (streamed, so generating it
 * needs no memory either), parses it from disk and reports throughput and how far the
 * process's resident memory rose above its level before parsing. A parser that built a tree
 * of the file would grow by several times the file size; this one should stay flat.
 */
import { once } from 'node:events';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileInput } from '../files.ts';
import { camt053Importer } from './camt053.ts';

const COUNTERPARTIES = 20_000;

function entry(i: number): string {
  const who = i % COUNTERPARTIES;
  const cp = `LV${String(10 + (who % 89)).padStart(2, '0')}TEST${String(who).padStart(13, '0')}`;
  const credit = i % 3 === 0;
  const amount = `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`;
  const party = credit ? 'Dbtr' : 'Cdtr';
  const tx = (amt: string, n: number) =>
    `<TxDtls><Refs><EndToEndId>E2E-${i}-${n}</EndToEndId></Refs><Amt Ccy="EUR">${amt}</Amt>` +
    `<RltdPties><${party}><Nm>Counterparty ${who}</Nm></${party}><${party}Acct><Id><IBAN>${cp}</IBAN></Id></${party}Acct></RltdPties>` +
    `<RmtInf><Ustrd>Invoice ${i} payment for services rendered</Ustrd></RmtInf></TxDtls>\n`;
  // Every tenth entry is a batch of three equal parts.
  const details = i % 10 === 0 ? [tx('1.00', 1), tx('2.00', 2), tx('3.00', 3)].join('') : tx(amount, 1);
  return (
    `<Ntry><Amt Ccy="EUR">${i % 10 === 0 ? '6.00' : amount}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>` +
    `<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-${String((i % 28) + 1).padStart(2, '0')}</Dt></BookgDt>` +
    `<ValDt><Dt>2024-03-${String((i % 28) + 1).padStart(2, '0')}</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\n<NtryDtls>\n${details}</NtryDtls></Ntry>\n`
  );
}

async function generate(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>\n',
  );
  await write('<GrpHdr><MsgId>PERF</MsgId><CreDtTm>2024-04-01T00:00:00</CreDtTm></GrpHdr>\n');
  let entries = 0;
  // Statements of 10,000 entries each, as a bank's monthly export of a busy account would be.
  for (let stmt = 0; out.bytesWritten + out.writableLength < bytes; stmt++) {
    await write(
      `<Stmt><Id>S${stmt}</Id><Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id><Ownr><Nm>Perf Owner</Nm></Ownr></Acct>\n`,
    );
    for (let k = 0; k < 10_000 && out.bytesWritten + out.writableLength < bytes; k++) await write(entry(entries++));
    await write('</Stmt>\n');
  }
  await write('</BkToCstmrStmt></Document>\n');
  out.end();
  await once(out, 'finish');
  return entries;
}

async function main(): Promise<void> {
  const megabytes = Number(process.argv[2] ?? 50);
  const file = path.join(tmpdir(), `camt053-perf-${process.pid}.xml`);
  try {
    const entries = await generate(file, megabytes * 1024 * 1024);
    const size = statSync(file).size;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let transactions = 0;
    let entities = 0;
    const started = process.hrtime.bigint();
    for await (const item of camt053Importer.parse(fileInput(file), {})) {
      if (item.kind === 'transaction') transactions++;
      else entities++;
      if ((transactions + entities) % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`file            ${mb(size)} MB, ${entries} entries`);
    console.log(`yielded         ${transactions} transactions, ${entities} entities`);
    console.log(
      `time            ${seconds.toFixed(2)} s (${(transactions / seconds).toFixed(0)} transactions/s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s)`,
    );
    console.log(
      `RSS             ${mb(baseline)} MB before, peak ${mb(peak)} MB, growth ${mb(peak - baseline)} MB${gc ? '' : ' (run with --expose-gc for a steadier baseline)'}`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

await main();
