/**
 * Evidence files stored before encryption at rest existed are encrypted in place, with the
 * deployment's current evidence key (a console operation beside backup and restore).
 */
import type { KeyRing } from '../../store/keys.ts';
import { encryptPlaintextFiles } from '../../store/repos/files/files.ts';
import type { Store } from '../../store/store.ts';

/** Encrypts the evidence files still stored in clear; returns how many. Safe to run again. */
export async function encryptEvidenceAtRest(store: Store, ring: KeyRing): Promise<number> {
  return encryptPlaintextFiles(store.db, ring);
}
