/**
 * The analyst's own choices in the analysis views: where an entity sits in the crime-script
 * chain (a lane, or `none` to keep it out whatever the rules say) and where a point sits on the
 * map (latitude and longitude placed or corrected by hand). Keyed by case first, like every
 * case table; one row per case, view and entity, replaced when the analyst changes their mind.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  await db.schema
    .createTable('view_placements')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('lane', 'text')
    .addColumn('latitude', real)
    .addColumn('longitude', real)
    .addColumn('note', 'text')
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_placements_pk', ['case_id', 'view', 'entity_id'])
    .addForeignKeyConstraint('view_placements_case_fk', ['case_id'], 'cases', ['case_id'], (cb) =>
      cb.onDelete('cascade'),
    )
    .execute();
}
