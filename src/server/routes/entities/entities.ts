import { z } from 'zod';
import {
  decodeCursor,
  encodeCursor,
  EntityCreate,
  EntityListQuery,
  EntityOut,
  EntityUpdate,
} from '../../../shared/contracts/index.ts';
import { errors } from '../../../shared/errors.ts';
import { createEntities, editEntity, removeEntity } from '../../../services/entities/entities.ts';
import { canSee, hiddenVictim, presentFor, requireVisibleEntity, visibilityOf } from '../../../services/access/visibility.ts';
import { getEntities, historyOf, linksOf, listEntities } from '../../../store/repos/entities/entities.ts';
import { listNotes } from '../../../store/repos/cases/notes.ts';
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
    audit: { action: 'consultation', target: 'entities' },
    response: z.object({ entities: z.array(EntityOut), next: z.string().nullable() }),
    handler: async ({ store, caseId, query, access, auditIds }) => {
      let after: { caption: string; id: string } | undefined;
      if (query.after) {
        const parts = decodeCursor(query.after, 2);
        if (!parts) throw errors.validation('query.after: not a cursor returned by this API', 'query.after');
        after = { caption: parts[0] ?? '', id: parts[1] ?? '' };
      }
      const schemata =
        query.schema === undefined ? undefined : Array.isArray(query.schema) ? query.schema : [query.schema];
      const rows = await listEntities(store.scope(caseId), {
        schemata,
        after,
        limit: query.limit,
        sharedWith: access.partial ? (access.sharedAgencyId ?? '') : undefined,
      });
      const last = rows[rows.length - 1];
      auditIds(rows.map((r) => r.id));
      const v = await visibilityOf(store, access);
      return {
        entities: rows.map((r) => presentFor(v, r)),
        next: rows.length === query.limit && last ? encodeCursor([last.caption, last.id]) : null,
      };
    },
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
    audit: { action: 'collection', target: 'entity' },
    handler: async ({ store, caseId, actor, body, setAuditTarget, access }) => {
      const [created] = await createEntities(store, actor, caseId, [body], {
        sourceId: body.sourceId,
        sharedWith: access.partial ? access.sharedAgencyId : null,
      });
      if (!created) throw errors.validation('Nothing was created');
      setAuditTarget(created.id);
      return created;
    },
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
    audit: { action: 'collection', target: 'entities' },
    handler: async ({ store, caseId, actor, body, auditDetail, access }) => {
      const created = await createEntities(store, actor, caseId, body.entities, {
        sourceId: body.sourceId,
        itemPath: (i) => `entities[${i}]`,
        sharedWith: access.partial ? access.sharedAgencyId : null,
      });
      auditDetail.created = created.length;
      return { created: created.length, ids: created.map((e) => e.id) };
    },
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/entities/:entityId',
    tag: 'entities',
    summary: 'An entity with its links, notes and history',
    params: EntityParams,
    access: { case: 'case:read' },
    audit: { action: 'consultation', target: 'entity', targetParam: 'entityId' },
    handler: async ({ store, caseId, params, access, auditIds }) => {
      const scope = store.scope(caseId);
      const v = await visibilityOf(store, access);
      const row = await requireVisibleEntity(store, access, v, params.entityId);
      const hidden = hiddenVictim(v, row);
      const links = (await linksOf(scope, row.id)).filter((l) => canSee(v, l.id));
      // A hidden victim's notes and history would name them; only their existence is shown.
      const [notes, history] = hidden
        ? [[], []]
        : await Promise.all([listNotes(scope, row.id), historyOf(scope, row.id)]);
      const ends = await getEntities(
        scope,
        links.flatMap((l) => [l.source_id ?? '', l.target_id ?? '']).filter((id) => id && id !== row.id),
      );
      auditIds([row.id, ...links.map((l) => l.id)]);
      return {
        entity: presentFor(v, row),
        links: links.map((l) => presentFor(v, l)),
        /** The entities at the other end of each link, as this user may see them. */
        related: ends.filter((e) => canSee(v, e.id)).map((e) => presentFor(v, e)),
        notes: notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, author: n.author, createdAt: n.created_at })),
        history: history.map((h) => ({
          version: h.version,
          change: h.change,
          changedBy: h.changed_by,
          changedAt: h.changed_at,
          properties: JSON.parse(h.properties) as unknown,
        })),
      };
    },
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
    audit: { action: 'alteration', target: 'entity', targetParam: 'entityId' },
    handler: async ({ store, caseId, actor, params, body, access }) => {
      const v = await visibilityOf(store, access);
      const row = await requireVisibleEntity(store, access, v, params.entityId);
      if (hiddenVictim(v, row)) throw errors.forbidden('Only users with victim contact may edit a victim’s record');
      return editEntity(store, actor, caseId, params.entityId, body);
    },
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/entities/:entityId',
    tag: 'entities',
    summary: 'Delete an entity (its links too only with withLinks=true)',
    params: EntityParams,
    query: z.object({ withLinks: z.enum(['true', 'false']).default('false') }),
    access: { case: 'case:write' },
    audit: { action: 'erasure', target: 'entity', targetParam: 'entityId' },
    handler: async ({ store, caseId, actor, params, query, auditDetail, access }) => {
      const v = await visibilityOf(store, access);
      const row = await requireVisibleEntity(store, access, v, params.entityId);
      if (hiddenVictim(v, row) || access.partial) throw errors.forbidden('You may not delete this entity');
      const res = await removeEntity(store, actor, caseId, params.entityId, query.withLinks === 'true');
      auditDetail.deleted = res.deleted;
      return res;
    },
  });
}
