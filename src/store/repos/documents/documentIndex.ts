/**
 * Search across seized documents: the per-document filter facts, near-duplicate bands and
 * indicator marks (migration 025), and the one query that matches words in the full-text index
 * (`search_docs`: FTS5 on SQLite, tsvector on PostgreSQL) and filters by type, sender,
 * recipient, day and the entity a document is linked to.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CaseScope } from '../../caseScope.ts';
import type { DialectName } from '../../dialect.ts';
import { MAX_RANKED_CANDIDATES, queryTokens, textMatch } from '../search/search.ts';

export interface DocumentIndexRow {
  entityId: string;
  kind: string;
  sender: string;
  recipients: string;
  day: string | null;
  signature: string | null;
  bands: readonly string[];
  marks: readonly {
    ruleId: string;
    category: string;
    indicator: string;
    language: string;
    phrase: string;
    snippet: string;
  }[];
}

const chunks = <T>(xs: readonly T[], n = 400): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Writes (or rewrites) the index rows of these documents. */
export async function writeDocumentIndex(scope: CaseScope, rows: readonly DocumentIndexRow[]): Promise<void> {
  for (const part of chunks(rows, 100)) {
    const ids = part.map((r) => r.entityId);
    await scope.deleteFrom('document_index').where('entity_id', 'in', ids).execute();
    await scope.deleteFrom('document_bands').where('entity_id', 'in', ids).execute();
    await scope.deleteFrom('document_indicator_marks').where('entity_id', 'in', ids).execute();
    await scope
      .insertInto(
        'document_index',
        part.map((r) => ({
          entity_id: r.entityId,
          kind: r.kind,
          sender: r.sender,
          recipients: r.recipients,
          day: r.day,
          signature: r.signature,
        })),
      )
      .execute();
    const bands = part.flatMap((r) => [...new Set(r.bands)].map((band) => ({ band, entity_id: r.entityId })));
    for (const b of chunks(bands)) await scope.insertInto('document_bands', b).execute();
    const marks = part.flatMap((r) =>
      r.marks.map((m, ordinal) => ({
        entity_id: r.entityId,
        ordinal,
        rule_id: m.ruleId,
        category: m.category,
        indicator: m.indicator,
        language: m.language,
        phrase: m.phrase,
        snippet: m.snippet,
      })),
    );
    for (const m of chunks(marks, 100)) await scope.insertInto('document_indicator_marks', m).execute();
  }
}

/** Whether the index holds a row for every document of `schemata` (rows leave with their entity). */
export async function documentIndexComplete(scope: CaseScope, schemata: readonly string[]): Promise<boolean> {
  const [docs, rows] = await Promise.all([
    scope
      .selectFrom('entities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('schema', 'in', schemata)
      .executeTakeFirst(),
    scope
      .selectFrom('document_index')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return Number(rows?.n ?? 0) >= Number(docs?.n ?? 0);
}

/** Ids of documents of `schemata` the index does not hold yet (written before it, or not by an import). */
export async function unindexedDocuments(
  scope: CaseScope,
  schemata: readonly string[],
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT e.id FROM entities e
    WHERE e.case_id = ${scope.caseId} AND e.schema IN (${sql.join(schemata)})
      AND NOT EXISTS (SELECT 1 FROM document_index x WHERE x.case_id = e.case_id AND x.entity_id = e.id)
    LIMIT ${limit}`.execute(scope.db);
  return rows.rows.map((r) => r.id);
}

export interface DocumentFilters {
  /** Folded words, all of which must begin words of the document. */
  words: string;
  kinds: readonly string[];
  /** Folded part of the sender's name or address. */
  sender: string | null;
  recipient: string | null;
  from: string | null;
  to: string | null;
  /** Documents linked to this entity (an accepted mention, a sender's link). */
  linkedTo: string | null;
}

const likeEscaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(scope: CaseScope, f: DocumentFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`x.case_id = ${scope.caseId}`];
  if (f.kinds.length) parts.push(sql`x.kind IN (${sql.join(f.kinds)})`);
  if (f.sender) parts.push(sql`x.sender LIKE ${likeEscaped(f.sender)} ESCAPE '\\'`);
  if (f.recipient) parts.push(sql`x.recipients LIKE ${likeEscaped(f.recipient)} ESCAPE '\\'`);
  if (f.from) parts.push(sql`x.day >= ${f.from}`);
  if (f.to) parts.push(sql`x.day <= ${f.to}`);
  if (f.linkedTo)
    // Each end's own index, as entity pages read links (two look-ups, not an OR over both columns).
    parts.push(sql`x.entity_id IN (
      SELECT l.target_id FROM entities l WHERE l.case_id = ${scope.caseId} AND l.source_id = ${f.linkedTo}
      UNION SELECT l.source_id FROM entities l WHERE l.case_id = ${scope.caseId} AND l.target_id = ${f.linkedTo})`);
  return sql.join(parts, sql` AND `);
}

export interface DocumentHit {
  entityId: string;
  rank: number;
}

/** Documents matching the words and filters, best first (newest first without words). */
export async function searchDocumentIndex(
  scope: CaseScope,
  dialect: DialectName,
  f: DocumentFilters,
  limit: number,
): Promise<DocumentHit[]> {
  const where = filterSql(scope, f);
  const tokens = queryTokens(f.words);
  type Row = { entity_id: string; rank: number };
  let rows: Row[];
  if (!tokens.length) {
    rows = (
      await sql<Row>`SELECT x.entity_id, 0 AS rank FROM document_index x WHERE ${where}
        ORDER BY x.day IS NULL, x.day DESC, x.entity_id LIMIT ${limit}`.execute(scope.db)
    ).rows;
  } else if (dialect === 'sqlite') {
    rows = (
      await sql<Row>`SELECT x.entity_id, -bm25(search_fts) AS rank
        FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
        JOIN document_index x ON x.case_id = d.case_id AND x.entity_id = d.entity_id
        WHERE search_fts MATCH ${textMatch(tokens)} AND d.case_id = ${scope.caseId} AND d.kind = 'entity'
          AND ${where}
        ORDER BY rank DESC, x.entity_id LIMIT ${limit}`.execute(scope.db)
    ).rows;
  } else {
    const tsquery = tokens.map((t) => `${t}:*`).join(' & ');
    rows = (
      await sql<Row>`SELECT entity_id, rank FROM (
          SELECT x.entity_id, ts_rank(d.tsv, to_tsquery('simple', ${tsquery})) AS rank
          FROM search_docs d JOIN document_index x ON x.case_id = d.case_id AND x.entity_id = d.entity_id
          WHERE d.case_id = ${scope.caseId} AND d.kind = 'entity' AND d.tsv @@ to_tsquery('simple', ${tsquery})
            AND ${where}
          LIMIT ${MAX_RANKED_CANDIDATES}
        ) candidates ORDER BY rank DESC, entity_id LIMIT ${limit}`.execute(scope.db)
    ).rows;
  }
  return rows.map((r) => ({ entityId: r.entity_id, rank: Number(r.rank) }));
}

/** The stored signatures of these documents. */
export async function signaturesOf(scope: CaseScope, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue;
    const rows = await scope
      .selectFrom('document_index')
      .select(['entity_id', 'signature'])
      .where('entity_id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.entity_id, r.signature);
  }
  return out;
}

/** Documents sharing a band with any of `ids` (candidates to confirm by signature), themselves excluded. */
export async function bandMates(scope: CaseScope, ids: readonly string[], limit: number): Promise<string[]> {
  if (!ids.length) return [];
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)], 200)) {
    const rows = await sql<{ entity_id: string }>`
      SELECT DISTINCT m.entity_id FROM document_bands b
      JOIN document_bands m ON m.case_id = b.case_id AND m.band = b.band
      WHERE b.case_id = ${scope.caseId} AND b.entity_id IN (${sql.join(part)})
      LIMIT ${limit}`.execute(scope.db);
    for (const r of rows.rows) found.add(r.entity_id);
  }
  for (const id of ids) found.delete(id);
  return [...found].slice(0, limit);
}

export interface MarkRow {
  entity_id: string;
  ordinal: number;
  rule_id: string;
  category: string;
  indicator: string;
  language: string;
  phrase: string;
  snippet: string;
}

/** Indicator marks of the case's documents (of `ids` when given), in a stable order. */
export async function indicatorMarks(scope: CaseScope, limit: number, ids?: readonly string[]): Promise<MarkRow[]> {
  let q = scope.selectFrom('document_indicator_marks').selectAll();
  if (ids) {
    if (!ids.length) return [];
    q = q.where('entity_id', 'in', [...ids].slice(0, 500));
  }
  const rows = await q.orderBy('entity_id').orderBy('ordinal').limit(limit).execute();
  return rows.map(({ case_id: _c, ...r }) => r);
}
