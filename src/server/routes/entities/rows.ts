/**
 * The entity table behind the web's virtualised list: filters, sorting and offset pages with a
 * total, so a list of tens of thousands of rows scrolls by fetching only what is on screen.
 * Also the case's recent activity (entity history, newest first) for the dashboard.
 *
 * Rows pass through the same visibility as every read (services/visibility.ts): a partial
 * share lists only what was shared, and a victim's caption is always their pseudonym.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { isVictim } from '../../../domain/access/victims.ts';
import { listSchemata } from '../../../domain/schema/index.ts';
import type { EntityOut } from '../../../shared/contracts/index.ts';
import { ActivityOut, EntityRowsOut, EntityRowsQuery } from '../../../shared/contracts/workspace.ts';
import type { EntityRowOut } from '../../../shared/contracts/workspace.ts';
import { canSee, visibilityOf } from '../../../services/access/visibility.ts';
import { sharedEntityIds } from '../../../store/repos/entities/entities.ts';
import type { EntityRow } from '../../../store/repos/entities/entities.ts';
import { getUser } from '../../../store/repos/access/users.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const edgeSchemata = listSchemata()
  .filter((s) => s.edge)
  .map((s) => s.name);

const SORT_COLUMN = {
  caption: 'caption',
  schema: 'schema',
  updatedAt: 'updated_at',
  recordedAt: 'recorded_at',
} as const;

/** `%`, `_` and the escape itself are literal in the user's words. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The compact row lists and search results show. */
export function rowOf(
  e: Pick<EntityOut, 'id' | 'schema' | 'caption' | 'properties' | 'sourceId' | 'targetId' | 'grading' | 'updatedAt'>,
): EntityRowOut {
  return {
    id: e.id,
    schema: e.schema,
    caption: e.caption,
    status: e.schema === 'Person' ? (e.properties['proceduralStatus']?.[0] ?? null) : null,
    functions: e.properties['crimeScriptFunctions'] ?? [],
    // A victim's caption is their pseudonym, for every user (domain/entity/prepare.ts).
    pseudonym: isVictim(e.schema, e.properties),
    sourceId: e.sourceId,
    targetId: e.targetId,
    reliability: e.grading.reliability,
    information: e.grading.information,
    updatedAt: e.updatedAt,
  };
}

const rowOfStored = (r: EntityRow): EntityRowOut =>
  rowOf({
    id: r.id,
    schema: r.schema,
    caption: r.caption,
    properties: JSON.parse(r.properties) as Record<string, string[]>,
    sourceId: r.source_id,
    targetId: r.target_id,
    grading: {
      reliability: r.reliability as EntityOut['grading']['reliability'],
      information: r.information as EntityOut['grading']['information'],
    },
    updatedAt: r.updated_at,
  });

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
    audit: { action: 'consultation', target: 'entities' },
    handler: async ({ store, caseId, access, query, auditIds }) => {
      const schemata = query.schema === undefined ? [] : Array.isArray(query.schema) ? query.schema : [query.schema];
      const ids = query.ids ? query.ids.split(',').filter(Boolean).slice(0, 1000) : [];
      const filtered = () => {
        let q = store.scope(caseId).selectFrom('entities');
        if (access.partial) q = q.where('id', 'in', sharedEntityIds(store.scope(caseId), access.sharedAgencyId ?? ''));
        if (schemata.length) q = q.where('schema', 'in', schemata);
        if (query.kind === 'links') q = q.where('schema', 'in', edgeSchemata);
        if (query.kind === 'entities') q = q.where('schema', 'not in', edgeSchemata);
        if (query.source) q = q.where('provenance_source_id', '=', query.source);
        if (ids.length) q = q.where('id', 'in', ids);
        // Properties are JSON written by JSON.stringify, so a status reads exactly like this.
        if (query.status)
          q = q.where('properties', 'like', `%"proceduralStatus":["${query.status.replace(/[\\%_"]/g, '')}"]%`);
        if (query.q) q = q.where(sql<boolean>`lower(caption) like ${likePattern(query.q)} escape '\\'`);
        return q;
      };
      const [{ n } = { n: 0 }] = await filtered()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .execute();
      const column = SORT_COLUMN[query.sort];
      let page = filtered().selectAll().orderBy(column, query.dir);
      if (column !== 'caption') page = page.orderBy('caption', query.dir);
      const rows = await page.orderBy('id', query.dir).limit(query.limit).offset(query.offset).execute();
      auditIds(rows.map((row) => row.id));
      return { total: Number(n), rows: rows.map(rowOfStored) };
    },
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
    audit: { action: 'consultation', target: 'history' },
    handler: async ({ store, caseId, access, query, auditIds }) => {
      const scope = store.scope(caseId);
      const v = await visibilityOf(store, access);
      const history = (
        await scope
          .selectFrom('entity_history')
          .selectAll()
          .orderBy('changed_at', 'desc')
          .orderBy('version', 'desc')
          .limit(query.limit * 2)
          .execute()
      )
        .filter((h) => canSee(v, h.entity_id))
        .slice(0, query.limit);
      const ids = [...new Set(history.map((h) => h.entity_id))];
      const current = new Map(
        ids.length
          ? (await scope.selectFrom('entities').selectAll().where('id', 'in', ids).execute()).map((e) => [
              e.id,
              rowOfStored(e),
            ])
          : [],
      );
      const names = new Map<string, string | null>();
      for (const h of history)
        if (!names.has(h.changed_by))
          names.set(h.changed_by, (await getUser(store.db, h.changed_by))?.display_name ?? null);
      auditIds(ids);
      return {
        items: history.map((h) => {
          const row = current.get(h.entity_id);
          // A deleted entity has no row: its old caption is not shown (history may hold a victim's name).
          return {
            entityId: h.entity_id,
            schema: h.schema,
            caption: row?.caption ?? '',
            pseudonym: row?.pseudonym ?? false,
            change: h.change,
            version: h.version,
            changedBy: h.changed_by,
            changedByName: names.get(h.changed_by) ?? null,
            changedAt: h.changed_at,
          };
        }),
      };
    },
  });
}
