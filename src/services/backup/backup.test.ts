import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import { describeEachDialect, itDb, TEST_PG_URL } from '../../../test/support/dialects.ts';
import { uniqueName } from '../../../test/support/api.ts';
import { verifyAuditLog } from '../../store/audit/verify.ts';
import { KeyRing, useKeyRing } from '../../store/keys.ts';
import { recordAudit } from '../../store/repos/audit/records.ts';
import { getFile, listFiles } from '../../store/repos/files/files.ts';
import { Store } from '../../store/store.ts';
import type { DialectName } from '../../store/dialect.ts';
import { checkBackup, createBackup, restoreBackup } from './backup.ts';
import type { BackupTarget } from './backup.ts';
import { extractTarGz, writeTarGz } from './archive.ts';
import { loadDemoCase } from '../demo/demo.ts';
import { actorOf, addUser } from '../access/users.ts';

const ring = KeyRing.open(mkdtempSync(join(tmpdir(), 'elect-backup-keys-')), { witness: true });
useKeyRing(ring);

const digest = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex');

/** What must come back: the case's rows, its files' plaintext, and counts. */
async function snapshot(s: Store, caseId: string) {
  const scope = s.scope(caseId);
  const entities = await scope.selectFrom('entities').selectAll().orderBy('id').execute();
  const transactions = await scope.selectFrom('transactions').selectAll().orderBy('id').execute();
  const files = await listFiles(scope);
  const contents = [];
  for (const f of files) contents.push((await getFile(scope, f.id))?.content.toString('base64'));
  return {
    entities: entities.length,
    transactions: transactions.length,
    files: files.length,
    rows: digest([entities, transactions, files]),
    contents: digest(contents),
  };
}

/** A deployment of one dialect that can be wiped and restored in place. */
async function deployment(dialect: DialectName) {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'elect-backup-data-'));
    return {
      open: () => Store.open({ dataDir }),
      target: { dialect, dataDir } as BackupTarget,
      dataDir,
      wipe: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE SCHEMA ${schema}`);
  return {
    open: () => Store.open({ databaseUrl: TEST_PG_URL, pgSchema: schema }),
    target: { dialect, databaseUrl: TEST_PG_URL, schema } as BackupTarget,
    dataDir: undefined,
    wipe: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

describeEachDialect('backup and restore', ({ dialect, store }) => {
  itDb(
    'backup, wipe, restore gives the same case data and a verifying audit log',
    async () => {
      store();
      const d = await deployment(dialect);
      const archive = join(mkdtempSync(join(tmpdir(), 'elect-archive-')), 'backup.tar.gz');
      try {
        let s = await d.open();
        const actor = actorOf(await addUser(s, { username: uniqueName('bk'), platformRole: 'investigator' }));
        const { caseId } = await loadDemoCase(s, actor, { seed: 5, scale: 1 });
        await recordAudit(s.db, { caseId, userId: actor.id, action: 'consultation', targetType: 'case' });
        if (d.dataDir) {
          mkdirSync(join(d.dataDir, 'evidence', 'x'), { recursive: true });
          writeFileSync(join(d.dataDir, 'evidence', 'x', 'scan.bin'), randomBytes(2000));
        }
        const before = await snapshot(s, caseId);
        expect(before.entities).toBeGreaterThan(600);
        expect(before.files).toBeGreaterThan(0);

        const { manifest } = await createBackup(s, ring, { archive, dataDir: d.dataDir, userId: actor.id });
        expect(manifest.dialect).toBe(dialect);
        // Written under another name and renamed whole: nothing partial is left beside it.
        expect(existsSync(`${archive}.partial`)).toBe(false);
        const check = await checkBackup(archive, ring);
        check.dispose();
        expect(check.problems).toEqual([]);
        const evidenceBefore = d.dataDir ? readFileSync(join(d.dataDir, 'evidence', 'x', 'scan.bin')) : null;
        // Activity after the backup is lost by a restore; the witness outside the database says so.
        await recordAudit(s.db, { caseId, userId: actor.id, action: 'consultation', targetType: 'case' });
        await s.close();

        await d.wipe();
        const restored = await restoreBackup(archive, d.target, ring);
        expect(restored.audit.problems).toEqual([]);
        expect(restored.notes.join(' ')).toMatch(/made after this backup, are gone/);

        s = await d.open();
        try {
          expect(await snapshot(s, caseId)).toEqual(before);
          const report = await verifyAuditLog(s.db, ring);
          expect(report.problems).toEqual([]);
          expect(report.witness).toBe('matched');
          const last = await s.db
            .selectFrom('audit_events')
            .selectAll()
            .orderBy('gseq', 'desc')
            .limit(1)
            .executeTakeFirstOrThrow();
          expect(last).toMatchObject({ action: 'alteration', target_type: 'deployment' });
          expect(JSON.parse(last.detail ?? '{}')).toMatchObject({ op: 'restore', backupGseq: manifest.audit.gseq });
          if (d.dataDir && evidenceBefore)
            expect(readFileSync(join(d.dataDir, 'evidence', 'x', 'scan.bin')).equals(evidenceBefore)).toBe(true);
          // A second restore over a deployment that has data asks for --force.
          await expect(restoreBackup(archive, d.target, ring)).rejects.toThrow(/force/);
        } finally {
          await s.close();
        }
      } finally {
        await d.wipe();
        rmSync(join(archive, '..'), { recursive: true, force: true });
      }
    },
    120_000,
  );

  itDb(
    'an archive with an altered member or an unsigned manifest does not pass its check',
    async () => {
      if (dialect === 'postgres') store();
      const d = await deployment(dialect);
      const dir = mkdtempSync(join(tmpdir(), 'elect-archive-'));
      try {
        const s = await d.open();
        await recordAudit(s.db, { caseId: null, userId: 'u', action: 'login', targetType: 'session' });
        await createBackup(s, ring, { archive: join(dir, 'a.tar.gz') });
        await s.close();
        const parts = join(dir, 'parts');
        const members = await extractTarGz(join(dir, 'a.tar.gz'), parts);
        const db = members.find((m) => m.name.startsWith('db/'));
        if (!db) throw new Error('no database member');
        const bytes = readFileSync(db.path);
        bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
        writeFileSync(db.path, bytes);
        await writeTarGz(
          join(dir, 'b.tar.gz'),
          members.map((m) => ({ name: m.name, file: m.path })),
        );
        const altered = await checkBackup(join(dir, 'b.tar.gz'), ring);
        altered.dispose();
        expect(altered.problems).toEqual([`${db.name}: its SHA-256 or size differs from the manifest`]);
        await expect(restoreBackup(join(dir, 'b.tar.gz'), d.target, ring)).rejects.toThrow(/did not pass its check/);

        const manifest = members.find((m) => m.name === 'manifest.json');
        if (!manifest) throw new Error('no manifest');
        writeFileSync(manifest.path, readFileSync(manifest.path, 'utf8').replace('"version": 1', '"version": 1 '));
        await writeTarGz(
          join(dir, 'c.tar.gz'),
          members.map((m) => ({ name: m.name, file: m.path })),
        );
        const unsigned = await checkBackup(join(dir, 'c.tar.gz'), ring);
        unsigned.dispose();
        expect(unsigned.problems).toContain('manifest.json does not match its signature: the archive was altered');
        expect(existsSync(join(dir, 'c.tar.gz'))).toBe(true);
      } finally {
        await d.wipe();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
