/**
 * Statements reconcile, and one statement is one statement. Each statement records whether its
 * opening balance plus its entries gives its closing balance: `balanced`, `unbalanced` (imported
 * only on the user's explicit acceptance, with the difference kept) or `no balances` (the file
 * gives none to check). And a statement's identity now includes both balances: some banks give
 * every statement of an account the same reference, so account, reference and period alone may
 * name two different statements. Balances may be absent (null): a file may give none. The table
 * is rebuilt (SQLite cannot drop a unique constraint).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

const KEPT = [
  'case_id',
  'id',
  'account_id',
  'reference',
  'currency',
  'opening_minor',
  'opening_date',
  'closing_minor',
  'closing_date',
  'entries',
  'source_id',
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema.alterTable('statements').renameTo('statements_before_017').execute();
  await db.schema
    .createTable('statements')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('opening_minor', bigint)
    .addColumn('opening_date', 'text', (c) => c.notNull())
    .addColumn('closing_minor', bigint)
    .addColumn('closing_date', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('reconciliation', 'text', (c) => c.notNull().defaultTo('balanced'))
    .addColumn('difference_minor', bigint)
    .addPrimaryKeyConstraint('statements_017_pk', ['case_id', 'id'])
    .addUniqueConstraint('statements_017_identity_uq', [
      'case_id',
      'account_id',
      'reference',
      'opening_date',
      'closing_date',
      'opening_minor',
      'closing_minor',
    ])
    .addForeignKeyConstraint('statements_017_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
  const columns = sql.join(KEPT.map((c) => sql.ref(c)));
  await sql`INSERT INTO statements (${columns}) SELECT ${columns} FROM statements_before_017`.execute(db);
  await db.schema.dropTable('statements_before_017').execute();
}
