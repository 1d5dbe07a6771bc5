/**
 * What search across seized documents needs beside the full-text index (`search_docs`, which
 * already holds every document's words): per document its type, sender, recipients and day for
 * the filters, and its near-duplicate signature; the signature's LSH bands, so the documents
 * sharing one are found by an index; and the indicator language each message shows (the phrase
 * and a snippet), offered to the analyst as candidate evidence. All derived from the entities
 * when they are imported, and written again from them if missing.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_index')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('day', 'text')
    .addColumn('signature', 'text')
    .addPrimaryKeyConstraint('document_index_pk', ['case_id', 'entity_id'])
    .addForeignKeyConstraint('document_index_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('document_index_day_idx').on('document_index').columns(['case_id', 'day']).execute();

  await db.schema
    .createTable('document_bands')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_bands_pk', ['case_id', 'band', 'entity_id'])
    .addForeignKeyConstraint('document_bands_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('document_bands_entity_idx')
    .on('document_bands')
    .columns(['case_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('document_indicator_marks')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('snippet', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_indicator_marks_pk', ['case_id', 'entity_id', 'ordinal'])
    .addForeignKeyConstraint('document_indicator_marks_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
