/**
 * Files kept with a case.
 *
 * Evidence is encrypted at rest: AES-256-GCM with the evidence key from the key folder (outside
 * the data folder, so neither the database file nor a backup archive can be read without it).
 * Each row keeps its nonce, tag and key id; the case and file ids are bound in as associated
 * data, so a row's bytes cannot be moved to another file or case unnoticed. `sha256` and `size`
 * describe the plaintext, as received.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.ts';
import type { CaseScope } from '../../caseScope.ts';
import type { KeyRing } from '../../keys.ts';
import { keyRing } from '../../keys.ts';
import type { CaseFilesTable, Database } from '../../schema/index.ts';

export type CaseFileRow = CaseFilesTable;
type EncColumns = 'enc_alg' | 'enc_key_id' | 'enc_nonce' | 'enc_tag';
export type CaseFileMeta = Omit<CaseFileRow, 'case_id' | 'content' | EncColumns>;
export type NewCaseFile = Omit<CaseFileRow, 'case_id' | 'sha256' | 'size' | EncColumns>;

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export const EVIDENCE_ALG = 'aes-256-gcm';
const aad = (caseId: string, id: string): Buffer => Buffer.from(`elect-evidence/v1\n${caseId}\n${id}`, 'utf8');

export interface Sealed {
  content: Buffer;
  enc_alg: string;
  enc_key_id: string;
  enc_nonce: string;
  enc_tag: string;
}

export function encryptEvidence(ring: KeyRing, caseId: string, id: string, plain: Buffer): Sealed {
  const key = ring.evidenceKey(ring.evidenceKeyId);
  if (!key) throw new Error('No evidence key in the key folder');
  const nonce = randomBytes(12);
  const cipher = createCipheriv(EVIDENCE_ALG, key, nonce);
  cipher.setAAD(aad(caseId, id));
  const content = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    content,
    enc_alg: EVIDENCE_ALG,
    enc_key_id: ring.evidenceKeyId,
    enc_nonce: nonce.toString('hex'),
    enc_tag: cipher.getAuthTag().toString('hex'),
  };
}

/** The plaintext of a stored row (rows from before encryption are returned as they are). */
export function decryptEvidence(
  ring: KeyRing,
  row: Pick<CaseFileRow, 'case_id' | 'id' | 'content' | 'sha256' | EncColumns>,
): Buffer {
  if (!row.enc_alg) return row.content;
  const key = row.enc_key_id ? ring.evidenceKey(row.enc_key_id) : undefined;
  if (row.enc_alg !== EVIDENCE_ALG || !key || !row.enc_nonce || !row.enc_tag) {
    throw new AppError(
      'internal',
      `Evidence file ${row.id} cannot be decrypted: key ${row.enc_key_id ?? '?'} is not in the key folder`,
    );
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(EVIDENCE_ALG, key, Buffer.from(row.enc_nonce, 'hex'));
    decipher.setAAD(aad(row.case_id, row.id));
    decipher.setAuthTag(Buffer.from(row.enc_tag, 'hex'));
    plain = Buffer.concat([decipher.update(Buffer.from(row.content)), decipher.final()]);
  } catch {
    throw new AppError('internal', `Evidence file ${row.id} failed its integrity check: altered, or another key`);
  }
  if (sha256Hex(plain) !== row.sha256)
    throw new AppError('internal', `Evidence file ${row.id} does not match its recorded SHA-256`);
  return plain;
}

export async function insertFile(scope: CaseScope, row: NewCaseFile): Promise<CaseFileMeta> {
  return insertHashed(scope, row, sha256Hex(row.content));
}

/**
 * Stores the file unless its entity already holds the same bytes (the same evidence imported
 * again); `null` when it was held. The content is hashed once for both the check and the row.
 */
export async function insertFileUnlessHeld(scope: CaseScope, row: NewCaseFile): Promise<CaseFileMeta | null> {
  const sha256 = sha256Hex(row.content);
  if (row.entity_id !== null) {
    const held = await scope
      .selectFrom('case_files')
      .select('id')
      .where('entity_id', '=', row.entity_id)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (held) return null;
  }
  return insertHashed(scope, row, sha256);
}

async function insertHashed(scope: CaseScope, row: NewCaseFile, sha256: string): Promise<CaseFileMeta> {
  const sealed = encryptEvidence(keyRing(), scope.caseId, row.id, row.content);
  const meta: CaseFileMeta = {
    id: row.id,
    file_name: row.file_name,
    mime_type: row.mime_type,
    sha256,
    size: row.content.length,
    entity_id: row.entity_id,
    source_id: row.source_id,
    created_by: row.created_by,
    created_at: row.created_at,
  };
  await scope.insertInto('case_files', { ...meta, ...sealed }).execute();
  return meta;
}

export async function listFiles(scope: CaseScope, entityId?: string): Promise<CaseFileMeta[]> {
  let q = scope
    .selectFrom('case_files')
    .select(['id', 'file_name', 'mime_type', 'sha256', 'size', 'entity_id', 'source_id', 'created_by', 'created_at']);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** A file with its content decrypted. */
export async function getFile(scope: CaseScope, id: string): Promise<CaseFileRow | undefined> {
  const row = await scope.selectFrom('case_files').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, content: decryptEvidence(keyRing(), row) } : undefined;
}

/**
 * Encrypts files stored before encryption at rest (migration 004), a batch at a time. Crosses
 * cases on purpose: it is a maintenance pass over the whole store. Returns how many it encrypted.
 */
export async function encryptPlaintextFiles(
  db: Kysely<Database>,
  ring: KeyRing = keyRing(),
  batch = 100,
): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await db
      .selectFrom('case_files')
      .select(['case_id', 'id', 'content'])
      .where('enc_alg', 'is', null)
      .limit(batch)
      .execute();
    for (const r of rows) {
      const sealed = encryptEvidence(ring, r.case_id, r.id, Buffer.from(r.content));
      await db
        .updateTable('case_files')
        .set(sealed)
        .where('case_id', '=', r.case_id)
        .where('id', '=', r.id)
        .where('enc_alg', 'is', null)
        .execute();
      n++;
    }
    if (rows.length < batch) return n;
  }
}
