import { z } from 'zod';
import { EntityCreate, EntityListQuery, EntityOut, EntityUpdate } from '../../../shared/contracts/index.ts';
import {
  changeEntity,
  eraseEntity,
  entityDetail,
  listCaseEntities,
  recordEntities,
  recordEntity,
} from '../../../services/entities/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const EntityParams = CaseParams.extend({ entityId: z.string().min(1).max(200) });

export function entityRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/entities',
    tag: 'entities',
    summary: 'List entities and links, by caption, keyset-paged',
    params: CaseParams,
    query: EntityListQuery,
    access: { case: 'case:read' },
    response: z.object({ entities: z.array(EntityOut), next: z.string().nullable() }),
    handler: ({ store, caller, caseId, query }) => listCaseEntities(store, caller, caseId, query),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/entities',
    tag: 'entities',
    summary: 'Record an entity or a link',
    status: 201,
    params: CaseParams,
    body: EntityCreate,
    response: EntityOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => recordEntity(store, caller, caseId, body),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/entities/batch',
    tag: 'entities',
    summary: 'Record many entities and links at once, all or nothing',
    status: 201,
    params: CaseParams,
    bodyLimit: 16 * MiB,
    body: z.strictObject({
      sourceId: z.string().max(200).optional(),
      entities: z
        .array(EntityCreate.omit({ sourceId: true }))
        .min(1)
        .max(10_000),
    }),
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, body }) => recordEntities(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/entities/:entityId',
    tag: 'entities',
    summary: 'An entity with its links, notes and history',
    params: EntityParams,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, params }) => entityDetail(store, caller, caseId, { entityId: params.entityId }),
  });

  r({
    method: 'PATCH',
    url: '/api/cases/:caseId/entities/:entityId',
    tag: 'entities',
    summary: 'Edit an entity (optimistic: send the version you edited)',
    params: EntityParams,
    body: EntityUpdate,
    response: EntityOut,
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, params, body }) =>
      changeEntity(store, caller, caseId, { entityId: params.entityId, change: body }),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/entities/:entityId',
    tag: 'entities',
    summary: 'Delete an entity (its links too only with withLinks=true)',
    params: EntityParams,
    query: z.object({ withLinks: z.enum(['true', 'false']).default('false') }),
    access: { case: 'case:write' },
    handler: ({ store, caller, caseId, params, query }) =>
      eraseEntity(store, caller, caseId, { entityId: params.entityId, withLinks: query.withLinks === 'true' }),
  });
}
