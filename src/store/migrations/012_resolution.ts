/**
 * Entity resolution: the analyst's decisions on candidate duplicates (merged, rejected, unsure),
 * remembered per case against the pair's stable identities so that a re-import under new ids
 * does not ask again; and every merge with what it changed, so it can be undone. Case-scoped.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** store/tables.ts: `resolution_decisions: ResolutionDecisionsTable`. */
export interface ResolutionDecisionsTable {
  case_id: string;
  /** The two stable identities (hashed), sorted and joined: survives a re-import under new ids. */
  pair_key: string;
  a_id: string;
  b_id: string;
  /** merged, rejected or unsure */
  status: string;
  score: number;
  merge_id: string | null;
  decided_by: string;
  decided_at: string;
}

/** store/tables.ts: `resolution_merges: ResolutionMergesTable`. */
export interface ResolutionMergesTable {
  case_id: string;
  id: string;
  keep_id: string;
  merged_id: string;
  pair_key: string;
  /** JSON: the kept entity, the merged entity and every entity that referred to it, as they were. */
  before: string;
  /** JSON: entity id → version after the merge (an undo refuses if any changed since). */
  after_versions: string;
  merged_by: string;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('resolution_decisions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('pair_key', 'text', (c) => c.notNull())
    .addColumn('a_id', 'text', (c) => c.notNull())
    .addColumn('b_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', dialect === 'postgres' ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('merge_id', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resolution_decisions_pk', ['case_id', 'pair_key'])
    .addForeignKeyConstraint('resolution_decisions_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('resolution_decisions_ids_idx')
    .on('resolution_decisions')
    .columns(['case_id', 'a_id', 'b_id'])
    .execute();

  await db.schema
    .createTable('resolution_merges')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('keep_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('pair_key', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after_versions', 'text', (c) => c.notNull())
    .addColumn('merged_by', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'text')
    .addPrimaryKeyConstraint('resolution_merges_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('resolution_merges_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
