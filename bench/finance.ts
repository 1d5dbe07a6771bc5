/**
 * Financial-analysis benchmarks, each phase in a child process of its own (its peak memory is
 * then its own), all on SQLite files in a temporary folder:
 * - bank CSV import of BENCH_CSV_ROWS (1,000,000) lines through the shared import pipeline
 *   (assembly off: bench/assembly.ts reports its cost),
 *   beside a raw better-sqlite3 loop inserting the same lines into the same table definition
 *   with the same PRAGMAs in one transaction (rates and ratio; aim ≥ 0.7);
 * - camt.053 of a BENCH_CAMT_MB (50) MB statement: the streaming read in MB/s beside a raw parse
 *   of the same file by fast-xml-parser (aim ≥ 20 MB/s), then the whole import;
 * - every red-flag rule over a generated case of about a million lines (aim under 10 s; BENCH_RULES_SCALE=0: left out).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../src/domain/finance/rules/index.ts';
import { fmt, rate } from './support.ts';
import { writeCamt053, writeStatementCsv } from './financeInputs.ts';

interface PhaseResult {
  ms: number;
  rows: number;
  peakRssMb: number;
  [key: string]: unknown;
}

/** Runs bench/financePhase.ts in a fresh Node process with this process's loader (tsx). */
function phase(name: string, db: string, ...args: string[]): Promise<PhaseResult> {
  const script = join(import.meta.dirname, 'financePhase.ts');
  const execArgv = process.execArgv.length ? process.execArgv : ['--import', 'tsx'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, script, name, db, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`phase ${name} failed (exit ${code}): ${out.slice(-500)}`));
      else resolve(JSON.parse(last) as PhaseResult);
    });
  });
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mem = (r: PhaseResult) => `peak RSS ${fmt(r.peakRssMb)} MB`;
const cpu = (r: PhaseResult) => `CPU ${secs(Number(r.cpuMs))} for the whole phase`;

export async function financeBench(): Promise<void> {
  const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
  const camtMb = Number(process.env.BENCH_CAMT_MB ?? 50);
  const demoScale = Number(process.env.BENCH_RULES_SCALE ?? 210);
  const dir = mkdtempSync(join(tmpdir(), 'elect-fin-bench-'));
  try {
    const csv = join(dir, 'statement.csv');
    const csvBytes = await writeStatementCsv(csv, csvRows);
    const load = (await import('node:os')).loadavg()[0] ?? 0;
    console.log(
      `\nMachine load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores (other work on the machine slows wall-clock figures; CPU times are given too).`,
    );
    console.log(
      `\nBank CSV import: ${fmt(csvRows)} lines, ${(csvBytes / 1024 / 1024).toFixed(0)} MB (the scenario generator’s statement lines, accounts by IBAN), SQLite files`,
    );
    const ours = await phase('csv-import', join(dir, 'ours.sqlite'), csv);
    const raw = await phase('csv-raw', join(dir, 'raw.sqlite'), csv);
    const ratio = rate(ours.rows, ours.ms) / rate(raw.rows, raw.ms);
    const cpuRatio = rate(ours.rows, Number(ours.timedCpuMs)) / rate(raw.rows, Number(raw.timedCpuMs));
    console.log(
      `  ${'runImport + bank-csv (parse, accounts, fingerprint, insert)'.padEnd(62)} ${fmt(rate(ours.rows, ours.ms)).padStart(9)} rows/s  (${fmt(ours.rows)} rows, ${fmt(Number(ours.entities))} entities, ${secs(ours.ms)}, CPU ${secs(Number(ours.timedCpuMs))}; assembly off; ${cpu(ours)}, ${mem(ours)})`,
    );
    console.log(
      `  ${'raw better-sqlite3 loop, same rows, table and PRAGMAs'.padEnd(62)} ${fmt(rate(raw.rows, raw.ms)).padStart(9)} rows/s  (${fmt(raw.rows)} rows, ${secs(raw.ms)} inserting, CPU ${secs(Number(raw.timedCpuMs))}; ${mem(raw)})`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)}  (aim ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'}); by CPU time ${cpuRatio.toFixed(2)}`,
    );
    rmSync(csv, { force: true });

    const camt = join(dir, 'statement.camt053.xml');
    const written = await writeCamt053(camt, camtMb * 1024 * 1024);
    const mb = statSync(camt).size / 1024 / 1024;
    const mbps = (ms: unknown) => mb / (Number(ms) / 1000);
    const parsed = await phase('camt-parse', join(dir, 'parse.sqlite'), camt);
    const rawXml = await phase('camt-raw', join(dir, 'raw.sqlite'), camt);
    console.log(`\ncamt.053: ${mb.toFixed(0)} MB, ${fmt(written.entries)} entries`);
    console.log(
      `  ${'streaming read (camt053Importer.parse, every item)'.padEnd(62)} ${mbps(parsed.ms).toFixed(1).padStart(6)} MB/s  (${fmt(parsed.rows)} transactions in ${secs(parsed.ms)}; by CPU ${mbps(parsed.timedCpuMs).toFixed(1)} MB/s; ${mem(parsed)})`,
    );
    console.log(
      `  ${'raw parse: fast-xml-parser, whole text to one tree'.padEnd(62)} ${mbps(rawXml.ms).toFixed(1).padStart(6)} MB/s  (${secs(rawXml.ms)}; by CPU ${mbps(rawXml.timedCpuMs).toFixed(1)} MB/s; ${mem(rawXml)})`,
    );
    const readRate = mbps(parsed.ms);
    console.log(
      `  ratio ${(readRate / mbps(rawXml.ms)).toFixed(2)}  (aim ≥ 20 MB/s: ${readRate >= 20 ? 'met' : 'NOT met'}; by CPU ${mbps(parsed.timedCpuMs) >= 20 ? 'met' : 'NOT met'})`,
    );
    const c = await phase('camt-import', join(dir, 'camt.sqlite'), camt);
    console.log(
      `  ${'whole import (read, accounts, fingerprint, write)'.padEnd(62)} ${mbps(c.ms).toFixed(1).padStart(6)} MB/s  (${fmt(c.rows)} transactions, ${fmt(Number(c.entities ?? 0))} entities, in ${secs(c.ms)}, ${fmt(rate(c.rows, c.ms))} rows/s; ${cpu(c)}, ${mem(c)})`,
    );
    rmSync(camt, { force: true });

    // BENCH_RULES_SCALE=0 leaves the rules out (a run measuring the imports alone).
    if (!demoScale) return;
    const db = join(dir, 'rules.sqlite');
    const demo = await phase('demo-case', db, String(demoScale));
    console.log(
      `\nRed-flag rules: generated case, scale ${demoScale} (${fmt(demo.rows)} transactions, ${fmt(Number(demo.entities))} entities; loaded in ${secs(demo.ms)}, ${mem(demo)})`,
    );
    const r = await phase('rules', db, String(demo.caseId));
    const perRule = Object.entries((r.byRule ?? {}) as Record<string, number>)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `  all ${RULES.length} rules over ${fmt(r.rows)} transactions of ${fmt(Number(r.accounts))} accounts: ${secs(r.ms)} (aim < 10 s: ${r.ms < 10_000 ? 'met' : 'NOT met'}; ${cpu(r)}), ${fmt(Number(r.findings))} findings stored, ${mem(r)}`,
    );
    console.log(`  findings per rule: ${perRule}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
