/**
 * Chart exchange with i2 Analyst's Notebook: a saved chart (or the whole case, when small) as
 * ANX with entity types, icons, labels, dates and positions, watermarked and under the handling
 * code like every export; its entities and links as CSV; and an ANX file imported into a case
 * through the shared import pipeline (format `anx`), then saved as a chart at the file's
 * positions so the analyst sees it as it was drawn.
 */
import { csvCell, csvRow } from '../../shared/csv.ts';
import { subgraph } from '../../domain/graph/caseGraph.ts';
import { iconOf, parseAnx, serialiseAnx } from '../../domain/prosecution/anx.ts';
import type { AnxChart } from '../../domain/prosecution/anx.ts';
import { anxEntityId, anxImporter } from '../../ingest/formats/anx.ts';
import { memoryInput } from '../../ingest/files.ts';
import type { CaseGraphOut } from '../../shared/contracts/views.ts';
import { errors } from '../../shared/errors.ts';
import { caseEntityIds } from '../../store/repos/prosecution/report.ts';
import type { Store } from '../../store/store.ts';
import type { Actor, CaseAccess } from '../access/index.ts';
import { exportableCase, watermark } from '../entities/index.ts';
import type { ImportOptions, ImportReport } from '../imports/index.ts';
import { runImport } from '../imports/index.ts';
import { createChart, getChart, graphOut, loadCaseGraph } from '../views/index.ts';

/** The whole case goes out as ANX only up to this size; larger cases export a saved chart. */
export const MAX_ANX_NODES = 50_000;

const amountsText = (a: readonly { currency: string; amountMinor: number; count: number }[]) =>
  a.map((x) => `${x.currency} ${(x.amountMinor / 100).toFixed(2)} (${x.count})`).join('; ');

export function chartToAnx(graph: CaseGraphOut, positions: ReadonlyMap<string, { x: number; y: number }>): AnxChart {
  const kinds = [...new Set(graph.nodes.map((n) => n.schema))].sort();
  const column = new Map<string, number>();
  return {
    entities: graph.nodes.map((n) => {
      // Without saved positions: a row per kind of entity, so the chart opens readable.
      const i = column.get(n.schema) ?? 0;
      column.set(n.schema, i + 1);
      const p = positions.get(n.id) ?? { x: i * 120, y: kinds.indexOf(n.schema) * 160 };
      const attributes: Record<string, string> = {
        schema: n.schema,
        reliability: n.reliability,
        information: n.information,
      };
      if (n.status) attributes.status = n.status;
      if (n.tags.length) attributes.tags = n.tags.join('; ');
      if (n.pseudonymised) attributes.pseudonymised = 'true';
      return {
        id: n.id,
        type: n.schema,
        icon: iconOf(n.schema),
        label: n.caption,
        x: Math.round(p.x * 100) / 100,
        y: Math.round(p.y * 100) / 100,
        attributes,
      };
    }),
    links: graph.edges.map((e) => {
      const attributes: Record<string, string> = { schema: e.schema, kind: e.kind };
      if (e.amounts?.length) attributes.amounts = amountsText(e.amounts);
      return {
        id: e.id,
        end1: e.source,
        end2: e.target,
        type: e.schema,
        label: e.label ?? (e.amounts?.length ? amountsText(e.amounts) : ''),
        date: e.first ?? undefined,
        attributes,
      };
    }),
  };
}

async function chartGraph(store: Store, access: CaseAccess, chartId: string | undefined) {
  if (!chartId) {
    const g = await loadCaseGraph(store, access);
    if (g.nodes.size > MAX_ANX_NODES)
      throw errors.validation(`The case has ${g.nodes.size} entities; export a saved chart instead`, 'chartId');
    return {
      name: 'case',
      graph: graphOut(g, false, g.nodes.size),
      positions: new Map<string, { x: number; y: number }>(),
    };
  }
  const c = await getChart(store, access, chartId);
  const positions = new Map(c.content.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  const graph =
    c.graph ?? graphOut(subgraph(await loadCaseGraph(store, access), positions.keys()), false, positions.size);
  return { name: c.name, graph, positions };
}

export async function exportAnx(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  chartId?: string,
): Promise<{ name: string; text: string; ids: string[]; entities: number; links: number }> {
  await exportableCase(store, access);
  const { name, graph, positions } = await chartGraph(store, access, chartId);
  const mark = await watermark(store, actor, access.caseId);
  const chart = chartToAnx(graph, positions);
  return {
    name,
    text: serialiseAnx(chart, `${name} — ${mark.properties.title?.[0] ?? ''}`),
    ids: graph.nodes.map((n) => n.id),
    entities: chart.entities.length,
    links: chart.links.length,
  };
}

/** Opened in spreadsheets: labels a spreadsheet would run as a formula (`=HYPERLINK(…)`) are defused. */
const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => csvRow(r)).join('');

/** The chart's entities or links as CSV (watermark in the first line, as a comment row). */
export async function exportChartCsv(
  store: Store,
  actor: Actor,
  access: CaseAccess,
  what: 'entities' | 'links',
  chartId?: string,
): Promise<{ name: string; text: string; ids: string[] }> {
  await exportableCase(store, access);
  const { name, graph } = await chartGraph(store, access, chartId);
  const mark = await watermark(store, actor, access.caseId);
  const head = [csvCell(`# ${mark.properties.title?.[0] ?? ''}`)];
  const body =
    what === 'entities'
      ? [
          ['id', 'schema', 'label', 'status', 'reliability', 'information', 'tags'],
          ...graph.nodes.map((n) => [
            n.id,
            n.schema,
            n.caption,
            n.status ?? '',
            n.reliability,
            n.information,
            n.tags.join('; '),
          ]),
        ]
      : [
          ['id', 'schema', 'kind', 'source', 'target', 'label', 'amounts', 'first', 'last'],
          ...graph.edges.map((e) => [
            e.id,
            e.schema,
            e.kind,
            e.source,
            e.target,
            e.label ?? '',
            amountsText(e.amounts ?? []),
            e.first ?? '',
            e.last ?? '',
          ]),
        ];
  return { name, text: `${head.join('')}\r\n${csv(body)}`, ids: graph.nodes.map((n) => n.id) };
}

/** An ANX file into the case (one transaction: all or nothing), then a chart at the file's positions. */
export async function importAnx(
  store: Store,
  actor: Actor,
  caseId: string,
  fileName: string,
  content: string,
  ownership: Pick<ImportOptions, 'mayAlter'> = {},
): Promise<{ report: ImportReport; chartId: string | null }> {
  const chart = parseAnx(content); // refuses a broken file before anything is written
  const report = await runImport(store, actor, caseId, anxImporter, memoryInput(fileName, content), {}, ownership);
  const ids = await caseEntityIds(store.scope(caseId));
  const nodes = chart.entities.map((e) => ({ id: anxEntityId(e.id), x: e.x, y: e.y })).filter((n) => ids.has(n.id));
  if (!nodes.length) return { report, chartId: null };
  const saved = await createChart(store, actor, caseId, {
    name: `${fileName.slice(0, 80)} (${new Date().toISOString().slice(0, 19)})`,
    content: { nodes, layout: 'manual' },
  });
  return { report, chartId: saved.id };
}
