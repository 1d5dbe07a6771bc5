/**
 * Appending to the audit log. Every append, whatever its chain, locks the global head row
 * (`SELECT … FOR UPDATE` on PostgreSQL; `BEGIN IMMEDIATE`, SQLite's writer lock), so chains never
 * fork and the global order is total. Three statements: read both heads, insert the record,
 * upsert both heads; the lock is held for those and one Ed25519 signature (≈ 0.1 ms).
 *
 * Called outside a transaction it runs its own and retries on serialization failures and lock
 * conflicts; called with a transaction (erasure) it joins it, and the caller retries.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import type { KeyRing } from '../keys.ts';
import type { AuditEventsTable, AuditHeadsTable, Database } from '../schema/index.ts';
import { caseHash, GENESIS_HASH, globalHash, GLOBAL_CHAIN, signedMessage } from './chain.ts';
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
}

const RETRYABLE = new Set(['40001', '40P01', '23505', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);
const isRetryable = (e: unknown): boolean => RETRYABLE.has(String((e as { code?: unknown } | null)?.code ?? ''));

export const isPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

type Head = AuditHeadsTable;

/** The global head and the chain's head, the global one locked (created on the first append). */
async function lockHeads(trx: Kysely<Database>, chain: string): Promise<{ g: Head; head: Head | undefined }> {
  const read = () => {
    // Locked in key order (ORDER BY comes before the lock): every append locks in the same order.
    const q = trx
      .selectFrom('audit_heads')
      .selectAll()
      .where('case_id', 'in', [GLOBAL_CHAIN, chain])
      .orderBy('case_id');
    return (isPostgres(trx) ? q.forUpdate() : q).execute();
  };
  let rows = await read();
  if (!rows.some((r) => r.case_id === GLOBAL_CHAIN)) {
    await trx
      .insertInto('audit_heads')
      .values({
        case_id: GLOBAL_CHAIN,
        seq: 0,
        hash: GENESIS_HASH,
        gseq: 0,
        g_hash: GENESIS_HASH,
        store_id: uuidv7(),
        sealed_at: null,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .execute();
    rows = await read();
  }
  const g = rows.find((r) => r.case_id === GLOBAL_CHAIN);
  if (!g) throw new Error('The global audit head is missing');
  return { g, head: rows.find((r) => r.case_id === chain) };
}

/**
 * Who acted, as named and placed now: the record keeps it (version 2), so a later rename or move
 * to another agency does not change whom history names. Ids that are no account (`anonymous`,
 * `console`, `system`) name themselves.
 */
async function actorAsOf(
  trx: Kysely<Database>,
  userId: string,
): Promise<Pick<AuditEventsTable, 'actor_username' | 'actor_agency'>> {
  const u = await trx.selectFrom('users').select(['username', 'agency_id']).where('id', '=', userId).executeTakeFirst();
  return { actor_username: u?.username ?? userId, actor_agency: u?.agency_id ?? null };
}

async function appendIn(trx: Kysely<Database>, e: AuditEvent, ring: KeyRing, prepared: Prepared): Promise<Appended> {
  const wanted = e.caseId ?? GLOBAL_CHAIN;
  const actor = await actorAsOf(trx, e.userId);
  const { g, head: own } = await lockHeads(trx, wanted);
  let chain = wanted;
  let head: Pick<Head, 'seq' | 'hash' | 'sealed_at'> | undefined = wanted === GLOBAL_CHAIN ? g : own;
  // A sealed (erased) case's chain takes nothing more: later events about it go to the global chain.
  if (head?.sealed_at && !e.seal) {
    chain = GLOBAL_CHAIN;
    head = g;
  }
  const base = {
    case_id: chain,
    seq: Number(head?.seq ?? 0) + 1,
    id: uuidv7(),
    at: new Date().toISOString(),
    user_id: e.userId,
    action: e.action,
    target_type: e.targetType,
    ...prepared,
    ...actor,
    case_ref: e.caseId ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = caseHash(base);
  const gseq = Number(g.gseq) + 1;
  const g_hash = globalHash({ gseq, case_id: chain, seq: base.seq, hash, g_prev_hash: g.g_hash });
  const row: AuditEventsTable = {
    ...base,
    hash,
    gseq,
    g_prev_hash: g.g_hash,
    g_hash,
    key_id: ring.signingKeyId,
    sig: ring.sign(signedMessage({ case_id: chain, seq: base.seq, hash, gseq, g_hash })),
  };
  await trx.insertInto('audit_events').values(row).execute();
  // Both heads in one statement: the global one always, the case's when it is another chain.
  const isGlobal = chain === GLOBAL_CHAIN;
  const heads: Head[] = [
    {
      case_id: GLOBAL_CHAIN,
      seq: isGlobal ? row.seq : Number(g.seq),
      hash: isGlobal ? hash : g.hash,
      gseq,
      g_hash,
      store_id: g.store_id,
      sealed_at: null,
    },
    ...(isGlobal
      ? []
      : [
          {
            case_id: chain,
            seq: row.seq,
            hash,
            gseq: 0,
            g_hash: GENESIS_HASH,
            store_id: null,
            sealed_at: e.seal ? row.at : null,
          },
        ]),
  ];
  await trx
    .insertInto('audit_heads')
    .values(heads)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => ({
        seq: eb.ref('excluded.seq'),
        hash: eb.ref('excluded.hash'),
        gseq: eb.ref('excluded.gseq'),
        g_hash: eb.ref('excluded.g_hash'),
        sealed_at: eb.ref('excluded.sealed_at'),
      })),
    )
    .execute();
  return { caseId: chain, seq: row.seq, gseq, hash, g_hash, storeId: g.store_id ?? '' };
}

/**
 * SQLite: BEGIN IMMEDIATE takes the writer lock first (waiting busy_timeout), so another process cannot get in between
 * read and write.
 */
async function inSqliteImmediate<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return out;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}

type Prepared = Pick<AuditEventsTable, 'target_id' | 'returned_ids' | 'returned_count' | 'ip' | 'detail'>;

/** Checks and cleans what the caller passed: codes are codes, ids are ids, the rest hashed or dropped. */
function prepare(e: AuditEvent, ring: KeyRing): Prepared {
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

export async function appendAudit(db: Kysely<Database>, e: AuditEvent, ring: KeyRing, attempts = 8): Promise<Appended> {
  const prepared = prepare(e, ring);
  if (db.isTransaction) return appendIn(db, e, ring, prepared);
  for (let i = 1; ; i++) {
    try {
      const run = (trx: Kysely<Database>) => appendIn(trx, e, ring, prepared);
      const done = isPostgres(db) ? await db.transaction().execute(run) : await inSqliteImmediate(db, run);
      if (ring.witness) witnessSoon(ring, done.storeId, done);
      return done;
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 * 2 ** i * Math.random()));
    }
  }
}

/** After a transaction that appended (erasure) commits: witness the head it reached. */
export async function witnessHead(db: Kysely<Database>, ring: KeyRing, force = false): Promise<void> {
  if (!ring.witness && !force) return;
  flushWitness();
  const g = await db.selectFrom('audit_heads').selectAll().where('case_id', '=', GLOBAL_CHAIN).executeTakeFirst();
  if (g?.store_id && g.gseq > 0) writeWitness(ring, g.store_id, { gseq: Number(g.gseq), g_hash: g.g_hash }, force);
}
