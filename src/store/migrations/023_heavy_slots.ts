/**
 * `heavy_slots`: the heavy operations running now, counted by every server process alike, so the
 * per-user and per-deployment caps hold however many processes serve one database.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('heavy_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('held_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heavy_slots_user_idx').on('heavy_slots').columns(['user_id', 'held_until']).execute();
}
