/**
 * Import mappings saved for reuse. Each user sees the mappings they saved; a name is unique per
 * user, so "Swedbank LV export" means one thing.
 */
import type { z } from 'zod';
import type { SavedMappingCreate, SavedMappingOut } from '../../shared/contracts/imports.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  deleteSavedMapping,
  insertSavedMapping,
  listSavedMappings,
  savedMappingNamed,
} from '../../store/repos/imports/savedMappings.ts';
import type { SavedMappingRow } from '../../store/repos/imports/savedMappings.ts';
import { globalUseCase } from '../useCase/index.ts';

const present = (row: SavedMappingRow): z.infer<typeof SavedMappingOut> => ({
  id: row.id,
  name: row.name,
  format: row.format,
  options: JSON.parse(row.options) as Record<string, unknown>,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export const savedMappings = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'consultation', target: 'import_mappings' },
  run: async ({ store, actor }, q: { format?: string | undefined }) => ({
    mappings: (await listSavedMappings(store.db, actor.id, q.format)).map(present),
  }),
});

export const saveMapping = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'alteration', target: 'import_mapping' },
  run: async ({ store, actor, audit }, body: z.output<typeof SavedMappingCreate>) => {
    if (await savedMappingNamed(store.db, actor.id, body.name))
      throw errors.conflict(`You already have a mapping called "${body.name}"`, 'name');
    const now = new Date().toISOString();
    const row: SavedMappingRow = {
      id: uuidv7(),
      created_by: actor.id,
      name: body.name,
      format: body.format,
      options: JSON.stringify(body.options),
      created_at: now,
      updated_at: now,
    };
    await insertSavedMapping(store.db, row);
    audit.target(row.id);
    return present(row);
  },
});

export const dropMapping = globalUseCase({
  permission: 'authenticated',
  audit: { action: 'alteration', target: 'import_mapping', targetOf: (i: { mappingId: string }) => i.mappingId },
  run: async ({ store, actor }, { mappingId }: { mappingId: string }) => {
    if ((await deleteSavedMapping(store.db, actor.id, mappingId)) === 0) throw errors.notFound('Mapping');
    return { deleted: mappingId };
  },
});
