/**
 * The entity table behind the web's virtualised list (filters, sorting, offset pages with a
 * total) and the case's recent activity (entity history, newest first).
 */
import { sql } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { DialectName } from '../../dialect.ts';
import { entityIdsMatching } from '../search/search.ts';
import type { EntityHistoryTable } from '../../schema/index.ts';
import type { EntityRow } from './entities.ts';
import { sharedEntityIds } from './entities.ts';

const SORT_COLUMN = {
  caption: 'caption',
  schema: 'schema',
  updatedAt: 'updated_at',
  recordedAt: 'recorded_at',
} as const;

export interface EntityRowFilter {
  /** Only what is shared with this agency (a partial share). */
  sharedWith?: string | undefined;
  schemata: readonly string[];
  /** Link types, for `kind`. */
  edgeSchemata: readonly string[];
  kind: 'all' | 'entities' | 'links';
  source?: string | undefined;
  ids: readonly string[];
  status?: string | undefined;
  /** Part of the name: matched literally in the caption, or by its folded words (see below). */
  q?: string | undefined;
  /**
   * How `q` is also matched by words: the database's dialect, the query folded
   * (shared/names foldText), and whether victims' real names are hidden from this user (then a
   * victim is found only by the pseudonym in the caption, never by what the index holds).
   */
  words?: { dialect: DialectName; folded: string; hideVictims: boolean } | undefined;
  /** Entities whose stored caption the caller may not search (shown to them by pseudonym). */
  captionHidden?: readonly string[] | undefined;
  sort: keyof typeof SORT_COLUMN;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * A person who may be a victim, read from the stored JSON (written by JSON.stringify). Wider
 * than domain/access isVictim (any property value "victim" counts), so it errs on hiding.
 */
const victimLike = sql<boolean>`(schema = 'Person' AND (properties LIKE '%"victim"%' OR properties LIKE '%"presumedVictim"%'))`;

/** `%`, `_` and the escape itself are literal in the user's words. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of entities under the filter, with how many match in all. */
export async function entityRowPage(
  scope: CaseScope,
  f: EntityRowFilter,
): Promise<{ total: number; rows: EntityRow[] }> {
  const filtered = () => {
    let q = scope.selectFrom('entities');
    if (f.sharedWith !== undefined) q = q.where('id', 'in', sharedEntityIds(scope, f.sharedWith));
    if (f.schemata.length) q = q.where('schema', 'in', [...f.schemata]);
    if (f.kind === 'links') q = q.where('schema', 'in', [...f.edgeSchemata]);
    if (f.kind === 'entities') q = q.where('schema', 'not in', [...f.edgeSchemata]);
    if (f.source) q = q.where('provenance_source_id', '=', f.source);
    if (f.ids.length) q = q.where('id', 'in', [...f.ids]);
    // Properties are JSON written by JSON.stringify, so a status reads exactly like this.
    if (f.status) q = q.where('properties', 'like', `%"proceduralStatus":["${f.status.replace(/[\\%_"]/g, '')}"]%`);
    if (f.q) {
      const literal = sql<boolean>`lower(caption) like ${likePattern(f.q)} escape '\\'`;
      const w = f.words;
      if (!w) q = q.where(literal);
      else {
        const notVictim = w.hideVictims ? sql`AND NOT ${victimLike}` : sql``;
        const byWords = sql<boolean>`(id IN (${entityIdsMatching(scope, w.dialect, w.folded)}) ${notVictim})`;
        q = q.where(sql<boolean>`(${literal} OR ${byWords})`);
      }
    }
    if (f.q && f.captionHidden?.length) q = q.where('id', 'not in', [...f.captionHidden]);
    return q;
  };
  const [{ n } = { n: 0 }] = await filtered()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  const column = SORT_COLUMN[f.sort];
  let page = filtered().selectAll().orderBy(column, f.dir);
  if (column !== 'caption') page = page.orderBy('caption', f.dir);
  const rows = await page.orderBy('id', f.dir).limit(f.limit).offset(f.offset).execute();
  return { total: Number(n), rows };
}

/** The latest changes to entities and links, newest first. */
export async function recentHistory(scope: CaseScope, limit: number): Promise<EntityHistoryTable[]> {
  return scope
    .selectFrom('entity_history')
    .selectAll()
    .orderBy('changed_at', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}
