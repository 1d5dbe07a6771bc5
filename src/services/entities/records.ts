/**
 * Entities and links as the API and the CLI read and write them, one use case per request:
 * every read passes through the caller's visibility (pseudonyms, partial shares), and a victim
 * seen only by pseudonym can be neither edited nor deleted.
 */
import type { z } from 'zod';
import type { EntityCreate, EntityOut, EntityUpdate } from '../../shared/contracts/index.ts';
import { decodeCursor, encodeCursor } from '../../shared/contracts/index.ts';
import { errors } from '../../shared/errors.ts';
import { listNotes } from '../../store/repos/cases/notes.ts';
import { getEntities, historyOf, linksOf, listEntities } from '../../store/repos/entities/entities.ts';
import {
  canSee,
  hiddenVictim,
  presentFor,
  requireOwnRecord,
  requireVisibleEntity,
  seizedPropertiesFor,
  sharedPart,
  visibilityOf,
} from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { withHeavySlot } from '../workers/index.ts';
import { createEntities, editEntity, removeEntity, writeEntities } from './entities.ts';

const HEAVY_BATCH = 1_000;

const byEntity = (i: { entityId: string }) => i.entityId;

export const listCaseEntities = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'entities' },
  run: async (
    { store, caseId, access, audit },
    query: { schema?: string | string[] | undefined; after?: string | undefined; limit: number },
  ): Promise<{ entities: EntityOut[]; next: string | null }> => {
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
    audit.returned(rows.map((r) => r.id));
    const v = await visibilityOf(store, access);
    return {
      entities: rows.map((r) => presentFor(v, r)),
      next: rows.length === query.limit && last ? encodeCursor([last.caption, last.id]) : null,
    };
  },
});

/** An entity with its links, the entities at their other ends, its notes and its history. */
export const entityDetail = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'entity', targetOf: byEntity },
  run: async ({ store, caseId, access, audit }, { entityId }: { entityId: string }) => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, entityId);
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
    audit.returned([row.id, ...links.map((l) => l.id)]);
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
        properties: seizedPropertiesFor(v, row.schema, JSON.parse(h.properties) as Record<string, string[]>).properties,
      })),
    };
  },
});

export const recordEntity = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'entity' },
  run: async ({ store, caseId, actor, access, audit }, input: EntityCreate): Promise<EntityOut> => {
    const [created] = await createEntities(store, actor, caseId, [input], {
      sourceId: input.sourceId,
      within: await sharedPart(store, access),
      sharedWith: access.partial ? access.sharedAgencyId : null,
    });
    if (!created) throw errors.validation('Nothing was created');
    audit.target(created.id);
    return created;
  },
});

export const recordEntities = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'entities' },
  run: async (
    { store, caseId, actor, access, audit },
    input: { sourceId?: string | undefined; entities: Omit<EntityCreate, 'sourceId'>[] },
  ) => {
    // Only the ids go back: reading 10,000 written rows again would cost more than writing them.
    const within = await sharedPart(store, access);
    const write = () =>
      writeEntities(store, actor, caseId, input.entities, {
        sourceId: input.sourceId,
        itemPath: (i) => `entities[${i}]`,
        itemPrefix: 'entities',
        within,
        sharedWith: access.partial ? access.sharedAgencyId : null,
      });
    // A large batch counts as one of the user's heavy operations.
    const ids = input.entities.length > HEAVY_BATCH ? await withHeavySlot(actor.id, 'batch', write) : await write();
    audit.detail({ created: ids.length });
    return { created: ids.length, ids };
  },
});

export const changeEntity = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'entity', targetOf: byEntity },
  run: async (
    { store, caseId, actor, access },
    input: { entityId: string; change: z.infer<typeof EntityUpdate> },
  ): Promise<EntityOut> => {
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, input.entityId);
    if (hiddenVictim(v, row)) throw errors.forbidden('Only users with victim contact may edit a victim’s record');
    await requireOwnRecord(store, access, row.recorded_by);
    return editEntity(store, actor, caseId, input.entityId, input.change, v.only);
  },
});

export const eraseEntity = caseUseCase({
  permission: 'case:write',
  audit: { action: 'erasure', target: 'entity', targetOf: byEntity },
  run: async ({ store, caseId, actor, access, audit }, input: { entityId: string; withLinks: boolean }) => {
    const v = await visibilityOf(store, access);
    const row = await requireVisibleEntity(store, access, v, input.entityId);
    if (hiddenVictim(v, row) || access.partial) throw errors.forbidden('You may not delete this entity');
    await requireOwnRecord(store, access, row.recorded_by);
    const res = await removeEntity(store, actor, caseId, input.entityId, input.withLinks);
    audit.detail({ deleted: res.deleted });
    return res;
  },
});
