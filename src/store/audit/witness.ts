/**
 * The witness: the latest global audit head (gseq, g_hash), signed, kept in the key folder —
 * outside the database. A database whose log ends before the witnessed head was truncated
 * (the one change hash chains and signatures inside the database cannot show).
 *
 * Written after committed appends when the key ring enables it (deployments do; tests mostly do
 * not): at most once per `WITNESS_INTERVAL_MS`, the latest head then written by a timer, so the
 * records of the last second may be unwitnessed. Several processes may write it: a file never
 * moves backwards within one process, and a stale value across processes only weakens
 * detection, never raises a false alarm.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRing } from '../keys.ts';
import { witnessMessage } from './chain.ts';

export interface Witness {
  format: 'elect-audit-witness/v1';
  storeId: string;
  gseq: number;
  g_hash: string;
  at: string;
  keyId: string;
  sig: string;
}

const STORE_ID = /^[A-Za-z0-9-]{1,64}$/;
export const WITNESS_INTERVAL_MS = 1000;
const written = new Map<string, number>();
const lastWrite = new Map<string, number>();
const pending = new Map<string, { ring: KeyRing; head: { gseq: number; g_hash: string }; timer: NodeJS.Timeout }>();

const fileOf = (ring: KeyRing, storeId: string): string => join(ring.dir, 'witness', `${storeId}.json`);

export function readWitness(ring: KeyRing, storeId: string): Witness | undefined {
  if (!ring.dir || !STORE_ID.test(storeId)) return undefined;
  const file = fileOf(ring, storeId);
  if (!existsSync(file)) return undefined;
  try {
    const w = JSON.parse(readFileSync(file, 'utf8')) as Witness;
    return w.format === 'elect-audit-witness/v1' && w.storeId === storeId && Number.isInteger(w.gseq) ? w : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the witness's signature holds (undefined: its key is not in the ring). */
export const witnessSignatureOk = (ring: KeyRing, w: Witness): boolean | undefined =>
  ring.verify(w.keyId, witnessMessage(w), w.sig);

/**
 * Records `head` as witnessed soon: now if none was written in the last interval, else by a
 * timer at its end (the latest head by then wins).
 */
export function witnessSoon(ring: KeyRing, storeId: string, head: { gseq: number; g_hash: string }): void {
  const due = (lastWrite.get(storeId) ?? 0) + WITNESS_INTERVAL_MS - Date.now();
  if (due <= 0 && !pending.has(storeId)) {
    writeWitness(ring, storeId, head);
    return;
  }
  const p = pending.get(storeId);
  if (p) {
    if (head.gseq > p.head.gseq) p.head = head;
    return;
  }
  const timer = setTimeout(() => flushWitness(storeId), Math.max(due, 0));
  timer.unref();
  pending.set(storeId, { ring, head, timer });
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => flushWitness());
  }
}
let exitHook = false;

/** Writes a pending witness now (on shutdown, or before verifying). */
export function flushWitness(storeId?: string): void {
  for (const [id, p] of [...pending]) {
    if (storeId !== undefined && id !== storeId) continue;
    clearTimeout(p.timer);
    pending.delete(id);
    writeWitness(p.ring, id, p.head);
  }
}

/** Records `head` as witnessed, unless a later head already is (or `force`, after a restore). */
export function writeWitness(
  ring: KeyRing,
  storeId: string,
  head: { gseq: number; g_hash: string },
  force = false,
): void {
  if (!ring.dir || !ring.canSign || !STORE_ID.test(storeId)) return;
  if (!force) {
    const known = written.get(storeId) ?? readWitness(ring, storeId)?.gseq ?? 0;
    if (head.gseq <= known) return;
  }
  lastWrite.set(storeId, Date.now());
  const w: Witness = {
    format: 'elect-audit-witness/v1',
    storeId,
    gseq: head.gseq,
    g_hash: head.g_hash,
    at: new Date().toISOString(),
    keyId: ring.signingKeyId,
    sig: '',
  };
  w.sig = ring.sign(witnessMessage(w));
  const dir = join(ring.dir, 'witness');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = fileOf(ring, storeId);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(w)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  written.set(storeId, head.gseq);
}
