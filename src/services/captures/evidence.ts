/**
 * The evidence check: every evidence file of a case hashed again against the SHA-256 recorded
 * when it came in.
 */
import type { EvidenceCheckOut } from '../../shared/contracts/captures.ts';
import { isAppError } from '../../shared/errors.ts';
import { evidenceFileIds, listCaptureRows, storedEvidenceFile } from '../../store/repos/captures/captures.ts';
import { decryptEvidence, sha256Hex } from '../../store/repos/files/files.ts';
import { keyRing } from '../../store/keys.ts';
import type { Store } from '../../store/store.ts';
import { fileFor, visibilityOf } from '../access/index.ts';
import { requireCase } from '../cases/index.ts';
import { caseUseCase } from '../useCase/index.ts';

/**
 * Re-reads every evidence file of the case: decrypts it (the cipher's tag fails on any changed
 * byte of the stored content) and hashes it again against the SHA-256 recorded when it came in,
 * and for captures also against the capture record. Reports each file; reads only.
 */
export async function verifyEvidence(store: Store, caseId: string): Promise<EvidenceCheckOut> {
  await requireCase(store, caseId);
  const scope = store.scope(caseId);
  const recorded = new Map((await listCaptureRows(scope)).map((c) => [c.file_id, c.sha256]));
  const ids = await evidenceFileIds(scope);
  const ring = keyRing();
  const files: EvidenceCheckOut['files'] = [];
  for (const id of ids) {
    // One row at a time: evidence files can be large.
    const row = await storedEvidenceFile(scope, id);
    if (!row) continue;
    const base = { fileId: row.id, fileName: row.file_name, entityId: row.entity_id, sha256: row.sha256 };
    let plain: Buffer;
    try {
      plain = decryptEvidence(ring, row);
    } catch (e) {
      const message = isAppError(e) ? e.message : String(e);
      files.push({
        ...base,
        status: /key .* is not in the key folder/.test(message) ? 'unreadable' : 'altered',
        detail: message,
      });
      continue;
    }
    const actual = sha256Hex(plain);
    const atCapture = recorded.get(row.id);
    if (actual !== row.sha256) files.push({ ...base, status: 'altered', detail: `SHA-256 is now ${actual}` });
    else if (atCapture && atCapture !== actual)
      files.push({ ...base, status: 'sha256Mismatch', detail: `recorded at capture: ${atCapture}` });
    else files.push({ ...base, status: 'ok', detail: null });
  }
  return { ok: files.every((f) => f.status === 'ok'), checked: files.length, files };
}

export const checkEvidence = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'evidence' },
  run: async ({ store, caseId, access, audit }) => {
    const out = await verifyEvidence(store, caseId);
    const v = await visibilityOf(store, access);
    // A partial share sees only the files of its entities; the overall verdict stays the case's.
    const files = out.files.flatMap((f) => fileFor(v, f.fileId, f) ?? []);
    audit.detail({ checked: out.checked, ok: out.ok });
    return { ...out, files };
  },
});
