/**
 * `elect backup <archive>`, `elect restore <archive>` and `elect evidence encrypt`. Backup and
 * restore act on the whole deployment, from the server's console; the audit log names the
 * `--as` user for a backup, otherwise (and always for a restore) the operating-system account.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../shared/errors.ts';
import { formatVerifyReport } from '../services/audit/index.ts';
import {
  checkBackup,
  consoleUser,
  createBackup,
  encryptEvidenceAtRest,
  restoreBackup,
} from '../services/backup/index.ts';
import type { BackupTarget } from '../services/backup/index.ts';
import { actingUserName, cliActor } from './actor.ts';
import { useDeploymentKeys } from './keys.ts';
import { configOf, withStore } from './context.ts';

async function whoActs(program: Command, store: Parameters<typeof cliActor>[1]): Promise<string> {
  return actingUserName(program) ? (await cliActor(program, store)).id : consoleUser();
}

export function backupCommands(program: Command): void {
  program
    .command('backup <archive>')
    .description('Write the database (and the evidence folder) as one consistent archive (.tar.gz), then check it')
    .option('--overwrite', 'replace an existing archive file')
    .action(async (archive: string, o: { overwrite?: boolean }) => {
      if (existsSync(archive) && !o.overwrite)
        throw errors.validation(`${archive} exists; choose another name or pass --overwrite`, 'archive');
      const cfg = configOf(program);
      const ring = useDeploymentKeys(cfg);
      await withStore(program, async (store) => {
        const { manifest } = await createBackup(store, ring, {
          archive,
          dataDir: store.dialect === 'sqlite' ? cfg.dataDir : undefined,
          userId: await whoActs(program, store),
        });
        console.log(
          `Backup of ${manifest.dialect} written to ${archive}: ${manifest.members.length} member(s), audit log up to global seq ${manifest.audit.gseq}.`,
        );
      });
      const check = await checkBackup(archive, ring);
      check.dispose();
      for (const n of check.notes) console.log(`note: ${n}`);
      if (check.problems.length) {
        for (const p of check.problems) console.error(`PROBLEM: ${p}`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `Checked: every member matches the signed manifest${check.audit ? `; the archived audit log verifies (${check.audit.records} records)` : ''}.`,
      );
      console.log(
        `The keys are not in the archive. Keep a copy of ${ring.dir} apart from it: evidence cannot be read without evidence.key.`,
      );
    });

  program
    .command('restore <archive>')
    .description('Check an archive (hashes, signature, database), then restore it and verify the audit log')
    .option('--check-only', 'check the archive and stop')
    .option('--force', 'replace the current database (SQLite: set aside beside it; PostgreSQL: its schema is dropped)')
    .action(async (archive: string, o: { checkOnly?: boolean; force?: boolean }) => {
      const cfg = configOf(program);
      const ring = useDeploymentKeys(cfg);
      if (o.checkOnly) {
        const check = await checkBackup(archive, ring);
        check.dispose();
        for (const n of check.notes) console.log(`note: ${n}`);
        for (const p of check.problems) console.error(`PROBLEM: ${p}`);
        const m = check.manifest;
        console.log(
          `${check.problems.length ? 'FAILED' : 'OK'}: ${m.dialect} backup of ${m.createdAt}, audit log up to global seq ${m.audit.gseq}.`,
        );
        if (check.problems.length) process.exitCode = 1;
        return;
      }
      const target: BackupTarget = cfg.databaseUrl
        ? { dialect: 'postgres', databaseUrl: cfg.databaseUrl }
        : { dialect: 'sqlite', dataDir: cfg.dataDir };
      // The restored database's users are not known before it is restored: the console account is named.
      const result = await restoreBackup(archive, target, ring, { force: o.force, userId: consoleUser() });
      for (const n of result.notes) console.log(`note: ${n}`);
      for (const line of formatVerifyReport(result.audit)) console.log(line);
      if (!result.audit.ok) process.exitCode = 1;
      else console.log(`Restored the ${result.manifest.dialect} backup of ${result.manifest.createdAt}.`);
    });

  program
    .command('evidence')
    .description('Evidence files at rest')
    .command('encrypt')
    .description('Encrypt evidence files stored before encryption at rest (safe to run again)')
    .action(async () => {
      const ring = useDeploymentKeys(configOf(program));
      await withStore(program, async (store) => {
        const n = await encryptEvidenceAtRest(store, ring);
        console.log(`${n} evidence file(s) encrypted with key ${ring.evidenceKeyId}.`);
      });
    });
}
