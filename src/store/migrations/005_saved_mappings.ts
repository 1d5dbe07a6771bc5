/**
 * Import mappings saved for reuse: how a bank's CSV export or an operator's CDR layout maps to
 * entities and links. A small global table (like users): a mapping describes a file layout,
 * not case data, so it is reused from case to case by the user who saved it.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('saved_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_mappings_owner_name_uq', ['created_by', 'name'])
    .execute();
}
