/**
 * Import mappings saved for reuse (migration 005). Each user sees the mappings they saved;
 * a name is unique per user, so "Swedbank LV export" means one thing.
 */
import { z } from 'zod';
import { SavedMappingCreate, SavedMappingOut } from '../../../shared/contracts/imports.ts';
import type { SavedMappingOut as SavedMapping } from '../../../shared/contracts/imports.ts';
import { errors } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { SavedMappingsTable } from '../../../store/tables.ts';
import type { Router } from '../router.ts';

const present = (row: SavedMappingsTable): SavedMapping => ({
  id: row.id,
  name: row.name,
  format: row.format,
  options: JSON.parse(row.options) as Record<string, unknown>,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export function savedMappingRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/import-mappings',
    tag: 'imports',
    summary: 'Import mappings you saved, optionally of one format',
    query: z.object({ format: z.string().max(50).optional() }),
    response: z.object({ mappings: z.array(SavedMappingOut) }),
    access: 'authenticated',
    handler: async ({ store, actor, query }) => {
      let q = store.db.selectFrom('saved_mappings').selectAll().where('created_by', '=', actor.id);
      if (query.format) q = q.where('format', '=', query.format);
      return { mappings: (await q.orderBy('name').execute()).map(present) };
    },
  });

  r({
    method: 'POST',
    url: '/api/import-mappings',
    tag: 'imports',
    summary: 'Save an import mapping for reuse',
    status: 201,
    body: SavedMappingCreate,
    response: SavedMappingOut,
    access: 'authenticated',
    handler: async ({ store, actor, body }) => {
      const db = store.db;
      const clash = await db
        .selectFrom('saved_mappings')
        .select('id')
        .where('created_by', '=', actor.id)
        .where('name', '=', body.name)
        .executeTakeFirst();
      if (clash) throw errors.conflict(`You already have a mapping called "${body.name}"`, 'name');
      const now = new Date().toISOString();
      const row: SavedMappingsTable = {
        id: uuidv7(),
        created_by: actor.id,
        name: body.name,
        format: body.format,
        options: JSON.stringify(body.options),
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('saved_mappings').values(row).execute();
      return present(row);
    },
  });

  r({
    method: 'DELETE',
    url: '/api/import-mappings/:mappingId',
    tag: 'imports',
    summary: 'Delete one of your saved mappings',
    params: z.object({ mappingId: z.string().min(1).max(200) }),
    access: 'authenticated',
    handler: async ({ store, actor, params }) => {
      const res = await store.db
        .deleteFrom('saved_mappings')
        .where('id', '=', params.mappingId)
        .where('created_by', '=', actor.id)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw errors.notFound('Mapping');
      return { deleted: params.mappingId };
    },
  });
}
