/** Indicator catalogues imported by an administrator (the built-in ones ship with domain/indicators). */
import type { Kysely } from 'kysely';
import type { Database, IndicatorCataloguesTable } from '../../schema/index.ts';

export type CatalogueRow = IndicatorCataloguesTable;

/** Every imported version, by key and version. */
export async function catalogueRows(db: Kysely<Database>): Promise<Pick<CatalogueRow, 'content' | 'imported_at'>[]> {
  return db
    .selectFrom('indicator_catalogues')
    .select(['content', 'imported_at'])
    .orderBy('key')
    .orderBy('version')
    .execute();
}

/** The imported catalogue of this key at this version, or its newest. */
export async function newestCatalogueRow(
  db: Kysely<Database>,
  key: string,
  version?: number,
): Promise<Pick<CatalogueRow, 'content' | 'version'> | undefined> {
  let q = db.selectFrom('indicator_catalogues').select(['content', 'version']).where('key', '=', key);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.orderBy('version', 'desc').executeTakeFirst();
}

export async function catalogueExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('indicator_catalogues').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertCatalogue(db: Kysely<Database>, row: CatalogueRow): Promise<void> {
  await db.insertInto('indicator_catalogues').values(row).execute();
}
