/**
 * Entity resolution: the analyst's decisions on candidate duplicates (merged, rejected, unsure),
 * remembered per case against the pair's stable identities so that a re-import under new ids
 * does not ask again; and every merge with what it changed, so it can be undone. Case-scoped.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

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
