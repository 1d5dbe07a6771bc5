/**
 * The THB e-mail address node is renamed from `Email` to `EmailAddress`: in FollowTheMoney
 * `Email` is an e-mail *message*, and FtM files holding messages must not land on address nodes.
 * Renamed wherever a schema name is stored: entities and their history, the hidden types of saved
 * charts and the nodes of imported charts' graphs, and the entities a merge keeps for its undo.
 *
 * Left as they are: the audit log (signed history; its records name what was done then), and
 * saved FtM mappings (YAML text; the mapping importer reads a legacy `Email` as `EmailAddress`).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

const OLD = 'Email';
const NEW = 'EmailAddress';

const renamed = (schema: unknown): unknown => (schema === OLD ? NEW : schema);

interface ChartContentJson {
  filters?: { hiddenTypes?: unknown[] };
}
interface ChartGraphJson {
  nodes?: { schema?: unknown }[];
}
interface MergeBeforeJson {
  keep?: { schema?: unknown };
  merged?: { schema?: unknown };
  refs?: { schema?: unknown }[];
}

/** Renames in a JSON text; undefined when nothing changed (the row is then left alone). */
function rewriteJson<T>(text: string | null, change: (value: T) => void): string | undefined {
  if (text === null || !text.includes(`"${OLD}"`)) return undefined;
  let value: T;
  try {
    value = JSON.parse(text) as T;
  } catch {
    return undefined;
  }
  change(value);
  const out = JSON.stringify(value);
  return out === JSON.stringify(JSON.parse(text)) ? undefined : out;
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await sql`UPDATE entities SET "schema" = ${NEW} WHERE "schema" = ${OLD}`.execute(db);
  await sql`UPDATE entity_history SET "schema" = ${NEW} WHERE "schema" = ${OLD}`.execute(db);

  const like = `%"${OLD}"%`;
  const charts = await sql<{ case_id: string; id: string; content: string; graph: string | null }>`
    SELECT case_id, id, content, graph FROM charts WHERE content LIKE ${like} OR graph LIKE ${like}`.execute(db);
  for (const chart of charts.rows) {
    const content = rewriteJson<ChartContentJson>(chart.content, (c) => {
      if (Array.isArray(c.filters?.hiddenTypes)) c.filters.hiddenTypes = c.filters.hiddenTypes.map(renamed);
    });
    const graph = rewriteJson<ChartGraphJson>(chart.graph, (g) => {
      for (const node of Array.isArray(g.nodes) ? g.nodes : []) node.schema = renamed(node.schema);
    });
    if (content !== undefined)
      await sql`UPDATE charts SET content = ${content} WHERE case_id = ${chart.case_id} AND id = ${chart.id}`.execute(
        db,
      );
    if (graph !== undefined)
      await sql`UPDATE charts SET graph = ${graph} WHERE case_id = ${chart.case_id} AND id = ${chart.id}`.execute(db);
  }

  const merges = await sql<{ case_id: string; id: string; before: string }>`
    SELECT case_id, id, "before" FROM resolution_merges WHERE "before" LIKE ${like}`.execute(db);
  for (const merge of merges.rows) {
    const before = rewriteJson<MergeBeforeJson>(merge.before, (b) => {
      for (const row of [b.keep, b.merged, ...(Array.isArray(b.refs) ? b.refs : [])])
        if (row) row.schema = renamed(row.schema);
    });
    if (before !== undefined)
      await sql`UPDATE resolution_merges SET "before" = ${before}
        WHERE case_id = ${merge.case_id} AND id = ${merge.id}`.execute(db);
  }
}
