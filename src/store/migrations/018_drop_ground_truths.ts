/**
 * The ground truth leaves the database. Generated cases used to keep their generator's truth in
 * `ground_truths`, beside the case data; now nothing in the database holds it: the demo case and
 * training sandboxes regenerate it from their recipe (generator, seed, scale) where a grader
 * needs it, and `elect demo write-sources` writes it as a file apart from the sources.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ground_truths').ifExists().execute();
}
