/**
 * Link charts saved per case, shared with everyone who reaches the case: positions, pinned
 * nodes, filters and period; export as GraphML or GEXF (watermarked, under the case's handling
 * code) and import of either as a chart of its own.
 */
import { chartToDoc } from '../../domain/graph/chart.ts';
import { subgraph } from '../../domain/graph/caseGraph.ts';
import { serialiseGexf } from '../../domain/graph/gexf.ts';
import { serialiseGraphML } from '../../domain/graph/graphml.ts';
import { CaseGraphOut, ChartContent } from '../../shared/contracts/views.ts';
import type { ChartBody, ChartOut, ChartSummaryOut } from '../../shared/contracts/views.ts';
import { errors } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { CaseScope } from '../../store/caseScope.ts';
import {
  chartIdNamed,
  deleteChartRow,
  getChartRow,
  insertChartRow,
  listChartRows,
  updateChartRow,
  type ChartRow as ChartsTable,
} from '../../store/repos/views/charts.ts';
import type { Store } from '../../store/store.ts';
import { canSee, visibilityOf, type Actor, type CaseAccess } from '../access/index.ts';
import { exportableCase, watermark } from '../entities/index.ts';
import { caseUseCase } from '../useCase/index.ts';
import { runTask, withHeavySlot } from '../workers/index.ts';
import type { ChartFile, ReadChart } from './chartImport.task.ts';
import { graphOut, loadCaseGraph } from './graph.ts';

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
  const rows = await listChartRows(store.scope(caseId));
  return rows.map(summary);
}

async function requireChart(scope: CaseScope, id: string): Promise<ChartsTable> {
  const row = await getChartRow(scope, id);
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
  const clash = await chartIdNamed(scope, name);
  if (clash && clash !== except) throw errors.conflict(`A chart named "${name}" already exists in this case`, 'name');
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
    await insertChartRow(scope, values);
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
    const saved = await updateChartRow(scope, id, body.version, {
      name,
      content: JSON.stringify(content),
      node_count: current.graph === null ? content.nodes.length : current.node_count,
      updated_at: now,
      version: body.version + 1,
    });
    if (!saved)
      throw errors.conflict(`The chart changed since version ${body.version}; reload it and save again`, 'version');
  });
  return summary(await requireChart(store.scope(caseId), id));
}

export async function deleteChart(store: Store, caseId: string, id: string): Promise<void> {
  await requireChart(store.scope(caseId), id);
  await deleteChartRow(store.scope(caseId), id);
}

/** A GraphML or GEXF file as a new chart of its own nodes and edges, where the file placed them. */
export async function importChart(
  store: Store,
  actor: Actor,
  caseId: string,
  body: { name: string; format: 'graphml' | 'gexf'; content: string },
): Promise<ChartOut> {
  // Parsed on a pool thread: a large file would otherwise hold every other request.
  const { content, graph } = await runTask<ChartFile, ReadChart>(new URL('./chartImport.task.ts', import.meta.url), {
    format: body.format,
    content: body.content,
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

type ChartRef = { chartId: string };
const chartOf = (i: ChartRef) => i.chartId;

export const savedCharts = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'charts' },
  run: async ({ store, caseId }) => ({ charts: await listCharts(store, caseId) }),
});

export const saveNewChart = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'chart' },
  run: async ({ store, actor, caseId, audit }, body: ChartBody) => {
    const out = await createChart(store, actor, caseId, body);
    audit.target(out.id);
    audit.detail({ count: out.nodes });
    return out;
  },
});

export const importChartFile = caseUseCase({
  permission: 'case:write',
  audit: { action: 'collection', target: 'chart' },
  run: async ({ store, actor, caseId, audit }, body: Parameters<typeof importChart>[3]) => {
    const out = await withHeavySlot(actor.id, 'chart-import', () => importChart(store, actor, caseId, body));
    audit.target(out.id);
    audit.detail({ format: body.format, count: out.nodes });
    return out;
  },
});

export const openChart = caseUseCase({
  permission: 'case:read',
  audit: { action: 'consultation', target: 'chart', targetOf: chartOf },
  run: async ({ store, access, audit }, { chartId }: ChartRef) => {
    const out = await getChart(store, access, chartId);
    if (!out.graph) audit.returned(out.content.nodes.map((n) => n.id));
    return out;
  },
});

export const saveChart = caseUseCase({
  permission: 'case:write',
  audit: { action: 'alteration', target: 'chart', targetOf: chartOf },
  run: ({ store, caseId }, { chartId, body }: ChartRef & { body: ChartBody & { version: number } }) =>
    updateChart(store, caseId, chartId, body),
});

export const removeChart = caseUseCase({
  permission: 'case:write',
  audit: { action: 'erasure', target: 'chart', targetOf: chartOf },
  run: async ({ store, caseId }, { chartId }: ChartRef) => {
    await deleteChart(store, caseId, chartId);
    return { deleted: chartId };
  },
});

/** The chart file with the name it is downloaded under. */
export const exportChartFile = caseUseCase({
  permission: 'case:read',
  audit: { action: 'disclosure', target: 'chart', targetOf: chartOf },
  run: async ({ store, actor, access, audit }, { chartId, format }: ChartRef & { format: 'graphml' | 'gexf' }) => {
    const out = await exportChart(store, actor, access, chartId, format);
    audit.returned(out.ids);
    audit.detail({ format });
    const file = `${out.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'chart'}.${format}`;
    const type =
      format === 'graphml' ? 'application/graphml+xml; charset=utf-8' : 'application/gexf+xml; charset=utf-8';
    return { file, type, text: out.text };
  },
});
