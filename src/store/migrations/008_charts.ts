/**
 * Link charts saved per case: which entities are on the chart and where, which are pinned,
 * the filters and period it was made with, and — for a chart imported from GraphML or GEXF —
 * the file's own graph. Shared with everyone who reaches the case; edits are optimistic
 * (`version`), like entities.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('charts')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('graph', 'text')
    .addColumn('node_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('charts_pk', ['case_id', 'id'])
    .addUniqueConstraint('charts_name_uq', ['case_id', 'name'])
    .addForeignKeyConstraint('charts_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
}
