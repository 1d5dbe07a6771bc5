/**
 * The global chain, linked in batches. An append locks only its own chain's head (append.ts), so
 * appends to different cases run side by side; the record is signed over its case link and waits
 * with a *pending* position (`gseq` ≥ `PENDING_GSEQ`: above every linked record, so the trail's
 * newest-first order still holds). A checkpoint then takes the global head's lock once for a
 * batch: it gives each pending record its global position and hash in order and signs it again
 * over both hashes, exactly as a record appended under the one global lock was signed — a linked
 * record reads the same whichever way it was written, so logs from before and after mix.
 *
 * Checkpoints run shortly after appends (any process: they take turns on the head's lock), before
 * the trail is read, and before a record whose global position is needed (backup, erasure).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import type { KeyRing } from '../keys.ts';
import type { AuditHeadsTable, Database } from '../schema/index.ts';
import { GENESIS_HASH, globalHash, GLOBAL_CHAIN, signedMessage } from './chain.ts';
import { inWriteTransaction, isPostgresDb } from '../writeTransaction.ts';
import { witnessSoon } from './witness.ts';

export { inWriteTransaction, isPostgresDb };

/** Positions from here up are pending (2^52; a pending one adds microseconds since 1970, below 2^53). */
export const PENDING_GSEQ = 2 ** 52;
let tick = 0;
/** A pending position: ordered by time (µs), so the batch links records roughly as they came. */
export function pendingGseq(): number {
  tick = (tick + 1) % 1000;
  return PENDING_GSEQ + Date.now() * 1000 + tick;
}
export const isPending = (gseq: number | string): boolean => Number(gseq) >= PENDING_GSEQ;

/** What a pending record's signature covers: its case link alone (checkpoints re-sign over both). */
export function pendingSignedMessage(r: { case_id: string; seq: number; hash: string }): string {
  return `elect-audit-sig/pending-v1\n${r.case_id}\n${r.seq}\n${r.hash}`;
}

/** One chain's head row, locked on PostgreSQL (SQLite: the caller holds the writer lock); created when missing. */
export async function lockHead(trx: Kysely<Database>, chain: string): Promise<AuditHeadsTable> {
  const read = () => {
    const q = trx.selectFrom('audit_heads').selectAll().where('case_id', '=', chain);
    return (isPostgresDb(trx) ? q.forUpdate() : q).executeTakeFirst();
  };
  const found = await read();
  if (found) return found;
  await trx
    .insertInto('audit_heads')
    .values({
      case_id: chain,
      seq: 0,
      hash: GENESIS_HASH,
      gseq: 0,
      g_hash: GENESIS_HASH,
      store_id: chain === GLOBAL_CHAIN ? uuidv7() : null,
      sealed_at: null,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  const made = await read();
  if (!made) throw new Error(`The audit head of chain ${chain} is missing`);
  return made;
}

export interface GlobalHead {
  gseq: number;
  g_hash: string;
  storeId: string;
}

/**
 * Links up to `limit` pending records into the global chain, oldest first. The caller holds the
 * global head's lock (`g`, the `-` row); returns the head reached, written back to that row.
 */
export async function linkPending(
  trx: Kysely<Database>,
  ring: KeyRing,
  g: AuditHeadsTable,
  limit = 2000,
): Promise<GlobalHead & { linked: number }> {
  const rows = await trx
    .selectFrom('audit_events')
    .select(['case_id', 'seq', 'hash'])
    .where('gseq', '>=', PENDING_GSEQ)
    .orderBy('gseq')
    .orderBy('case_id')
    .orderBy('seq')
    .limit(limit)
    .execute();
  let gseq = Number(g.gseq);
  let gHash = g.g_hash;
  const links = rows.map((r) => {
    const seq = Number(r.seq);
    gseq++;
    const g_hash = globalHash({ gseq, case_id: r.case_id, seq, hash: r.hash, g_prev_hash: gHash });
    const link = {
      case_id: r.case_id,
      seq,
      gseq,
      g_prev_hash: gHash,
      g_hash,
      key_id: ring.signingKeyId,
      sig: ring.sign(signedMessage({ case_id: r.case_id, seq, hash: r.hash, gseq, g_hash })),
    };
    gHash = g_hash;
    return link;
  });
  if (links.length && isPostgresDb(trx)) {
    // One statement for the whole batch.
    const values = sql.join(
      links.map(
        (l) =>
          sql`(${l.case_id}, ${l.seq}::bigint, ${l.gseq}::bigint, ${l.g_prev_hash}, ${l.g_hash}, ${l.key_id}, ${l.sig})`,
      ),
    );
    await sql`UPDATE audit_events AS a SET gseq = v.gseq, g_prev_hash = v.p, g_hash = v.h, key_id = v.k, sig = v.s
      FROM (VALUES ${values}) AS v(case_id, seq, gseq, p, h, k, s)
      WHERE a.case_id = v.case_id AND a.seq = v.seq`.execute(trx);
  } else {
    for (const l of links)
      await trx
        .updateTable('audit_events')
        .set({ gseq: l.gseq, g_prev_hash: l.g_prev_hash, g_hash: l.g_hash, key_id: l.key_id, sig: l.sig })
        .where('case_id', '=', l.case_id)
        .where('seq', '=', l.seq)
        .execute();
  }
  if (links.length)
    await trx.updateTable('audit_heads').set({ gseq, g_hash: gHash }).where('case_id', '=', GLOBAL_CHAIN).execute();
  return { gseq, g_hash: gHash, storeId: g.store_id ?? '', linked: links.length };
}

/** Links every pending record now (in batches); returns the global head reached. */
export async function checkpointAudit(db: Kysely<Database>, ring: KeyRing): Promise<GlobalHead> {
  for (;;) {
    const head = await inWriteTransaction(db, async (trx) => linkPending(trx, ring, await lockHead(trx, GLOBAL_CHAIN)));
    if (ring.witness && head.gseq > 0) witnessSoon(ring, head.storeId, head);
    if (head.linked < 2000) return head;
  }
}

const CHECKPOINT_DELAY_MS = 25;
interface Scheduled {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}
const scheduled = new WeakMap<Kysely<Database>, Scheduled>();

/**
 * A checkpoint soon (one per database object at a time; appends meanwhile join the next batch).
 * Failures are left for the next one: a closed store, a database away — pending records wait.
 */
export function checkpointSoon(db: Kysely<Database>, ring: KeyRing): void {
  let s = scheduled.get(db);
  if (!s) {
    s = { timer: null, running: false, again: false };
    scheduled.set(db, s);
  }
  if (s.running) {
    s.again = true;
    return;
  }
  if (s.timer) return;
  const state = s;
  state.timer = setTimeout(() => {
    state.timer = null;
    state.running = true;
    state.again = false;
    checkpointAudit(db, ring)
      .catch(() => undefined)
      .finally(() => {
        state.running = false;
        if (state.again) checkpointSoon(db, ring);
      });
  }, CHECKPOINT_DELAY_MS);
  state.timer.unref();
}
