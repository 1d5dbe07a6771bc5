/**
 * The tamper-evident audit log, retention review dates and evidence encryption at rest.
 *
 * `audit_events` is rebuilt as hash chains: primary key (case_id, seq), every record also linked
 * into the global chain (gseq) and signed. It has no foreign key to `cases` on purpose: a case's
 * chain outlives the case's erasure. Records made before this migration are chained and signed
 * here, in their recorded order (so they are protected from now on, not before), with free
 * text dropped from their detail.
 *
 * THE SECOND DELIBERATE EXCEPTION to case scoping (after selectors_cross_case_idx): the audit
 * log is read across cases by supervisors and data-protection officers (by user, by period, in
 * global order), so `audit_events_gseq_idx`, `audit_events_user_idx`, `audit_events_case_ref_idx`
 * and `audit_events_at_idx` do not lead with case_id. Only store/audit/query.ts and verify.ts use them.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../shared/ids.ts';
import { caseHash, GENESIS_HASH, globalHash, GLOBAL_CHAIN, signedMessage } from '../audit/chain.ts';
import { sanitizeDetail } from '../audit/detail.ts';
import type { DialectName } from '../dialect.ts';
import { keyRing } from '../keys.ts';

interface LegacyRow {
  case_id: string;
  id: string;
  at: string;
  user_id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string | null;
}

/** The chained audit tables as this migration creates them (written here with the query builder). */
interface ChainedTables {
  audit_events: LegacyRow & {
    seq: number;
    returned_ids: string | null;
    returned_count: number;
    case_ref: string | null;
    ip: string | null;
    prev_hash: string;
    hash: string;
    gseq: number;
    g_prev_hash: string;
    g_hash: string;
    key_id: string | null;
    sig: string | null;
  };
  audit_heads: {
    case_id: string;
    seq: number;
    hash: string;
    gseq: number;
    g_hash: string;
    store_id: string | null;
    sealed_at: string | null;
  };
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bigint = sql.raw(dialect === 'postgres' ? 'bigint' : 'integer');
  const legacy = (
    await sql<LegacyRow>`SELECT case_id, id, at, user_id, action, target_type, target_id, detail FROM audit_events ORDER BY at, case_id, id`.execute(
      db,
    )
  ).rows;
  await db.schema.dropTable('audit_events').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', bigint, (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('returned_ids', 'text')
    .addColumn('returned_count', 'integer', (c) => c.notNull())
    .addColumn('case_ref', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('gseq', bigint, (c) => c.notNull())
    .addColumn('g_prev_hash', 'text', (c) => c.notNull())
    .addColumn('g_hash', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('sig', 'text')
    .addPrimaryKeyConstraint('audit_events_chain_pk', ['case_id', 'seq'])
    .execute();
  // Cross-case on purpose (see above). gseq is not declared unique: Citus allows unique indexes
  // only with the distribution column; verification reports duplicates instead.
  await db.schema.createIndex('audit_events_gseq_idx').on('audit_events').column('gseq').execute();
  await db.schema.createIndex('audit_events_user_idx').on('audit_events').columns(['user_id', 'gseq']).execute();
  await db.schema.createIndex('audit_events_case_ref_idx').on('audit_events').columns(['case_ref', 'gseq']).execute();
  await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();

  await db.schema
    .createTable('audit_heads')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', bigint, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('gseq', bigint, (c) => c.notNull())
    .addColumn('g_hash', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text')
    .addColumn('sealed_at', 'text')
    .execute();

  await chainLegacy(db as unknown as Kysely<ChainedTables>, legacy);

  await db.schema.alterTable('cases').addColumn('review_date', 'text').execute();
  await db.schema.createIndex('cases_review_idx').on('cases').column('review_date').execute();

  for (const col of ['enc_alg', 'enc_key_id', 'enc_nonce', 'enc_tag']) {
    await db.schema.alterTable('case_files').addColumn(col, 'text').execute();
  }
}

/** Earlier records could hold search words in clear: they go through today's allow-list, words dropped. */
function legacyDetail(detail: string | null): string | null {
  if (!detail) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return JSON.stringify({ redacted: ['detail'] });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return JSON.stringify({ redacted: ['detail'] });
  return sanitizeDetail(parsed as Record<string, unknown>, { hash: () => 'dropped-at-migration' });
}

/** Chains the records kept before this migration, in their recorded order. */
async function chainLegacy(db: Kysely<ChainedTables>, legacy: readonly LegacyRow[]): Promise<void> {
  const heads = new Map<string, { seq: number; hash: string }>();
  let gseq = 0;
  let gHash = GENESIS_HASH;
  let batch: ChainedTables['audit_events'][] = [];
  const ring = legacy.length ? keyRing() : undefined;
  const flush = async () => {
    if (batch.length) await db.insertInto('audit_events').values(batch).execute();
    batch = [];
  };
  for (const r of legacy) {
    const head = heads.get(r.case_id) ?? { seq: 0, hash: GENESIS_HASH };
    const base = {
      case_id: r.case_id,
      seq: head.seq + 1,
      id: r.id,
      at: r.at,
      user_id: r.user_id,
      action: r.action,
      target_type: r.target_type,
      target_id: r.target_id,
      returned_ids: null,
      returned_count: 0,
      case_ref: r.case_id === GLOBAL_CHAIN ? null : r.case_id,
      ip: null,
      detail: legacyDetail(r.detail),
      prev_hash: head.hash,
    };
    const hash = caseHash(base);
    gseq++;
    const g = globalHash({ gseq, case_id: r.case_id, seq: base.seq, hash, g_prev_hash: gHash });
    const sig = ring?.sign(signedMessage({ case_id: r.case_id, seq: base.seq, hash, gseq, g_hash: g })) ?? null;
    batch.push({ ...base, hash, gseq, g_prev_hash: gHash, g_hash: g, key_id: ring?.signingKeyId ?? null, sig });
    gHash = g;
    heads.set(r.case_id, { seq: base.seq, hash });
    if (batch.length >= 500) await flush();
  }
  await flush();
  if (!legacy.length) return;
  const global = heads.get(GLOBAL_CHAIN) ?? { seq: 0, hash: GENESIS_HASH };
  heads.delete(GLOBAL_CHAIN);
  await db
    .insertInto('audit_heads')
    .values({ case_id: GLOBAL_CHAIN, ...global, gseq, g_hash: gHash, store_id: uuidv7(), sealed_at: null })
    .execute();
  for (const [caseId, h] of heads) {
    await db
      .insertInto('audit_heads')
      .values({ case_id: caseId, ...h, gseq: 0, g_hash: GENESIS_HASH, store_id: null, sealed_at: null })
      .execute();
  }
}
