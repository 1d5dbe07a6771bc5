/**
 * The case data model. Every case-scoped table leads its primary key with `case_id` and
 * references `cases(case_id)`, so the schema distributes by case on Citus unchanged.
 */
import { sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Migrations see the database untyped: they describe what the types in store/schema then assume.
type AnyDb = Kysely<unknown>;

/** Every case-scoped row belongs to a case; deleting the case deletes its rows. */
const caseFk =
  (name: string) =>
  <C extends string>(t: CreateTableBuilder<string, C>): CreateTableBuilder<string, C> =>
    t.addForeignKeyConstraint(name, ['case_id' as C], 'cases', ['case_id'], (cb) => cb.onDelete('cascade'));

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('platform_role', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('case_role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
    .$call(caseFk('case_members_case_fk'))
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sources_pk', ['case_id', 'id'])
    .$call(caseFk('sources_case_fk'))
    .execute();

  await db.schema
    .createTable('entities')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('provenance_source_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('information', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('entities_pk', ['case_id', 'id'])
    .$call(caseFk('entities_case_fk'))
    .execute();
  await db.schema.createIndex('entities_schema_idx').on('entities').columns(['case_id', 'schema', 'caption']).execute();
  await db.schema.createIndex('entities_source_idx').on('entities').columns(['case_id', 'source_id']).execute();
  await db.schema.createIndex('entities_target_idx').on('entities').columns(['case_id', 'target_id']).execute();

  await db.schema
    .createTable('entity_history')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_history_pk', ['case_id', 'entity_id', 'version'])
    .$call(caseFk('entity_history_case_fk'))
    .execute();

  await db.schema
    .createTable('selectors')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('property', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selectors_pk', ['case_id', 'kind', 'value', 'entity_id', 'property'])
    .$call(caseFk('selectors_case_fk'))
    .execute();
  await db.schema.createIndex('selectors_entity_idx').on('selectors').columns(['case_id', 'entity_id']).execute();
  // THE DELIBERATE EXCEPTION to case scoping: looking a selector up across all cases is what
  // cross-case hit/no-hit needs. Only `crossCaseSelectorHits` in store/selectorDirectory.ts uses it.
  await db.schema.createIndex('selectors_cross_case_idx').on('selectors').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('notes')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notes_pk', ['case_id', 'id'])
    .$call(caseFk('notes_case_fk'))
    .execute();
  await db.schema.createIndex('notes_entity_idx').on('notes').columns(['case_id', 'entity_id']).execute();

  await db.schema
    .createTable('journal')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_pk', ['case_id', 'id'])
    .$call(caseFk('journal_case_fk'))
    .execute();

  await db.schema
    .createTable('transactions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('counterparty_account_id', 'text')
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('amount_minor', sql.raw(bigint), (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('booking_date', 'text', (c) => c.notNull())
    .addColumn('value_date', 'text')
    .addColumn('text', 'text')
    .addColumn('reference', 'text')
    .addColumn('kind', 'text')
    .addColumn('place', 'text')
    .addColumn('source_id', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transactions_pk', ['case_id', 'id'])
    .addUniqueConstraint('transactions_fingerprint_uq', ['case_id', 'fingerprint'])
    .$call(caseFk('transactions_case_fk'))
    .execute();
  await db.schema
    .createIndex('transactions_account_idx')
    .on('transactions')
    .columns(['case_id', 'account_id', 'booking_date'])
    .execute();
  await db.schema
    .createIndex('transactions_counterparty_idx')
    .on('transactions')
    .columns(['case_id', 'counterparty_account_id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('audit_events_pk', ['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('search_docs')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_docs_pk', ['case_id', 'doc_id'])
    .$call(caseFk('search_docs_case_fk'))
    .execute();

  if (dialect === 'sqlite') {
    // FTS5 index over search_docs (external content), kept in step by triggers. The case id
    // is indexed as a token of its own column so a query intersects with one case's postings
    // and common words stay fast however many cases the store holds.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(case_key, text, content='search_docs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    const key = (row: 'new' | 'old') => `'c' || replace(${row}.case_id, '-', '')`;
    await sql
      .raw(
        `CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN INSERT INTO search_fts(rowid, case_key, text) VALUES (new.rowid, ${key('new')}, new.text); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN INSERT INTO search_fts(search_fts, rowid, case_key, text) VALUES ('delete', old.rowid, ${key('old')}, old.text); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN INSERT INTO search_fts(search_fts, rowid, case_key, text) VALUES ('delete', old.rowid, ${key('old')}, old.text); INSERT INTO search_fts(rowid, case_key, text) VALUES (new.rowid, ${key('new')}, new.text); END`,
      )
      .execute(db);
  } else {
    await sql`ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX search_docs_tsv_idx ON search_docs USING gin (tsv)`.execute(db);
  }
}
