/**
 * Files kept with a case (evidence, web and ad captures) and the ground truth of generated
 * training and demo cases. Both are case-scoped like everything else.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('case_files')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', sql.raw(dialect === 'postgres' ? 'bytea' : 'blob'), (c) => c.notNull())
    /** The entity the file documents (an ad's capture, a seized phone's extraction…). */
    .addColumn('entity_id', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_files_pk', ['case_id', 'id'])
    .addForeignKeyConstraint('case_files_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('case_files_entity_idx').on('case_files').columns(['case_id', 'entity_id']).execute();

  await db.schema
    .createTable('ground_truths')
    .addColumn('case_id', 'text', (c) => c.notNull())
    /** One row per generator cell: bounded rows however large the scenario. */
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('generator', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ground_truths_pk', ['case_id', 'part'])
    .addForeignKeyConstraint('ground_truths_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
}
