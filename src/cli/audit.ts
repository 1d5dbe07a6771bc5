/**
 * `elect audit …`: verify the audit log (exit status 1 names each altered, inserted or deleted
 * record), list or export it for oversight, hash a search query to look it up, show the public
 * key.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { auditCsv, auditPage, formatVerifyReport, verifyAudit } from '../services/audit/log.ts';
import { authorizeGlobal } from '../services/access/policy.ts';
import { recordAudit } from '../store/repos/audit/records.ts';
import { KeyRing } from '../store/keys.ts';
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
      const ring = o.publicKey ? KeyRing.verifyOnly([readFileSync(o.publicKey, 'utf8')]) : useDeploymentKeys(cfg);
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
        const actor = await cliActor(program, store);
        authorizeGlobal(actor, 'audit:read');
        const filter = { caseId: o.case, userId: o.user, action: o.action, from: o.from, to: o.to };
        const out = o.out ? createWriteStream(o.out, { mode: 0o600 }) : process.stdout;
        let n = 0;
        if (o.csv) {
          let header = true;
          for await (const line of auditCsv(store, filter)) {
            if (!out.write(line)) await once(out, 'drain');
            if (header) header = false;
            else n++;
          }
        } else {
          const page = await auditPage(store, {
            ...filter,
            limit: Math.min(Math.max(Number(o.limit) || 100, 1), 10_000),
          });
          for (const e of page.events) {
            out.write(
              `${e.gseq}\t${e.at}\t${e.chain}#${e.seq}\t${e.userId}\t${e.action}\t${e.targetType}\t${e.targetId ?? ''}\t${e.returnedCount}\t${e.detail ? JSON.stringify(e.detail) : ''}\n`,
            );
          }
          n = page.events.length;
        }
        if (o.out) out.end();
        await recordAudit(store.db, {
          caseId: null,
          userId: actor.id,
          action: o.csv ? 'disclosure' : 'consultation',
          targetType: 'audit',
          detail: { via: 'cli', case: o.case, user: o.user, action: o.action, from: o.from, to: o.to, returned: n },
        });
      });
    });

  audit
    .command('query-hash <text>')
    .description(
      'The keyed hash the audit log records for a search query, to find who searched for it (oversight roles; recorded)',
    )
    .action(async (text: string) => {
      const ring = useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const actor = await cliActor(program, store);
        authorizeGlobal(actor, 'audit:read');
        await recordAudit(store.db, {
          caseId: null,
          userId: actor.id,
          action: 'consultation',
          targetType: 'audit_query_hash',
          detail: { via: 'cli' },
        });
        console.log(ring.queryHash(text));
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
