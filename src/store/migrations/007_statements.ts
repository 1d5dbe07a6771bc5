/**
 * Bank statements' own figures: account, reference, opening and closing balance with their
 * dates, and the number of entries read. Case-scoped; a statement is identified by its
 * account, reference and period, so importing the same file again adds nothing.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('statements')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opening_minor', bigint, (c) => c.notNull())
    .addColumn('opening_date', 'text', (c) => c.notNull())
    .addColumn('closing_minor', bigint, (c) => c.notNull())
    .addColumn('closing_date', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addPrimaryKeyConstraint('statements_pk', ['case_id', 'id'])
    .addUniqueConstraint('statements_identity_uq', [
      'case_id',
      'account_id',
      'reference',
      'opening_date',
      'closing_date',
    ])
    .addForeignKeyConstraint('statements_case_fk', ['case_id'], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'))
    .execute();
}
