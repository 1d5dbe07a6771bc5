/**
 * `findings.explanation_words`: a finding's explanation as sentences every platform language can
 * say (JSON list of translation keys and typed values, shared/sentences.ts), beside the English
 * `explanation` kept for older findings and readers without the translations.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('findings').addColumn('explanation_words', 'text').execute();
}
