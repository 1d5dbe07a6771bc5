/** The entity table behind the web's virtualised list, and the case's recent activity. */
import { z } from 'zod';
import { ActivityOut, EntityRowsOut, EntityRowsQuery } from '../../../shared/contracts/entities.ts';
import { caseActivity, entityRows } from '../../../services/entities/index.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

export function entityRowRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/entity-rows',
    tag: 'entities',
    summary: 'Entities and links as table rows: filtered, sorted, offset-paged with a total',
    params: CaseParams,
    query: EntityRowsQuery,
    response: EntityRowsOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => entityRows(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/activity',
    tag: 'entities',
    summary: 'Recent changes to entities and links, newest first',
    params: CaseParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
    response: ActivityOut,
    access: { case: 'case:read' },
    handler: ({ store, caller, caseId, query }) => caseActivity(store, caller, caseId, { limit: query.limit }),
  });
}
