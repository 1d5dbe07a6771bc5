/**
 * `mention_decisions`: the analyst's accept or reject of a mention found in a message or
 * document, keyed by what was found (kind and normalised value) rather than where, so a decision
 * holds when the text is read again; an accepted mention names the entity it links to and the
 * Documentation link written for it, with the snippet and offset it was decided on as evidence.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mention_decisions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('link_id', 'text')
    .addColumn('snippet', 'text', (c) => c.notNull())
    .addColumn('text_offset', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_decisions_pk', ['case_id', 'document_id', 'kind', 'value'])
    .addForeignKeyConstraint('mention_decisions_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
