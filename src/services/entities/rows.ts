/**
 * The entity table behind the web's virtualised list: filters, sorting and offset pages with a
 * total, so a list of tens of thousands of rows scrolls by fetching only what is on screen.
 * Also the case's recent activity (entity history, newest first) for the dashboard.
 *
 * Rows pass through the same visibility as every read (access/visibility.ts): a partial
 * share lists only what was shared, and a victim's caption is always their pseudonym.
 */
import type { z } from 'zod';
import { isVictim } from '../../domain/access/victims.ts';
import { listSchemata } from '../../domain/schema/index.ts';
import { foldText } from '../../shared/names/index.ts';
import type { EntityOut } from '../../shared/contracts/index.ts';
import type { EntityRowOut, EntityRowsQuery } from '../../shared/contracts/entities.ts';
import { getUser } from '../../store/repos/access/users.ts';
import { getEntities } from '../../store/repos/entities/entities.ts';
import type { EntityRow } from '../../store/repos/entities/entities.ts';
import { entityRowPage, recentHistory } from '../../store/repos/entities/rows.ts';
import { canSee, captionFor, visibilityOf, type Visibility } from '../access/index.ts';
import { caseUseCase } from '../useCase/index.ts';

const edgeSchemata = listSchemata()
  .filter((s) => s.edge)
  .map((s) => s.name);

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

/** A stored row as this caller sees it: protected persons and their selectors by pseudonym. */
const rowOfStored = (v: Visibility, r: EntityRow): EntityRowOut => {
  const row = rowOf({
    id: r.id,
    schema: r.schema,
    caption: captionFor(v, r),
    properties: JSON.parse(r.properties) as Record<string, string[]>,
    sourceId: r.source_id,
    targetId: r.target_id,
    grading: {
      reliability: r.reliability as EntityOut['grading']['reliability'],
      information: r.information as EntityOut['grading']['information'],
    },
    updatedAt: r.updated_at,
  });
  return v.protection.pseudonymous.has(r.id) ? { ...row, pseudonym: true } : row;
};

export const entityRows = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'entities' },
  run: async ({ store, caseId, access, audit }, query: z.output<typeof EntityRowsQuery>) => {
    const schemata = query.schema === undefined ? [] : Array.isArray(query.schema) ? query.schema : [query.schema];
    const v = await visibilityOf(store, access);
    const { total, rows } = await entityRowPage(store.scope(caseId), {
      sharedWith: access.partial ? (access.sharedAgencyId ?? '') : undefined,
      captionHidden: [...v.protection.pseudonymous],
      schemata,
      edgeSchemata,
      kind: query.kind,
      source: query.source,
      ids: query.ids ? query.ids.split(',').filter(Boolean).slice(0, 1000) : [],
      status: query.status,
      q: query.q,
      words: query.q
        ? { dialect: store.dialect, folded: foldText(query.q), hideVictims: !access.victimContact }
        : undefined,
      sort: query.sort,
      dir: query.dir,
      limit: query.limit,
      offset: query.offset,
    });
    audit.returned(rows.map((row) => row.id));
    return { total, rows: rows.map((r) => rowOfStored(v, r)) };
  },
});

export const caseActivity = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'history' },
  run: async ({ store, caseId, access, audit }, { limit }: { limit: number }) => {
    const scope = store.scope(caseId);
    const v = await visibilityOf(store, access);
    const history = (await recentHistory(scope, limit * 2)).filter((h) => canSee(v, h.entity_id)).slice(0, limit);
    const ids = [...new Set(history.map((h) => h.entity_id))];
    const current = new Map((await getEntities(scope, ids)).map((e) => [e.id, rowOfStored(v, e)]));
    const names = new Map<string, string | null>();
    for (const h of history)
      if (!names.has(h.changed_by))
        names.set(h.changed_by, (await getUser(store.db, h.changed_by))?.display_name ?? null);
    audit.returned(ids);
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
