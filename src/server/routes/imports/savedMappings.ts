/**
 * Import mappings saved for reuse (migration 005). Each user sees the mappings they saved;
 * a name is unique per user, so "Swedbank LV export" means one thing.
 */
import { z } from 'zod';
import { SavedMappingCreate, SavedMappingOut } from '../../../shared/contracts/imports.ts';
import { dropMapping, saveMapping, savedMappings } from '../../../services/imports/index.ts';
import type { Router } from '../router.ts';

export function savedMappingRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/import-mappings',
    tag: 'imports',
    summary: 'Import mappings you saved, optionally of one format',
    query: z.object({ format: z.string().max(50).optional() }),
    response: z.object({ mappings: z.array(SavedMappingOut) }),
    access: 'authenticated',
    handler: ({ store, caller, query }) => savedMappings(store, caller, { format: query.format }),
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
    handler: ({ store, caller, body }) => saveMapping(store, caller, body),
  });

  r({
    method: 'DELETE',
    url: '/api/import-mappings/:mappingId',
    tag: 'imports',
    summary: 'Delete one of your saved mappings',
    params: z.object({ mappingId: z.string().min(1).max(200) }),
    access: 'authenticated',
    handler: ({ store, caller, params }) => dropMapping(store, caller, { mappingId: params.mappingId }),
  });
}
