/**
 * `elect audit …`: verify the audit log (exit status 1 names each altered, inserted or deleted
 * record), list or export it for oversight, hash a search query to look it up, show the public
 * key.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import {
  auditQueryHash,
  auditTrail,
  formatVerifyReport,
  publicKeyRing,
  verifyAudit,
  writeAuditTrail,
} from '../services/audit/index.ts';
import { cliCaller } from '../services/useCase/index.ts';
import { cliActor } from './actor.ts';
import { configOf, withStore } from './context.ts';
import { useDeploymentKeys } from './keys.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ListFlags {
  case?: string;
  user?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: string;
  csv?: boolean;
  out?: string;
}

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('Verify, list and export the audit log');

  audit
    .command('verify')
    .description(
      'Check hash chains, signatures and the witness; name the first altered, inserted or deleted record of each chain (exit status 1 if any)',
    )
    .option('--case <id>', "only this case's chain (the global chain is always checked)")
    .option('--public-key <file>', 'verify with this public key only (an auditor without the key folder)')
    .option('--all-signatures', 'check every signature, not only each chain head')
    .action(async (o: { case?: string; publicKey?: string; allSignatures?: boolean }) => {
      const cfg = configOf(program);
      const ring = o.publicKey ? publicKeyRing(readFileSync(o.publicKey, 'utf8')) : useDeploymentKeys(cfg);
      await withStore(program, async (store) => {
        const report = await verifyAudit(store, { caseId: o.case, allSignatures: o.allSignatures }, ring);
        for (const line of formatVerifyReport(report)) console.log(line);
        if (!report.ok) process.exitCode = 1;
      });
    });

  audit
    .command('list')
    .description('List audit records, newest first, by case, user, action and period (oversight roles; recorded)')
    .option('--case <id>', 'records about this case')
    .option('--user <id>', "this user's records")
    .option(
      '--action <action>',
      'collection, alteration, consultation, disclosure, combination, erasure, login, logout, permission, denied',
    )
    .option('--from <YYYY-MM-DD>', 'from this day')
    .option('--to <YYYY-MM-DD>', 'up to and including this day')
    .option('--limit <n>', 'at most this many (not with --csv)', '100')
    .option('--csv', 'all matching records as CSV')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: ListFlags) => {
      for (const [flag, v] of [
        ['--from', o.from],
        ['--to', o.to],
      ] as const)
        if (v && !DATE.test(v)) throw errors.validation(`${flag}: a date such as 2026-03-01`, flag);
      useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const caller = cliCaller(await cliActor(program, store));
        const filter = { caseId: o.case, userId: o.user, action: o.action, from: o.from, to: o.to };
        // The file is opened once the trail may be read, so a refusal leaves none behind.
        let file: ReturnType<typeof createWriteStream> | undefined;
        const out = (): NodeJS.WritableStream => {
          if (!o.out) return process.stdout;
          file ??= createWriteStream(o.out, { mode: 0o600 });
          return file;
        };
        if (o.csv) {
          await writeAuditTrail(store, caller, {
            filter,
            write: async (line) => {
              if (!out().write(line)) await once(out(), 'drain');
            },
          });
        } else {
          const limit = Math.min(Math.max(Number(o.limit) || 100, 1), 10_000);
          const page = await auditTrail(store, caller, { ...filter, limit });
          for (const e of page.events) {
            out().write(
              `${e.gseq}\t${e.at}\t${e.chain}#${e.seq}\t${e.userId}\t${e.action}\t${e.targetType}\t${e.targetId ?? ''}\t${e.returnedCount}\t${e.detail ? JSON.stringify(e.detail) : ''}\n`,
            );
          }
        }
        if (o.out) out().end();
      });
    });

  audit
    .command('query-hash <text>')
    .description(
      'The keyed hash the audit log records for a search query, to find who searched for it (oversight roles; recorded)',
    )
    .action(async (text: string) => {
      useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const { hash } = await auditQueryHash(store, cliCaller(await cliActor(program, store)), { text });
        console.log(hash);
      });
    });

  audit
    .command('public-key')
    .description(
      "Print the audit log's public key (give it to the data-protection officer: it verifies without the key folder)",
    )
    .action(() => {
      const ring = useDeploymentKeys(configOf(program));
      console.error(`key id ${ring.signingKeyId}, folder ${ring.dir}`);
      process.stdout.write(ring.publicKeyPem());
    });
}
