/**
 * Appending to the audit log. An append locks only its own chain's head row (`SELECT … FOR UPDATE`
 * on PostgreSQL; SQLite's writer lock, `BEGIN IMMEDIATE`), so a chain never forks while appends to
 * different cases run side by side: read the head, insert the record, move the head, sign once.
 * The record joins the global chain at the next checkpoint (checkpoint.ts), soon after.
 *
 * A *linked* append (`link: true`; always inside a caller's transaction, as the erasure's seal)
 * instead takes the global head's lock too, links what is pending and its own record at once, and
 * returns its global position: for records whose position is named elsewhere (a backup's head).
 * Before checkpoints every append locked the global head (kept for the bench: globalLockBaseline.ts).
 *
 * Called outside a transaction it runs its own and retries on serialization failures and lock
 * conflicts; called with a transaction it joins it, and the caller retries.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import type { KeyRing } from '../keys.ts';
import type { AuditEventsTable, AuditHeadsTable, Database } from '../schema/index.ts';
import { caseHash, globalHash, GLOBAL_CHAIN, signedMessage } from './chain.ts';
import {
  checkpointSoon,
  inWriteTransaction,
  isPostgresDb,
  linkPending,
  lockHead,
  pendingGseq,
  pendingSignedMessage,
} from './checkpoint.ts';
import { capReturnedIds, checkCodes, cleanId, cleanIp, sanitizeDetail } from './detail.ts';
import { flushWitness, witnessSoon, writeWitness } from './witness.ts';

export interface AuditEvent {
  /** The case, or null for events outside any case (the global chain). */
  caseId: string | null;
  userId: string;
  /** collection, alteration, consultation, disclosure, combination, erasure; login, logout, permission. */
  action: string;
  targetType: string;
  targetId?: string | null | undefined;
  /** Ids, counts and codes only: anything else is hashed or dropped (detail.ts). */
  detail?: Record<string, unknown> | undefined;
  /** The client's address. */
  ip?: string | null | undefined;
  /** Ids returned to the caller; the first 100 are kept, with the count. */
  returnedIds?: readonly string[] | undefined;
  /** How many were returned, when more than `returnedIds` holds (or only the count is known). */
  returnedCount?: number | undefined;
  /** Internal: the erasure record that seals a case's chain. */
  seal?: boolean | undefined;
}

export interface Appended {
  caseId: string;
  seq: number;
  gseq: number;
  hash: string;
  g_hash: string;
  storeId: string;
  /** Whether the record is in the global chain yet (else `gseq` is a pending position). */
  linked: boolean;
}

const RETRYABLE = new Set(['40001', '40P01', '23505', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);
const isRetryable = (e: unknown): boolean => RETRYABLE.has(String((e as { code?: unknown } | null)?.code ?? ''));

export const isPostgres = isPostgresDb;

type Head = AuditHeadsTable;

/**
 * Who acted, as named and placed now: the record keeps it (version 2), so a later rename or move
 * to another agency does not change whom history names. Ids that are no account (`anonymous`,
 * `console`, `system`) name themselves.
 */
export async function actorAsOf(
  trx: Kysely<Database>,
  userId: string,
): Promise<Pick<AuditEventsTable, 'actor_username' | 'actor_agency'>> {
  const u = await trx.selectFrom('users').select(['username', 'agency_id']).where('id', '=', userId).executeTakeFirst();
  return { actor_username: u?.username ?? userId, actor_agency: u?.agency_id ?? null };
}

/** The chain a record goes to and that chain's head, locked: a sealed (erased) case's events go to `-`. */
async function chainFor(
  trx: Kysely<Database>,
  e: AuditEvent,
  g: Head | undefined,
): Promise<{ chain: string; head: Head }> {
  const wanted = e.caseId ?? GLOBAL_CHAIN;
  if (wanted === GLOBAL_CHAIN && g) return { chain: wanted, head: g };
  const head = await lockHead(trx, wanted);
  if (head.sealed_at && !e.seal) return { chain: GLOBAL_CHAIN, head: g ?? (await lockHead(trx, GLOBAL_CHAIN)) };
  return { chain: wanted, head };
}

async function appendIn(
  trx: Kysely<Database>,
  e: AuditEvent,
  ring: KeyRing,
  prepared: Prepared,
  link: boolean,
): Promise<Appended> {
  const actor = await actorAsOf(trx, e.userId);
  // Linked: the global head first (every linked append locks in the same order), and what is pending before ours.
  const g0 = link ? await lockHead(trx, GLOBAL_CHAIN) : undefined;
  const g = g0 ? await linkPending(trx, ring, g0, Number.MAX_SAFE_INTEGER) : undefined;
  const { chain, head } = await chainFor(trx, e, g0);
  const isGlobal = chain === GLOBAL_CHAIN;
  const base = {
    case_id: chain,
    seq: Number(head.seq) + 1,
    id: uuidv7(),
    at: new Date().toISOString(),
    user_id: e.userId,
    action: e.action,
    target_type: e.targetType,
    ...prepared,
    ...actor,
    case_ref: e.caseId ?? null,
    prev_hash: head.hash,
  };
  const hash = caseHash(base);
  let row: AuditEventsTable;
  if (g) {
    const gseq = g.gseq + 1;
    const g_hash = globalHash({ gseq, case_id: chain, seq: base.seq, hash, g_prev_hash: g.g_hash });
    const sig = ring.sign(signedMessage({ case_id: chain, seq: base.seq, hash, gseq, g_hash }));
    row = { ...base, hash, gseq, g_prev_hash: g.g_hash, g_hash, key_id: ring.signingKeyId, sig };
  } else {
    const sig = ring.sign(pendingSignedMessage({ case_id: chain, seq: base.seq, hash }));
    row = { ...base, hash, gseq: pendingGseq(), g_prev_hash: '', g_hash: '', key_id: ring.signingKeyId, sig };
  }
  await trx.insertInto('audit_events').values(row).execute();
  await trx
    .updateTable('audit_heads')
    .set({
      seq: row.seq,
      hash,
      ...(g && isGlobal ? { gseq: row.gseq, g_hash: row.g_hash } : {}),
      ...(e.seal && !isGlobal ? { sealed_at: row.at } : {}),
    })
    .where('case_id', '=', chain)
    .execute();
  if (g && !isGlobal)
    await trx
      .updateTable('audit_heads')
      .set({ gseq: row.gseq, g_hash: row.g_hash })
      .where('case_id', '=', GLOBAL_CHAIN)
      .execute();
  const storeId = (g0 ?? (isGlobal ? head : undefined))?.store_id ?? '';
  return { caseId: chain, seq: row.seq, gseq: row.gseq, hash, g_hash: row.g_hash, storeId, linked: Boolean(g) };
}

export type Prepared = Pick<AuditEventsTable, 'target_id' | 'returned_ids' | 'returned_count' | 'ip' | 'detail'>;

/** Checks and cleans what the caller passed: codes are codes, ids are ids, the rest hashed or dropped. */
export function prepare(e: AuditEvent, ring: KeyRing): Prepared {
  checkCodes(e.action, e.targetType);
  const hash = (t: string) => ring.queryHash(t);
  const returned = capReturnedIds(e.returnedIds, e.returnedCount, hash);
  return {
    target_id: e.targetId ? cleanId(e.targetId, hash) : null,
    returned_ids: returned.ids,
    returned_count: returned.count,
    ip: cleanIp(e.ip),
    detail: sanitizeDetail(e.detail, { hash }),
  };
}

export interface AppendOptions {
  /** Link into the global chain now, under the global lock (always so inside a caller's transaction). */
  link?: boolean;
  attempts?: number;
}

export async function appendAudit(
  db: Kysely<Database>,
  e: AuditEvent,
  ring: KeyRing,
  opts: AppendOptions = {},
): Promise<Appended> {
  const prepared = prepare(e, ring);
  if (db.isTransaction) return appendIn(db, e, ring, prepared, true);
  // Most records (a request's one record) go out with whatever else is waiting, in one transaction.
  if (opts.link !== true && !e.seal) return queued(db, { e, ring, prepared, attempts: opts.attempts ?? 8 });
  return appendAlone(db, e, ring, prepared, opts.link === true, opts.attempts ?? 8);
}

async function appendAlone(
  db: Kysely<Database>,
  e: AuditEvent,
  ring: KeyRing,
  prepared: Prepared,
  link: boolean,
  attempts: number,
): Promise<Appended> {
  for (let i = 1; ; i++) {
    try {
      const done = await inWriteTransaction(db, (trx) => appendIn(trx, e, ring, prepared, link));
      if (done.linked) {
        if (ring.witness) witnessSoon(ring, done.storeId, done);
      } else checkpointSoon(db, ring);
      return done;
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 * 2 ** i * Math.random()));
    }
  }
}

/**
 * Group commit. Records appended while a batch is being written wait and go together in the
 * next: one transaction locks every chain head they touch (in key order, so two processes'
 * batches never deadlock), inserts them in one statement and moves each head once. A caller's
 * promise settles when its batch has committed, as with an append of its own; a batch that fails
 * for another reason than a lock conflict is written record by record, so only a bad one fails.
 */
interface Waiting {
  e: AuditEvent;
  ring: KeyRing;
  prepared: Prepared;
  attempts: number;
  resolve?: (a: Appended) => void;
  reject?: (err: unknown) => void;
}
interface Queue {
  waiting: Waiting[];
  flying: number;
}
/** Batches written at once per database handle (each holds one connection while it writes). */
const FLIGHTS = 2;
const MAX_BATCH = 200;
const queues = new WeakMap<Kysely<Database>, Queue>();
let batchesWritten = 0;
/** How many batches this process has committed (tests prove concurrent records share transactions). */
export const auditBatches = (): number => batchesWritten;

function queued(db: Kysely<Database>, w: Waiting): Promise<Appended> {
  let q = queues.get(db);
  if (!q) {
    q = { waiting: [], flying: 0 };
    queues.set(db, q);
  }
  const out = new Promise<Appended>((resolve, reject) => q.waiting.push({ ...w, resolve, reject }));
  if (q.flying < FLIGHTS) void fly(db, q);
  return out;
}

async function fly(db: Kysely<Database>, q: Queue): Promise<void> {
  q.flying++;
  try {
    while (q.waiting.length) {
      const batch = q.waiting.splice(0, MAX_BATCH);
      await writeBatch(db, batch);
    }
  } finally {
    q.flying--;
  }
}

async function writeBatch(db: Kysely<Database>, batch: Waiting[]): Promise<void> {
  const attempts = Math.max(...batch.map((w) => w.attempts));
  for (let i = 1; ; i++) {
    try {
      const done = await inWriteTransaction(db, (trx) => appendManyIn(trx, batch));
      batchesWritten++;
      done.forEach((a, k) => (a ? batch[k]?.resolve?.(a) : undefined));
      // A sealed case's records go to the global chain, each on its own (see appendManyIn).
      await Promise.all(
        batch.map(async (w, k) => {
          if (done[k]) return;
          try {
            w.resolve?.(await appendAlone(db, w.e, w.ring, w.prepared, false, w.attempts));
          } catch (err) {
            w.reject?.(err);
          }
        }),
      );
      const first = batch[0];
      if (first) checkpointSoon(db, first.ring);
      return;
    } catch (err) {
      if (isRetryable(err) && i < attempts) {
        await new Promise((r) => setTimeout(r, 5 * 2 ** Math.min(i, 6) * Math.random()));
        continue;
      }
      if (batch.length === 1) return batch[0]?.reject?.(err);
      // One record spoiled the batch (or retries ran out): each is tried alone and answers for itself.
      await Promise.all(
        batch.map(async (w) => {
          try {
            w.resolve?.(await appendAlone(db, w.e, w.ring, w.prepared, false, w.attempts));
          } catch (e) {
            w.reject?.(e);
          }
        }),
      );
      return;
    }
  }
}

/**
 * Appends a batch as pending records: one read of the actors, one locking read of the heads,
 * one insert, one update of the heads. Records of a sealed (erased) case are left out (undefined):
 * they belong on the global chain, appended alone after the batch.
 */
async function appendManyIn(trx: Kysely<Database>, batch: readonly Waiting[]): Promise<(Appended | undefined)[]> {
  const userIds = [...new Set(batch.map((w) => w.e.userId))];
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'agency_id'])
    .where('id', 'in', userIds)
    .execute();
  const actors = new Map(users.map((u) => [u.id, { actor_username: u.username, actor_agency: u.agency_id }]));
  const chains = [...new Set(batch.map((w) => w.e.caseId ?? GLOBAL_CHAIN))].sort();
  const heads = await lockHeads(trx, chains);
  const rows: AuditEventsTable[] = [];
  const out: (Appended | undefined)[] = [];
  const moved = new Map<string, { seq: number; hash: string }>();
  for (const w of batch) {
    const chain = w.e.caseId ?? GLOBAL_CHAIN;
    const head = heads.get(chain);
    if (!head || head.sealed_at) {
      out.push(undefined);
      continue;
    }
    const base = {
      case_id: chain,
      seq: Number(head.seq) + 1,
      id: uuidv7(),
      at: new Date().toISOString(),
      user_id: w.e.userId,
      action: w.e.action,
      target_type: w.e.targetType,
      ...w.prepared,
      ...(actors.get(w.e.userId) ?? { actor_username: w.e.userId, actor_agency: null }),
      case_ref: w.e.caseId ?? null,
      prev_hash: head.hash,
    };
    const hash = caseHash(base);
    const sig = w.ring.sign(pendingSignedMessage({ case_id: chain, seq: base.seq, hash }));
    const row = { ...base, hash, gseq: pendingGseq(), g_prev_hash: '', g_hash: '', key_id: w.ring.signingKeyId, sig };
    rows.push(row);
    head.seq = row.seq;
    head.hash = hash;
    moved.set(chain, { seq: row.seq, hash });
    const storeId = chain === GLOBAL_CHAIN ? (head.store_id ?? '') : '';
    out.push({ caseId: chain, seq: row.seq, gseq: row.gseq, hash, g_hash: '', storeId, linked: false });
  }
  if (!rows.length) return out;
  await trx.insertInto('audit_events').values(rows).execute();
  const ids = [...moved.keys()];
  const seqCase = sql.join(
    ids.map((c) => sql`when ${c} then cast(${moved.get(c)?.seq ?? 0} as bigint)`),
    sql` `,
  );
  const hashCase = sql.join(
    ids.map((c) => sql`when ${c} then ${moved.get(c)?.hash ?? ''}`),
    sql` `,
  );
  await sql`update audit_heads set seq = case case_id ${seqCase} end, hash = case case_id ${hashCase} end
    where case_id in (${sql.join(ids)})`.execute(trx);
  return out;
}

/** The heads of `chains` (sorted), locked in that order on PostgreSQL; missing ones created first. */
async function lockHeads(trx: Kysely<Database>, chains: string[]): Promise<Map<string, Head>> {
  const read = async () => {
    const q = trx.selectFrom('audit_heads').selectAll().where('case_id', 'in', chains).orderBy('case_id');
    return new Map((await (isPostgresDb(trx) ? q.forUpdate() : q).execute()).map((h) => [h.case_id, h]));
  };
  let heads = await read();
  const missing = chains.filter((c) => !heads.has(c));
  if (!missing.length) return heads;
  for (const c of missing) await lockHead(trx, c);
  heads = await read();
  return heads;
}

/** After a transaction that appended (erasure) commits: witness the head it reached. */
export async function witnessHead(db: Kysely<Database>, ring: KeyRing, force = false): Promise<void> {
  if (!ring.witness && !force) return;
  flushWitness();
  const g = await db.selectFrom('audit_heads').selectAll().where('case_id', '=', GLOBAL_CHAIN).executeTakeFirst();
  if (g?.store_id && g.gseq > 0) writeWitness(ring, g.store_id, { gseq: Number(g.gseq), g_hash: g.g_hash }, force);
}
