/**
 * Backup and restore of a deployment as one consistent, verifiable archive (tar.gz):
 *
 *   manifest.json   format, dialect, schema version, the audit head, SHA-256 and size of each member
 *   manifest.sig    Ed25519 signature of manifest.json by the audit key (key id inside)
 *   db/elect.sqlite an online backup of the SQLite database (better-sqlite3's backup API), or
 *   db/elect.pgdump pg_dump --format=custom of the deployment's PostgreSQL schema
 *   evidence/…      files of the data folder's evidence/ folder, if there is one
 *
 * Evidence inside the database stays encrypted in the archive; the keys are never in it (back
 * the key folder up separately, or the archive cannot be read). The backup is recorded in the
 * audit log before the snapshot, so the archive holds its own record. Restore checks every
 * member's hash and the signature before touching anything, then verifies the restored audit
 * chains and records the restore.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { appendAudit, witnessHead } from '../../store/audit/append.ts';
import { readWitness } from '../../store/audit/witness.ts';
import { verifyAuditLog } from '../../store/audit/verify.ts';
import type { VerifyReport } from '../../store/audit/verify.ts';
import type { KeyRing } from '../../store/keys.ts';
import { migrations } from '../../store/migrate.ts';
import {
  checkSqliteFile,
  clearPgSchema,
  copySqlite,
  currentSchema,
  globalHashAt,
  globalHead,
  isPlainSchemaName,
  pgConnectionString,
} from '../../store/repos/backup/snapshot.ts';
import { Store } from '../../store/store.ts';
import { extractTarGz, sha256File, writeTarGz } from './archive.ts';
import type { ArchiveInput } from './archive.ts';

export interface Manifest {
  format: 'elect-backup';
  version: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the schema dumped (restored under the same name). */
  pgSchema: string | null;
  schemaVersion: number;
  /** The global audit head the archive holds at least. */
  audit: { gseq: number; g_hash: string; storeId: string | null };
  /** Keys a restore needs from the key folder (never in the archive). */
  keys: { signing: string; evidence: string[] };
  members: { name: string; size: number; sha256: string }[];
}

export type BackupTarget =
  { dialect: 'sqlite'; dataDir: string } | { dialect: 'postgres'; databaseUrl: string; schema?: string | undefined };

export const SQLITE_FILE = 'elect.sqlite';
const DB_MEMBER = { sqlite: 'db/elect.sqlite', postgres: 'db/elect.pgdump' } as const;

/** Who runs a backup or restore at the console, as the audit log names them. */
export const consoleUser = (): string => `os:${userInfo().username}`.replace(/[^A-Za-z0-9._:-]/g, '_');

/** libpq environment for pg_dump / pg_restore: the password never appears on a command line. */
export function pgEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname || 'localhost'),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const ssl = u.searchParams.get('sslmode');
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', (e) =>
      reject(new Error(`${cmd} could not be started (${e.message}); install the PostgreSQL client tools`)),
    );
    p.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`)),
    );
  });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

export interface BackupResult {
  archive: string;
  manifest: Manifest;
}

/** Writes a backup of the open store (and its data folder's evidence/ folder) to `archive`. */
export async function createBackup(
  store: Store,
  ring: KeyRing,
  opts: { archive: string; dataDir?: string | undefined; userId?: string },
): Promise<BackupResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'elect-backup-'));
  try {
    // Recorded first, so the snapshot holds its own record.
    const head = await appendAudit(
      store.db,
      {
        caseId: null,
        userId: opts.userId ?? consoleUser(),
        action: 'disclosure',
        targetType: 'deployment',
        detail: { op: 'backup' },
      },
      ring,
      { link: true }, // the manifest names its global position
    );
    const dbFile = join(tmp, 'db');
    let pgSchema: string | null = null;
    if (store.dialect === 'sqlite') await copySqlite(store, dbFile);
    else {
      const url = pgConnectionString(store);
      pgSchema = await currentSchema(store);
      await run(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-privileges', `--schema=${pgSchema}`, `--file=${dbFile}`],
        pgEnv(url),
      );
    }
    const inputs: ArchiveInput[] = [{ name: DB_MEMBER[store.dialect], file: dbFile }];
    if (opts.dataDir) {
      const evidence = join(opts.dataDir, 'evidence');
      for (const f of listFiles(evidence))
        inputs.push({ name: `evidence/${relative(evidence, f).split('\\').join('/')}`, file: f });
    }
    const members = [];
    for (const m of inputs)
      members.push({ name: m.name, size: statSync(m.file).size, sha256: await sha256File(m.file) });
    const manifest: Manifest = {
      format: 'elect-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      dialect: store.dialect,
      pgSchema,
      schemaVersion: Math.max(...migrations.map((m) => m.version)),
      audit: { gseq: head.gseq, g_hash: head.g_hash, storeId: head.storeId || null },
      keys: { signing: ring.signingKeyId, evidence: [ring.evidenceKeyId] },
      members,
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    writeFileSync(join(tmp, 'manifest.json'), manifestText);
    writeFileSync(
      join(tmp, 'manifest.sig'),
      `${JSON.stringify({ keyId: ring.signingKeyId, sig: ring.sign(manifestText) })}\n`,
    );
    // Written beside under another name and renamed when whole: a backup killed part-way never
    // leaves a file by the archive's name (the `.partial` left behind says what it is).
    const partial = `${opts.archive}.partial`;
    await writeTarGz(partial, [
      { name: 'manifest.json', file: join(tmp, 'manifest.json') },
      { name: 'manifest.sig', file: join(tmp, 'manifest.sig') },
      ...inputs,
    ]);
    renameSync(partial, opts.archive);
    return { archive: opts.archive, manifest };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface ArchiveCheck {
  manifest: Manifest;
  /** Empty when the archive is whole and authentic. */
  problems: string[];
  /** Said but not failing: e.g. the signing key is not in this key folder. */
  notes: string[];
  /** The audit verification of the archived SQLite database (PostgreSQL: after restore). */
  audit: VerifyReport | null;
  dir: string;
  dispose: () => void;
}

/** Extracts and checks an archive: every member's hash and size, the signature, the database. */
export async function checkBackup(archive: string, ring: KeyRing): Promise<ArchiveCheck> {
  const dir = mkdtempSync(join(tmpdir(), 'elect-restore-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const extracted = await extractTarGz(archive, dir);
    const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as Manifest;
    const problems: string[] = [];
    const notes: string[] = [];
    if (manifest.format !== 'elect-backup' || manifest.version !== 1)
      problems.push('not an ELECT backup archive (manifest format)');
    const sig = JSON.parse(readFileSync(join(dir, 'manifest.sig'), 'utf8')) as { keyId: string; sig: string };
    const signed = ring.verify(sig.keyId, manifestText, sig.sig);
    if (signed === false) problems.push('manifest.json does not match its signature: the archive was altered');
    if (signed === undefined) notes.push(`manifest signature not checked: key ${sig.keyId} is not in the key folder`);
    const byName = new Map(extracted.map((m) => [m.name, m]));
    for (const m of manifest.members) {
      const got = byName.get(m.name);
      if (!got) problems.push(`${m.name}: missing from the archive`);
      else if (got.sha256 !== m.sha256 || got.size !== m.size)
        problems.push(`${m.name}: its SHA-256 or size differs from the manifest`);
    }
    const listed = new Set(['manifest.json', 'manifest.sig', ...manifest.members.map((m) => m.name)]);
    for (const m of extracted)
      if (!listed.has(m.name)) problems.push(`${m.name}: in the archive but not in the manifest`);
    for (const k of manifest.keys.evidence)
      if (k && !ring.evidenceKey(k))
        notes.push(`evidence key ${k} is not in the key folder: evidence files will not be readable`);

    let audit: VerifyReport | null = null;
    const dbPath = join(dir, DB_MEMBER[manifest.dialect] ?? 'db/missing');
    if (!problems.length && manifest.dialect === 'sqlite') {
      const checked = await checkSqliteFile(dbPath, ring, manifest.audit);
      problems.push(...checked.problems);
      audit = checked.audit;
    } else if (!problems.length) {
      await run('pg_restore', ['--list', dbPath], process.env).catch((e: Error) =>
        problems.push(`db/elect.pgdump: ${e.message}`),
      );
    }
    return { manifest, problems, notes, audit, dir, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

export interface RestoreResult {
  manifest: Manifest;
  notes: string[];
  audit: VerifyReport;
}

/**
 * Restores an archive into the target, which must be empty unless `force` (then the current
 * database is set aside — SQLite — or its schema dropped — PostgreSQL). Checks the archive first;
 * after restoring, verifies the audit log and records the restore in it.
 */
export async function restoreBackup(
  archive: string,
  target: BackupTarget,
  ring: KeyRing,
  opts: { force?: boolean; userId?: string } = {},
): Promise<RestoreResult> {
  const check = await checkBackup(archive, ring);
  try {
    if (check.problems.length) throw new Error(`The archive did not pass its check: ${check.problems.join('; ')}`);
    const m = check.manifest;
    if (m.dialect !== target.dialect)
      throw new Error(`The archive holds a ${m.dialect} database; the target is ${target.dialect}`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let store: Store;
    if (target.dialect === 'sqlite') {
      const file = join(target.dataDir, SQLITE_FILE);
      const evidence = join(target.dataDir, 'evidence');
      if ((existsSync(file) || existsSync(evidence)) && !opts.force)
        throw new Error(`${target.dataDir} already holds a database; restore with --force to set it aside`);
      for (const f of [file, `${file}-wal`, `${file}-shm`, evidence])
        if (existsSync(f)) renameSync(f, `${f}.replaced-${stamp}`);
      mkdirSync(target.dataDir, { recursive: true });
      copyFileSync(join(check.dir, DB_MEMBER.sqlite), file);
      for (const f of listFiles(join(check.dir, 'evidence'))) {
        const to = join(evidence, relative(join(check.dir, 'evidence'), f));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(f, to);
      }
      store = await Store.open({ dataDir: target.dataDir });
    } else {
      const schema = target.schema ?? m.pgSchema ?? 'public';
      if (!isPlainSchemaName(schema) || schema !== m.pgSchema)
        throw new Error(`The archive holds schema ${m.pgSchema ?? '?'}; it restores under that name only`);
      await clearPgSchema(target.databaseUrl, schema, !!opts.force);
      const env = pgEnv(target.databaseUrl);
      await run(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${env.PGDATABASE ?? ''}`,
          join(check.dir, DB_MEMBER.postgres),
        ],
        env,
      );
      store = await Store.open({ databaseUrl: target.databaseUrl, pgSchema: schema === 'public' ? undefined : schema });
    }
    try {
      const audit = await verifyAuditLog(store.db, ring, { ignoreWitness: true });
      if ((await globalHashAt(store.db, m.audit.gseq)) !== m.audit.g_hash)
        audit.problems.push({
          chain: 'global',
          kind: 'truncated',
          seq: m.audit.gseq,
          message: 'the restored log does not hold the head named in the manifest',
        });
      audit.ok = audit.problems.length === 0;
      const notes = [...check.notes];
      // Records made after the backup are lost with the restore: the witness shows how many.
      const g = await globalHead(store.db);
      const w = g?.storeId ? readWitness(ring, g.storeId) : undefined;
      const lostFrom = w && g && w.gseq > g.gseq ? g.gseq + 1 : null;
      if (w && lostFrom)
        notes.push(
          `audit records ${lostFrom}–${w.gseq}, made after this backup, are gone with the restore (the witness in the key folder saw them)`,
        );
      await appendAudit(
        store.db,
        {
          caseId: null,
          userId: opts.userId ?? consoleUser(),
          action: 'alteration',
          targetType: 'deployment',
          detail: {
            op: 'restore',
            backupGseq: m.audit.gseq,
            lostFromGseq: lostFrom,
            lostToGseq: lostFrom ? (w?.gseq ?? null) : null,
          },
        },
        ring,
        { link: true },
      );
      await witnessHead(store.db, ring, true);
      return { manifest: m, notes, audit };
    } finally {
      await store.close();
    }
  } finally {
    check.dispose();
  }
}
