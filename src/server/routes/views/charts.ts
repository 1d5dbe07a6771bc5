/**
 * The link chart: the case graph (whole, an n-step neighbourhood, shortest paths), all as the
 * caller may see it and in the shared period; charts saved per case with their layout;
 * GraphML/GEXF export (disclosure, watermarked) and import (a chart of the file's own graph).
 */
import { z } from 'zod';
import {
  CaseGraphOut,
  ChartBody,
  ChartImportBody,
  ChartOut,
  ChartSummaryOut,
  GraphQuery,
  graphFormats,
  NeighbourhoodQuery,
  PathsOut,
  PathsQuery,
} from '../../../shared/contracts/views.ts';
import {
  exportChartFile,
  findPaths,
  importChartFile,
  openChart,
  openGraph,
  openNeighbourhood,
  removeChart,
  saveChart,
  savedCharts,
  saveNewChart,
} from '../../../services/views/index.ts';
import { MiB } from '../../http/route.ts';
import { CaseParams } from '../cases/cases.ts';
import type { Router } from '../router.ts';

const ChartParams = CaseParams.extend({ chartId: z.string().min(1).max(200) });
const read = { case: 'case:read' } as const;
const write = { case: 'case:write' } as const;

export function chartRoutes(r: Router): void {
  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph',
    tag: 'charts',
    summary: 'The whole case as a graph (entities, links, money between accounts) when it has at most maxNodes nodes',
    params: CaseParams,
    query: GraphQuery,
    response: CaseGraphOut,
    access: read,
    handler: ({ store, caller, caseId, query }) => openGraph(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph/neighbourhood',
    tag: 'charts',
    summary: 'The entities up to `steps` links or money flows from the given ones, with the links among them',
    params: CaseParams,
    query: NeighbourhoodQuery,
    response: CaseGraphOut,
    access: read,
    handler: ({ store, caller, caseId, query }) => openNeighbourhood(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/graph/paths',
    tag: 'charts',
    summary: 'Shortest paths (fewest links) between two entities, ties in a stable order',
    params: CaseParams,
    query: PathsQuery,
    response: PathsOut,
    access: read,
    handler: ({ store, caller, caseId, query }) => findPaths(store, caller, caseId, query),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts',
    tag: 'charts',
    summary: 'Charts saved in the case, newest first',
    params: CaseParams,
    response: z.object({ charts: z.array(ChartSummaryOut) }),
    access: read,
    handler: ({ store, caller, caseId }) => savedCharts(store, caller, caseId),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/charts',
    tag: 'charts',
    summary: 'Save a chart: its entities with positions, pinned nodes, filters and period',
    status: 201,
    params: CaseParams,
    body: ChartBody,
    bodyLimit: 8 * MiB,
    response: ChartOut,
    access: write,
    handler: ({ store, caller, caseId, body }) => saveNewChart(store, caller, caseId, body),
  });

  r({
    method: 'POST',
    url: '/api/cases/:caseId/charts/import',
    tag: 'charts',
    summary: 'Import a GraphML or GEXF file as a chart of its own nodes and edges',
    status: 201,
    params: CaseParams,
    body: ChartImportBody,
    bodyLimit: 24 * MiB,
    response: ChartOut,
    access: write,
    handler: ({ store, caller, caseId, body }) => importChartFile(store, caller, caseId, body),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: "A saved chart with its layout (and an imported chart's own graph)",
    params: ChartParams,
    response: ChartOut,
    access: read,
    handler: ({ store, caller, caseId, params }) => openChart(store, caller, caseId, params),
  });

  r({
    method: 'PUT',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: "Save a chart's new layout or name (optimistic: send the version read)",
    params: ChartParams,
    body: ChartBody.extend({ version: z.number().int().min(1) }),
    bodyLimit: 8 * MiB,
    response: ChartSummaryOut,
    access: write,
    handler: ({ store, caller, caseId, params, body }) =>
      saveChart(store, caller, caseId, { chartId: params.chartId, body }),
  });

  r({
    method: 'DELETE',
    url: '/api/cases/:caseId/charts/:chartId',
    tag: 'charts',
    summary: 'Delete a saved chart',
    params: ChartParams,
    access: write,
    handler: ({ store, caller, caseId, params }) => removeChart(store, caller, caseId, params),
  });

  r({
    method: 'GET',
    url: '/api/cases/:caseId/charts/:chartId/export',
    tag: 'charts',
    summary: 'A saved chart as GraphML or GEXF (for Gephi), watermarked',
    params: ChartParams,
    query: z.object({ format: z.enum(graphFormats).default('graphml') }),
    access: read,
    handler: async ({ store, caller, caseId, params, query, reply }) => {
      const out = await exportChartFile(store, caller, caseId, { chartId: params.chartId, format: query.format });
      void reply.type(out.type).header('content-disposition', `attachment; filename="${encodeURIComponent(out.file)}"`);
      return out.text;
    },
  });
}
