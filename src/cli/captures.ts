/**
 * `elect capture` and `elect verify-evidence`: capture an ad or web page into a case with its
 * URL and capture time (SHA-256 recorded, selectors and red flags read, ads linked), and check
 * every evidence file of a case against the SHA-256 recorded when it came in (exit status 1 on
 * any mismatch) — through the same services, policy and audit as the API.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CaptureUploadQuery } from '../shared/contracts/captures.ts';
import { errors } from '../shared/errors.ts';
import { captureAd, checkEvidence } from '../services/captures/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { withStore } from './context.ts';
import { parseOrThrow } from './parse.ts';

export function captureCommands(program: Command): void {
  program
    .command('capture <case> <file>')
    .description(
      'Capture an ad or web page (HTML, MHTML, text, PNG/JPEG screenshot) into a case: SHA-256 recorded, phones, e-mails and red flags read, ads sharing them linked',
    )
    .requiredOption('--url <url>', 'the address the page was captured from')
    .requiredOption('--captured-at <time>', 'when it was captured (ISO 8601, e.g. 2026-03-01T14:30:00Z)')
    .option('--site-country <cc>', 'the ad site’s country (ISO 3166-1, e.g. LV), for numbers written without +')
    .action(async (caseId: string, file: string, o: { url: string; capturedAt: string; siteCountry?: string }) => {
      const q = parseOrThrow(CaptureUploadQuery, {
        name: basename(file),
        url: o.url,
        capturedAt: o.capturedAt,
        ...(o.siteCountry ? { siteCountry: o.siteCountry } : {}),
      });
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw errors.validation(`Cannot read ${file}`, 'file');
      }
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const out = await captureAd(store, cliCaller(actor), caseId, {
          bytes,
          fileName: q.name,
          url: q.url,
          capturedAt: q.capturedAt,
          siteCountry: q.siteCountry,
        });
        console.log(`Captured ${q.name} as ${out.id} (ad ${out.adId}), sha256 ${out.sha256}`);
        console.log(`  phones: ${out.phones.join(', ') || '–'}`);
        console.log(`  e-mails: ${out.emails.join(', ') || '–'}`);
        console.log(`  red flags: ${out.redFlags.join(', ') || '–'}`);
        for (const w of out.warnings) console.log(`  warning: ${w}`);
      });
    });

  program
    .command('verify-evidence <case>')
    .description(
      'Re-hash every evidence file of a case against the SHA-256 recorded when it came in; exit status 1 on any mismatch',
    )
    .action(async (caseId: string) => {
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        const report = await checkEvidence(store, cliCaller(actor), caseId);
        for (const f of report.files) {
          if (f.status !== 'ok')
            console.log(
              `${f.status.toUpperCase()}\t${f.fileId}\t${f.fileName}\trecorded ${f.sha256}\t${f.detail ?? ''}`,
            );
        }
        const bad = report.files.filter((f) => f.status !== 'ok').length;
        console.log(
          bad
            ? `FAILED: ${bad} of ${report.checked} evidence files do not match their recorded SHA-256.`
            : `OK: ${report.checked} evidence files match their recorded SHA-256.`,
        );
        if (bad) process.exitCode = 1;
      });
    });
}
