/**
 * Search port: full-text search within one case (SQLite FTS5 or PostgreSQL tsvector behind
 * one interface; OpenSearch routed by case id would be the next adapter) and exact selector
 * look-up on normalised values.
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { MAX_QUERY_WORDS } from '../../../shared/names/index.ts';
import type { CaseScope } from '../../caseScope.ts';
import type { DialectName } from '../../dialect.ts';

export interface TextHit {
  docId: string;
  entityId: string | null;
  kind: string;
  rank: number;
}

/** At most this many matches are ranked, so a word found everywhere stays fast. */
export const MAX_RANKED_CANDIDATES = 2000;

/** Query tokens: letters and digits only, so no search syntax can be injected. */
export function queryTokens(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

export interface FullTextSearch {
  search(scope: CaseScope, foldedQuery: string, limit: number): Promise<TextHit[]>;
}

/**
 * The FTS5 query of the words alone; the case is the join's `d.case_id = ?`. Matching the
 * indexed case key as well made FTS5 walk that key's list of every document of the case on each
 * search (a rare name in a million-entity case: 52 ms at 500,000 documents, growing with the
 * case; without it, 0.02 ms): the words' own lists are far shorter, even across all cases.
 */
export const textMatch = (tokens: readonly string[]): string => tokens.map((t) => `text:"${t}"*`).join(' AND ');

const sqliteFts: FullTextSearch = {
  async search(scope, foldedQuery, limit) {
    const tokens = queryTokens(foldedQuery);
    if (!tokens.length) return [];
    const match = textMatch(tokens);
    const res = await sql<{ doc_id: string; entity_id: string | null; kind: string; rank: number }>`
      SELECT d.doc_id, d.entity_id, d.kind, bm25(search_fts) AS rank
      FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
      WHERE search_fts MATCH ${match} AND d.case_id = ${scope.caseId}
      ORDER BY rank LIMIT ${limit}`.execute(scope.db);
    return res.rows.map((r) => ({ docId: r.doc_id, entityId: r.entity_id, kind: r.kind, rank: -Number(r.rank) }));
  },
};

const postgresFts: FullTextSearch = {
  async search(scope, foldedQuery, limit) {
    const tokens = queryTokens(foldedQuery);
    if (!tokens.length) return [];
    const tsquery = tokens.map((t) => `${t}:*`).join(' & ');
    const res = await sql<{ doc_id: string; entity_id: string | null; kind: string; rank: number }>`
      SELECT doc_id, entity_id, kind, ts_rank(tsv, q) AS rank FROM (
        SELECT doc_id, entity_id, kind, tsv, to_tsquery('simple', ${tsquery}) AS q
        FROM search_docs
        WHERE case_id = ${scope.caseId} AND tsv @@ to_tsquery('simple', ${tsquery})
        LIMIT ${MAX_RANKED_CANDIDATES}
      ) candidates
      ORDER BY rank DESC, doc_id LIMIT ${limit}`.execute(scope.db);
    return res.rows.map((r) => ({ docId: r.doc_id, entityId: r.entity_id, kind: r.kind, rank: Number(r.rank) }));
  },
};

/**
 * The entities whose indexed words (their folded name and property values, see
 * domain/entity/prepare.ts) begin with every one of the folded query words, as a subquery of
 * entity ids: the name filter of entity lists and pickers, matched the way global search and
 * shared/names nameMatcher match.
 */
export function entityIdsMatching(scope: CaseScope, dialect: DialectName, foldedQuery: string): RawBuilder<string> {
  const tokens = queryTokens(foldedQuery);
  if (!tokens.length) return sql<string>`SELECT NULL WHERE 1 = 0`;
  if (dialect === 'sqlite') {
    const match = textMatch(tokens);
    return sql<string>`SELECT d.entity_id FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
      WHERE search_fts MATCH ${match} AND d.case_id = ${scope.caseId} AND d.kind = 'entity'`;
  }
  const tsquery = tokens.map((t) => `${t}:*`).join(' & ');
  return sql<string>`SELECT entity_id FROM search_docs
    WHERE case_id = ${scope.caseId} AND kind = 'entity' AND tsv @@ to_tsquery('simple', ${tsquery})`;
}

export const fullTextSearchFor = (dialect: DialectName): FullTextSearch =>
  dialect === 'sqlite' ? sqliteFts : postgresFts;

export interface SelectorHit {
  entityId: string;
  kind: string;
  value: string;
  property: string;
}

/** Exact look-up of normalised selector values within the case. */
export async function findBySelector(
  scope: CaseScope,
  kind: string,
  value: string,
  limit = 200,
): Promise<SelectorHit[]> {
  const rows = await scope
    .selectFrom('selectors')
    .select(['entity_id', 'kind', 'value', 'property'])
    .where('kind', '=', kind)
    .where('value', '=', value)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, kind: r.kind, value: r.value, property: r.property }));
}
