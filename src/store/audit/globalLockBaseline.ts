/**
 * The append every record took before per-case chains: the global head row locked (`FOR UPDATE`)
 * for every record, whatever its case, so all appends of a deployment queue on one row. Kept only
 * as the baseline `bench/audit.ts` measures beside today's path (append.ts) in the same run;
 * nothing in the application calls it. PostgreSQL only (SQLite has one writer either way).
 */
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import type { KeyRing } from '../keys.ts';
import type { AuditEventsTable, AuditHeadsTable, Database } from '../schema/index.ts';
import { actorAsOf, prepare } from './append.ts';
import type { Appended, AuditEvent, Prepared } from './append.ts';
import { caseHash, GENESIS_HASH, globalHash, GLOBAL_CHAIN, signedMessage } from './chain.ts';

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
    return q.forUpdate().execute();
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

async function appendLockedIn(
  trx: Kysely<Database>,
  e: AuditEvent,
  ring: KeyRing,
  prepared: Prepared,
): Promise<Appended> {
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
  return { caseId: chain, seq: row.seq, gseq, hash, g_hash, storeId: g.store_id ?? '', linked: true };
}

/** One record under the global lock, in its own transaction (retried as the application's appends are). */
export async function appendAuditGlobalLock(db: Kysely<Database>, e: AuditEvent, ring: KeyRing): Promise<Appended> {
  const prepared = prepare(e, ring);
  for (let i = 1; ; i++) {
    try {
      return await db.transaction().execute((trx) => appendLockedIn(trx, e, ring, prepared));
    } catch (err) {
      const code = String((err as { code?: unknown } | null)?.code ?? '');
      if (i >= 50 || !['40001', '40P01', '23505'].includes(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 * 2 ** Math.min(i, 6) * Math.random()));
    }
  }
}
