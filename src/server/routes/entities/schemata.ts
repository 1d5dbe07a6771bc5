import { SchemataOut } from '../../../shared/contracts/entities.ts';
import { dataModel } from '../../../services/entities/index.ts';
import type { Router } from '../router.ts';

/** The case data model (entity and link types with their properties), for forms and mappers. */
export function schemaRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/schemata',
    tag: 'model',
    summary: 'Entity and link types with their properties',
    access: 'authenticated',
    response: SchemataOut,
    handler: ({ store, caller }) => dataModel(store, caller),
  });
}
