/**
 * Conflicts assembly found and did not merge: records that share a strong identifier but whose
 * facts disagree (two birth dates on one passport), or one account with two holders that are not
 * otherwise the same. Each waits in the resolution queue for the analyst, with its reason, until
 * dismissed; a re-import raising the same conflict adds nothing (the key names the pair and the
 * identifier). Case-scoped.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resolution_conflicts')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('conflict_key', 'text', (c) => c.notNull())
    .addColumn('a_id', 'text', (c) => c.notNull())
    .addColumn('b_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text')
    .addColumn('dismissed_at', 'text')
    .addPrimaryKeyConstraint('resolution_conflicts_pk', ['case_id', 'conflict_key'])
    .addForeignKeyConstraint('resolution_conflicts_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
