/**
 * A job's files in the data folder: uploads staged for an import (`staging/<id>/<name>`) and
 * finished reports (`jobs/<id>.sealed`, encrypted with the evidence key like evidence files, so a
 * copy of the data folder does not give a case's report away). Processes serving one database
 * share the data folder. Expired jobs and uploads are removed with their files.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errors } from '../../shared/errors.ts';
import { keyRing } from '../../store/keys.ts';
import { decryptEvidence, encryptEvidence, sha256Hex } from '../../store/repos/files/files.ts';
import { deleteJob, deleteUpload, expiredJobs, expiredUploads } from '../../store/repos/jobs/jobs.ts';
import type { Store } from '../../store/store.ts';

export const stagingDir = (store: Store, uploadId: string): string => join(store.dataDir, 'staging', uploadId);

/** Moves a spooled request body into the staging area; the path it now has (relative to the data folder). */
export async function stageFile(store: Store, uploadId: string, from: string): Promise<string> {
  const dir = stagingDir(store, uploadId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const to = join(dir, basename(from));
  try {
    await rename(from, to);
  } catch {
    // Another file system (the spool is in the temporary folder): copy, then remove the spool.
    await copyFile(from, to);
    await rm(from, { force: true });
  }
  return join('staging', uploadId, basename(from));
}

export const stagedPath = (store: Store, storedAs: string): string => join(store.dataDir, storedAs);

export interface SealedFile {
  name: string;
  sha256: string;
  keyId: string;
  nonce: string;
  tag: string;
}

/** Writes a job's result encrypted; what is needed to read it back (kept in the job's result). */
export async function writeSealed(store: Store, caseId: string, jobId: string, plain: Uint8Array): Promise<SealedFile> {
  const bytes = Buffer.from(plain);
  const sealed = encryptEvidence(keyRing(), caseId, jobId, bytes);
  const dir = join(store.dataDir, 'jobs');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = join('jobs', `${jobId}.sealed`);
  await writeFile(join(store.dataDir, name), sealed.content, { mode: 0o600 });
  return { name, sha256: sha256Hex(bytes), keyId: sealed.enc_key_id, nonce: sealed.enc_nonce, tag: sealed.enc_tag };
}

export async function readSealed(store: Store, caseId: string, jobId: string, f: SealedFile): Promise<Buffer> {
  let content: Buffer;
  try {
    content = await readFile(join(store.dataDir, f.name));
  } catch {
    throw errors.conflict('The finished file is no longer available; start the job again', 'jobId');
  }
  return decryptEvidence(keyRing(), {
    case_id: caseId,
    id: jobId,
    content,
    sha256: f.sha256,
    enc_alg: 'aes-256-gcm',
    enc_key_id: f.keyId,
    enc_nonce: f.nonce,
    enc_tag: f.tag,
  });
}

/** Removes finished jobs and staged uploads past their expiry, with their files. */
export async function sweepExpired(store: Store, now = new Date().toISOString()): Promise<number> {
  let n = 0;
  for (const j of await expiredJobs(store.db, now)) {
    if (j.result_file) await rm(join(store.dataDir, j.result_file), { force: true });
    await deleteJob(store.scope(j.case_id), j.id);
    n++;
  }
  for (const u of await expiredUploads(store.db, now)) {
    await rm(stagingDir(store, u.id), { recursive: true, force: true });
    await deleteUpload(store.scope(u.case_id), u.id);
    n++;
  }
  return n + (await sweepLeftovers(store, Date.parse(now)));
}

/** Longer than any job or upload is kept: a file this old belongs to no live row. */
const LEFTOVER_MS = 3 * 60 * 60 * 1000;

/**
 * Files whose rows went another way (a case erased with its jobs, a process killed between
 * writing a file and its row): removed once older than anything is kept.
 */
async function sweepLeftovers(store: Store, now: number): Promise<number> {
  let n = 0;
  for (const folder of ['jobs', 'staging']) {
    const dir = join(store.dataDir, folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, name);
      const at = await stat(path).then(
        (s) => s.mtimeMs,
        () => now,
      );
      if (now - at > LEFTOVER_MS) {
        await rm(path, { recursive: true, force: true });
        n++;
      }
    }
  }
  return n;
}
