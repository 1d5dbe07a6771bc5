/**
 * Link charts saved per case, shared with everyone who reaches the case: positions, pinned
 * nodes, filters and period; export as GraphML or GEXF (watermarked, under the case's handling
 * code) and import of either as a chart of its own.
 */
import { chartToDoc, docToChart } from '../../domain/graph/chart.ts';
import { subgraph } from '../../domain/graph/caseGraph.ts';
import { parseGexf, serialiseGexf } from '../../domain/graph/gexf.ts';
import { parseGraphML, serialiseGraphML } from '../../domain/graph/graphml.ts';
import { CaseGraphOut, ChartContent } from '../../shared/contracts/charts.ts';
import type { ChartBody, ChartOut, ChartSummaryOut } from '../../shared/contracts/charts.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ChartsTable } from '../../store/tables.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import type { Store } from '../../store/store.ts';
import type { Actor } from '../access/actor.ts';
import { exportableCase, watermark } from '../entities/exports.ts';
import { graphOut, loadCaseGraph } from './graph.ts';
import type { CaseAccess } from '../access/policy.ts';
import { canSee, visibilityOf } from '../access/visibility.ts';

const summary = (r: ChartsTable): ChartSummaryOut => ({
  id: r.id,
  name: r.name,
  nodes: r.node_count,
  imported: r.graph !== null,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listCharts(store: Store, caseId: string): Promise<ChartSummaryOut[]> {
  const rows = await store
    .scope(caseId)
    .selectFrom('charts')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(summary);
}

async function requireChart(scope: CaseScope, id: string): Promise<ChartsTable> {
  const row = await scope.selectFrom('charts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('Chart');
  return row;
}

/** A saved chart; with a partial share, positions of entities outside the shared part are left out. */
export async function getChart(store: Store, access: CaseAccess, id: string): Promise<ChartOut> {
  const row = await requireChart(store.scope(access.caseId), id);
  const content = ChartContent.parse(JSON.parse(row.content));
  const graph = row.graph === null ? null : CaseGraphOut.parse(JSON.parse(row.graph));
  if (!graph) {
    const v = await visibilityOf(store, access);
    content.nodes = content.nodes.filter((n) => canSee(v, n.id));
  }
  return { ...summary(row), content, graph };
}

async function nameFree(scope: CaseScope, name: string, except?: string): Promise<void> {
  const clash = await scope.selectFrom('charts').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== except)
    throw errors.conflict(`A chart named "${name}" already exists in this case`, 'name');
}

async function insertChart(
  store: Store,
  actor: Actor,
  caseId: string,
  name: string,
  content: ChartContent,
  graph: CaseGraphOut | null,
): Promise<ChartOut> {
  const now = new Date().toISOString();
  const row: ChartsTable = {
    case_id: caseId,
    id: uuidv7(),
    name,
    content: JSON.stringify(content),
    graph: graph ? JSON.stringify(graph) : null,
    node_count: graph ? graph.nodes.length : content.nodes.length,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    await nameFree(scope, name);
    const { case_id: _c, ...values } = row;
    await scope.insertInto('charts', values).execute();
  });
  return { ...summary(row), content, graph };
}

export async function createChart(store: Store, actor: Actor, caseId: string, body: ChartBody): Promise<ChartOut> {
  return insertChart(store, actor, caseId, body.name.trim(), ChartContent.parse(body.content), null);
}

/** Saves a new layout or name; `version` guards against overwriting a colleague's edit. */
export async function updateChart(
  store: Store,
  caseId: string,
  id: string,
  body: ChartBody & { version: number },
): Promise<ChartSummaryOut> {
  const content = ChartContent.parse(body.content);
  const name = body.name.trim();
  const now = new Date().toISOString();
  await store.transaction(async (trx) => {
    const scope = store.scope(caseId).in(trx);
    const current = await requireChart(scope, id);
    await nameFree(scope, name, id);
    const res = await scope
      .updateTable('charts')
      .set({
        name,
        content: JSON.stringify(content),
        node_count: current.graph === null ? content.nodes.length : current.node_count,
        updated_at: now,
        version: body.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw errors.conflict(`The chart changed since version ${body.version}; reload it and save again`, 'version');
  });
  return summary(await requireChart(store.scope(caseId), id));
}

export async function deleteChart(store: Store, caseId: string, id: string): Promise<void> {
  await requireChart(store.scope(caseId), id);
  await store.scope(caseId).deleteFrom('charts').where('id', '=', id).execute();
}

/** A GraphML or GEXF file as a new chart of its own nodes and edges, where the file placed them. */
export async function importChart(
  store: Store,
  actor: Actor,
  caseId: string,
  body: { name: string; format: 'graphml' | 'gexf'; content: string },
): Promise<ChartOut> {
  const doc = body.format === 'graphml' ? parseGraphML(body.content) : parseGexf(body.content);
  if (doc.nodes.length > 50_000)
    throw errors.validation(`The file has ${doc.nodes.length} nodes; a chart holds at most 50,000`, 'content');
  const { graph, positions } = docToChart(doc);
  const content = ChartContent.parse({
    nodes: graph.nodes.map((n) => ({ id: n.id, ...(positions.get(n.id) ?? { x: 0, y: 0 }) })),
    layout: positions.size ? 'manual' : 'force',
  });
  return insertChart(store, actor, caseId, body.name.trim(), content, graph);
}

/** The chart as GraphML or GEXF, watermarked, with the entities as the caller may see them now. */
export async function exportChart(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  id: string,
  format: 'graphml' | 'gexf',
): Promise<{ name: string; text: string; ids: string[] }> {
  await exportableCase(store, access);
  const chart = await getChart(store, access, id);
  const positions = new Map(chart.content.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  let graph = chart.graph;
  if (!graph) {
    const period = chart.content.period;
    const whole = await loadCaseGraph(store, access, { from: period?.from ?? undefined, to: period?.to ?? undefined });
    graph = graphOut(subgraph(whole, positions.keys()), false, whole.nodes.size);
  }
  const mark = await watermark(store, actor, access.caseId);
  const title = `${chart.name} — ${mark.properties.title?.[0] ?? ''}`;
  const doc = chartToDoc(graph, positions, format, title);
  // GraphML has no metadata element: the watermark is the document's first comment.
  const text =
    format === 'graphml'
      ? serialiseGraphML(doc).replace('<graphml', `<!-- ${title.replace(/--/g, '—')} -->\n<graphml`)
      : serialiseGexf(doc);
  return { name: chart.name, text, ids: graph.nodes.map((n) => n.id) };
}
